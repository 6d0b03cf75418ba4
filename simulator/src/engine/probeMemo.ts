// A probe that passes every period against a pod that does not change gives the same result each time: 1,000
// replicas with two probes for an hour make half a million of them. Once nothing that decides a probe's answer can
// change with time (every port the pod's processes will open is open, every file they write at a set time is
// written, no periodic writer, no HTTP timeline still to come, nothing being stopped), the answer stays the same
// until a status input moves (runtime.ts `version`: a start, an exit, a what-if HTTP answer...). Such an answer is
// kept and reused; the worker still ticks, counts and records each result as the prober does
// (kubelet-semantics.md "Probes"), so the output is that of probing in full (test/simulator/batchedRuns.test.ts).
import type { Simulation } from './simulation';
import type { ContainerRuntime, Instance, PodRuntime, ProbeOutcome, ProbeWorker } from './runtime';
import { currentInstance, modelOf } from './runtime';
import { runProbe } from './probeHandlers';

/** runProbe's outcome for `w` at `now`, reused while the pod's answers cannot have changed. */
export function probeOutcome(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  w: ProbeWorker,
  now: number,
): ProbeOutcome {
  const inst = currentInstance(c);
  // Kept on the worker, not in a WeakMap: 20,000 workers each looking their answer up every period made the lookup
  // a third of a steady fleet's probing.
  const k = w.kept;
  if (k !== undefined && k.version === pod.version && k.instanceId === inst?.id && settled(pod, now)) return k.outcome;
  const outcome = runProbe(sim, pod, c, w, now);
  // Exec probes keep their own memo (execMemo.ts); a run that noted something is not repeated silently.
  if (!sim.batch || w.probe.exec || inst === undefined || !settled(pod, now)) w.kept = undefined;
  else w.kept = { version: pod.version, instanceId: inst.id, outcome };
  return outcome;
}

/** Nothing in the pod's processes changes with time from `now` on, until a status input moves. */
function settled(pod: PodRuntime, now: number): boolean {
  for (const c of pod.containers) {
    if (c.downPorts.size > 0) return false;
    const inst = currentInstance(c);
    if (inst === undefined || inst.finishedAt !== undefined) continue;
    if (inst.stopping || inst.signalledAt !== undefined || inst.killedAt !== undefined) return false;
    if (now < (inst.settledFrom ??= settledFrom(c, inst))) return false;
  }
  return true;
}

/**
 * From when a run's model changes no more with time: every port it opens is open, every timed file written, every
 * what-if HTTP answer given (the same comparison as listenerOn and the file folds: `startedAt + seconds * 1000 <=
 * now` once passed). Never for a periodic writer or a server that exits on its first connection. Worked out once per
 * run: probes ask at every tick.
 */
function settledFrom(c: ContainerRuntime, inst: Instance): number {
  const m = modelOf(c, inst);
  if (m.exitOnFirstConnection !== undefined) return Infinity;
  let from = -Infinity;
  for (const l of m.listen) from = Math.max(from, inst.startedAt + l.afterSeconds * 1000);
  for (const f of m.files) from = f.every !== undefined ? Infinity : Math.max(from, inst.startedAt + f.at * 1000);
  for (const h of m.httpTimeline ?? []) from = Math.max(from, inst.startedAt + h.at * 1000);
  return from;
}
