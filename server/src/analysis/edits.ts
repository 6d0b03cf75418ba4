// The one YAML edit helper: text edits computed from the document's source ranges (the `yaml` library's node
// ranges, through DocContext) and line text. Block-style YAML gets block-style insertions at the right
// indentation; flow-style collections (`{ a: 1 }`, `[80]`) get flow text. Every helper returns undefined when
// it cannot produce a safe edit (no quick fix is then offered). fixes.ts turns fix data into these edits.
import { stringify } from 'yaml';
import type { Path, Range } from '../../../simulator/src/index';
import type { DocContext, Edit } from '../rules/types';
import { get, isObj } from '../rules/support/data';

const STRINGIFY = { version: '1.1', indent: 2, lineWidth: 0, minContentWidth: 0 } as const;

/** A scalar as YAML text (quoted when YAML 1.1 would read it as something else). */
export function scalarText(v: string | number | boolean): string {
  return stringify(v, STRINGIFY).replace(/\n$/, '');
}

/** A value as single-line flow YAML: `{ cpu: 100m, memory: 128Mi }`, `[80, 443]`. */
function flowText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flowText).join(', ')}]`;
  if (isObj(v)) {
    const entries = Object.entries(v).map(([k, x]) => `${scalarText(k)}: ${flowText(x)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return scalarText(v);
  return 'null';
}

/** `key: value` as block YAML lines (no indentation, no trailing newline). */
function blockLines(key: string, value: unknown): string[] {
  return stringify({ [key]: value }, STRINGIFY)
    .replace(/\n$/, '')
    .split('\n');
}

function charAt(doc: DocContext, r: Range): string {
  return doc.lineText(r.start.line).charAt(r.start.character);
}

function pos(line: number, character: number): Range['start'] {
  return { line, character };
}

/** Where to insert before the closing bracket of a flow collection: after its last entry (`{ a: 1 }` → after `1`). */
function beforeClosing(doc: DocContext, r: Range, bracket: '}' | ']'): Range['start'] | undefined {
  const line = doc.lineText(r.end.line);
  const closing = r.end.character - 1;
  if (line.charAt(closing) !== bracket) return undefined;
  let c = closing;
  while (c > 0 && line.charAt(c - 1) === ' ') c--;
  const prev = line.charAt(c - 1);
  // Keep `{}`/`[]` and a bracket alone on its line as they are: insert right before the bracket.
  return pos(r.end.line, c === 0 || prev === '{' || prev === '[' ? closing : c);
}

/** Whether the node at `path` exists in the source as a flow collection (`{…}` or `[…]`). */
function isFlow(doc: DocContext, path: Path): boolean {
  const c = charAt(doc, doc.range(path));
  return c === '{' || c === '[';
}

/** The column of the keys of the block mapping at `mapPath`. */
function keyIndent(doc: DocContext, mapPath: Path): number | undefined {
  const m = get(doc.value, mapPath);
  if (!isObj(m)) return undefined;
  for (const k of Object.keys(m)) {
    const r = doc.keyRange(mapPath, k);
    if (r) return r.start.character;
  }
  return undefined;
}

/** Replace the value at `path` (a scalar in the source) with `text`. */
export function replaceValue(doc: DocContext, path: Path, text: string): Edit {
  return { range: doc.range(path), newText: text };
}

/** Inserts block lines (already relative to column 0) right after the end of the block node at `path`. */
function insertAfterBlock(doc: DocContext, path: Path, indented: string[]): Edit {
  const end = doc.range(path).end;
  if (end.character === 0) return { range: { start: end, end }, newText: indented.map((l) => `${l}\n`).join('') };
  return { range: { start: end, end }, newText: indented.map((l) => `\n${l}`).join('') };
}

/**
 * Adds `key: value` to the mapping at `mapPath` (which must exist in the source and not already have `key`).
 * Block mappings get block lines at the keys' column; an empty `{}` that is the value of a block key becomes a
 * block; other flow mappings get `, key: value` before the closing brace.
 */
