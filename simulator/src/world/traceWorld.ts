// The trace's typed account of the world (Trace.world): which objects came from where, who read them, and which
// references stayed unknown, for the panel and `--format json` (no English to parse).
import type { TraceWorld } from '../trace';
import type { World, WorldObject } from './objects';
import type { PodWorldFacts } from './volumes';

/** Undefined when the run had no world objects and no references to any. */
export function traceWorld(
  world: World,
  pods: readonly { name: string; doc: number; world?: PodWorldFacts | undefined }[],
): TraceWorld | undefined {
  const usedBy = new Map<WorldObject, string[]>();
  const unknown = new Map<string, TraceWorld['unknown'][number]>();
  for (const p of pods) {
    for (const o of p.world?.used ?? []) {
      const list = usedBy.get(o) ?? [];
      if (!list.includes(p.name)) list.push(p.name);
      usedBy.set(o, list);
    }
    for (const r of p.world?.unknownRefs ?? []) {
      const key = `${p.doc}\u0000${r.path}\u0000${r.kind}/${r.namespace}/${r.name}`;
      if (!unknown.has(key))
        unknown.set(key, { kind: r.kind, namespace: r.namespace, name: r.name, doc: p.doc, path: r.path });
    }
  }
  const objects = [...new Set([...world.objects, ...usedBy.keys()])];
  if (objects.length === 0 && unknown.size === 0) return undefined;
  return {
    complete: world.complete,
    objects: objects.map((o) => ({
      kind: o.kind,
      namespace: o.namespace,
      name: o.name,
      from: o.from,
      usedBy: usedBy.get(o) ?? [],
    })),
    unknown: [...unknown.values()],
  };
}
