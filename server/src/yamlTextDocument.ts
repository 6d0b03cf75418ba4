// An open file stored as its YAML documents (the chunks of splitDocuments), so that a keystroke costs the
// document it touches, not the file. vscode-languageserver-textdocument keeps one string: each edit builds a
// new one and flattens it, which at 1,000 documents (2 MB) took 5–10 ms per keystroke before anything else
// ran, and every reader of the text (splitting, the chunk under the cursor) then scanned the whole file again.
// Here an edit changes the texts of the documents it touches, re-splits only those (splitUntil), and shifts
// the later ones; the whole text is joined only when someone asks for it.
//
// Positions follow the LSP rules of TextDocument (a line ends at \n, \r\n or \r; a character past the end of
// a line is the line's end). A lone \r (a line end to LSP, not to the chunk splitter, which counts \n) is
// rare enough that such a text is kept as a plain TextDocument, with the chunks split from its whole text.
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { isDocumentMarker, splitDocuments, splitUntil, type Chunk } from '../../simulator/src/view';

const LONE_CR = /\r(?!\n)/;

const lineBreaks = (text: string, from = 0, to = text.length): number => {
  let n = 0;
  for (let o = text.indexOf('\n', from); o !== -1 && o < to; o = text.indexOf('\n', o + 1)) n++;
  return n;
};

/** A document whose start does not depend on what comes before it (see splitUntil). */
const startsWithMarker = (c: Chunk): boolean => c.text.charCodeAt(0) === 45 /* - */ && isDocumentMarker(c.text);

