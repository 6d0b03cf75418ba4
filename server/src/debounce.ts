// Per-key throttling of diagnostics runs: the first edit after a quiet spell runs at once (after the
// messages already received), and a burst of edits runs at most once every `interval` ms, always on the
// latest text, so 1,000 rapid edits cost a handful of runs and the last run sees the last text. The gap
// between two runs is at least as long as the last run took: a run that costs 100 ms (a 1,000-document
// file) then takes at most half the event loop while the user types, and the requests in between are
// answered instead of queuing behind run after run.
export class Throttle {
  private readonly pending = new Map<string, { cancel(): void }>();
  /** When the last run ended, and how long it took. */
  private readonly lastRun = new Map<string, { end: number; took: number }>();

  constructor(private readonly interval: number) {}

  schedule(key: string, run: () => void): void {
    if (this.pending.has(key)) return; // a run is coming and will read the latest text
    const fire = () => {
      this.pending.delete(key);
      const start = Date.now();
      try {
        run();
      } finally {
        const end = Date.now();
        this.lastRun.set(key, { end, took: end - start });
      }
    };
    const last = this.lastRun.get(key);
    const wait = last === undefined ? 0 : Math.max(this.interval, last.took) - (Date.now() - last.end);
    if (wait <= 0) {
      // Two turns: a request read together with the edit (completion right after a keystroke) is answered
      // first; the message queue handles one message per turn, queued after this first one.
      let h = setImmediate(() => (h = setImmediate(fire)));
      this.pending.set(key, { cancel: () => clearImmediate(h) });
    } else {
      const h = setTimeout(fire, wait);
      this.pending.set(key, { cancel: () => clearTimeout(h) });
    }
  }

  cancel(key: string): void {
    this.pending.get(key)?.cancel();
    this.pending.delete(key);
    this.lastRun.delete(key);
  }
}
