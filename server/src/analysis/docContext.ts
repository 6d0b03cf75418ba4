// Builds the DocContext a rule sees from one loaded document.
import {
  keyRangeOf,
  POD_SPEC_PATHS,
  rangeOf,
  type LoadedManifest,
  type ManifestIssue,
} from '../../../simulator/src/index';
import type { DocContext, PodSpecAt } from '../rules/types';

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** Contexts for every document of a loaded manifest; `lines` are the manifest text's lines. */
export function docContexts(m: LoadedManifest, lines: readonly string[]): DocContext[] {
  const issues = new Map<number, ManifestIssue[]>();
  for (const i of m.issues) {
    const list = issues.get(i.doc);
    if (list) list.push(i);
    else issues.set(i.doc, [i]);
  }
  return m.docs.map((d) => {
    const object = m.objects.find((o) => o.doc === d.index && o.at === undefined);
    const ctx: DocContext = {
      index: d.index,
      value: d.value,
      range: (path) => rangeOf(m, d.index, path),
      keyRange: (path, key) => keyRangeOf(m, d.index, path, key),
      podSpecs: (): PodSpecAt[] => {
        const path = d.kind ? POD_SPEC_PATHS[d.kind] : undefined;
        const spec = path ? at(d.value, path) : undefined;
        return path && spec !== null && typeof spec === 'object' && !Array.isArray(spec)
          ? [{ path: [...path], spec: spec as Record<string, unknown> }]
          : [];
      },
      lineText: (line) => lines[line] ?? '',
      issues: issues.get(d.index) ?? [],
    };
    if (d.kind !== undefined) ctx.kind = d.kind;
    if (d.apiVersion !== undefined) ctx.apiVersion = d.apiVersion;
    if (object) ctx.object = object;
    return ctx;
  });
}
