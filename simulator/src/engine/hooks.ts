// postStart and preStop hooks (docs/kubelet-behaviour.md, "Hooks and termination"). The kubelet waits for each hook inside the sync.
import type { Simulation } from './simulation';
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { podRef } from './runtime';
import { setContainer } from './statusInputs';
import { finishInstance } from './process';
import { hookOutcome } from './hookOutcome';

export function runPostStart(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  inst: Instance,
  done: (failed: boolean) => void,
): void {
  const handler = c.spec.lifecycle?.postStart;
  if (handler === undefined) return done(false);
  const outcome = hookOutcome(sim, pod, c, handler);
  sim.after(outcome.seconds * 1000, () => {
    if (!outcome.failed) return done(false);
    const cause = { doc: pod.doc, paths: [`${c.path}.lifecycle.postStart`], evidence: outcome.message };
    sim.emit(podRef(pod), 'Warning', 'FailedPostStartHook', 'PostStartHook failed', 'kubelet', cause);
    inst.stopping = true;
    inst.endedBy = 'postStart';
    inst.killedAt = sim.now;
    pod.probeInputs++;
    sim.emit(podRef(pod), 'Normal', 'Killing', 'FailedPostStartHook', 'kubelet', cause);
    finishInstance(sim, pod, c, inst, 137, 'Error', cause);
    setContainer(pod, c, { waiting: { reason: 'PostStartHookError', message: outcome.message, cause } });
    done(true);
  });
}

export function runPreStop(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  _inst: Instance,
  grace: number,
  done: () => void,
): void {
  const handler = c.spec.lifecycle?.preStop;
  if (handler === undefined || grace <= 0) return done();
  const outcome = hookOutcome(sim, pod, c, handler);
  const seconds = Math.min(outcome.seconds, grace / 1000);
  const stops = outcome.stopsMain;
  if (stops !== undefined && stops.afterSeconds < seconds) {
    // The hook itself ends the main process (e.g. `nginx -s quit`).
    sim.after(stops.afterSeconds * 1000, () =>
      finishInstance(sim, pod, c, _inst, stops.code, stops.code === 0 ? 'Completed' : 'Error'),
    );
  }
  sim.after(seconds * 1000, () => {
    if (outcome.failed) {
      const cause = { doc: pod.doc, paths: [`${c.path}.lifecycle.preStop`], evidence: outcome.message };
      sim.emit(podRef(pod), 'Warning', 'FailedPreStopHook', 'PreStopHook failed', 'kubelet', cause);
    } else if (outcome.seconds * 1000 > grace) {
      sim.note(
        'warning',
        `preStop of ${c.name} takes ${outcome.seconds}s, longer than the ${grace / 1000}s grace period: it is cut short`,
        pod.doc,
      );
    }
    done();
  });
}