export function insertEntry(doc: DocContext, mapPath: Path, key: string, value: unknown): Edit | undefined {
  const m = get(doc.value, mapPath);
  if (!isObj(m) || Object.prototype.hasOwnProperty.call(m, key)) return undefined;
  const r = doc.range(mapPath);
  if (charAt(doc, r) === '{') {
    const last = mapPath[mapPath.length - 1];
    const parentPath = mapPath.slice(0, -1);
    const parentKey = typeof last === 'string' ? doc.keyRange(parentPath, last) : undefined;
    if (Object.keys(m).length === 0 && parentKey && !isFlow(doc, parentPath) && parentKey.end.line === r.start.line) {
      const indent = ' '.repeat(parentKey.start.character + 2);
      const lines = blockLines(key, value).map((l) => indent + l);
      return { range: { start: parentKey.end, end: r.end }, newText: `:\n${lines.join('\n')}` };
    }
    const at = beforeClosing(doc, r, '}');
    if (!at) return undefined;
    const before = Object.keys(m).length === 0 ? '' : ', ';
    return { range: { start: at, end: at }, newText: `${before}${scalarText(key)}: ${flowText(value)}` };
  }
  const indent = keyIndent(doc, mapPath);
  if (indent === undefined) return undefined;
  return insertAfterBlock(
    doc,
    mapPath,
    blockLines(key, value).map((l) => ' '.repeat(indent) + l),
  );
}

/**
 * Sets `key` in the mapping at `basePath + keys[0..n-2]` to `value`, creating the intermediate mappings that
 * are missing (e.g. `metadata.labels` under a pod template that has no metadata).
 */
export function insertNested(
  doc: DocContext,
  basePath: Path,
  keys: readonly string[],
  value: unknown,
): Edit | undefined {
  let path = [...basePath];
  let i = 0;
  while (i < keys.length - 1) {
    const next = get(doc.value, [...path, keys[i] as string]);
    if (next === undefined) break;
    if (!isObj(next)) return undefined;
    path = [...path, keys[i] as string];
    i++;
  }
  let nested: unknown = value;
  for (let j = keys.length - 1; j > i; j--) nested = { [keys[j] as string]: nested };
  return insertEntry(doc, path, keys[i] as string, nested);
}

/** Sets a scalar: replaces the existing scalar value of `key`, or inserts `key: value`. */
export function setScalar(
  doc: DocContext,
  mapPath: Path,
  key: string,
  value: string | number | boolean,
): Edit | undefined {
  const m = get(doc.value, mapPath);
  if (!isObj(m)) return undefined;
  if (Object.prototype.hasOwnProperty.call(m, key)) {
    const cur = m[key];
    if (cur === null || typeof cur === 'object') return undefined;
    return replaceValue(doc, [...mapPath, key], scalarText(value));
  }
  return insertEntry(doc, mapPath, key, value);
}

/** Whether only whitespace precedes `character` on `line`. */
function onlySpaceBefore(doc: DocContext, line: number, character: number): boolean {
  return doc.lineText(line).slice(0, character).trim() === '';
}

/** The range from the start of `start`'s line to the start of the line after the node that ends at `end`. */
function wholeLines(startLine: number, end: Range['end']): Range {
  return { start: pos(startLine, 0), end: end.character === 0 ? end : pos(end.line + 1, 0) };
}

/** Deletes `key` and its value from a block mapping (only when the key starts its own line). */
export function deleteKey(doc: DocContext, mapPath: Path, key: string): Edit | undefined {
  const m = get(doc.value, mapPath);
  if (!isObj(m) || !Object.prototype.hasOwnProperty.call(m, key) || isFlow(doc, mapPath)) return undefined;
  const kr = doc.keyRange(mapPath, key);
  if (!kr || !onlySpaceBefore(doc, kr.start.line, kr.start.character)) return undefined;
  const vr = m[key] === null ? kr : doc.range([...mapPath, key]);
  return { range: wholeLines(kr.start.line, vr.end), newText: '' };
}

/** Deletes item `index` of a block sequence (only when its `- ` starts its own line). */
export function deleteSeqItem(doc: DocContext, seqPath: Path, index: number): Edit | undefined {
  const s = get(doc.value, seqPath);
  if (!Array.isArray(s) || index < 0 || index >= s.length || isFlow(doc, seqPath)) return undefined;
  const r = doc.range([...seqPath, index]);
  const before = doc.lineText(r.start.line).slice(0, r.start.character);
  if (!/^\s*-\s*$/.test(before)) return undefined;
  return { range: wholeLines(r.start.line, r.end), newText: '' };
}

