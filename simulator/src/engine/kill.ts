// killContainer (docs/kubelet-behaviour.md, "Hooks and termination"): Killing event, preStop within the grace period, then the stop
// signal with the grace left (at least 2 s); a process that ignores it is SIGKILLed at the end (137).
import type { Simulation } from './simulation';
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { modelOf, podRef } from './runtime';
import { finishInstance } from './process';
import { runPreStop } from './hooks';
import type { Cause, EndReason } from '../trace';

const STOP_LATENCY = 100;

export interface KillRequest {
  container: ContainerRuntime;
  instance: Instance;
  message: string;
  /** Why the kubelet kills it (recorded on the instance for consumers; `message` is the event's text). */
  reason: EndReason;
  /** Grace period in ms. */
  grace: number;
  cause?: Cause | undefined;
}

function killContainer(sim: Simulation, pod: PodRuntime, k: KillRequest, finished: () => void): void {
  const { container: c, instance: inst } = k;
  if (inst.finishedAt !== undefined && inst.finishedAt <= sim.now) return finished();
  // The stop returns as soon as the container is gone, whoever ended it (the signal, a hook, a what-if).
  let returned = false;
  const done = () => {
    if (returned) return;
    returned = true;
    finished();
  };
  inst.onFinish = done;
  inst.stopping = true;
  inst.endedBy = k.reason;
  inst.killedAt = sim.now;
  pod.probeInputs++; // a stopping container's answers change as it stops (probeMemo.ts settled)
  sim.emit(podRef(pod), 'Normal', 'Killing', k.message, 'kubelet', k.cause);
  const began = sim.now;
  runPreStop(sim, pod, c, inst, k.grace, () => {
    const spent = sim.now - began;
    const timeout = Math.max(k.grace - spent, sim.timings.minimumGrace);
    if (inst.finishedAt !== undefined) return done();
    inst.signalledAt = sim.now;
    pod.probeInputs++;
    const stop = modelOf(c, inst).onStop;
    // The runtime takes a moment to deliver the signal and reap the process (≈0.1 s).
    const handled = stop.action === 'exit' && stop.afterSeconds * 1000 < timeout;
    const after = handled ? Math.max(stop.afterSeconds * 1000, STOP_LATENCY) : timeout + STOP_LATENCY;
    const code = handled ? stop.code : 137;
    sim.after(after, () => finishInstance(sim, pod, c, inst, code, code === 0 ? 'Completed' : 'Error', k.cause));
  });
}

/** Kill several containers at once; `then` runs when the last one is gone. */
export function killAll(sim: Simulation, pod: PodRuntime, kills: KillRequest[], then: () => void): void {
  if (kills.length === 0) return then();
  let left = kills.length;
  for (const k of kills) {
    killContainer(sim, pod, k, () => {
      if (--left === 0) then();
    });
  }
}
