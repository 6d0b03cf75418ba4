// Builds the DocContext a rule sees from one loaded document.
import type { LoadedManifest, Path } from '../../../simulator/src/manifest';
import { keyRangeOf, rangeOf } from '../../../simulator/src/manifest';
import type { DocContext, PodSpecAt } from '../rules/types';

/** Where the pod spec sits in each pod-carrying kind. */
export const POD_SPEC_PATHS: Record<string, Path> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function at(value: unknown, path: Path): unknown {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** Contexts for every document of a loaded manifest; `lines` are the manifest text's lines. */
export function docContexts(m: LoadedManifest, lines: readonly string[]): DocContext[] {
  return m.docs.map((d) => {
    const object = m.objects.find((o) => o.doc === d.index);
    const ctx: DocContext = {
      index: d.index,
      value: d.value,
      range: (path) => rangeOf(m, d.index, path),
      keyRange: (path, key) => keyRangeOf(m, d.index, path, key),
      podSpecs: (): PodSpecAt[] => {
        const path = d.kind ? POD_SPEC_PATHS[d.kind] : undefined;
        const spec = path ? at(d.value, path) : undefined;
        return path && spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? [{ path, spec: spec as Record<string, unknown> }] : [];
      },
      lineText: (line) => lines[line] ?? '',
    };
    if (d.kind !== undefined) ctx.kind = d.kind;
    if (d.apiVersion !== undefined) ctx.apiVersion = d.apiVersion;
    if (object) ctx.object = object;
    return ctx;
  });
}
