// Per-key coalescing: a burst of edits to one document triggers one run. With `delay` 0 the run happens as
// soon as the messages already received have been handled (setImmediate), so a single edit costs no wait.
export class Debouncer {
  private readonly timers = new Map<string, { cancel(): void }>();

  constructor(private readonly delay: number) {}

  schedule(key: string, run: () => void): void {
    this.cancel(key);
    const fire = () => {
      this.timers.delete(key);
      run();
    };
    if (this.delay === 0) {
      const h = setImmediate(fire);
      this.timers.set(key, { cancel: () => clearImmediate(h) });
    } else {
      const h = setTimeout(fire, this.delay);
      this.timers.set(key, { cancel: () => clearTimeout(h) });
    }
  }

  cancel(key: string): void {
    this.timers.get(key)?.cancel();
    this.timers.delete(key);
  }
}
