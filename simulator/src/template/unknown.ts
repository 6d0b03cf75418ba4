// What a chart template leaves unknown, once its actions are holes (template/placeholders.ts): a value
// holding a hole is templated (its type, its content, its validity are Helm's business at render time), and
// a mapping or list with a hole entry (`{{- include "x.labels" . | nindent 4 }}`) is open: more keys or
// items come from the template, so a missing required field or the collection's type are not known either.
// The loader drops its issues about unknowns and simulates nothing that holds one: unknown beats wrong.
import { isMap, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import type { Path } from '../model/path';
import type { Range } from '../sourceRanges';
import { hasHole } from './placeholders';

export interface Unknowns {
  /** Paths (as `key`) of values holding a hole, and of keys that are holes. */
  templated: Set<string>;
  /** Paths of collections with a hole entry or item. */
  open: Set<string>;
  /** The document's top level has an entry written by an action: its structure is not in the file. */
  rootOpen: boolean;
  /** The document holds a hole anywhere. */
  any: boolean;
}

/** A path as a set member (exact: a label key may hold dots). */
const key = (path: Path): string => JSON.stringify(path);

const WALK_LIMIT = 200_000; // nodes: a document is bounded by the analysis size limit; this bounds the walk too

/**
 * The unknown parts of a parsed document (iterative: it may nest deeply). `openLines`: lines holding an
 * OPEN comment (`key: {{- … | nindent N }}`), whose key's value is an open collection.
 */
export function unknownsOf(
  doc: Document.Parsed,
  lineOf: (offset: number) => number,
  openLines: ReadonlySet<number>,
): Unknowns {
  const u: Unknowns = { templated: new Set(), open: new Set(), rootOpen: false, any: false };
  const todo: [unknown, Path][] = [[doc.contents, []]];
  for (let n = 0; todo.length > 0 && n < WALK_LIMIT; n++) {
    const [node, path] = todo.pop() as [unknown, Path];
    if (isScalar(node)) {
      if (typeof node.value === 'string' && hasHole(node.value)) u.templated.add(key(path));
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        // An item that is a hole alone may stand for any number of items.
        if (isScalar(item) && typeof item.value === 'string' && /^[\uE000-\uE0FF]+$/.test(item.value.trim()))
          u.open.add(key(path));
        todo.push([item, [...path, i]]);
      });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k === undefined) continue;
        const at = [...path, k];
        if (hasHole(k)) {
          u.open.add(key(path));
          u.templated.add(key(at));
          if (path.length === 0) u.rootOpen = true;
        }
        const keyAt = (pair.key as Scalar).range?.[0];
        if (keyAt !== undefined && openLines.has(lineOf(keyAt))) u.open.add(key(at));
        todo.push([pair.value, at]);
      }
    }
  }
  u.any = u.templated.size > 0 || u.open.size > 0;
  return u;
}

/** Every run of hole characters in the text, as ranges (one line each: a hole never spans a line break). */
export function holeRanges(text: string): Range[] {
  const out: Range[] = [];
  const lines = text.split('\n');
  lines.forEach((l, line) => {
    if (!hasHole(l)) return;
    for (const m of l.matchAll(/[\uE000-\uE0FF]+/g))
      out.push({ start: { line, character: m.index }, end: { line, character: m.index + m[0].length } });
  });
  return out;
}

const before = (a: Range['start'], b: Range['start']) =>
  a.line < b.line || (a.line === b.line && a.character < b.character);

/** The range overlaps a hole (a range that covers a hole, or lies in one). An empty range at a hole counts. */
export function touchesHole(range: Range, holes: readonly Range[]): boolean {
  return holes.some((h) => !before(range.end, h.start) && !before(h.end, range.start));
}

/**
 * An issue about something unknown: at a templated path or under one, about an open collection (its type,
 * a field missing from it) or an entry of it, or on a hole's text.
 */
export function isUnknownIssue(
  issue: { path: Path; range: Range; code: string },
  u: Unknowns,
  holes: readonly Range[],
): boolean {
  const p = issue.path;
  // An unknown field is about its key: a known key with a templated value is still misspelled.
  const last = issue.code === 'unknown-field' ? p.length - 1 : p.length;
  for (let i = 0; i <= last; i++) if (u.templated.has(key(p.slice(0, i)))) return true;
  if (issue.code === 'unknown-field' && hasHole(String(p[p.length - 1] ?? ''))) return true;
  if (u.open.has(key(p)) || (p.length > 0 && u.open.has(key(p.slice(0, -1))))) return true;
  if (referenced(issue).some((r) => u.open.has(key(r)) || isTemplated(r, u))) return true;
  return touchesHole(issue.range, holes);
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** A path or one of its parents holds a hole. */
const isTemplated = (p: Path, u: Unknowns): boolean => p.some((_, i) => u.templated.has(key(p.slice(0, i + 1))));

/**
 * The collections an issue about a reference looks names up in (a volumeMount's volume: the pod spec's
 * `volumes`, and a StatefulSet's `volumeClaimTemplates`): when an action writes one of them
 * (`volumes: {{- toYaml .Values.volumes | nindent 8 }}`), or the pod spec around them, the name may well exist.
 */
function referenced(issue: { path: Path; code: string }): Path[] {
  if (issue.code !== 'volume-mount-not-found' && issue.code !== 'volume-device-not-found') return [];
  const at = issue.path.findIndex((x) => CONTAINER_LISTS.has(String(x)));
  if (at < 0) return [];
  const spec = issue.path.slice(0, at);
  const out = [spec, [...spec, 'volumes']];
  if (spec.length >= 2 && spec[spec.length - 2] === 'template')
    out.push([...spec.slice(0, -2), 'volumeClaimTemplates']);
  return out;
}
