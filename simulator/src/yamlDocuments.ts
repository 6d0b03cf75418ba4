// Splitting a YAML stream into its documents, so that each can be parsed, validated and cached on its own
// (an edit then costs one document, not the whole file) and hover and completion parse only the document
// under the cursor. Every consumer (the server's per-document analysis, hover, completion, references,
// the client's code lenses) splits here, so they agree on where documents are.
//
// The boundaries are the `yaml` library's own, without parsing document bodies:
// - A `---` or `...` line (three dashes or dots at column 0, then a space, a tab, CR, LF or the end) ends
//   whatever scalar or collection is open: YAML 1.2 §9.1.4 (c-forbidden), and the yaml lexer resets there
//   (lexer.ts: parseLineStart, continueScalar). So a plain line scan finds every place a document can end.
// - Between a document end (`...`) and the next document, and at the start of the file, the yaml CST
//   Parser itself decides what is there: a byte order mark, directives (`%YAML`), comments, a stray `...`
//   (an empty document to yaml), or the start of a bare document. It runs only until a document has
//   content, so its cost is that prefix, not the file.
// A chunk is one document with what yaml attaches to it: the comments and directives before it, its
// markers, its trailing comments and its `...`. Chunks start at line starts and, concatenated, are the
// file. Each chunk parsed alone is the document yaml parses in the stream, like kubectl, which decodes
// each document separately (k8s.io/apimachinery/pkg/util/yaml YAMLReader), so a `%TAG` does not carry over.
// One exception keeps chunks on line starts: a document that starts on a `...` line itself (`... a`,
// which is invalid YAML) shares the chunk of the document that line ends.
import { Lexer, Parser } from 'yaml';

export interface Chunk {
  /** The chunk's text: one document with its leading comments and directives, markers and end marker. */
  text: string;
  /** 0-based line and offset of the chunk's first character in the file. */
  startLine: number;
  startOffset: number;
}

const BOM = 0xfeff;

/** `---` or `...` at `offset` (a line start) followed by a space, a tab, a line break or the end. */
function markerAt(text: string, offset: number): '---' | '...' | undefined {
  const c = text.charCodeAt(offset);
  if (c !== 45 /* - */ && c !== 46 /* . */) return undefined;
  if (text.charCodeAt(offset + 1) !== c || text.charCodeAt(offset + 2) !== c) return undefined;
  const next = text.charCodeAt(offset + 3);
  if (!(Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13)) return undefined;
  return c === 45 ? '---' : '...';
}

/** A line (without its line break) that is a `---` or `...` document marker. */
export function isDocumentMarker(line: string): boolean {
  return markerAt(line, 0) !== undefined;
}

/** Number of line breaks in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let o = text.indexOf('\n', from); o !== -1 && o < to; o = text.indexOf('\n', o + 1)) n++;
  return n;
}

/**
 * Calls `emit` with each document of a YAML stream in order (at least one, maybe empty) as soon as its end
 * is known: its start offset, end offset and first line. `emit` returns true to stop there.
 */
