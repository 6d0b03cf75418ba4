// Helm chart templates (Go text/template over YAML) turned into YAML that the one parse path can read, as a
// pre-step on the text: every `{{ … }}` action becomes a placeholder ("hole") made of private-use characters,
// the same length as the action where possible, so every range the loader computes is a range of the
// original file. The loader (template/unknown.ts) treats anything holding a hole as unknown: no error about
// it, nothing simulated from it.
//
// Why no library: rendering needs the chart's values, the Sprig functions and Helm's `include`/`tpl`, i.e.
// Helm itself (a Go binary PodLab does not run), and the result would have no positions in the file the user
// edits. The Go template parsers on npm (and yaml-language-server's own Helm support, which only switches
// validation off) keep neither the YAML structure around an action nor its length. So this module lexes the
// actions the way text/template/parse/lex.go does (delimiters `{{`/`}}`, trim markers `{{- `/` -}}`,
// `/* */` comments, "…", `…` and '…' literals, actions spanning lines) and replaces each by shape:
// - a comment, a control action (if, else, end, range, with, define, block, break, continue) or a variable
//   assignment writes nothing: blanked with spaces (a blank line is valid anywhere in YAML, also inside a
//   block scalar). Both branches of an `if` stay as YAML; a key repeated in a later branch (the other
//   alternative, not a duplicate) gets a hole as its first character, so it is unknown instead of a
//   duplicate-key error. `define` bodies are blanked (they render only where included).
// - a line holding only output actions (`{{- include "x.labels" . | nindent 4 }}`) writes content at the
//   column `nindent`/`indent` says (else its own): a hole mapping entry `HOLE: HOLE`, or a hole sequence
//   item `- HOLE` when the lines beside it at that column are items.
// - any other output action is a hole scalar in place (a value, part of a string, a key).
import type { Range } from '../sourceRanges';
import { lexActions, type Action, type TemplateProblem } from './actions';

export type { TemplateProblem } from './actions';

/** Every character of a placeholder is in U+E000–U+E0FF (private use: not in real manifests). */
const HOLE = '\uE000';
const DIGIT0 = 0xe010; // holes carry a counter in these characters, so two keys made of holes differ
const HOLE_CHAR = /[\uE000-\uE0FF]/;
/** The characters of a comment that stands for a key's block content (`key: {{- … | nindent N }}`). */
export const OPEN = '\uE0F1';

/** The text holds a placeholder: a value of a template that PodLab cannot know. */
export function hasHole(s: string): boolean {
  return HOLE_CHAR.test(s);
}

export interface TemplateYaml {
  /** The YAML: same lines as the template; same columns except on lines an `nindent` moved. */
  text: string;
  /** The template's own syntax errors (Helm would fail to render it), in the template's coordinates. */
  problems: TemplateProblem[];
}

