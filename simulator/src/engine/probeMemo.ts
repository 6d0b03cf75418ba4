// A probe that passes every period against a pod that does not change gives the same result each time: 1,000
// replicas with two probes for an hour make half a million of them. Once nothing that decides a probe's answer can
// change with time (every port the pod's processes will open is open, every file they write at a set time is
// written, no periodic writer, no HTTP timeline still to come, nothing being stopped), the answer stays the same
// until a status input moves (runtime.ts `version`: a start, an exit, a what-if HTTP answer...). Such an answer is
// kept and reused; the worker still ticks, counts and records each result as the prober does
// (kubelet-semantics.md "Probes"), so the output is that of probing in full (test/simulator/batchedRuns.test.ts).
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime, ProbeWorker } from './runtime';
import { currentInstance, modelOf } from './runtime';
import type { ProbeOutcome } from './probeHandlers';

interface Kept {
  version: number;
  instanceId: number;
  outcome: ProbeOutcome;
}

const kept = new WeakMap<ProbeWorker, Kept>();

/** `run()`'s outcome for `w` at `now`, reused while the pod's answers cannot have changed. */
export function probeOutcome(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  w: ProbeWorker,
  now: number,
  run: () => ProbeOutcome,
): ProbeOutcome {
  const inst = currentInstance(c);
  const k = kept.get(w);
  if (k !== undefined && k.version === pod.version && k.instanceId === inst?.id && settled(pod, now)) return k.outcome;
  const outcome = run();
  // Exec probes keep their own memo (execMemo.ts); a run that noted something is not repeated silently.
  if (!sim.batch || w.probe.exec || inst === undefined || !settled(pod, now)) kept.delete(w);
  else kept.set(w, { version: pod.version, instanceId: inst.id, outcome });
  return outcome;
}

/** Nothing in the pod's processes changes with time from `now` on, until a status input moves. */
function settled(pod: PodRuntime, now: number): boolean {
  for (const c of pod.containers) {
    if (c.downPorts.size > 0) return false;
    const inst = currentInstance(c);
    if (inst === undefined || inst.finishedAt !== undefined) continue;
    if (inst.stopping || inst.signalledAt !== undefined || inst.killedAt !== undefined) return false;
    const m = modelOf(c, inst);
    if (m.exitOnFirstConnection !== undefined) return false;
    const since = (seconds: number) => inst.startedAt + seconds * 1000 <= now;
    if (!m.listen.every((l) => since(l.afterSeconds))) return false;
    if (!m.files.every((f) => f.every === undefined && since(f.at))) return false;
    if (!(m.httpTimeline ?? []).every((h) => since(h.at))) return false;
  }
  return true;
}
