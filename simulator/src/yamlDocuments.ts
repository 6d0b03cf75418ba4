// Splitting a YAML stream into its documents without parsing it: a `---` (or `...`) marker at the start
// of a line always ends the previous document, even inside a block scalar, so each chunk can be parsed,
// validated and cached on its own. This is what makes an edit cost one document, not the whole file.

export interface Chunk {
  /** The chunk's text, from its marker line (inclusive) to the next marker line (exclusive). */
  text: string;
  /** 0-based line and offset of the chunk's first character in the file. */
  startLine: number;
  startOffset: number;
}

const MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;

export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let offset = 0;
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl === -1 ? text.length : nl;
    const c = text.charCodeAt(offset);
    if (offset !== chunkStart && (c === 45 /* - */ || c === 46) /* . */ && MARKER.test(text.slice(offset, Math.min(end, offset + 4)))) {
      chunks.push({ text: text.slice(chunkStart, offset), startLine: chunkLine, startOffset: chunkStart });
      chunkStart = offset;
      chunkLine = line;
    }
    if (nl === -1) break;
    offset = nl + 1;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), startLine: chunkLine, startOffset: chunkStart });
  return chunks;
}
