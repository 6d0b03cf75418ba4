// The gate between the thread that answers the requests and the diagnostics worker: one integer in shared
// memory that the main thread closes for every message it dispatches and opens again once its queue is
// drained and its replies are written; the worker's runs start (and a large file's pass goes on to its next
// part) only while it is open. A keystroke comes as an edit and a completion request, often in one read: the
// edit reaches the worker first, and without the gate its pass would start at once and take a core while the
// completion is computed and its reply read by the editor (on 2 cores, the editor then waits for a core).
// The gate leaves the worker's priority alone: a nice value of 10 for the workers was tried, and on a machine
// busy with other work it held back the diagnostics instead (edit → first publish at 1,000 documents, 56 → 95 ms
// at load 2), since a nice thread loses to every other process, not only to the requests.
//
// Shared memory rather than a message each way (the worker's `pause`/`resume` before): the main thread's side
// costs a store, with no message to copy and no worker to wake, and the gate is closed when the edit is
// dispatched, before the worker has even received it; a message would arrive after the pass began.
import { GATE_WAIT_MS } from '../limits';

/** The main thread's side: `dispatching` for every message the connection dispatches. */
export class RequestGate {
  readonly buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  private readonly cell = new Int32Array(this.buffer);
  private last = 0;

  dispatching(): void {
    const mine = ++this.last;
    Atomics.store(this.cell, 0, 1);
    // vscode-jsonrpc dispatches the messages of one read one per turn (a setImmediate each) and writes a reply
    // one turn after its handler returns (its write lock): two turns with no message dispatched mean that the
    // queue is drained and the replies are out.
    setImmediate(() =>
      setImmediate(() => {
        if (this.last !== mine) return;
        Atomics.store(this.cell, 0, 0);
        Atomics.notify(this.cell, 0);
      }),
    );
  }
}

/** The worker's side, over the main thread's buffer. */
export interface Gate {
  closed(): boolean;
  /** Calls `then` once the gate is open, or after GATE_WAIT_MS; `then` is not called once `cancel` is. A run
   * waits at most MAX_GATE_WAITS times (debounce.ts). */
  whenOpen(then: () => void): { cancel(): void };
}

export function gateOver(buffer: SharedArrayBuffer): Gate {
  const cell = new Int32Array(buffer);
  return {
    closed: () => Atomics.load(cell, 0) !== 0,
    whenOpen(then) {
      let live = true;
      const call = () => {
        if (live) then();
      };
      const wait = Atomics.waitAsync(cell, 0, 1, GATE_WAIT_MS);
      if (wait.async) void wait.value.then(call);
      else queueMicrotask(call); // opened meanwhile: at once, but never inside the caller
      return { cancel: () => (live = false) };
    },
  };
}