/** Appends an item to the sequence at `seqPath` (block: `- …` lines at the items' column; flow: `, item`). */
export function appendSeqItem(doc: DocContext, seqPath: Path, value: unknown): Edit | undefined {
  const s = get(doc.value, seqPath);
  if (!Array.isArray(s)) return undefined;
  const r = doc.range(seqPath);
  if (charAt(doc, r) === '[') {
    const at = beforeClosing(doc, r, ']');
    if (!at) return undefined;
    return { range: { start: at, end: at }, newText: `${s.length === 0 ? '' : ', '}${flowText(value)}` };
  }
  if (s.length === 0) return undefined;
  const first = doc.range([...seqPath, 0]);
  const line = doc.lineText(first.start.line);
  const dash = line.lastIndexOf('-', first.start.character - 1);
  if (dash < 0 || line.slice(0, dash).trim() !== '') return undefined;
  const itemIndent = first.start.character - dash;
  const body =
    isObj(value) || Array.isArray(value)
      ? stringify(value, STRINGIFY).replace(/\n$/, '').split('\n')
      : [flowText(value)];
  const lines = body.map((l, i) =>
    i === 0 ? `${' '.repeat(dash)}-${' '.repeat(itemIndent - 1)}${l}` : `${' '.repeat(first.start.character)}${l}`,
  );
  return insertAfterBlock(doc, seqPath, lines);
}

/**
 * Replaces the value of `key` in the block mapping at `mapPath` with `value` written as a block under the key
 * (`resources: {}` → `resources:` + indented lines). Works for flow, scalar, empty and block values.
 */
export function replaceEntry(doc: DocContext, mapPath: Path, key: string, value: unknown): Edit | undefined {
  const m = get(doc.value, mapPath);
  if (!isObj(m) || !Object.prototype.hasOwnProperty.call(m, key) || isFlow(doc, mapPath)) return undefined;
  const kr = doc.keyRange(mapPath, key);
  if (!kr) return undefined;
  const indent = ' '.repeat(kr.start.character + 2);
  const body = (
    isObj(value) || Array.isArray(value)
      ? stringify(value, STRINGIFY).replace(/\n$/, '').split('\n')
      : [flowText(value)]
  ).map((l) => indent + l);
  if (m[key] === null || m[key] === undefined) {
    const colon = doc.lineText(kr.end.line).indexOf(':', kr.end.character);
    if (colon < 0) return undefined;
    return { range: { start: kr.end, end: pos(kr.end.line, colon + 1) }, newText: `:\n${body.join('\n')}` };
  }
  const vr = doc.range([...mapPath, key]);
  return {
    range: { start: kr.end, end: vr.end },
    newText: `:\n${body.join('\n')}${vr.end.character === 0 ? '\n' : ''}`,
  };
}

/**
 * Adds `key: value` as the FIRST entry of the block mapping at `mapPath`, at its keys' indentation (a
 * required field such as a container's `name` goes first, before `- image:`).
 */
export function insertFirst(doc: DocContext, mapPath: Path, key: string, value: unknown): Edit | undefined {
  const m = get(doc.value, mapPath);
  if (!isObj(m) || Object.prototype.hasOwnProperty.call(m, key) || isFlow(doc, mapPath)) return undefined;
  const first = Object.keys(m)[0];
  const kr = first === undefined ? undefined : doc.keyRange(mapPath, first);
  if (!kr) return undefined;
  const indent = doc.lineText(kr.start.line).slice(0, kr.start.character);
  if (!/^[ -]*$/.test(indent)) return undefined;
  return {
    range: { start: kr.start, end: kr.start },
    newText: `${scalarText(key)}: ${flowText(value)}\n${indent.replace(/-/g, ' ')}`,
  };
}

/** Renames the key at the end of `path` (its value stays). */
export function renameKey(doc: DocContext, path: Path, to: string): Edit | undefined {
  const key = path[path.length - 1];
  const kr = typeof key === 'string' ? doc.keyRange(path.slice(0, -1), key) : undefined;
  return kr ? { range: kr, newText: scalarText(to) } : undefined;
}
