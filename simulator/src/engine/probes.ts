// Probe workers (docs/kubelet-behaviour.md, "Probes"): one per (container, probe type), created at the pod's first
// sync, ticking every periodSeconds on a grid anchored at their creation; thresholds, holds and the
// startup gate as in pkg/kubelet/prober/worker.go.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime, ProbeOutcome, ProbeSlot, ProbeWorker } from './runtime';
import { PROBE_FIELD, currentInstance, isRunning, podRef, probeOf, runningInstance } from './runtime';
import { setContainer } from './statusInputs';
import { publishStatus } from './status';
import { probeOutcome } from './probeMemo';
import { noteSteady, repeatSteady, unsteady } from './probeTick';
import type { ProbeRecord } from '../trace';

const SLOTS: ProbeSlot[] = ['startup', 'liveness', 'readiness'];
const TITLE: Record<ProbeSlot, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

export function createProbeWorkers(sim: Simulation, pod: PodRuntime): void {
  pod.workersCreated = true;
  for (const c of pod.containers) {
    if (c.kind === 'init') continue;
    for (const slot of SLOTS) {
      const probe = probeOf(c.spec, slot);
      if (probe === undefined) continue;
      const w: ProbeWorker = {
        slot,
        probe,
        path: `${c.path}.${PROBE_FIELD[slot]}`,
        instanceId: 0,
        onHold: false,
        lastResult: null,
        resultRun: 0,
        stopped: false,
        steadyAt: -1,
        steadyVersion: 0,
        steadyInputs: 0,
      };
      c.workers.push(w);
      const period = Math.max(1, probe.periodSeconds) * 1000;
      const tick = () => {
        if (w.stopped || pod.terminalPhase !== null || pod.removedAt !== null) return;
        sim.after(period, tick);
        if (repeatSteady(sim, pod, w, period)) sim.repeatedStep();
        else if (doProbe(sim, pod, c, w)) {
          sim.repeatedStep();
          noteSteady(sim, pod, w, period);
        }
      };
      sim.after(0, tick);
    }
  }
}

export function stopProbeWorkers(pod: PodRuntime, ...slots: ProbeSlot[]): void {
  for (const c of pod.containers) for (const w of c.workers) if (slots.includes(w.slot)) w.stopped = true;
}

/**
 * UpdatePodStatus (k/k pkg/kubelet/prober/prober_manager.go), called by generateAPIPodStatus at every sync:
 * for a container that is running and started (startup probe passed, or none) but whose readiness result
 * is not Success, it sends on the readiness worker's manualTriggerCh, and worker.go's run loop probes at
 * once besides its ticks. So the first readiness probe follows the container start, or the startup probe's
 * success (whose result change triggers a sync), instead of waiting for the next tick. The channel holds one
 * trigger, so triggers that arrive before the probe runs count once.
 */
export function runReadinessNow(sim: Simulation, pod: PodRuntime): void {
  for (const c of pod.containers) {
    const w = triggerDue(sim, c);
    if (w === undefined) continue;
    w.triggered = true;
    sim.after(0, () => {
      w.triggered = false;
      doProbe(sim, pod, c, w);
    });
  }
}

/** Whether a sync now would trigger a readiness probe (runReadinessNow): a replayed sync must not skip one. */
export function readinessTriggerDue(sim: Simulation, pod: PodRuntime): boolean {
  // Loops, not some/find with closures: every resync of every running pod asks.
  for (const c of pod.containers) if (triggerDue(sim, c) !== undefined) return true;
  return false;
}

function triggerDue(sim: Simulation, c: ContainerRuntime): ProbeWorker | undefined {
  let w: ProbeWorker | undefined;
  for (const x of c.workers) {
    if (x.slot !== 'readiness') continue;
    w = x;
    break;
  }
  const inst = runningInstance(c, sim.now);
  if (w === undefined || w.stopped || w.triggered || inst === undefined || !c.started) return undefined;
  if (c.ready && w.instanceId === inst.id) return undefined;
  return w;
}

