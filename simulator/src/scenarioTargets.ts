// The pods a scenario event names, and the name a what-if made on a generated pod should use. A Deployment's
// pod names carry the pod-template-hash, so an event that named `web-5d8f7c9b6d-x2kq9` would be lost by any edit
// of the template: events name the workload (`web`), which reaches its pods by the generated-name prefix.

/** Pods a scenario names: an exact name, or the prefix of generated names (`web` → `web-5d8f7c9b6d-x2kq9`). */
export function podsNamed<P extends { readonly name: string }>(pods: Iterable<P>, name: string | undefined): P[] {
  const all = [...pods];
  if (name === undefined) return all;
  const exact = all.filter((p) => p.name === name);
  return exact.length > 0 ? exact : all.filter((p) => p.name.startsWith(`${name}-`));
}

interface NamedObject {
  readonly kind: string;
  readonly doc: number;
  readonly value: { readonly metadata?: { readonly name?: string; readonly generateName?: string } };
}

/**
 * The name a what-if on `pod` uses: the pod's own name when it does not change with the template (a bare Pod,
 * a StatefulSet's `db-1`), else the name of the workload of its document (Deployment, ReplicaSet, DaemonSet,
 * Job, CronJob), which podsNamed resolves to the pods alive when the event comes.
 */
export function whatIfTarget(objects: readonly NamedObject[], pod: { name: string; doc: number }): string {
  const mine = objects.filter((o) => o.doc === pod.doc);
  // Several objects in one document (a `kind: List`): the one whose name starts the pod's.
  const object =
    mine.length === 1
      ? mine[0]
      : mine.find((o) => {
          const n = o.value.metadata?.name;
          return n !== undefined && (pod.name === n || pod.name.startsWith(`${n}-`));
        });
  if (!object || object.kind === 'StatefulSet') return pod.name;
  const meta = object.value.metadata ?? {};
  if (object.kind === 'Pod') {
    // A bare Pod with only generateName gets a new suffix each run: its stem names it.
    if (meta.name) return pod.name;
    const stem = meta.generateName?.replace(/-$/, '');
    return stem ? stem : pod.name;
  }
  return meta.name ?? pod.name;
}
