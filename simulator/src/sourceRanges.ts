// Where a field sits in the YAML source: the range of a path's value, of a key, or of the best place to point
// at a cause, from the `yaml` CST of each document. Ranges are 0-based lines and characters, as in LSP.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { parsePath, type Path } from './model/path';

export interface Position {
  /** 0-based, as in LSP. */
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The parsed documents of a manifest (LoadedManifest has them) and the line table of its text. */
export interface SourceDocuments {
  docs: readonly { index: number; yaml: Document.Parsed }[];
  lineCounter: LineCounter;
}

/** The position of a character offset of the text. */
export function positionAt(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(offset);
  return { line: p.line - 1, character: p.col - 1 };
}

/**
 * The source range of a path in a document: the value's range when it exists, the key for an unknown key
 * (when the last step names a key of a mapping), else the nearest existing ancestor.
 */
export function rangeOf(m: SourceDocuments, doc: number, path: Path | string): Range {
  const steps = typeof path === 'string' ? parsePath(path) : path;
  const d = m.docs.find((x) => x.index === doc);
  const at = (node: Node | null | undefined): Range => {
    const r = node?.range ?? d?.yaml.contents?.range ?? [0, 0, 0];
    return { start: positionAt(m.lineCounter, r[0]), end: positionAt(m.lineCounter, r[1]) };
  };
  if (d === undefined) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  let node: unknown = d.yaml.contents;
  for (const step of steps) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (pair === undefined) return at(node);
      if (pair.value === null || pair.value === undefined) return at(pair.key as Node);
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) return at(node);
      node = item;
    } else {
      return at(node as Node);
    }
  }
  return at(node as Node);
}

/** The range of the key of the last path step (for "unknown field" squiggles on the key itself). */
export function keyRangeOf(m: SourceDocuments, doc: number, path: Path, key: string): Range | undefined {
  const d = m.docs.find((x) => x.index === doc);
  let node: unknown = d?.yaml.contents;
  for (const step of path) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))?.value;
    else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
  }
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const r = (pair?.key as Node | undefined)?.range;
  if (!r || !d) return undefined;
  return { start: positionAt(m.lineCounter, r[0]), end: positionAt(m.lineCounter, r[1]) };
}

/**
 * Where to point at a cause: the value for a scalar, the key for a mapping or list (`requests:`,
 * `command:`), so the squiggle sits on one line. A field left out (a defaulted `initialDelaySeconds`) points at
 * the key of the nearest mapping or list that is there (`livenessProbe:`), for the same reason.
 */
export function causeRange(m: SourceDocuments, doc: number, path: Path | string): Range {
  const steps = typeof path === 'string' ? parsePath(path) : path;
  const d = m.docs.find((x) => x.index === doc);
  let node: unknown = d?.yaml.contents;
  let depth = 0;
  for (const step of steps) {
    const next = (node as { get?: (k: unknown, keep: boolean) => unknown } | null)?.get?.(step, true);
    // A key without a value (`command:`) is there: rangeOf points at it.
    if (next === null) return rangeOf(m, doc, steps);
    if (next === undefined) break;
    node = next;
    depth++;
  }
  const last = steps[depth - 1];
  if ((isMap(node) || isSeq(node)) && typeof last === 'string') {
    const key = keyRangeOf(m, doc, steps.slice(0, depth - 1), last);
    if (key) return key;
  }
  return rangeOf(m, doc, steps);
}

/** Where to point at an object: its key when it has one (`spec:`), else the start of the item. */
export function headRange(m: SourceDocuments, doc: number, path: Path): Range {
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    const key = keyRangeOf(m, doc, path.slice(0, -1), last);
    if (key) return key;
  }
  const r = rangeOf(m, doc, path);
  return { start: r.start, end: r.start };
}
