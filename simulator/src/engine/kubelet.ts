// The pod worker: one sync at a time per pod (docs/kubelet-behaviour.md, "The pod worker"). A sync builds the status from the
// runtime snapshot, then kills what must die and starts what must run (computePodActions). Kills wait for
// their grace period, so a sync can last; triggers that arrive meanwhile run one more sync afterwards.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import { currentInstance, isRunning, runningInstance, touch } from './runtime';
import { publishStatus } from './status';
import { createProbeWorkers, runReadinessNow, stopProbeWorkers } from './probes';
import { startContainer, type StartOutcome } from './start';
import { killContainer, type KillRequest } from './kill';
import { shouldRestart } from './policy';
import { retryUnschedulable } from './pods';

export function podRef(pod: PodRuntime): string {
  return `Pod/${pod.name}`;
}

/** Ask the pod worker for a sync now (PLEG event, probe result, API update). */
export function requestSync(sim: Simulation, pod: PodRuntime): void {
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

/** A PLEG event: the kubelet notices a container start or exit on its next relist. */
export function plegSync(sim: Simulation, pod: PodRuntime): void {
  sim.after(sim.timings.pleg, () => requestSync(sim, pod));
}

function requeue(sim: Simulation, pod: PodRuntime, delay: number): void {
  const token = ++pod.requeueToken;
  sim.after(delay, () => {
    if (pod.requeueToken === token) requestSync(sim, pod);
  });
}

interface Plan {
  kills: KillRequest[];
  starts: ContainerRuntime[];
  /** The pod is done: restartPolicy Never with a failed init container, or all regular containers finished. */
  finish?: 'Succeeded' | 'Failed';
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
  pod.busy = true;
  pod.backOffWake = undefined;
  const snapshot = sim.now;
  publishStatus(sim, pod);
  if (!pod.workersCreated) {
    createProbeWorkers(sim, pod);
    wakeAtActiveDeadline(sim, pod);
  }
  runReadinessNow(sim, pod);

  const done = (error: boolean) => {
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
  };

  if (pod.deletedAt !== null) {
    terminatePod(sim, pod, () => done(false));
    return;
  }
  if (activeDeadlinePassed(sim, pod)) {
    pod.phaseReason = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
    sim.emit(podRef(pod), 'Normal', 'DeadlineExceeded', pod.phaseReason.message, 'kubelet');
    // generateAPIPodStatus already reports Failed/DeadlineExceeded (ShouldEvict) before the containers are killed.
    touch(pod);
    publishStatus(sim, pod);
    stopAll(sim, pod, 'Failed', 'deadline', () => done(false));
    return;
  }

  const plan = computePodActions(pod, snapshot);
  if (plan.finish) {
    stopAll(sim, pod, plan.finish, 'podDone', () => done(false));
    return;
  }
  killAll(sim, pod, plan.kills, () => {
    ensureSandbox(sim, pod, () => startInOrder(sim, pod, plan.starts, snapshot, done));
  });
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
    pod.sandboxReady = true;
    touch(pod);
    then();
  });
}

function killAll(sim: Simulation, pod: PodRuntime, kills: KillRequest[], then: () => void): void {
  if (kills.length === 0) return then();
  let left = kills.length;
  for (const k of kills) {
    killContainer(sim, pod, k, () => {
      if (--left === 0) then();
    });
  }
}

export function computePodActions(pod: PodRuntime, snapshot: number): Plan {
  const policy = pod.spec.restartPolicy ?? 'Always';
  const plan: Plan = { kills: [], starts: [] };

  for (const c of pod.containers) {
    if (c.kind === 'init') continue;
    const cur = runningInstance(c, snapshot);
    if (cur === undefined || cur.stopping) continue;
    const probe = c.livenessFailed ? 'liveness' : c.startupFailed ? 'startup' : undefined;
    if (probe === undefined) continue;
    const restart = c.kind === 'sidecar' || policy !== 'Never';
    const who = c.kind === 'sidecar' ? 'Init container' : 'Container';
    plan.kills.push({
      container: c,
      instance: cur,
      message: `${who} ${c.name} failed ${probe} probe${restart ? ', will be restarted' : ''}`,
      reason: probe,
      grace: probeGrace(pod, c, probe),
      cause: failureCause(c, probe),
    });
    if (restart) plan.starts.push(c);
  }

  if (!pod.initialized) {
    const init = planInit(pod, snapshot, policy);
    if (init === 'failed') return { kills: [], starts: [], finish: 'Failed' };
    if (init !== 'done') {
      if (init !== 'wait') plan.starts.push(init);
      return plan;
    }
    pod.initialized = true;
    touch(pod);
  }

  const regular = pod.containers.filter((c) => c.kind === 'regular');
  for (const c of pod.containers) {
    if (c.kind === 'init' || plan.starts.includes(c)) continue;
    const cur = currentInstance(c);
    if (cur === undefined) plan.starts.push(c);
    else if (!isRunning(cur, snapshot) && cur.finishedAt !== undefined) {
      if (c.kind === 'sidecar' || shouldRestart(policy, cur.exitCode ?? 0)) plan.starts.push(c);
    }
  }

  // restartPolicy Never/OnFailure: once every regular container is done for good, the pod is terminal.
  const allDone = regular.every((c) => {
    const cur = currentInstance(c);
    return cur !== undefined && cur.finishedAt !== undefined && cur.finishedAt <= snapshot && !shouldRestart(policy, cur.exitCode ?? 0);
  });
  if (allDone && regular.length > 0 && plan.kills.length === 0) {
    const ok = regular.every((c) => currentInstance(c)?.exitCode === 0);
    return { kills: [], starts: [], finish: ok ? 'Succeeded' : 'Failed' };
  }
  return plan;
}

