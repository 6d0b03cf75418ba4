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
  /** For each repeat entry, which repeat of its stream it is (1, 2, …); 0 for a full record. */
  private readonly nth: number[] = [];
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
    if (this.listing) {
      this.entries.push(rec);
      this.nth.push(0);
    }
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
    if (this.listing) {
      this.entries.push(s);
      this.nth.push(next);
    }
    return true;
  }

  /** Appends a repeat of `s` known to equal its last one a period later (a steady tick, probeTick.ts). */
  again(s: ProbeStream): void {
    s.count++;
    this.count++;
    if (this.listing) {
      this.entries.push(s);
      this.nth.push(s.count);
    }
  }

  /** The records up to `at` seconds, in full. */
  upTo(at: number): ProbeRecord[] {
    const out: ProbeRecord[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const k = this.nth[i]!;
      if (k === 0) {
        if ((e as ProbeRecord).t <= at) out.push(e as ProbeRecord);
        continue;
      }
      const s = e as ProbeStream;
      // The same arithmetic as the prober's `sim.now / 1000`, on the integer tick time.
      const t = (s.baseMs + k * s.period) / 1000;
      if (t <= at) out.push({ ...s.base, t, run: s.base.run + k });
    }
    return out;
  }
}
