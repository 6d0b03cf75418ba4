// Helpers for completion tests: documents with a `|` cursor marker, item lookup, and applying an item
// (its text edit and additional edits, with snippet placeholders filled in by their defaults).
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { complete } from '../../../server/src/features/completion';

export interface Cursor {
  text: string;
  position: { line: number; character: number };
}

/** Splits a document at its cursor marker (`|` by default; pass another when the YAML needs `|`). */
export function cursor(src: string, marker = '|'): Cursor {
  const i = src.indexOf(marker);
  assert.ok(i >= 0, 'no cursor marker');
  assert.equal(src.indexOf(marker, i + 1), -1, 'more than one cursor marker');
  const before = src.slice(0, i);
  const line = before.split('\n').length - 1;
  return {
    text: before + src.slice(i + marker.length),
    position: { line, character: before.length - (before.lastIndexOf('\n') + 1) },
  };
}

export function completeAt(src: string, marker = '|'): CompletionItem[] {
  const c = cursor(src, marker);
  return complete(c.text, c.position);
}

export const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

export function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item "${label}" among: ${labels(items).join(', ')}`);
  return found;
}

export const newText = (i: CompletionItem): string => (i.textEdit as TextEdit).newText;

/** Replaces snippet tab stops by their defaults (`${1:x}` → x, `${1|a,b|}` → a, `$1`/`${1}` → `x`, `$0` → ''). */
export function fillSnippet(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length) {
      out += s[++i];
    } else if (c === '$' && s[i + 1] === '{') {
      const m = /^\$\{(\d+)(?::((?:[^}\\]|\\.)*)|\|((?:[^|\\]|\\.)*)\|)?\}/.exec(s.slice(i));
      assert.ok(m, `bad tab stop at ${s.slice(i, i + 20)}`);
      const def = m[2] ?? (m[3] !== undefined ? (m[3].split(/(?<!\\),/)[0] ?? '') : m[1] === '0' ? '' : 'x');
      out += def.replace(/\\(.)/g, '$1');
      i += m[0].length - 1;
    } else if (c === '$' && /\d/.test(s[i + 1] ?? '')) {
      const m = /^\$(\d+)/.exec(s.slice(i)) as RegExpExecArray;
      out += m[1] === '0' ? '' : 'x';
      i += m[0].length - 1;
    } else out += c;
  }
  return out;
}

function offsetOf(lines: string[], p: { line: number; character: number }): number {
  let o = 0;
  for (let l = 0; l < p.line; l++) o += (lines[l] ?? '').length + 1;
  return o + p.character;
}

/** The document after accepting a completion item (placeholders filled). */
export function accept(c: Cursor, it: CompletionItem): string {
  const edits = [it.textEdit as TextEdit, ...(it.additionalTextEdits ?? [])];
  const lines = c.text.split('\n');
  const withOffsets = edits.map((e) => ({
    e,
    start: offsetOf(lines, e.range.start),
    end: offsetOf(lines, e.range.end),
  }));
  withOffsets.sort((a, b) => b.start - a.start);
  let text = c.text;
  for (const { e, start, end } of withOffsets) {
    const body = e === it.textEdit && it.insertTextFormat === 2 ? fillSnippet(e.newText) : e.newText;
    text = text.slice(0, start) + body + text.slice(end);
  }
  return text;
}
