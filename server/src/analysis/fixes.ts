// The one fix mechanism: every quick fix is described as data (FixData: changes by path, from the model's
// API-server checks, the rules, the schema layer and the predictions) and turned into text edits here.
import type { Change, FixData } from '../../../simulator/src/index';
import type { DocContext, Edit, Fix } from '../rules/types';
import { get, isObj } from '../rules/support/data';
import {
  appendSeqItem,
  deleteKey,
  deleteSeqItem,
  insertFirst,
  insertNested,
  renameKey,
  replaceEntry,
  replaceValue,
  scalarText,
} from './edits';

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Splits a path into the deepest part that may hold a sequence index and the mapping keys after it. */
function splitKeys(path: readonly (string | number)[]): { base: (string | number)[]; keys: string[] } | undefined {
  let i = path.length;
  while (i > 0 && typeof path[i - 1] === 'string') i--;
  const keys = path.slice(i) as string[];
  return keys.length > 0 ? { base: path.slice(0, i), keys } : undefined;
}

function setEdit(doc: DocContext, path: (string | number)[], value: unknown, first: boolean): Edit | undefined {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = get(doc.value, parentPath);
  const exists =
    isObj(parent) && typeof key === 'string'
      ? Object.prototype.hasOwnProperty.call(parent, key)
      : Array.isArray(parent) && typeof key === 'number' && key < parent.length;
  if (exists) {
    const cur = get(doc.value, path);
    if (isScalar(value))
      return cur === null || typeof cur === 'object' ? undefined : replaceValue(doc, path, scalarText(value));
    return typeof key === 'string' ? replaceEntry(doc, parentPath, key, value) : undefined;
  }
  if (first) return typeof key === 'string' ? insertFirst(doc, parentPath, key, value) : undefined;
  const split = splitKeys(path);
  return split ? insertNested(doc, split.base, split.keys, value) : undefined;
}

/** The text edit of one change, or undefined when it cannot be made safely in this source. */
function changeEdit(doc: DocContext, c: Change): Edit | undefined {
  switch (c.kind) {
    case 'set':
      return setEdit(doc, c.path, c.value, c.first === true);
    case 'rename-key':
      return renameKey(doc, c.path, c.to);
    case 'delete': {
      const last = c.path[c.path.length - 1];
      const parentPath = c.path.slice(0, -1);
      if (typeof last === 'number') return deleteSeqItem(doc, parentPath, last);
      return last === undefined ? undefined : deleteKey(doc, parentPath, last);
    }
    case 'append': {
      const seq = get(doc.value, c.path);
      if (Array.isArray(seq)) return appendSeqItem(doc, c.path, c.value);
      return seq === undefined ? setEdit(doc, c.path, [c.value], false) : undefined;
    }
    default:
      return undefined;
  }
}

/** A quick fix from fix data (undefined when one of its changes cannot be made). */
function resolveFix(doc: DocContext, data: FixData): Fix | undefined {
  const edits: Edit[] = [];
  for (const c of data.changes) {
    const e = changeEdit(doc, c);
    if (!e) return undefined;
    edits.push(e);
  }
  return data.preferred ? { title: data.title, edits, preferred: true } : { title: data.title, edits };
}

/** The fixes that can be made in this source, in order. */
export function resolveFixes(doc: DocContext, data: readonly FixData[] | undefined): Fix[] {
  const out: Fix[] = [];
  for (const d of data ?? []) {
    const f = resolveFix(doc, d);
    if (f) out.push(f);
  }
  return out;
}
