// A steady probe tick, without probing: 10,000 replicas passing two probes for an hour make 5.4 million ticks, and
// most of their cost was reading the pod, the container, the run, its ports and the probe log's last record (each a
// cache miss among 10,000 pods) only to find that nothing moved. Once a tick's result repeated the previous one,
// changed nothing and came from a reused answer (probeMemo.ts, which holds while the pod's status inputs do not
// move), the next tick one period later gives the same result again as long as the pod's `version` (status inputs)
// and `probeInputs` (a port made to refuse connections, a kill's stop) are those of that tick: it is recorded as one
// more repeat straight away. Anything else (a manual readiness run, a new run, a what-if, a kill) probes in full and
// starts over, so the output is that of probing every tick (test/simulator/batchedRuns.test.ts).
import type { Simulation } from './simulation';
import type { PodRuntime, ProbeWorker } from './runtime';

/** Records the tick at `sim.now` as a repeat when `w` is steady (noteSteady); false: probe in full. */
export function repeatSteady(sim: Simulation, pod: PodRuntime, w: ProbeWorker, period: number): boolean {
  if (w.steadyAt !== sim.now || w.steadyVersion !== pod.version || w.steadyInputs !== pod.probeInputs) return false;
  // What the prober does with a repeated success past its threshold: one more in the run, nothing to apply.
  w.resultRun++;
  sim.probes.again(w.stream!);
  w.steadyAt += period;
  return true;
}

/**
 * Called after a full probe of the tick at `sim.now` that repeated its previous result and changed nothing: the next
 * tick may repeat it without probing when the answer was a reused one (valid until the pod's inputs move) and the
 * run is past the success threshold (below it, a repeat still counts up to a readiness change).
 */
export function noteSteady(sim: Simulation, pod: PodRuntime, w: ProbeWorker, period: number): void {
  if (w.kept === undefined || w.kept.version !== pod.version || w.stream === undefined) return;
  if (w.resultRun < w.probe.successThreshold) return;
  w.steadyAt = sim.now + period;
  w.steadyVersion = pod.version;
  w.steadyInputs = pod.probeInputs;
}

/** Forgets the steady state: the next tick probes in full. */
export function unsteady(w: ProbeWorker): void {
  w.steadyAt = -1;
}
