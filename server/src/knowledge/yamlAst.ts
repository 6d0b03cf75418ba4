// Small, tolerant helpers over the `yaml` AST: what is under an offset (with its path), the node at a
// path, and plain values of small sub-trees. They never throw on broken documents.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { KIND_SCHEMAS, schemaFor, type Path } from '../../../simulator/src/index';
import type { z } from 'zod';

export interface AstHit {
  path: Path;
  /** The cursor is on a key (path ends with it) or on a scalar value (path of the value). */
  target: 'key' | 'value';
  /** Offsets of the key or value in the chunk. */
  start: number;
  end: number;
  value?: unknown;
}

const inside = (r: readonly number[] | null | undefined, offset: number): boolean =>
  r != null && r[0] !== undefined && r[1] !== undefined && offset >= r[0] && offset <= r[1];

/** The path step a map key names: the text of a string, number or boolean key (YAML 1.1 `yes:` is "true");
 *  nothing for a null key or one that is not a plain scalar (a `!!binary` key). */
function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function visit(node: unknown, offset: number, path: Path, depth: number): AstHit | undefined {
  if (depth > 200) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = keyText(pair.key);
      if (k === undefined) continue;
      const kr = (pair.key as Node).range;
      if (inside(kr, offset)) return { path: [...path, k], target: 'key', start: kr![0], end: kr![1] };
      const v = pair.value as Node | null;
      if (v && inside(v.range, offset)) {
        if (isScalar(v))
          return { path: [...path, k], target: 'value', start: v.range![0], end: v.range![1], value: v.value };
        return visit(v, offset, [...path, k], depth + 1);
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (!item || !inside(item.range, offset)) continue;
      if (isScalar(item))
        return { path: [...path, i], target: 'value', start: item.range![0], end: item.range![1], value: item.value };
      if (isPair(item)) continue;
      return visit(item, offset, [...path, i], depth + 1);
    }
  }
  return undefined;
}

/** The key or scalar under an offset of the chunk. */
export function hitAt(doc: Document.Parsed, offset: number): AstHit | undefined {
  return visit(doc.contents, offset, [], 0);
}

/** The node at a path (keys match scalar keys by their string form; numbers index sequences). */
export function nodeAt(doc: Document.Parsed | undefined, path: Path): unknown {
  let node: unknown = doc?.contents;
  for (const step of path) {
    if (isMap(node)) node = node.items.find((p) => keyText(p.key) === String(step))?.value;
    else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
  }
  return node;
}

/** Plain data of a small sub-tree (aliases and unknown nodes become undefined). */
export function plain(node: unknown, depth = 0): unknown {
  if (depth > 64 || isAlias(node)) return undefined;
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const p of node.items) {
      const k = keyText(p.key);
      if (k !== undefined) out[k] = plain(p.value, depth + 1);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((i) => plain(i, depth + 1));
  return undefined;
}

/** A top-level scalar of the document (apiVersion, kind) as a string. */
export function rootString(doc: Document.Parsed | undefined, key: string): string | undefined {
  const v = plain(nodeAt(doc, [key]));
  return typeof v === 'string' ? v : undefined;
}

/** The root schema for an apiVersion/kind pair; a known kind under a wrong or removed apiVersion still gets its schema. */
export function rootSchema(apiVersion: string | undefined, kind: string | undefined): z.ZodType | undefined {
  if (kind === undefined) return undefined;
  return (schemaFor(apiVersion, kind) ?? Object.values(KIND_SCHEMAS).find((k) => k.kind === kind))?.schema;
}