/** The next init container to start, 'wait' while one runs, 'done' when all finished, 'failed' (Never). */
function planInit(pod: PodRuntime, snapshot: number, policy: string): ContainerRuntime | 'wait' | 'done' | 'failed' {
  for (const c of pod.containers) {
    if (c.kind === 'regular') break;
    const cur = currentInstance(c);
    if (c.kind === 'sidecar') {
      if (isRunning(cur, snapshot)) {
        if (c.started) continue;
        return 'wait';
      }
      return c;
    }
    if (cur === undefined) return c;
    if (isRunning(cur, snapshot) || cur.finishedAt === undefined || cur.finishedAt > snapshot) return 'wait';
    if (cur.exitCode === 0) continue;
    if (policy === 'Never') return 'failed';
    return c;
  }
  return 'done';
}

function probeGrace(pod: PodRuntime, c: ContainerRuntime, probe: 'liveness' | 'startup'): number {
  const p = probe === 'liveness' ? c.spec.livenessProbe : c.spec.startupProbe;
  const seconds = p?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  return seconds * 1000;
}

function failureCause(c: ContainerRuntime, probe: 'liveness' | 'startup') {
  const w = c.workers.find((x) => x.slot === probe);
  return w?.lastCause;
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

/** Graceful termination after a deletion request: regular containers first, then sidecars in reverse order. */
function terminatePod(sim: Simulation, pod: PodRuntime, done: () => void): void {
  if (pod.terminating) return done();
  pod.terminating = true;
  stopProbeWorkers(pod, 'liveness', 'startup');
  const deadline = pod.deletedAt! + pod.deletionGrace;
  const running = (c: ContainerRuntime) => {
    const cur = runningInstance(c, sim.now);
    return cur && !cur.stopping ? cur : undefined;
  };
  const stopGroup = (group: ContainerRuntime[], then: () => void) => {
    const kills: KillRequest[] = [];
    for (const c of group) {
      const inst = running(c);
      if (inst) kills.push({ container: c, instance: inst, message: `Stopping container ${c.name}`, reason: 'deletion', grace: Math.max(0, deadline - sim.now) });
    }
    killAll(sim, pod, kills, then);
  };
  const regular = pod.containers.filter((c) => c.kind === 'regular' || c.kind === 'init');
  const sidecars = pod.containers.filter((c) => c.kind === 'sidecar').reverse();
  stopGroup(regular, () => {
    const stopNext = (i: number): void => {
      const c = sidecars[i];
      if (c === undefined) {
        finishTermination(sim, pod);
        return done();
      }
      stopGroup([c], () => stopNext(i + 1));
    };
    stopNext(0);
  });
}

function finishTermination(sim: Simulation, pod: PodRuntime): void {
  const ok = pod.containers.filter((c) => c.kind !== 'sidecar').every((c) => {
    const cur = currentInstance(c);
    return cur === undefined || cur.exitCode === 0;
  });
  markTerminal(sim, pod, ok ? 'Succeeded' : 'Failed');
  if (pod.removedAt === null) pod.removedAt = sim.now;
  sim.hooks.podChanged(pod);
}

/** Kill everything still running and move the pod to its terminal phase. */
function stopAll(sim: Simulation, pod: PodRuntime, phase: 'Succeeded' | 'Failed', reason: 'deadline' | 'podDone', done: () => void): void {
  const grace = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  const kills: KillRequest[] = [];
  for (const c of [...pod.containers].reverse()) {
    const cur = runningInstance(c, sim.now);
    if (cur && !cur.stopping) kills.push({ container: c, instance: cur, message: `Stopping container ${c.name}`, reason, grace });
  }
  stopProbeWorkers(pod, 'liveness', 'startup', 'readiness');
  killAll(sim, pod, kills, () => {
    markTerminal(sim, pod, phase);
    done();
  });
}

function markTerminal(sim: Simulation, pod: PodRuntime, phase: 'Succeeded' | 'Failed'): void {
  if (pod.terminalPhase !== null) return;
  pod.terminalPhase = phase;
  retryUnschedulable(sim); // its resources are free again
  for (const c of pod.containers) c.ready = false;
  touch(pod);
  publishStatus(sim, pod);
  sim.hooks.podChanged(pod);
}

/** Request the deletion of a pod (kubectl delete, a controller, an eviction). */
export function deletePod(sim: Simulation, pod: PodRuntime, graceSeconds: number | undefined, force: boolean): void {
  if (pod.removedAt !== null) return;
  if (pod.deletedAt === null) {
    pod.deletedAt = sim.now;
    pod.deletionGrace = (force ? 0 : graceSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    touch(pod);
  }
  if (force || pod.node === null || pod.terminalPhase !== null) {
    pod.removedAt = sim.now;
  }
  publishStatus(sim, pod);
  sim.hooks.podChanged(pod);
  if (pod.node !== null && pod.terminalPhase === null) requestSync(sim, pod);
}
