// Where the cursor is in a YAML document, worked out from indentation rather than from a full parse, so
// that it works on the half-typed line being edited: in key position of a mapping (which one: its path),
// or in value position of a field or list item. Flow collections are handed to flowScan.
import type { Path } from '../../../simulator/src/index';
import { flowPosition } from './flowScan';

export interface CursorContext {
  mode: 'key' | 'value';
  /** Key mode: path of the mapping (or, when it turns out to be a list, of the list). Value mode: the value's path. */
  path: Path;
  /** Key mode: keys already present in the mapping. */
  present: Set<string>;
  /** Block key mode: column of the key (list mode: of the dash). */
  col: number;
  flow: boolean;
  /** The cursor line starts a new list item (`- `). */
  newItem: boolean;
  /** A `:` already follows the word (key mode). */
  hasColon: boolean;
  /** Text must start with a space (cursor right after `key:` or `-`). */
  needsSpace: boolean;
  /** Characters of the cursor line replaced by a completion. */
  start: number;
  end: number;
  partial: string;
}

interface Entry {
  col: number;
  key?: string;
  index?: number;
  open: boolean;
  children: Set<string>;
}
interface Lexed {
  indent: number;
  dashes: number[];
  key?: string;
  keyCol: number;
  value: string;
  valueCol: number;
  dashAtEnd: boolean;
}