function scanDocuments(text: string, emit: (start: number, end: number, line: number) => boolean): void {
  let regionStart = 0; // where the chunk being built starts, and its line
  let regionLine = 0;
  let open = false; // a document is open: only a marker line can end it
  let started = false; // the chunk being built already holds a document
  let pending = 0; // where the next document's chunk starts when none is open (after the last `...` line)
  let pendingLine = 0;
  let stop = false;
  let segment = 0; // the segment being read: from a marker line (or the file start) to the next one
  let segmentLine = 0;

  const boundary = (at: number, line: number): void => {
    if (at <= regionStart || stop) return;
    stop = emit(regionStart, at, regionLine);
    regionStart = at;
    regionLine = line;
  };
  const docBegins = (at: number): void => {
    if (open)
      boundary(at, segmentLine); // a `---` line: its segment's first line
    else if (started && pending <= at) boundary(pending, pendingLine);
    open = true;
    started = true;
  };
  const docEnds = (at: number): void => {
    open = false;
    const nl = text.indexOf('\n', at);
    pending = nl === -1 ? text.length : nl + 1;
    pendingLine = segmentLine + lineBreaks(text, segment, at) + (nl === -1 ? 0 : 1);
  };
  // Stream level (file start, or after a `...`): yaml's parser says what follows, until a document has
  // content (from there only a marker line can end it).
  const streamScan = (from: number, to: number): void => {
    const parser = new Parser();
    const seen = (tokens: Iterable<{ type: string; offset: number }>): void => {
      for (const token of tokens) if (token.type === 'doc-end') docEnds(from + token.offset);
    };
    let current: unknown;
    for (const lexeme of new Lexer().lex(text.slice(from, to))) {
      seen(parser.next(lexeme));
      const top = parser.stack[0];
      if (top?.type !== 'document') continue;
      if (top !== current) {
        current = top;
        docBegins(from + top.offset);
      }
      if (parser.stack.length > 1 || top.value !== undefined) return;
    }
    seen(parser.end());
  };

  while (!stop) {
    let end = text.length;
    let lines = 0;
    for (let nl = text.indexOf('\n', segment); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
      lines++;
      if (markerAt(text, nl + 1) !== undefined) {
        end = nl + 1;
        break;
      }
    }
    const bom = segment === 0 && text.charCodeAt(0) === BOM ? 1 : 0;
    const marker = markerAt(text, segment + bom);
    if (marker === '---') docBegins(segment);
    else if (marker === '...' && open) {
      docEnds(segment);
      streamScan(segment + 3, end);
    } else streamScan(segment, end);
    if (end === text.length) break;
    segment = end;
    segmentLine += lines;
  }
  if (!stop) emit(regionStart, text.length, regionLine);
}

/** Every document of a file. */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  scanDocuments(text, (start, end, line) => {
    chunks.push({ text: text.slice(start, end), startLine: line, startOffset: start });
    return false;
  });
  return chunks;
}

/**
 * The documents of `text` that end at or before `end`, when a document boundary falls exactly at `end`;
 * undefined when none does. For re-splitting only the part of a file around an edit: `text` is that part,
 * from the start of a document that begins with a `---` line (or from the file's start), since the scan's
 * state there does not depend on what came before (each `---` line begins a document), and `end` is the start
 * of the first unchanged document after the edit. When the new split has a boundary there too, every
 * document after it is the one the whole file's split gives (the same text, shifted).
 */
export function splitUntil(text: string, end: number): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  let found = false;
  scanDocuments(text, (start, stop, line) => {
    if (stop > end) return true;
    chunks.push({ text: text.slice(start, stop), startLine: line, startOffset: start });
    found = stop === end;
    return found;
  });
  return found ? chunks : undefined;
}

/** The document containing a 0-based line, or undefined past the end of the text. Reads no further than it. */
export function chunkAt(text: string, line: number): Chunk | undefined {
  if (line < 0) return undefined;
  let found: [number, number, number] | undefined;
  let past = false;
  scanDocuments(text, (start, end, startLine) => {
    past = startLine > line;
    if (!past) found = [start, end, startLine];
    return past;
  });
  if (found === undefined) return undefined;
  const [start, end, startLine] = found;
  if (!past && line > startLine + lineBreaks(text, start, end)) return undefined;
  return { text: text.slice(start, end), startLine, startOffset: start };
}

/** The chunk's lines without line breaks (a trailing `\r` is dropped). */
export function chunkLines(chunk: Chunk): string[] {
  return chunk.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Offset in the chunk of a file position (the character is clamped to the line). */
export function chunkOffset(chunk: Chunk, line: number, character: number): number {
  let offset = 0;
  for (let l = chunk.startLine; l < line; l++) {
    const nl = chunk.text.indexOf('\n', offset);
    if (nl === -1) return chunk.text.length;
    offset = nl + 1;
  }
  let lineEnd = chunk.text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = chunk.text.length;
  else if (lineEnd > offset && chunk.text.charCodeAt(lineEnd - 1) === 13) lineEnd--; // CRLF: the end is before the CR, as with LF
  return Math.min(offset + Math.max(0, character), lineEnd);
}

/** File position of an offset in the chunk. */
export function chunkPosition(chunk: Chunk, offset: number): { line: number; character: number } {
  let line = chunk.startLine;
  let lineStart = 0;
  for (let o = chunk.text.indexOf('\n'); o !== -1 && o < offset; o = chunk.text.indexOf('\n', o + 1)) {
    line++;
    lineStart = o + 1;
  }
  return { line, character: offset - lineStart };
}
