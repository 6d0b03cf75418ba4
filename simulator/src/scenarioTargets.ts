// The pods a scenario event names, and the name a what-if made on a generated pod should use. A Deployment's
// pod names carry the pod-template-hash, so an event that named `web-5d8f7c9b6d-x2kq9` would be lost by any edit
// of the template: events name the workload (`web`), which reaches its pods through their owner and the names
// the controllers generate (cluster/names.ts), never by a bare prefix: `web` is not `web-api`.
import { SAFE_ALPHABET } from './cluster/names';

/** A pod as the targets see it: its name and, for a controller's pod, its owner (`ReplicaSet/web-5d8f7c9b6d`). */
interface TargetPod {
  readonly name: string;
  readonly owner?: { readonly kind: string; readonly name: string } | null;
}

const SAFE = `[${SAFE_ALPHABET}]`;
/** `SafeEncodeString` of a uint32 in decimal: the pod-template-hash, 1 to 10 characters. */
const TEMPLATE_HASH = new RegExp(`^${SAFE}{1,10}$`);
/** The 5 random characters of a generated name. */
const GENERATED_SUFFIX = new RegExp(`^${SAFE}{5}$`);
/** A CronJob's Job: `<cronjob>-<scheduled time in minutes since the epoch>`. */
const SCHEDULED_MINUTES = /^\d+$/;

/** What follows `<name>-` in `s`, or undefined. */
const after = (s: string, name: string) => (s.startsWith(`${name}-`) ? s.slice(name.length + 1) : undefined);

/**
 * Whether the workload `name` generated `pod`: a ReplicaSet, DaemonSet, Job or StatefulSet of that name owns it;
 * or its owner is the workload's own child, the ReplicaSet `<name>-<pod-template-hash>` of a Deployment or the Job
 * `<name>-<minutes>` of a CronJob; or, without an owner, it is `<name>-` and 5 random characters (a bare Pod's
 * `generateName: <name>-`).
 */
function generatedBy(pod: TargetPod, name: string): boolean {
  const owner = pod.owner;
  if (!owner) return GENERATED_SUFFIX.test(after(pod.name, name) ?? '');
  if (owner.name === name) return true;
  const child = after(owner.name, name);
  if (child === undefined) return false;
  if (owner.kind === 'ReplicaSet') return TEMPLATE_HASH.test(child);
  return owner.kind === 'Job' && SCHEDULED_MINUTES.test(child);
}

/** Pods a scenario names: an exact name, else the pods the workload of that name generated. */
export function podsNamed<P extends TargetPod>(pods: Iterable<P>, name: string | undefined): P[] {
  const all = [...pods];
  if (name === undefined) return all;
  const exact = all.filter((p) => p.name === name);
  return exact.length > 0 ? exact : all.filter((p) => generatedBy(p, name));
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
export function whatIfTarget(objects: readonly NamedObject[], pod: TargetPod & { doc: number }): string {
  const mine = objects.filter((o) => o.doc === pod.doc);
  // Several objects in one document (a `kind: List`): the one that made the pod.
  const object =
    mine.length === 1
      ? mine[0]
      : mine.find((o) => {
          const n = o.value.metadata?.name;
          return n !== undefined && (pod.name === n || generatedBy(pod, n));
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
