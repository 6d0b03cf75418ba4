// Per-key throttling of diagnostics runs: the first edit after a quiet spell runs at once (after the
// messages already received), and a burst of edits runs at most once every `interval` ms, always on the
// latest text, so 1,000 rapid edits cost a handful of runs and the last run sees the last text. The gap
// between two runs is at least as long as the last run took: a run that costs 100 ms (a 1,000-document
// file) then takes at most half the event loop while the user types, and the requests in between are
// answered instead of queuing behind run after run.
//
// Requests first: while a request is being answered (`hold`), runs wait until its reply is written. Over
// stdio, vscode-jsonrpc writes a reply one setImmediate after the handler returns (its write lock), so a run
// that fired in that turn — the edit that came with a completion request — held the reply back for the
// whole run: completion right after a keystroke then cost as much as the diagnostics pass.
//
// Messages already read go first too. vscode-jsonrpc dispatches the messages of one read one per event-loop
// turn (a setImmediate each), so a timer due in 1 ms can fire between the edit and the completion request
// that came with it, when applying the edit took a millisecond (a loaded machine, a large file). A run
// therefore waits, one turn at a time, until a turn passes in which no message was dispatched (`dispatched`
// counts them, from the connection's message strategy): the queue of messages already read is then empty.
//
// In the diagnostics worker, the messages and requests are the main thread's: there a run waits while the
// main thread's gate is closed (background/requestGate.ts), which it is from each message's dispatch until its
// queue is drained and its replies written.
import type { Gate } from './background/requestGate';
import { MAX_GATE_WAITS } from './limits';

const FIRST_DELAY_MS = 1;
/** Turns a run waits at most for the message queue to drain, so that a miscount can never stall it. */
const MAX_QUEUE_TURNS = 1000;

export class Throttle {
  /** The run coming for each key; `soon`: the next slice of a long job, due on the next turn. */
  private readonly pending = new Map<string, { cancel(): void; soon?: () => void }>();
  /** When the last run ended, and how long it took. */
  private readonly lastRun = new Map<string, { end: number; took: number }>();
  /** Requests being answered, and the runs waiting for their replies (by key). */
  private holds = 0;
  private readonly waiting = new Map<string, () => void>();

  /**
   * @param dispatched how many messages the connection has dispatched so far (a counter that only grows);
   *   without it, runs do not wait for the message queue.
   * @param gate the main thread's request gate, in the diagnostics worker
   */
  constructor(
    private readonly interval: number,
    private readonly dispatched: () => number = () => 0,
    private readonly gate?: Gate,
  ) {}

  /** Whether a run due now must wait for the main thread's gate (at most MAX_GATE_WAITS times). */
  private gateClosed(state: { gateWaits: number }): boolean {
    if (!this.gate?.closed() || state.gateWaits >= MAX_GATE_WAITS) return false;
    state.gateWaits++;
    return true;
  }

  /**
   * Whether a run due now must wait a turn for messages still queued: true until a turn passes with no
   * message dispatched (then the queue is empty), or after MAX_QUEUE_TURNS turns.
   */
  private queueBusy(state: { mark?: number; turns: number }): boolean {
    const now = this.dispatched();
    if (state.mark === now || state.turns >= MAX_QUEUE_TURNS) return false;
    state.mark = now;
    state.turns++;
    return true;
  }

  schedule(key: string, run: () => void): void {
    const coming = this.pending.get(key);
    if (coming?.soon) {
      // The next slice of a long job (soon) would run before the requests read with this edit.
      coming.cancel();
      const h = setTimeout(coming.soon, FIRST_DELAY_MS);
      this.pending.set(key, { cancel: () => clearTimeout(h) });
    }
    if (coming) return; // a run is coming and will read the latest text
    const queue = { turns: 0, gateWaits: 0 };
    const fire = () => {
      if (this.holds > 0) {
        // Still pending: a schedule() meanwhile adds nothing; cancel() drops it from the waiting list.
        this.waiting.set(key, fire);
        this.pending.set(key, { cancel: () => this.waiting.delete(key) });
        return;
      }
      if (this.gateClosed(queue)) {
        this.pending.set(key, this.gate!.whenOpen(fire));
        return;
      }
      if (this.queueBusy(queue)) {
        const h = setImmediate(fire);
        this.pending.set(key, { cancel: () => clearImmediate(h) });
        return;
      }
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
    // At least a millisecond: a request sent right after the edit (completion on a keystroke) is read and
    // handled first even when it comes in a read of its own, which it often does: the client writes the two
    // messages one event-loop turn apart. In the worker the edit has waited that long on the main thread already
    // (requestGate.ts send), and then for the gate: it runs on the next turn.
    const delay = Math.max(this.gate ? 0 : FIRST_DELAY_MS, wait);
    if (delay <= 0) {
      const h = setImmediate(fire);
      this.pending.set(key, { cancel: () => clearImmediate(h) });
      return;
    }
    const h = setTimeout(fire, delay);
    this.pending.set(key, { cancel: () => clearTimeout(h) });
  }

  /**
   * Runs `run` on the next turn (no throttle: the next slice of a long job), unless a run is pending already;
   * held like the others while a request is answered.
   */
  soon(key: string, run: () => void): void {
    if (this.pending.has(key)) return;
    const queue = { turns: 0, gateWaits: 0 };
    const fire = () => {
      if (this.holds > 0) {
        this.waiting.set(key, fire);
        this.pending.set(key, { cancel: () => this.waiting.delete(key) });
        return;
      }
      if (this.gateClosed(queue)) {
        const wait = this.gate!.whenOpen(fire);
        this.pending.set(key, { cancel: () => wait.cancel(), soon: fire });
        return;
      }
      if (this.queueBusy(queue)) {
        const h = setImmediate(fire);
        this.pending.set(key, { cancel: () => clearImmediate(h), soon: fire });
        return;
      }
      this.pending.delete(key);
      run();
    };
    const h = setImmediate(fire);
    this.pending.set(key, { cancel: () => clearImmediate(h), soon: fire });
  }

  /**
   * A request is being answered: runs wait until its reply is out (two turns: the writer's lock takes one,
   * the write itself happens in it), then go one per turn, so that a request read meanwhile goes first too.
   */
  hold(): void {
    this.holds++;
    setImmediate(() =>
      setImmediate(() => {
        if (--this.holds > 0) return;
        for (const [key, fire] of [...this.waiting]) {
          this.waiting.delete(key);
          const h = setImmediate(fire);
          this.pending.set(key, { cancel: () => clearImmediate(h) });
        }
      }),
    );
  }

  cancel(key: string): void {
    this.pending.get(key)?.cancel();
    this.pending.delete(key);
    this.waiting.delete(key);
    this.lastRun.delete(key);
  }
}
