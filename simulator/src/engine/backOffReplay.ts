// Syncs that repeat the same work with the same result are played from a record. Two kinds:
// - A crash-looping container waits out its back-off (up to 300 s at the cap) while the pod worker syncs every 10 s
//   (kubelet-semantics.md §0 and §1.2: a sync in back-off returns an error and is requeued after backOffPeriod; each
//   such sync emits BackOff and records CrashLoopBackOff): a month of a crash loop makes a quarter of a million.
// - A running pod is resynced every minute (§0); while its containers run, nothing failed a probe and no status input
//   moved, such a sync changes nothing: 10,000 replicas for an hour make 600,000 of them.
// Once one such sync has changed nothing but its BackOff events (or nothing at all), the next ones are played from
// its record (same events at their own time, same requeue), for as long as nothing the sync reads has moved. Each
// one keeps its place on the queue, so the run, its steps and its output are exactly those of syncing in full
// (test/simulator/batchedRuns.test.ts compares the two).
import type { Simulation } from './simulation';
import type { PodRuntime } from './runtime';
import { isRunning, currentInstance } from './runtime';
import { readinessTriggerDue } from './probes';
import type { TraceEvent } from '../trace';

/** What a sync that changed nothing (but, in back-off, its BackOff events) did, and while when it holds. */
interface SyncRecord {
  /** The pod's status inputs did not move since (runtime.ts `version`): no start, exit, deletion or probe result. */
  version: number;
  /** A back-off sync: the earliest back-off expiry, from when a sync starts a container again. */
  wake: number | undefined;
  events: TraceEvent[];
}

/** What the run looked like when a sync began, to tell afterwards whether the sync did anything else. */
export interface SyncMark {
  version: number;
  events: number;
  pushed: number;
  notes: number;
  probes: number;
  steps: number;
}

const records = new WeakMap<PodRuntime, SyncRecord>();

export function markSync(sim: Simulation, pod: PodRuntime): SyncMark {
  return {
    version: pod.version,
    events: sim.events.length,
    pushed: sim.queue.pushed,
    notes: sim.notes.length,
    probes: sim.probes.length,
    steps: sim.steps,
  };
}

/**
 * Called as a sync ends, before its requeue: keeps a record when the sync ran through at once and did nothing but
 * emit the kubelet's crash-loop BackOff events (no status input changed, nothing queued, no note, no probe), or, for
 * a sync without error of a running pod, nothing at all.
 */
export function recordSync(sim: Simulation, pod: PodRuntime, mark: SyncMark, error: boolean): void {
  records.delete(pod);
  if (!sim.batch) return;
  if (sim.steps !== mark.steps || pod.version !== mark.version || pod.builtVersion !== mark.version) return;
  if (sim.queue.pushed !== mark.pushed || sim.notes.length !== mark.notes || sim.probes.length !== mark.probes) return;
  const events = sim.events.slice(mark.events);
  const wake = pod.backOffWake;
  if (!error) {
    if (events.length === 0 && wake === undefined && running(sim, pod))
      records.set(pod, { version: mark.version, wake, events });
    return;
  }
  if (wake === undefined || !quiet(sim, pod)) return;
  if (events.length === 0 || !events.every((e) => e.reason === 'BackOff' && e.type === 'Warning')) return;
  records.set(pod, { version: mark.version, wake, events });
}

/**
 * Plays the recorded sync at `sim.now` when it would do the same again: nothing it reads moved (status inputs,
 * deletion, deadline, volumes, probe failures), and every back-off is still running. Returns whether the sync
 * ended in error (its requeue), or undefined to sync in full.
 */
export function replaySync(sim: Simulation, pod: PodRuntime, deadlinePassed: boolean): boolean | undefined {
  const r = records.get(pod);
  if (r === undefined || r.version !== pod.version || pod.builtVersion !== pod.version || deadlinePassed) return;
  if (r.wake === undefined) {
    if (!running(sim, pod)) return;
    pod.backOffWake = undefined;
    return false;
  }
  if (sim.now >= r.wake || !quiet(sim, pod)) return;
  for (const e of r.events) sim.emit(e.object, e.type, e.reason, e.message, e.source, e.cause);
  pod.backOffWake = r.wake;
  return true;
}

/** No container runs (so no probe or kill is due), the sandbox is up, the pod is not being deleted, volumes are mounted. */
function quiet(sim: Simulation, pod: PodRuntime): boolean {
  if (!settledPod(pod)) return false;
  for (const c of pod.containers) if (isRunning(currentInstance(c), sim.now)) return false;
  return true;
}

/**
 * A sync would change nothing (computePodActions, runReadinessNow): the pod is initialized, every container but the
 * init ones runs and is not being stopped, no liveness or startup probe failed, no readiness probe is to be triggered.
 */
function running(sim: Simulation, pod: PodRuntime): boolean {
  if (!settledPod(pod) || !pod.initialized || !pod.workersCreated) return false;
  for (const c of pod.containers) {
    if (c.kind === 'init') continue;
    const inst = currentInstance(c);
    if (!isRunning(inst, sim.now) || inst!.stopping || c.livenessFailed || c.startupFailed) return false;
  }
  return !readinessTriggerDue(sim, pod);
}

/** The sandbox is up, the pod is not being deleted, volumes are mounted. */
function settledPod(pod: PodRuntime): boolean {
  if (pod.deletedAt !== null || !pod.sandboxReady || pod.terminalPhase !== null) return false;
  for (const f of pod.world?.volumes.values() ?? []) if (f.state === 'failed') return false;
  return true;
}
