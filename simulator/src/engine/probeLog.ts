// The run's probe results, in the order the prober produced them. A steady probe (1,000 replicas passing two probes
// every 10–20 s for an hour: half a million results) repeats its previous result one period later with the run
// count one higher: such a repeat is kept as one more reference to the worker's stream, not as a record of its own,
// and is written out in full only when a trace is asked for (the table format never does). The records a trace
// gets are exactly those the prober made: same fields in the same order, same times, same sequence.
import type { ProbeRecord } from '../trace';

/** A worker's last full record and how many repeats of it followed, each one period after the one before. */
export interface ProbeStream {
  readonly base: ProbeRecord;
  readonly baseMs: number;
  readonly period: number;
  count: number;
}

export class ProbeLog {
  private readonly entries: (ProbeRecord | ProbeStream)[] = [];
  private count = 0;
  /** Off when the reader wants the live pods only (SimulateOptions.keep): results are counted, not kept. */
  listing = true;

  /** How many results were recorded (a sync compares it before and after to tell whether it probed). */
  get length(): number {
    return this.count;
  }

  /** Appends a full record; it becomes the base of the worker's next repeats. */
  push(rec: ProbeRecord, nowMs: number, period: number): ProbeStream {
    this.count++;
    if (this.listing) this.entries.push(rec);
    return { base: rec, baseMs: nowMs, period, count: 0 };
  }

  /**
   * Appends a repeat of `s` when the new record would equal its last one but for a time one period later and a run
   * one higher (a success without warning: those carry no cause and emit no event). False: record it in full.
   */
  repeat(
    s: ProbeStream | undefined,
    nowMs: number,
    message: string | undefined,
    restartCount: number,
    run: number,
    threshold: number,
  ): boolean {
    if (s === undefined) return false;
    const b = s.base;
    const next = s.count + 1;
    if (b.result !== 'success' || b.warning !== undefined || b.message !== message) return false;
    if (b.restartCount !== restartCount || b.threshold !== threshold || b.run + next !== run) return false;
    if (s.baseMs + next * s.period !== nowMs) return false;
    s.count = next;
    this.count++;
    if (this.listing) this.entries.push(s);
    return true;
  }

  /** The records up to `at` seconds, in full. */
  upTo(at: number): ProbeRecord[] {
    const out: ProbeRecord[] = [];
    const seen = new Map<ProbeStream, number>();
    for (const e of this.entries) {
      let rec: ProbeRecord;
      if ('base' in e) {
        const k = (seen.get(e) ?? 0) + 1;
        seen.set(e, k);
        // The same arithmetic as the prober's `sim.now / 1000`, on the integer tick time.
        rec = { ...e.base, t: (e.baseMs + k * e.period) / 1000, run: e.base.run + k };
      } else rec = e;
      if (rec.t <= at) out.push(rec);
    }
    return out;
  }
}
