// Finding the one YAML document under the cursor without touching the rest of the file: a `---` (or
// `...`) marker at the start of a line always ends a document, so a line scan is enough. Only that
// document is parsed, which keeps completion and hover cheap on files with hundreds of documents.
import { parseDocument, type Document } from 'yaml';
import { KUBERNETES_YAML_OPTIONS } from '../../../simulator/src/index';
import { MAX_DOC_CHARS } from '../limits';

export interface DocChunk {
  /** Text of the document, from its marker line (inclusive) to the next marker line (exclusive). */
  text: string;
  /** 0-based line and offset of the chunk in the file. */
  startLine: number;
  startOffset: number;
}

function isMarkerAt(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  if (c !== 45 && c !== 46) return false;
  if (text.charCodeAt(offset + 1) !== c || text.charCodeAt(offset + 2) !== c) return false;
  const next = text.charCodeAt(offset + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/** The document containing a line, or undefined when the line is past the end of the text. */
export function chunkAt(text: string, line: number): DocChunk | undefined {
  if (line < 0) return undefined;
  let chunkStart = 0;
  let chunkLine = 0;
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return undefined;
    offset = nl + 1;
    if (isMarkerAt(text, offset)) {
      chunkStart = offset;
      chunkLine = l + 1;
    }
  }
  let end = text.length;
  for (let o = text.indexOf('\n', offset); o !== -1; o = text.indexOf('\n', o + 1)) {
    if (isMarkerAt(text, o + 1)) {
      end = o + 1;
      break;
    }
  }
  return { text: text.slice(chunkStart, end), startLine: chunkLine, startOffset: chunkStart };
}

/** Every document of a file (used only for cross-document lookups such as a Service's pods). */
export function allChunks(text: string): DocChunk[] {
  const out: DocChunk[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  for (let o = text.indexOf('\n'); o !== -1; o = text.indexOf('\n', o + 1)) {
    line++;
    if (isMarkerAt(text, o + 1)) {
      out.push({ text: text.slice(start, o + 1), startLine, startOffset: start });
      start = o + 1;
      startLine = line;
    }
  }
  out.push({ text: text.slice(start), startLine, startOffset: start });
  return out;
}

/** The chunk's lines without line breaks (a trailing `\r` is dropped). */
export function chunkLines(chunk: DocChunk): string[] {
  return chunk.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Offset in the chunk of a file position (the character is clamped to the line). */
export function chunkOffset(chunk: DocChunk, line: number, character: number): number {
  let offset = 0;
  for (let l = chunk.startLine; l < line; l++) {
    const nl = chunk.text.indexOf('\n', offset);
    if (nl === -1) return chunk.text.length;
    offset = nl + 1;
  }
  let lineEnd = chunk.text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = chunk.text.length;
  return Math.min(offset + Math.max(0, character), lineEnd);
}

/** File position of an offset in the chunk. */
export function chunkPosition(chunk: DocChunk, offset: number): { line: number; character: number } {
  let line = chunk.startLine;
  let lineStart = 0;
  for (let o = chunk.text.indexOf('\n'); o !== -1 && o < offset; o = chunk.text.indexOf('\n', o + 1)) {
    line++;
    lineStart = o + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * A copy of a string that does not share memory with the string it was sliced from (V8 keeps the whole
 * file alive behind a slice; cached entries must not).
 */
export function ownCopy(s: string): string {
  return (s + ' ').slice(0, -1);
}

const PARSED = new Map<string, Document.Parsed>();
const PARSED_SIZE = 8;

/**
 * Parses one document with Kubernetes' YAML 1.1 rules; never throws (errors stay on the document). With
 * `cache`, the last few results are kept (hover is asked again and again over an unchanged document);
 * callers must not modify the returned document.
 */
export function parseChunk(text: string, cache = false): Document.Parsed | undefined {
  if (text.length > MAX_DOC_CHARS) return undefined;
  if (!cache) return parseUncached(text);
  const cached = PARSED.get(text);
  if (cached) return cached;
  const own = ownCopy(text);
  const doc = parseUncached(own);
  if (doc) {
    if (PARSED.size >= PARSED_SIZE) PARSED.delete(PARSED.keys().next().value as string);
    PARSED.set(own, doc);
  }
  return doc;
}

function parseUncached(text: string): Document.Parsed | undefined {
  // a chunk opened by a `...` end marker: blank the marker so the rest parses as a document
  const source = text.startsWith('...') ? `   ${text.slice(3)}` : text;
  try {
    return parseDocument(source, { ...KUBERNETES_YAML_OPTIONS, prettyErrors: false, uniqueKeys: false });
  } catch {
    return undefined;
  }
}