const KEY_RE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],&*!|>%@`][^#]*?))[ \t]*:(?=[ \t]|$)/;
const WORD_STOP = new Set([' ', '\t', ',', '{', '}', '[', ']', ':', '"', "'", '#']);

function lex(s: string): Lexed | undefined {
  let i = 0;
  while (s[i] === ' ' || s[i] === '\t') i++;
  if (i >= s.length || s[i] === '#') return undefined;
  const indent = i;
  const dashes: number[] = [];
  let dashAtEnd = false;
  while (s[i] === '-' && (i + 1 >= s.length || s[i + 1] === ' ' || s[i + 1] === '\t')) {
    dashes.push(i);
    if (i + 1 >= s.length) dashAtEnd = true;
    i++;
    while (s[i] === ' ' || s[i] === '\t') i++;
  }
  const rest = s.slice(i);
  const m = KEY_RE.exec(rest);
  if (!m) return { indent, dashes, keyCol: i, value: rest.trimEnd(), valueCol: i, dashAtEnd };
  let v = i + m[0].length;
  while (s[v] === ' ' || s[v] === '\t') v++;
  return {
    indent,
    dashes,
    key: m[1] ?? m[2] ?? m[3] ?? '',
    keyCol: i,
    value: s.slice(v).trimEnd(),
    valueCol: v,
    dashAtEnd,
  };
}

type ValueKind = 'empty' | 'block' | 'flow' | 'scalar';
function valueKind(raw: string): ValueKind {
  const v = raw.replace(/^(?:[&!]\S*\s*)+/, '');
  if (v === '' || v.startsWith('#')) return 'empty';
  if (/^[|>][0-9+-]*\s*(#.*)?$/.test(v)) return 'block';
  if (v[0] === '{' || v[0] === '[') return 'flow';
  return 'scalar';
}

/** Change of flow-bracket depth over a line (quotes and comments skipped). */
function bracketDelta(s: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(s[i - 1] as string))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1] as string))) break;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth;
}

const indentOf = (s: string): number => s.length - s.trimStart().length;
const isBlank = (s: string): boolean => s.trim() === '' || s.trimStart().startsWith('#');

class Stack {
  readonly entries: Entry[] = [];
  readonly root: Entry = { col: -1, open: true, children: new Set() };
  top(): Entry {
    return this.entries[this.entries.length - 1] ?? this.root;
  }
  path(): Path {
    return this.entries.map((e) => (e.key !== undefined ? e.key : (e.index ?? 0)));
  }
  item(col: number): void {
    const e = this.entries;
    for (
      let t = this.top();
      e.length > 0 && (t.col > col || (t.col === col && t.key !== undefined && !t.open));
      t = this.top()
    )
      e.pop();
    const t = this.top();
    let index = 0;
    if (e.length > 0 && t.index !== undefined && t.col === col) {
      index = t.index + 1;
      e.pop();
    }
    e.push({ col, index, open: true, children: new Set() });
  }
  key(col: number, key: string, open: boolean): void {
    this.popTo(col);
    this.top().children.add(key);
    this.entries.push({ col, key, open, children: new Set() });
  }
  popTo(col: number): void {
    while (this.entries.length > 0 && this.top().col >= col) this.entries.pop();
  }
}

/** Keys at exactly `col` below the cursor line, up to the end of the block. */
function keysBelow(lines: readonly string[], row: number, col: number): string[] {
  const out: string[] = [];
  for (let r = row + 1; r < lines.length; r++) {
    const lx = lex(lines[r] as string);
    if (!lx) continue;
    const first = lx.dashes[0] ?? lx.keyCol;
    if (first < col) break;
    if (lx.dashes.length === 0 && lx.keyCol === col && lx.key !== undefined) out.push(lx.key);
  }
  return out;
}

function wordBounds(line: string, character: number): [number, number] {
  let start = character;
  while (start > 0 && !WORD_STOP.has(line[start - 1] as string)) start--;
  let end = character;
  while (end < line.length && !WORD_STOP.has(line[end] as string)) end++;
  return [start, end];
}

function base(mode: 'key' | 'value', path: Path, line: string, character: number): CursorContext {
  const [start, end] = wordBounds(line, character);
  return {
    mode,
    path,
    present: new Set(),
    col: 0,
    flow: false,
    newItem: false,
    hasColon: /^[ \t]*:/.test(line.slice(end)),
    needsSpace: false,
    start,
    end,
    partial: line.slice(start, character),
  };
}

function inFlow(
  lines: readonly string[],
  row: number,
  character: number,
  fromRow: number,
  fromCol: number,
  basePath: Path,
): CursorContext | undefined {
  const line = lines[row] as string;
  const ctx = base('key', basePath, line, character);
  const head =
    fromRow === row
      ? line.slice(fromCol, ctx.start)
      : [(lines[fromRow] as string).slice(fromCol), ...lines.slice(fromRow + 1, row), line.slice(0, ctx.start)].join(
          '\n',
        );
  const tail = [line.slice(ctx.end), ...lines.slice(row + 1, row + 200)].join('\n');
  const pos = flowPosition(
    head + line.slice(ctx.start, ctx.end) + tail,
    head.length,
    head.length + ctx.end - ctx.start,
  );
  if (!pos) return undefined;
  ctx.mode = pos.mode;
  ctx.path = [...basePath, ...pos.path];
  ctx.present = pos.present;
  ctx.flow = true;
  ctx.needsSpace = pos.mode === 'value' && line[ctx.start - 1] === ':';
  return ctx;
}

/** The cursor context at (row, character) of a document's lines, or undefined where nothing can be offered. */
export function cursorContext(lines: readonly string[], row: number, character: number): CursorContext | undefined {
  const stack = new Stack();
  let blockScalarCol = -1;
  let flow: { row: number; col: number; path: Path; depth: number; indent: number } | undefined;
  for (let r = 0; r < row; r++) {
    const s = lines[r] as string;
    // flow content must be indented more than the line that opened it; a line that is not ends a broken flow
    if (flow && (isBlank(s) || indentOf(s) > flow.indent)) {
      flow.depth += bracketDelta(s);
      if (flow.depth <= 0) flow = undefined;
      continue;
    }
    flow = undefined;
    if (blockScalarCol >= 0) {
      if (isBlank(s) || indentOf(s) > blockScalarCol) continue;
      blockScalarCol = -1;
    }
    const lx = lex(s);
    if (!lx) continue;
    for (const d of lx.dashes) stack.item(d);
    const kind = valueKind(lx.value);
    if (lx.key !== undefined) stack.key(lx.keyCol, lx.key, kind === 'empty');
    if (kind === 'block')
      blockScalarCol = lx.key !== undefined ? lx.keyCol : (lx.dashes[lx.dashes.length - 1] ?? lx.indent);
    if (kind === 'flow') {
      const depth = bracketDelta(lx.value);
      if (depth > 0) flow = { row: r, col: lx.valueCol, path: stack.path(), depth, indent: lx.indent };
    }
  }
  const line = lines[row] ?? '';
  if (flow && (isBlank(line.slice(0, character)) ? character > flow.indent : indentOf(line) > flow.indent))
    return inFlow(lines, row, character, flow.row, flow.col, flow.path);
  const prefix = line.slice(0, character);
  if (blockScalarCol >= 0 && (isBlank(prefix) ? character > blockScalarCol : indentOf(line) > blockScalarCol))
    return undefined;
  const lx = lex(prefix) ?? {
    indent: character,
    dashes: [],
    keyCol: character,
    value: '',
    valueCol: character,
    dashAtEnd: false,
  };
  if (/^\s*#/.test(prefix)) return undefined;
  for (const d of lx.dashes) stack.item(d);
  if (lx.key !== undefined) {
    const kind = valueKind(lx.value);
    stack.popTo(lx.keyCol);
    if (kind === 'flow') return inFlow(lines, row, character, row, lx.valueCol, [...stack.path(), lx.key]);
    if (kind === 'block' || /(^|\s)#/.test(lx.value)) return undefined;
    const ctx = base('value', [...stack.path(), lx.key], line, character);
    ctx.needsSpace = prefix.endsWith(':');
    ctx.newItem = lx.dashes.length > 0;
    return ctx;
  }
  if (valueKind(lx.value) === 'flow') return inFlow(lines, row, character, row, lx.valueCol, stack.path());
  if (/\s/.test(lx.value)) return undefined; // a multi-word scalar, not a key
  const col = lx.dashAtEnd ? lx.keyCol + 1 : lx.keyCol;
  stack.popTo(col);
  const ctx = base('key', stack.path(), line, character);
  ctx.col = col;
  ctx.newItem = lx.dashes.length > 0;
  ctx.needsSpace = lx.dashAtEnd;
  if (lx.dashAtEnd) {
    ctx.start = character;
    ctx.partial = '';
  }
  ctx.present = new Set([...stack.top().children, ...keysBelow(lines, row, col)]);
  return ctx;
}
