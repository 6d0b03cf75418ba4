// Per-key throttling of diagnostics runs: the first edit after a quiet spell runs at once (after the
// messages already received), and a burst of edits runs at most once every `interval` ms, always on the
// latest text, so 1,000 rapid edits cost a handful of runs and the last run sees the last text.
export class Throttle {
  private readonly pending = new Map<string, { cancel(): void }>();
  private readonly lastRun = new Map<string, number>();

  constructor(private readonly interval: number) {}

  schedule(key: string, run: () => void): void {
    if (this.pending.has(key)) return; // a run is coming and will read the latest text
    const fire = () => {
      this.pending.delete(key);
      this.lastRun.set(key, Date.now());
      run();
    };
    const wait = this.interval - (Date.now() - (this.lastRun.get(key) ?? 0));
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
