// Starting one container inside a sync: the crash-loop back-off check (doBackOff, docs/kubelet-behaviour.md "Crash-loop back-off"),
// the image pull (§1.4), create and start, the postStart hook, and the process the behaviour model predicts.
import type { Simulation } from './simulation';
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { podRef } from './runtime';
import { setContainer, startInstance } from './statusInputs';
import { backOffActive, nextBackOff } from './policy';
import { ensureImage } from './images';
import { scheduleProcess } from './process';
import { runPostStart } from './hooks';
import { goDuration } from '../model/goDuration';
import { filesAtStart } from './podFiles';
import { bindClash } from './portClash';
import { failsContainerConfig } from './podWorld';

export type StartOutcome = 'started' | 'backoff' | 'image' | 'config' | 'hook';

export function startContainer(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  snapshot: number,
  done: (outcome: StartOutcome) => void,
): void {
  // The most recent instance that had exited when the sync took its snapshot.
  let last: Instance | undefined;
  for (let i = c.instances.length - 1; i >= 0; i--) {
    const inst = c.instances[i]!;
    if (inst.finishedAt !== undefined && inst.finishedAt <= snapshot) {
      last = inst;
      break;
    }
  }
  if (last !== undefined) {
    const finished = last.finishedAt!;
    if (backOffActive(c.backOff, finished, sim.timings) && sim.now - finished < c.backOff.delay) {
      const ref = `${pod.name}_${pod.namespace}(${pod.uid})`;
      setContainer(pod, c, {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${delayText(c.backOff.delay)} restarting failed container=${c.name} pod=${ref}`,
          ...(last.cause ? { cause: last.cause } : {}),
          backOff: { delay: c.backOff.delay, until: finished + c.backOff.delay },
        },
      });
      sim.emit(
        podRef(pod),
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${c.name} in pod ${ref}`,
        'kubelet',
        last.cause,
      );
      const wake = finished + c.backOff.delay;
      last.backOffUntil = wake;
      pod.backOffWake = pod.backOffWake === undefined ? wake : Math.min(pod.backOffWake, wake);
      return done('backoff');
    }
    c.backOff = nextBackOff(c.backOff, finished, sim.now, sim.timings);
  }

  ensureImage(sim, pod, c, (ok) => {
    if (!ok) return done('image');
    // generateContainerConfig runs after the image step: each attempt pulls (or finds the image), then fails.
    if (failsContainerConfig(sim, pod, c)) return done('config');
    const inst = launch(sim, pod, c);
    runPostStart(sim, pod, c, inst, (failed) => done(failed ? 'hook' : 'started'));
  });
}

/** Go's rendering of a back-off delay; a crash loop asks for the same few delays at every sync, so they are kept. */
const delayTexts = new Map<number, string>();
function delayText(ms: number): string {
  let text = delayTexts.get(ms);
  if (text === undefined) {
    text = goDuration(ms / 1000);
    delayTexts.set(ms, text);
  }
  return text;
}

function launch(sim: Simulation, pod: PodRuntime, c: ContainerRuntime): Instance {
  // A run reads what earlier runs left on the pod's volumes (a restart counter on an emptyDir), so its model is
  // worked out now, from the files as they are.
  const fresh = c.rerun?.(filesAtStart(pod, c, sim.now));
  // The pod's containers share one port space: a port another container holds makes this run's bind fail.
  const clash = bindClash(sim, pod, c, fresh ?? c.process, sim.now);
  const process = clash ?? fresh;
  for (const n of process?.notes ?? []) sim.note('info', `${pod.name}/${c.name}: ${n}`, pod.doc);
  const inst = startInstance(pod, c, sim.now, { process, current: clash === undefined });
  sim.emit(podRef(pod), 'Normal', 'Created', `Created container ${c.name}`, 'kubelet');
  sim.emit(podRef(pod), 'Normal', 'Started', `Started container ${c.name}`, 'kubelet');
  scheduleProcess(sim, pod, c, inst);
  sim.worker.plegRelist(pod);
  return inst;
}