// A block mapping key at the start of a line (not a hole, not an item, not a comment).
const KEY_LINE = /^( *)([^\s#\-{}[\]&*!|>'"%@`\uE000-\uE0FF][^:#]*?):(?=\s|$)/;

type Kind = 'output' | 'silent' | 'open' | 'define' | 'else' | 'end';

interface Block {
  kind: 'open' | 'define';
  at: number;
  /** Keys (`indent:key`) seen in this block's branches, with the branch where each was first seen. */
  keys: Map<string, number>;
  branch: number;
}

function kindOf(body: string): Kind {
  if (body.startsWith('/*')) return 'silent';
  const word = /^[A-Za-z_]\w*/.exec(body)?.[0];
  if (word === 'if' || word === 'range' || word === 'with' || word === 'block') return 'open';
  if (word === 'define') return 'define';
  if (word === 'else') return 'else';
  if (word === 'end') return 'end';
  if (word === 'break' || word === 'continue') return 'silent';
  if (/^\$\w*\s*:?=/.test(body)) return 'silent'; // a variable assignment writes nothing
  return 'output';
}

/**
 * An output action that ends a `key:` line and starts its output on a new line (`nindent`): it writes the
 * key's block content.
 */
function startsBlock(text: string, a: Action, lineStart: number): boolean {
  if (!a.closed || !/\|\s*nindent\s+\d+\s*$/.test(a.body)) return false;
  const nl = text.indexOf('\n', a.end);
  const rest = text.slice(a.end, nl === -1 ? text.length : nl);
  return (
    rest.trim() === '' && /:\s*$/.test(text.slice(lineStart, a.start)) && /\s$/.test(text.slice(lineStart, a.start))
  );
}

/** A hole of `length` characters carrying the counter `n` (as far as it fits). */
function hole(length: number, n: number): string {
  let digits = '';
  for (let v = n; v > 0 && digits.length + 1 < length; v = Math.floor(v / 16))
    digits += String.fromCharCode(DIGIT0 + (v % 16));
  return (HOLE + digits).padEnd(length, HOLE);
}

class Lines {
  readonly starts = [0];
  constructor(readonly text: string) {
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  position(offset: number): Range['start'] {
    const line = this.lineOf(offset);
    return { line, character: offset - (this.starts[line] ?? 0) };
  }
  start(line: number): number {
    return this.starts[line] ?? this.text.length;
  }
}

/** The chart template as YAML; the text unchanged when it has no actions. */
export function templateToYaml(text: string): TemplateYaml {
  const problems: TemplateProblem[] = [];
  const lines = new Lines(text);
  const actions = lexActions(text, problems, (o) => lines.position(o));
  if (actions.length === 0) return { text, problems };

  const out = text.split(''); // one slot per UTF-16 unit: replacements keep every offset
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  const stack: Block[] = [];
  const events: { at: number; kind: Kind }[] = [];
  let counter = 0;
  let defineFrom = -1; // where the outermost `define` body starts (blanked up to its `end`)
  // Lines whose only content is actions, with at least one writing output: rewritten whole below.
  const wholeLines = new Map<number, Action[]>();

  for (const a of actions) {
    const kind = a.closed ? kindOf(a.body) : 'output';
    const inDefine = stack.some((b) => b.kind === 'define');
    const first = lines.lineOf(a.start);
    // Only blanks and earlier actions before it on its line (the line is checked whole when rewritten).
    const alone =
      a.closed &&
      lines.lineOf(a.end) === first &&
      /^[\s\uE000-\uE0FF]*$/.test(out.slice(lines.start(first), a.start).join(''));
    if (kind === 'output' && !inDefine) {
      if (alone) wholeLines.set(first, [...(wholeLines.get(first) ?? []), a]);
      if (startsBlock(text, a, lines.start(first))) {
        // `labels: {{- include "x.labels" . | nindent 4 }}`: the content starts on a new line, under the key
        // (and more entries may follow in the file). A comment of holes keeps `labels:` a block key.
        out[a.start] = ' ';
        out[a.start + 1] = '#';
        for (let i = a.start + 2; i < a.end; i++) out[i] = OPEN;
        continue;
      }
      const h = hole(a.end - a.start, ++counter);
      for (let i = a.start; i < a.end; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = h[i - a.start] ?? HOLE;
      continue;
    }
    blank(a.start, a.end);
    if (kind === 'open' || kind === 'define') {
      if (kind === 'define' && !inDefine) defineFrom = a.end;
      stack.push({ kind, at: a.start, keys: new Map(), branch: 0 });
      events.push({ at: a.start, kind });
    } else if (kind === 'else') {
      events.push({ at: a.start, kind });
    } else if (kind === 'end') {
      const top = stack.pop();
      if (top === undefined)
        problems.push({
          range: { start: lines.position(a.start), end: lines.position(a.end) },
          message: 'template: unexpected {{end}} — no {{ if }}, {{ range }}, {{ with }} or {{ define }} is open here',
        });
      else {
        events.push({ at: a.start, kind });
        if (top.kind === 'define' && !stack.some((b) => b.kind === 'define')) blank(defineFrom, a.start);
      }
    }
  }
  const open = stack[0];
  if (open !== undefined) {
    problems.push({
      range: { start: lines.position(open.at), end: lines.position(open.at + 2) },
      message: 'template: unexpected EOF — this block has no {{ end }}, so Helm cannot render the file',
    });
    const define = stack.find((b) => b.kind === 'define');
    if (define) blank(define.at, text.length);
  }
  markAlternatives(lines, events, out);
  let result = out.join('');
  if (wholeLines.size > 0) result = rewriteWholeLines(result, wholeLines, lines);
  return { text: result, problems };
}

/**
 * Both branches of an `if` are kept, so a key written once per branch (`image:` in the `if` and in the
 * `else`) would read as a duplicate key: the later branch's key gets a hole as its first character.
 */
function markAlternatives(lines: Lines, events: { at: number; kind: Kind }[], out: string[]): void {
  const stack: Block[] = [];
  let e = 0;
  for (let line = 0; line < lines.starts.length; line++) {
    const start = lines.start(line);
    for (; e < events.length && (events[e]?.at ?? Infinity) < start; e++) {
      const ev = events[e];
      if (ev?.kind === 'open' || ev?.kind === 'define')
        stack.push({ kind: 'open', at: ev.at, keys: new Map(), branch: 0 });
      else if (ev?.kind === 'else') {
        const top = stack[stack.length - 1];
        if (top) top.branch++;
      } else stack.pop();
    }
    const top = stack[stack.length - 1];
    if (top === undefined) continue;
    const end = lines.starts[line + 1] ?? out.length;
    const m = KEY_LINE.exec(out.slice(start, Math.min(end, start + 256)).join(''));
    if (!m) continue;
    const id = `${m[1]?.length ?? 0}:${m[2] ?? ''}`;
    const seen = top.keys.get(id);
    if (seen === undefined) top.keys.set(id, top.branch);
    else if (seen < top.branch) out[start + (m[1]?.length ?? 0)] = HOLE;
  }
}

/** The column an output-only line writes at: `nindent N` / `indent N` of its last action, else its own. */
function columnOf(line: string, actions: Action[]): number {
  const last = actions[actions.length - 1];
  const m = last ? /\bn?indent\s+(\d{1,3})\b/.exec(last.body) : null;
  return m ? Number(m[1]) : line.length - line.trimStart().length;
}

const isItem = (l: string, col: number) =>
  l.length > col && l.slice(0, col).trim() === '' && /^-(\s|$)/.test(l.slice(col));
const indentOf = (l: string) => l.length - l.trimStart().length;

/**
 * Each output-only line becomes a hole mapping entry at its column, or a hole sequence item when the nearest
 * line at that column above or below (within its parent) is an item.
 */
function rewriteWholeLines(text: string, wholeLines: Map<number, Action[]>, lines: Lines): string {
  const rows = text.split('\n');
  const content = (i: number) => {
    const r = rows[i] ?? '';
    return !wholeLines.has(i) && r.trim() !== '' && !r.trimStart().startsWith('#');
  };
  const neighbour = (from: number, step: number, col: number): string | undefined => {
    for (let i = from + step, n = 0; i >= 0 && i < rows.length && n < 200; i += step, n++) {
      if (!content(i)) continue;
      const r = rows[i] ?? '';
      if (indentOf(r) === col) return r;
      if (indentOf(r) < col) return undefined; // the parent: no sibling on this side
    }
    return undefined;
  };
  let counter = 0;
  for (const [i, actions] of wholeLines) {
    const row = rows[i] ?? '';
    const cr = row.endsWith('\r') ? '\r' : '';
    const bare = cr ? row.slice(0, -1) : row;
    if (!/^[\s\uE000-\uE0FF]*$/.test(bare)) continue; // text after the actions: holes in place
    const original = lines.text.slice(lines.start(i), lines.start(i) + bare.length);
    const col = columnOf(original, actions);
    const above = neighbour(i, -1, col);
    const below = neighbour(i, 1, col);
    const item = (above !== undefined && isItem(above, col)) || (below !== undefined && isItem(below, col));
    const room = Math.max(bare.length - col, 8);
    counter++;
    rows[i] =
      ' '.repeat(col) +
      (item ? `- ${hole(room - 2, counter)}` : `${hole(room - 5, counter)}: ${hole(3, counter)}`) +
      cr;
  }
  return rows.join('\n');
}
