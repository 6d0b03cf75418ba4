// Text edits on a YAML document by path: replace a value, or add a key to a mapping at its indentation.
import { isMap, isScalar, type Node } from 'yaml';
import { rangeOf, type Path } from '../../../simulator/src/index';
import type { ChunkResult } from './fileAnalysis';
import type { Edit } from '../rules/types';

function nodeAt(chunk: ChunkResult, doc: number, path: Path): unknown {
  let node: unknown = chunk.manifest.docs.find((d) => d.index === doc)?.yaml.contents;
  for (const step of path) node = (node as { get?: (k: unknown, keep: boolean) => unknown } | null)?.get?.(step, true);
  return node;
}

/** Adds `key: value` as the first entry of the mapping at `parent` (block style only). */
export function insertKeyEdit(chunk: ChunkResult, doc: number, parent: Path, key: string, value: string): Edit | undefined {
  const node = nodeAt(chunk, doc, parent);
  if (!isMap(node) || node.items.length === 0 || node.flow) return undefined;
  const offset = (node.items[0]!.key as Node | null)?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = chunk.manifest.lineCounter.linePos(offset);
  const line = pos.line - 1;
  const indent = (chunk.lines[line] ?? '').slice(0, pos.col - 1);
  if (!/^[ -]*$/.test(indent)) return undefined;
  const at = { line, character: pos.col - 1 };
  return { range: { start: at, end: at }, newText: `${key}: ${value}\n${indent.replace(/-/g, ' ')}` };
}

/** Sets the value at `path`: replaces a scalar, or adds the key under its parent mapping. */
export function setValueEdit(chunk: ChunkResult, doc: number, path: Path, value: string): Edit | undefined {
  const node = nodeAt(chunk, doc, path);
  if (isScalar(node)) return { range: rangeOf(chunk.manifest, doc, path), newText: value };
  const key = path[path.length - 1];
  if (node !== undefined || typeof key !== 'string') return undefined;
  return insertKeyEdit(chunk, doc, path.slice(0, -1), key, value);
}
