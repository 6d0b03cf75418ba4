// Pure: at most one `time` message per interval while playing or scrubbing, and the final value on flush.

export class TimeThrottle {
  private lastPostAt = Number.NEGATIVE_INFINITY;
  private lastSent: number | null = null;
  private pending: number | null = null;

  constructor(private readonly intervalMs = 200) {}

  /** A new time: returns the value to post now, or null when it is kept for later (see due / flush). */
  offer(t: number, nowMs: number): number | null {
    if (nowMs - this.lastPostAt >= this.intervalMs) return this.sent(t, nowMs);
    this.pending = t;
    return null;
  }

  /** The kept value once the interval has passed (for a trailing timer), else null. */
  due(nowMs: number): number | null {
    if (this.pending === null || nowMs - this.lastPostAt < this.intervalMs) return null;
    return this.sent(this.pending, nowMs);
  }

  /** When the next `due` can succeed, or null when nothing is kept. */
  dueAt(): number | null {
    return this.pending === null ? null : this.lastPostAt + this.intervalMs;
  }

  /** Pause, step, scrub end: post t now unless it was the last value posted. */
  flush(t: number, nowMs: number): number | null {
    if (this.lastSent === t) {
      this.pending = null;
      return null;
    }
    return this.sent(t, nowMs);
  }

  private sent(t: number, nowMs: number): number {
    this.lastPostAt = nowMs;
    this.lastSent = t;
    this.pending = null;
    return t;
  }
}
