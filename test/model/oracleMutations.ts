// The seeded mutations of the oracle test (oracle.test.ts): walking a document's nodes, and the mutators that
// replace, drop, retype or duplicate one node so that the two validators can be compared on the result.
import type { Path } from '../../simulator/src/model/path';
import type { Json } from './helpers';

export interface NodeRef {
  path: Path;
  value: Json;
}

export function collect(value: Json, path: Path, out: NodeRef[]): void {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => collect(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) collect(v, [...path, k], out);
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let cur: Json = root;
  for (const k of path.slice(0, -1)) cur = (cur as Record<string | number, Json>)[k] as Json;
  return { parent: cur, key: path[path.length - 1] as string | number };
}

function setAt(root: Json, path: Path, v: Json): void {
  const p = parentOf(root, path);
  if (p) (p.parent as Record<string | number, Json>)[p.key] = v;
}

const isObj = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface Mutator {
  applies: (node: NodeRef) => boolean;
  apply: (root: Json, node: NodeRef, rnd: () => number) => string;
}

const WRONG_VALUES: Json[] = ['abc', 7, 1.5, -3, true, false, {}, [], 1e308, '', '25%', { a: 1 }, ['x']];
const hasParent = (n: NodeRef) => n.path.length > 0;
const inObject = (n: NodeRef) => typeof n.path[n.path.length - 1] === 'string';

export const MUTATORS: Record<string, Mutator> = {
  'add-unknown-field': {
    applies: (n) => isObj(n.value),
    apply: (_r, n) => (((n.value as Record<string, Json>)['podlabUnknownField'] = 'x'), 'add'),
  },
  'delete-key': {
    applies: inObject,
    apply: (root, n) => {
      const p = parentOf(root, n.path) as { parent: Record<string, Json>; key: string };
      delete p.parent[p.key];
      return 'delete';
    },
  },
  'rename-key': {
    applies: inObject,
    apply: (root, n, rnd) => {
      const p = parentOf(root, n.path) as { parent: Record<string, Json>; key: string };
      const variants = [
        p.key.toLowerCase(),
        `${p.key}s`,
        p.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
        p.key.slice(1),
        p.key.toUpperCase(),
      ];
      const nk = variants.filter((v) => v !== p.key)[Math.floor(rnd() * 3)] ?? `${p.key}x`;
      p.parent[nk] = p.parent[p.key] as Json;
      delete p.parent[p.key];
      return `rename to ${nk}`;
    },
  },
  null: { applies: hasParent, apply: (root, n) => (setAt(root, n.path, null), 'null') },
  'wrong-type': {
    applies: hasParent,
    apply: (root, n, rnd) => {
      const v = WRONG_VALUES[Math.floor(rnd() * WRONG_VALUES.length)] as Json;
      setAt(root, n.path, structuredClone(v));
      return `set ${JSON.stringify(v)}`;
    },
  },
  'number-as-string': {
    applies: (n) => typeof n.value === 'number',
    apply: (root, n) => (setAt(root, n.path, (n.value as number).toString()), 'num→str'),
  },
  'string-as-number': {
    applies: (n) => typeof n.value === 'string' && hasParent(n),
    apply: (root, n, rnd) => (setAt(root, n.path, rnd() < 0.5 ? 42 : 0.25), 'str→num'),
  },
  'bool-as-string': {
    applies: (n) => typeof n.value === 'boolean',
    apply: (root, n) => (setAt(root, n.path, (n.value as boolean).toString()), 'bool→str'),
  },
  'bool-as-number': {
    applies: (n) => typeof n.value === 'boolean',
    apply: (root, n) => (setAt(root, n.path, 1), 'bool→num'),
  },
  fraction: {
    applies: (n) => typeof n.value === 'number',
    apply: (root, n) => (setAt(root, n.path, (n.value as number) + 0.5), 'fraction'),
  },
  'huge-number': {
    applies: (n) => typeof n.value === 'number',
    apply: (root, n) => (setAt(root, n.path, 1e308), '1e308'),
  },
  'empty-object': {
    applies: (n) => isObj(n.value) && hasParent(n),
    apply: (root, n) => (setAt(root, n.path, {}), 'empty {}'),
  },
  'array-null-item': {
    applies: (n) => Array.isArray(n.value),
    apply: (_r, n) => ((n.value as Json[]).push(null), 'push null'),
  },
  'array-duplicate-item': {
    applies: (n) => Array.isArray(n.value) && n.value.length > 0,
    apply: (_r, n) => ((n.value as Json[]).push(structuredClone((n.value as Json[])[0] as Json)), 'dup item'),
  },
  'array-wrong-item': {
    applies: (n) => Array.isArray(n.value),
    apply: (_r, n) => {
      const a = n.value as Json[];
      a.push(isObj(a[0] ?? null) ? 'x' : {});
      return 'bad item';
    },
  },
  'wrap-in-array': {
    applies: (n) => hasParent(n) && !Array.isArray(n.value),
    apply: (root, n) => (setAt(root, n.path, [n.value]), 'wrap []'),
  },
  'unwrap-array': {
    applies: (n) => Array.isArray(n.value) && n.value.length > 0,
    apply: (root, n) => (setAt(root, n.path, (n.value as Json[])[0] as Json), 'unwrap'),
  },
  'object-as-string': {
    applies: (n) => isObj(n.value) && hasParent(n),
    apply: (root, n) => (setAt(root, n.path, 'x'), 'obj→str'),
  },
};
export const MUTATOR_NAMES = Object.keys(MUTATORS);
