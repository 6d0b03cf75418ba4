// A port of Go's text/tabwriter layout (no flags: left-aligned, padded with spaces), which is what kubectl
// uses for both `get` (minwidth 6, padding 3: k8s.io/cli-runtime printers.GetNewTabWriter) and `describe`
// (minwidth 0, padding 2: describe.go tabbedString).
//
// Cells are terminated by '\t'; the text after the last tab of a line is not part of any column and is never
// padded. A column block is a run of consecutive lines that all have a tab-terminated cell in that column;
// each block gets its own width = max(cell width) + padding (at least minwidth). Widths count code points.

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/** kubectl get (cli-runtime printers: minwidth 6, tabwidth 4, padding 3). */
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** kubectl describe (tabbedString: minwidth 0, tabwidth 8, padding 2). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

function width(cell: string): number {
  let n = 0;
  for (const _ of cell) n++;
  return n;
}

export function tabwrite(text: string, opts: TabwriterOptions): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] as string[];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j] as string;
        s += c;
        // Only tab-terminated cells are padded; they always have a width on the stack when written.
        if (j < cells.length - 1) s += ' '.repeat(Math.max(0, (widths[j] ?? 0) - width(c)));
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let i = line0;
    while (i < line1) {
      const cells = lines[i] as string[];
      if (column >= cells.length - 1) {
        i++;
        continue;
      }
      // A cell exists in this column: flush the lines before the block, then measure the block.
      writeLines(line0, i);
      line0 = i;
      let w = opts.minwidth;
      for (; i < line1; i++) {
        const l = lines[i] as string[];
        if (column >= l.length - 1) break;
        const cw = width(l[column] as string) + opts.padding;
        if (cw > w) w = cw;
      }
      widths.push(w);
      format(line0, i);
      widths.pop();
      line0 = i;
      // Go's loop increments past the line that ended the block; it has no cell in this column anyway.
      i++;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
