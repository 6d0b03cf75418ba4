// A tolerant scanner for flow collections (`{ a: 1, b: [x, y] }`) that finds where the cursor is inside
// them: in key position of a flow mapping, in value position after `key:`, or in a flow sequence. It works
// on half-typed text, which the YAML parser would reject.
import type { Path } from '../../../simulator/src/index';

interface Frame {
  type: 'map' | 'seq';
  path: Path;
  key?: string;
  expectKey: boolean;
  index: number;
  keys: string[];
}

export interface FlowPosition {
  mode: 'key' | 'value';
  /** Relative to the start of the flow collection: the mapping (key mode) or the value's path. */
  path: Path;
  /** Keys already present in the mapping (key mode), before and after the cursor. */
  present: Set<string>;
}

const STOP = new Set([',', '[', ']', '{', '}']);

/** Reads a quoted or plain scalar starting at i; returns its text and the index after it. */
function readScalar(s: string, i: number, end: number): [string, number] {
  const q = s[i];
  if (q === '"' || q === "'") {
    let j = i + 1;
    while (j < end && s[j] !== q) j += s[j] === '\\' && q === '"' ? 2 : 1;
    return [s.slice(i + 1, Math.min(j, end)), Math.min(j + 1, end)];
  }
  let j = i;
  while (j < end) {
    const c = s[j] as string;
    if (STOP.has(c)) break;
    if (c === ':' && (j + 1 >= end || /[\s,[\]{}]/.test(s[j + 1] as string))) break;
    if (c === '#' && j > i && /\s/.test(s[j - 1] as string)) break;
    j++;
  }
  return [s.slice(i, j).trim(), j];
}

function childPath(top: Frame | undefined): Path {
  if (!top) return [];
  return top.type === 'map' ? [...top.path, top.key ?? ''] : [...top.path, top.index];
}

/** Runs the scanner over s[0, end) and returns the open frames. */
function scan(s: string, end: number, stack: Frame[]): void {
  let i = 0;
  while (i < end) {
    const c = s[i] as string;
    const top = stack[stack.length - 1];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1] as string))) {
      const nl = s.indexOf('\n', i);
      i = nl === -1 || nl > end ? end : nl;
    } else if (c === '{' || c === '[') {
      stack.push({ type: c === '{' ? 'map' : 'seq', path: childPath(top), expectKey: true, index: 0, keys: [] });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      if (top?.type === 'map') {
        top.expectKey = true;
        delete top.key;
      } else if (top) top.index++;
      i++;
    } else if (c === ':' && top?.type === 'map') {
      top.expectKey = false;
      i++;
    } else {
      const [text, next] = readScalar(s, i, end);
      if (top?.type === 'map' && top.expectKey) {
        top.key = text;
        top.keys.push(text);
      }
      i = next > i ? next : i + 1;
    }
  }
}

/**
 * Where `cursor` is inside the flow text `s` (which starts at a `{` or `[`). `s` up to `cursor` must not
 * include the word being typed. Returns undefined when the cursor is outside every flow collection.
 */
export function flowPosition(s: string, cursor: number, wordEnd: number): FlowPosition | undefined {
  const stack: Frame[] = [];
  scan(s, cursor, stack);
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  if (top.type === 'seq') return { mode: 'value', path: [...top.path, top.index], present: new Set() };
  if (!top.expectKey) return { mode: 'value', path: [...top.path, top.key ?? ''], present: new Set() };
  // keys after the cursor, up to the end of this mapping (bounded)
  const present = new Set(top.keys);
  const rest: Frame[] = stack.map((f) => ({ ...f, keys: [] }));
  const tail = s.slice(wordEnd, wordEnd + 20_000);
  const last = rest[rest.length - 1] as Frame;
  last.expectKey = false; // the word being typed occupies the key slot
  scan(tail, tail.length, rest);
  for (const k of last.keys) present.add(k);
  return { mode: 'key', path: top.path, present };
}
