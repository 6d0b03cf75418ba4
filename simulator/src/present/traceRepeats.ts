// Folding repeated records of a trace, kubectl-style, for bounded `--format json` output of long runs.
//
// The kubelet's event recorder does the same (client-go tools/record EventCorrelator → eventLogger): an event
// identical to an earlier one (same source, object, type, reason and message) is not stored again; the stored
// Event's count goes up and its lastTimestamp moves (core/v1 Event: count, firstTimestamp, lastTimestamp). Here
// the first record stays where it was, with its `t` (firstTimestamp) and cause, and gains `count` and `lastT`.
// Probe results fold the same way per prober worker: a result equal to that worker's previous one (same result,
// message, instance and threshold) adds to the record it continues, which gains `count`, `lastT` and `lastRun`.
import type { ProbeRecord, TraceEvent } from '../trace';

/** An event with its repeats folded in: `t` is the first time, `lastT` the last, `count` how many (≥ 2). */
export type FoldedEvent = TraceEvent & { count?: number; lastT?: number };

/** A probe result continued by equal results of the same worker: `run` is the first one's, `lastRun` the last's. */
export type FoldedProbe = ProbeRecord & { count?: number; lastT?: number; lastRun?: number };

/** Identical events become one record (first occurrence's place and cause, then count and lastT). */
export function foldEvents(events: readonly TraceEvent[]): FoldedEvent[] {
  const out: FoldedEvent[] = [];
  const byKey = new Map<string, FoldedEvent>();
  for (const e of events) {
    const key = `${e.source}\u0000${e.object}\u0000${e.type}\u0000${e.reason}\u0000${e.message}`;
    const seen = byKey.get(key);
    if (seen === undefined) {
      const first: FoldedEvent = { ...e };
      byKey.set(key, first);
      out.push(first);
      continue;
    }
    seen.count = (seen.count ?? 1) + 1;
    seen.lastT = e.t;
  }
  return out;
}

/** Consecutive equal results of one prober worker become one record. */
export function foldProbes(probes: readonly ProbeRecord[]): FoldedProbe[] {
  const out: FoldedProbe[] = [];
  const open = new Map<string, FoldedProbe>();
  for (const p of probes) {
    const worker = `${p.pod}\u0000${p.container}\u0000${p.probe}`;
    const prev = open.get(worker);
    if (prev !== undefined && sameResult(prev, p)) {
      prev.count = (prev.count ?? 1) + 1;
      prev.lastT = p.t;
      prev.lastRun = p.run;
      continue;
    }
    const first: FoldedProbe = { ...p };
    open.set(worker, first);
    out.push(first);
  }
  return out;
}

function sameResult(a: ProbeRecord, b: ProbeRecord): boolean {
  return (
    a.result === b.result &&
    a.message === b.message &&
    a.warning === b.warning &&
    a.restartCount === b.restartCount &&
    a.threshold === b.threshold &&
    a.cause?.evidence === b.cause?.evidence
  );
}
