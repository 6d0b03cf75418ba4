// Builds the trace (`podlab run --format json`) at a chosen time from a finished simulation.
import type { World } from './world/objects';
import { traceWorld } from './world/traceWorld';
import type { Simulation } from './engine/simulation';
import type { ContainerRuntime, Instance, PodRuntime } from './engine/runtime';
import { statusAt } from './engine/status';
import { kubectlColumns } from './present/kubectl';
import type { PodStatus, Trace, TraceContainer, TraceInstance, TracePod } from './trace';

const PENDING: PodStatus = { phase: 'Pending', conditions: [], initContainerStatuses: [], containerStatuses: [] };

function podAt(pod: PodRuntime, atMs: number): TracePod {
  const status = statusAt(pod, atMs) ?? PENDING;
  const deletedAt = pod.deletedAt !== null && pod.deletedAt <= atMs ? pod.deletedAt / 1000 : null;
  const removedAt = pod.removedAt !== null && pod.removedAt <= atMs ? pod.removedAt / 1000 : null;
  const sidecars = new Set(pod.containers.filter((c) => c.kind === 'sidecar').map((c) => c.name));
  return {
    name: pod.name,
    namespace: pod.namespace,
    owner: pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : null,
    doc: pod.doc,
    node: pod.node?.name ?? null,
    createdAt: pod.createdAt / 1000,
    deletedAt,
    removedAt,
    status,
    kubectl: kubectlColumns({ status, createdAt: pod.createdAt / 1000, deletedAt }, atMs / 1000, {
      sidecars,
      spec: podSpecCounts(pod),
    }),
    containers: pod.containers.map((c) => containerAt(c, atMs)),
  };
}

/** A container's runs as known at `atMs`: later starts left out, an end after `atMs` not yet known. */
function containerAt(c: ContainerRuntime, atMs: number): TraceContainer {
  return {
    name: c.name,
    kind: c.kind,
    instances: c.instances.filter((i) => i.startedAt <= atMs).map((i) => instanceAt(i, atMs)),
    listens: c.process.listen.map((l) => ({ port: l.port, afterSeconds: l.afterSeconds })),
  };
}

function instanceAt(i: Instance, atMs: number): TraceInstance {
  const out: TraceInstance = { restartCount: i.restartCount, startedAt: i.startedAt / 1000 };
  if (i.killedAt !== undefined && i.killedAt <= atMs) out.killedAt = i.killedAt / 1000;
  if (i.finishedAt === undefined || i.finishedAt > atMs) {
    if (out.killedAt !== undefined && i.endedBy !== undefined) out.endedBy = i.endedBy;
    return out;
  }
  out.finishedAt = i.finishedAt / 1000;
  if (i.exitCode !== undefined) out.exitCode = i.exitCode;
  if (i.reason !== undefined) out.reason = i.reason;
  if (i.endedBy !== undefined) out.endedBy = i.endedBy;
  return out;
}

function podSpecCounts(pod: PodRuntime) {
  return {
    containers: pod.containers.filter((c) => c.kind === 'regular').map((c) => ({ name: c.name })),
    initContainers: pod.containers
      .filter((c) => c.kind !== 'regular')
      .map((c) => ({ name: c.name, restartPolicy: c.kind === 'sidecar' ? 'Always' : null })),
  };
}

/**
 * The pods that exist at `at` (created, not yet removed), as the trace shows them: what `kubectl get pods` lists.
 * Cheaper than a whole trace when a run created many pods that are gone (a CronJob's month of Jobs).
 */
export function livePodsAt(sim: Simulation, at: number): TracePod[] {
  const atMs = Math.round(at * 1000);
  return sim.pods
    .filter((p) => p.createdAt <= atMs && (p.removedAt === null || p.removedAt > atMs))
    .map((p) => podAt(p, atMs));
}

export function buildTrace(sim: Simulation, at: number, seed: number, world?: World): Trace {
  const atMs = Math.round(at * 1000);
  const trace: Trace = {
    podlab: 1,
    until: sim.until / 1000,
    at,
    seed,
    pods: sim.pods.filter((p) => p.createdAt <= atMs).map((p) => podAt(p, atMs)),
    events: sim.events.filter((e) => e.t <= at),
    probes: sim.probes.upTo(at),
    notes: [...sim.notes],
  };
  if (sim.truncated) trace.truncated = sim.truncated;
  const w = world
    ? traceWorld(
        world,
        sim.pods.filter((p) => p.createdAt <= atMs),
      )
    : undefined;
  if (w) trace.world = w;
  return trace;
}
