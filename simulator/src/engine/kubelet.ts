// The pod worker: one sync at a time per pod (docs/kubelet-behaviour.md, "The pod worker"). A sync builds the status from the
// runtime snapshot, then kills what must die and starts what must run (computePodActions). Kills wait for
// their grace period, so a sync can last; triggers that arrive meanwhile run one more sync afterwards.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import { podRef } from './runtime';
import { setPod } from './statusInputs';
import type { PodWorker } from './podWorker';
import { publishStatus } from './status';
import { createProbeWorkers, runReadinessNow } from './probes';
import { startContainer, type StartOutcome } from './start';
import { killAll } from './kill';
import { computePodActions } from './podActions';
import { stopAll, terminatePod } from './termination';
import { volumesMounted } from './podWorld';
import { markSync, recordSync, replaySync } from './backOffReplay';

/** The kubelet's pod worker for `sim` (simulate.ts hands it to the Simulation). */
export function createPodWorker(sim: Simulation): PodWorker {
  return {
    requestSync: (pod) => requestSync(sim, pod),
    plegRelist: (pod) => sim.after(sim.timings.pleg, () => requestSync(sim, pod)),
  };
}

function requestSync(sim: Simulation, pod: PodRuntime): void {
  if (pod.removedAt !== null && pod.terminalPhase !== null) return;
  if (pod.busy) {
    pod.syncRequested = true;
    return;
  }
  if (pod.syncRequested) return;
  pod.syncRequested = true;
  sim.after(0, () => {
    pod.syncRequested = false;
    sync(sim, pod);
  });
}

function requeue(sim: Simulation, pod: PodRuntime, delay: number): void {
  const token = ++pod.requeueToken;
  sim.after(delay, () => {
    if (pod.requeueToken === token) requestSync(sim, pod);
  });
}

function sync(sim: Simulation, pod: PodRuntime): void {
  if (pod.busy) {
    pod.syncRequested = true;
    return;
  }
  if (pod.node !== null && sim.failedNodes.has(pod.node.name)) return; // the node's kubelet is gone
  if (pod.node === null || pod.terminalPhase !== null) {
    publishStatus(sim, pod);
    return;
  }
  const replayed = replaySync(sim, pod, activeDeadlinePassed(sim, pod));
  if (replayed !== undefined) return syncDone(sim, pod, replayed);
  pod.busy = true;
  pod.backOffWake = undefined;
  const snapshot = sim.now;
  const mark = markSync(sim, pod);
  publishStatus(sim, pod);
  if (!pod.workersCreated) {
    createProbeWorkers(sim, pod);
    wakeAtActiveDeadline(sim, pod);
  }
  runReadinessNow(sim, pod);

  const done = (error: boolean) => {
    recordSync(sim, pod, mark, error);
    syncDone(sim, pod, error);
  };

  if (pod.deletedAt !== null) {
    terminatePod(sim, pod, () => done(false));
    return;
  }
  if (activeDeadlinePassed(sim, pod)) {
    const phaseReason = {
      reason: 'DeadlineExceeded',
      message: 'Pod was active on the node longer than the specified deadline',
    };
    setPod(pod, { phaseReason });
    sim.emit(podRef(pod), 'Normal', 'DeadlineExceeded', phaseReason.message, 'kubelet');
    // generateAPIPodStatus already reports Failed/DeadlineExceeded (ShouldEvict) before the containers are killed.
    publishStatus(sim, pod);
    stopAll(sim, pod, 'Failed', 'deadline', () => done(false));
    return;
  }

  // WaitForAttachAndMount: no sandbox and no container before every volume is set up (docs/world-behaviour.md).
  if (!volumesMounted(sim, pod)) return done(true);
  const plan = computePodActions(pod, snapshot);
  if (plan.finish) {
    stopAll(sim, pod, plan.finish, 'podDone', () => done(false));
    return;
  }
  killAll(sim, pod, plan.kills, () => {
    ensureSandbox(sim, pod, () => startInOrder(sim, pod, plan.starts, snapshot, done));
  });
}

function syncDone(sim: Simulation, pod: PodRuntime, error: boolean): void {
  pod.busy = false;
  if (pod.terminalPhase === null) {
    // Pre-1.35 a sync error requeues after 10–15 s; 1.35 (PR #133066) waits exactly until the back-off expiry.
    const wake = pod.backOffWake;
    if (sim.kubelet.version === '1.35' && wake !== undefined) requeue(sim, pod, Math.max(0, wake - sim.now));
    else requeue(sim, pod, sim.jittered(error ? sim.timings.errorRequeue : sim.timings.resync));
  }
  if (pod.syncRequested) {
    pod.syncRequested = false;
    requestSync(sim, pod);
  }
}

function startInOrder(
  sim: Simulation,
  pod: PodRuntime,
  starts: ContainerRuntime[],
  snapshot: number,
  done: (error: boolean) => void,
): void {
  let error = false;
  let i = 0;
  const next = (outcome?: StartOutcome) => {
    if (outcome && outcome !== 'started') error = true;
    // A failed init container start blocks the ones after it; regular containers are independent.
    if (outcome && outcome !== 'started' && starts[i - 1]?.kind !== 'regular') return done(error);
    const c = starts[i++];
    if (c === undefined || pod.deletedAt !== null) return done(error);
    startContainer(sim, pod, c, snapshot, next);
  };
  next();
}

function ensureSandbox(sim: Simulation, pod: PodRuntime, then: () => void): void {
  if (pod.sandboxReady) return then();
  sim.after(sim.timings.sandbox, () => {
    setPod(pod, { sandboxReady: true });
    then();
  });
}

/** getPodsToSync asks activeDeadlineHandler.ShouldSync every syncTicker (1 s): the pod is synced at its deadline. */
function wakeAtActiveDeadline(sim: Simulation, pod: PodRuntime): void {
  const deadline = pod.spec.activeDeadlineSeconds;
  if (deadline === undefined || deadline === null) return;
  sim.after(Math.max(0, pod.createdAt + deadline * 1000 - sim.now), () => {
    if (pod.terminalPhase === null && pod.deletedAt === null) requestSync(sim, pod);
  });
}

function activeDeadlinePassed(sim: Simulation, pod: PodRuntime): boolean {
  const deadline = pod.spec.activeDeadlineSeconds;
  return deadline !== undefined && deadline !== null && sim.now - pod.createdAt >= deadline * 1000;
}