/** Index of the last chunk whose `key` is at most `value` (chunks are in file order; the first starts at 0). */
function lastAtOrBefore(chunks: readonly Chunk[], key: 'startLine' | 'startOffset', value: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid]![key] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class YamlTextDocument {
  /** Set while the text is kept whole (a lone \r); `parts` are then split from it on demand. */
  private flat: TextDocument | undefined;
  private split: Chunk[] = [];
  /** A text not split yet (a document just opened): split on first use, which the server's copy of a large file
   * opened meets only at its first edit or request, not while the diagnostics worker analyses it. */
  private unsplit: string | undefined;
  private length = 0;
  private joined: string | undefined;
  /** How many documents hold `{{` (a chart template's action may), kept edit by edit; undefined until asked. */
  private braced: number | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    content: string,
  ) {
    this.reset(content);
  }

  private get parts(): Chunk[] {
    if (this.unsplit !== undefined) {
      this.split = splitDocuments(this.unsplit);
      this.unsplit = undefined;
    }
    return this.split;
  }

  private set parts(parts: Chunk[]) {
    this.unsplit = undefined;
    this.split = parts;
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    if (this.flat) return this.flat.lineCount;
    const last = this.parts[this.parts.length - 1]!;
    return last.startLine + lineBreaks(last.text) + 1;
  }

  /** The file's YAML documents: splitDocuments(getText()), kept up to date edit by edit. */
  chunks(): readonly Chunk[] {
    if (this.flat && this.parts.length === 0) this.parts = splitDocuments(this.flat.getText());
    return this.parts;
  }

  /**
   * Whether some document holds `{{`: only then may the file be a chart template (looksLikeTemplate). Counted
   * once, then kept up to date by each edit from the documents it replaced, so that asking after a keystroke
   * does not scan a 2 MB file again (it did on every version, for every request).
   */
  mayBeTemplate(): boolean {
    this.braced ??= countBraced(this.chunks());
    return this.braced > 0;
  }

  /** The document containing a 0-based line; undefined past the end of the text (as chunkAt(text, line)). */
  chunkAt(line: number): Chunk | undefined {
    const chunks = this.chunks();
    if (line < 0) return undefined;
    const chunk = chunks[lastAtOrBefore(chunks, 'startLine', line)];
    return chunk && line <= chunk.startLine + lineBreaks(chunk.text) ? chunk : undefined;
  }

  get textLength(): number {
    return this.flat ? this.flat.getText().length : this.length;
  }

  getText(range?: Range): string {
    if (this.flat) return this.flat.getText(range);
    this.joined ??= this.parts.map((c) => c.text).join('');
    return range ? this.joined.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.joined;
  }

  offsetAt(position: Position): number {
    if (this.flat) return this.flat.offsetAt(position);
    if (position.line < 0) return 0;
    const chunk = this.parts[lastAtOrBefore(this.parts, 'startLine', position.line)]!;
    const text = chunk.text;
    let start = 0;
    for (let l = chunk.startLine; l < position.line; l++) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) return this.length; // past the last line
      start = nl + 1;
    }
    if (position.character <= 0) return chunk.startOffset + start;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    else if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return chunk.startOffset + Math.min(start + position.character, end);
  }

  positionAt(offset: number): Position {
    if (this.flat) return this.flat.positionAt(offset);
    offset = Math.max(0, Math.min(offset, this.length));
    const chunk = this.parts[lastAtOrBefore(this.parts, 'startOffset', offset)]!;
    const local = offset - chunk.startOffset;
    const lineStart = local === 0 ? 0 : chunk.text.lastIndexOf('\n', local - 1) + 1;
    // An offset between \r and \n is on the line they end, at its end (as TextDocument says).
    const character = local > lineStart && chunk.text.charCodeAt(local - 1) === 13 ? local - 1 : local;
    return { line: chunk.startLine + lineBreaks(chunk.text, 0, local), character: character - lineStart };
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) this.reset(change.text);
      else if (this.flat) {
        TextDocument.update(this.flat, [change], version);
        this.parts = [];
        this.braced = undefined;
      } else this.edit(change.range, change.text);
    }
    this._version = version;
  }

  private reset(content: string): void {
    this.joined = undefined;
    this.braced = undefined;
    if (LONE_CR.test(content)) {
      this.flat = TextDocument.create(this.uri, this.languageId, this._version, content);
      this.parts = [];
    } else {
      this.flat = undefined;
      this.unsplit = content;
      this.joined = content;
      this.length = content.length;
    }
  }

  private edit(range: Range, newText: string): void {
    const ordered =
      range.start.line > range.end.line ||
      (range.start.line === range.end.line && range.start.character > range.end.character)
        ? { start: range.end, end: range.start }
        : range;
    const s = this.offsetAt(ordered.start);
    const e = this.offsetAt(ordered.end);
    const parts = this.parts;
    let first = lastAtOrBefore(parts, 'startOffset', s);
    const last = lastAtOrBefore(parts, 'startOffset', e);
    // Back to a document that starts with a `---` line the edit leaves whole (its first four characters).
    while (first > 0 && !(startsWithMarker(parts[first]!) && parts[first]!.startOffset + 4 <= s)) first--;
    const next = parts[last + 1];
    const from = parts[first]!.startOffset;
    const before = parts
      .slice(first, last + 1)
      .map((c) => c.text)
      .join('');
    const edited = before.slice(0, s - from) + newText + before.slice(e - from);
    // The window ends with the next document's text, whose start is where the new split must agree.
    const window = next ? edited + next.text : edited;
    const resplit = splitUntil(window, edited.length);
    const shape = window.charCodeAt(s - from - 1) === 13 || LONE_CR.test(newText) ? undefined : resplit;
    if (!shape || (next && !startsWithMarker(next))) {
      // Rare: a lone \r, or an edit whose effect reaches past the next document: split the whole text.
      const whole = this.getText();
      this.reset(whole.slice(0, s) + newText + whole.slice(e));
      return;
    }
    const base = parts[first]!;
    const fresh = shape.map((c) => ({
      text: c.text,
      startLine: base.startLine + c.startLine,
      startOffset: from + c.startOffset,
    }));
    const delta = newText.length - (e - s);
    const lines = base.startLine + lineBreaks(edited) - (next?.startLine ?? 0);
    if (this.braced !== undefined) this.braced += countBraced(fresh) - countBraced(parts.slice(first, last + 1));
    // The documents after the edit move: new objects (an analysis may hold the old ones), built as literals in a
    // preallocated list. Spreading each (`{ ...c }`) and the three lists cost 0.3 ms a keystroke at 1,000
    // documents on the thread that answers the completion sent with it.
    const moved = parts.length - last - 1;
    const updated = new Array<Chunk>(first + fresh.length + moved);
    for (let i = 0; i < first; i++) updated[i] = parts[i]!;
    for (let i = 0; i < fresh.length; i++) updated[first + i] = fresh[i]!;
    for (let i = 0, at = first + fresh.length; i < moved; i++) {
      const c = parts[last + 1 + i]!;
      updated[at + i] = { text: c.text, startLine: c.startLine + lines, startOffset: c.startOffset + delta };
    }
    this.parts = updated;
    this.length += delta;
    this.joined = undefined;
  }
}

const countBraced = (chunks: readonly Chunk[]): number => chunks.filter((c) => c.text.includes('{{')).length;

/** For TextDocuments: documents are created and updated in place as YamlTextDocuments. */
export const yamlTextDocuments: TextDocumentsConfiguration<YamlTextDocument> = {
  create: (uri, languageId, version, content) => new YamlTextDocument(uri, languageId, version, content),
  update: (doc, changes, version) => {
    doc.update(changes, version);
    return doc;
  },
};
