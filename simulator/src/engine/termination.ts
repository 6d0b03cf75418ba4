// Ending a pod: the deletion request (kubectl delete, a controller, an eviction), the kubelet's graceful
// termination that follows it, and the stop of everything when the pod reaches a terminal phase.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import { currentInstance, runningInstance } from './runtime';
import { setContainer, setPod } from './statusInputs';
import { publishStatus } from './status';
import { stopProbeWorkers } from './probes';
import { killAll, type KillRequest } from './kill';
import { retryUnschedulable } from './pods';

/** Graceful termination after a deletion request: regular containers first, then sidecars in reverse order. */
export function terminatePod(sim: Simulation, pod: PodRuntime, done: () => void): void {
  if (pod.terminating) return done();
  pod.terminating = true;
  sim.index.refresh(pod);
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
      if (inst)
        kills.push({
          container: c,
          instance: inst,
          message: `Stopping container ${c.name}`,
          reason: 'deletion',
          grace: Math.max(0, deadline - sim.now),
        });
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
  const ok = pod.containers
    .filter((c) => c.kind !== 'sidecar')
    .every((c) => {
      const cur = currentInstance(c);
      return cur === undefined || cur.exitCode === 0;
    });
  markTerminal(sim, pod, ok ? 'Succeeded' : 'Failed');
  if (pod.removedAt === null) pod.removedAt = sim.now;
  sim.index.refresh(pod);
  sim.hooks.podChanged(pod);
}

/** Kill everything still running and move the pod to its terminal phase. */
export function stopAll(
  sim: Simulation,
  pod: PodRuntime,
  phase: 'Succeeded' | 'Failed',
  reason: 'deadline' | 'podDone',
  done: () => void,
): void {
  const grace = pod.spec.terminationGracePeriodSeconds * 1000;
  const kills: KillRequest[] = [];
  for (const c of [...pod.containers].reverse()) {
    const cur = runningInstance(c, sim.now);
    if (cur && !cur.stopping)
      kills.push({ container: c, instance: cur, message: `Stopping container ${c.name}`, reason, grace });
  }
  stopProbeWorkers(pod, 'liveness', 'startup', 'readiness');
  killAll(sim, pod, kills, () => {
    markTerminal(sim, pod, phase);
    done();
  });
}

function markTerminal(sim: Simulation, pod: PodRuntime, phase: 'Succeeded' | 'Failed'): void {
  if (pod.terminalPhase !== null) return;
  setPod(pod, { terminalPhase: phase });
  sim.index.refresh(pod);
  retryUnschedulable(sim); // its resources are free again
  for (const c of pod.containers) setContainer(pod, c, { ready: false });
  publishStatus(sim, pod);
  sim.hooks.podChanged(pod);
}

/** Request the deletion of a pod (kubectl delete, a controller, an eviction). */
export function deletePod(sim: Simulation, pod: PodRuntime, graceSeconds: number | undefined, force: boolean): void {
  if (pod.removedAt !== null) return;
  if (pod.deletedAt === null) {
    setPod(pod, {
      deletedAt: sim.now,
      deletionGrace: (force ? 0 : (graceSeconds ?? pod.spec.terminationGracePeriodSeconds)) * 1000,
    });
  }
  if (force || pod.node === null || pod.terminalPhase !== null) {
    pod.removedAt = sim.now;
    sim.index.refresh(pod);
  }
  publishStatus(sim, pod);
  sim.hooks.podChanged(pod);
  if (pod.node !== null && pod.terminalPhase === null) sim.worker.requestSync(pod);
}