/** Probes once; true when the result repeated the previous one and changed nothing (probeLog.ts). */
function doProbe(sim: Simulation, pod: PodRuntime, c: ContainerRuntime, w: ProbeWorker): boolean {
  unsteady(w);
  const inst = currentInstance(c);
  if (inst === undefined || w.stopped) return false;
  if (inst.id !== w.instanceId) {
    w.instanceId = inst.id;
    w.onHold = false;
    if (w.slot === 'readiness' && c.ready) setContainer(pod, c, { ready: false });
  }
  if (w.onHold) return false;
  const now = sim.now;
  if (!isRunning(inst, now)) {
    if (w.slot === 'readiness' && c.ready) {
      setContainer(pod, c, { ready: false });
      publishStatus(sim, pod);
    }
    return false;
  }
  if (Math.floor((now - inst.startedAt) / 1000) < w.probe.initialDelaySeconds) return false;
  if (w.slot === 'startup' ? c.started : !c.started) return false;
  if (pod.deletedAt !== null && w.slot !== 'readiness') return false;

  const outcome = probeOutcome(sim, pod, c, w, now);
  const failureThreshold = w.probe.failureThreshold;
  if (outcome.result === 'error') {
    // An errored probe's result is thrown away: the run is neither counted nor reset.
    record(sim, pod, c, w, outcome, inst.restartCount, 0, failureThreshold);
    return false;
  }
  const result = outcome.result;
  w.lastCause = result === 'failure' ? outcome.cause : undefined;
  if (w.lastResult === result) w.resultRun++;
  else {
    w.lastResult = result;
    w.resultRun = 1;
  }
  const threshold = result === 'failure' ? failureThreshold : w.probe.successThreshold;
  const repeated = record(sim, pod, c, w, outcome, inst.restartCount, w.resultRun, threshold);
  if (w.resultRun < threshold) return repeated;
  return apply(sim, pod, c, w, result) && repeated;
}

function record(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  w: ProbeWorker,
  o: ProbeOutcome,
  restartCount: number,
  run: number,
  threshold: number,
): boolean {
  if (o.result === 'success' && o.warning === undefined) {
    if (sim.probes.repeat(w.stream, sim.now, o.message, restartCount, run, threshold)) return true;
  }
  const rec: ProbeRecord = {
    t: sim.now / 1000,
    pod: pod.name,
    container: c.name,
    probe: w.slot,
    result: o.result === 'error' ? 'unknown' : o.result,
    restartCount,
    run,
    threshold,
  };
  if (o.message) rec.message = o.message;
  if (o.warning) rec.warning = o.warning;
  if (o.cause && o.result !== 'success') rec.cause = o.cause;
  w.stream = sim.probes.push(rec, sim.now, Math.max(1, w.probe.periodSeconds) * 1000);
  if (o.result === 'failure') {
    sim.emit(
      podRef(pod),
      'Warning',
      'Unhealthy',
      `${TITLE[w.slot]} probe failed: ${o.message ?? ''}`,
      'kubelet',
      o.cause,
    );
  } else if (o.result === 'error') {
    sim.emit(
      podRef(pod),
      'Warning',
      'Unhealthy',
      `${TITLE[w.slot]} probe errored: ${o.message ?? ''}`,
      'kubelet',
      o.cause,
    );
  } else if (o.warning) {
    sim.emit(podRef(pod), 'Warning', 'ProbeWarning', `${TITLE[w.slot]} probe warning: ${o.warning}`, 'kubelet');
  }
  return false;
}

/** What a result at its threshold does (worker.go doProbe, prober_manager.go); true when it changed nothing. */
function apply(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  w: ProbeWorker,
  result: 'success' | 'failure',
): boolean {
  switch (w.slot) {
    case 'readiness': {
      const ready = result === 'success';
      if (c.ready === ready) return true;
      setContainer(pod, c, { ready });
      publishStatus(sim, pod);
      sim.hooks.podChanged(pod);
      sim.worker.requestSync(pod);
      return false;
    }
    case 'liveness':
      if (result === 'success') return true;
      c.livenessFailed = true;
      w.onHold = true;
      w.resultRun = 0;
      sim.worker.requestSync(pod);
      return false;
    case 'startup':
      if (result === 'success') {
        setContainer(pod, c, { started: true });
        publishStatus(sim, pod);
      } else {
        c.startupFailed = true;
        w.onHold = true;
        w.resultRun = 0;
      }
      sim.worker.requestSync(pod);
      return false;
  }
}
