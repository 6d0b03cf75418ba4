// Pure: what the pods table and the pod details show at time t. No DOM here (unit-tested under Node).
import type { PanelPod, PanelSimulation } from '../../src/panel/protocol';
import {
  kubectlColumns,
  worstVerdict,
  type ContainerStatus,
  type KubectlColumns,
  type PodStatus,
  type KubectlSpecLike,
} from '../../../simulator/src/view';

/** The status of a pod before the first published one. */
const PENDING_STATUS: PodStatus = {
  phase: 'Pending',
  conditions: [],
  initContainerStatuses: [],
  containerStatuses: [],
};

/** The status in force at t: the last history entry with entry.t ≤ t (binary search), or null before the first. */
export function statusAt(pod: PanelPod, t: number): PodStatus | null {
  const h = pod.history;
  let lo = 0;
  let hi = h.length; // first index with h[i].t > t
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((h[mid] as PanelPod['history'][number]).t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : (h[lo - 1] as PanelPod['history'][number]).status;
}

/** A spec-like view for kubectlColumns: container counts and sidecars from the container kinds. */
function specOf(pod: PanelPod): KubectlSpecLike {
  return {
    containers: pod.containers.filter((c) => c.kind === 'regular').map((c) => ({ name: c.name })),
    initContainers: pod.containers
      .filter((c) => c.kind !== 'regular')
      .map((c) => (c.kind === 'sidecar' ? { name: c.name, restartPolicy: 'Always' } : { name: c.name })),
  };
}

export interface PodRow {
  name: string;
  owner: string | null;
  node: string | null;
  columns: KubectlColumns;
  phase: string;
  /** Deletion requested at or before t. */
  deletedAt: number | null;
  /** The API object is gone at t (removedAt ≤ t): shown greyed. */
  gone: boolean;
}

/** Every pod that exists (or existed) at t, in creation order; pods created after t are left out. */
export function podRows(sim: PanelSimulation, t: number): PodRow[] {
  const rows: PodRow[] = [];
  for (const pod of sim.pods) {
    if (pod.createdAt > t) continue;
    const status = statusAt(pod, t) ?? PENDING_STATUS;
    const columns = kubectlColumns({ status, createdAt: pod.createdAt, deletedAt: pod.deletedAt }, t, {
      spec: specOf(pod),
    });
    rows.push({
      name: pod.name,
      owner: pod.owner,
      node: pod.node,
      columns,
      phase: status.phase,
      deletedAt: pod.deletedAt !== null && pod.deletedAt <= t ? pod.deletedAt : null,
      gone: pod.removedAt !== null && pod.removedAt <= t,
    });
  }
  return rows;
}

export function findPod(sim: PanelSimulation, name: string | null): PanelPod | null {
  if (name === null) return null;
  return sim.pods.find((p) => p.name === name) ?? null;
}

/**
 * The selection to use: the requested pod if the simulation has it, else the pod the run's verdict speaks about
 * (a troubled workload before a healthy one, model/verdict.ts), else the first pod that exists at t, else the first.
 */
export function chooseSelection(sim: PanelSimulation, wanted: string | null, t: number): string | null {
  const kept = wanted === null ? undefined : sim.pods.find((p) => p.name === wanted);
  if (kept !== undefined) return replacementOf(sim, kept, t)?.name ?? kept.name;
  const worst = worstVerdict(sim.verdicts)?.pod;
  if (worst && sim.pods.some((p) => p.name === worst)) return worst;
  const live = sim.pods.find((p) => p.createdAt <= t && (p.removedAt === null || p.removedAt > t));
  return (live ?? sim.pods[0])?.name ?? null;
}

/**
 * A deleted pod's replacement at t: the newest live pod of the same workload (what-ifs name both alike) that is not
 * being deleted itself. After a delete the panel moves to it, as the inline facts do (issue 13 item 7).
 */
function replacementOf(sim: PanelSimulation, pod: PanelPod, t: number): PanelPod | undefined {
  if (pod.deletedAt === null || pod.deletedAt > t) return undefined;
  return sim.pods
    .filter(
      (p) =>
        p !== pod &&
        p.target === pod.target &&
        p.doc === pod.doc &&
        p.createdAt <= t &&
        (p.deletedAt === null || p.deletedAt > t),
    )
    .at(-1);
}

/** The pod to show for document `doc` (the CodeLens above it was clicked): its verdict's pod, else its first. */
export function podOfDocument(sim: PanelSimulation, doc: number): string | null {
  const pod = sim.verdicts.find((v) => v.object === sim.workloads.find((w) => w.doc === doc)?.object)?.pod;
  if (pod && sim.pods.some((p) => p.name === pod)) return pod;
  return sim.pods.find((p) => p.doc === doc)?.name ?? null;
}

/** kubectl's STATUS column for a published status of a pod at t. */
export function statusText(pod: PanelPod, status: PodStatus | null, t: number): string {
  const like = { status: status ?? PENDING_STATUS, createdAt: pod.createdAt, deletedAt: pod.deletedAt };
  return kubectlColumns(like, t, { spec: specOf(pod) }).status;
}

/** The container statuses of a status, init containers first, by name. */
export function containerStatusMap(status: PodStatus | null): Map<string, ContainerStatus> {
  const map = new Map<string, ContainerStatus>();
  if (!status) return map;
  for (const c of status.initContainerStatuses) map.set(c.name, c);
  for (const c of status.containerStatuses) map.set(c.name, c);
  return map;
}
