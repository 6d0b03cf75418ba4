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
//
// The messages for the worker wait too (`send`): for HOLD_MS after the first of them, and then until the gate is
// open. Posting an edit wakes the worker, and a worker that wakes while the completion that came with the edit is
// computed and its reply read takes a core then, even when it does no more than take the edit: with the edits not
// posted at all, completion after an edit at 10 Deployments went from 2.8–3.1 ms to 2.3–2.5 ms at the median,
// and from 5.7–6.3 to 4.0–5.5 ms at p90 (three alternated runs of 75). The wait is the one the worker's runs made
// before on their side (debounce.ts FIRST_DELAY_MS): the completion comes in a read of its own about half a
// millisecond after the edit, once the gate has opened for the edit alone; now the worker, which gets the edit
// once both waits are over, runs it at once. Measured with the typing bench at N = 10, PodLab alone, three runs
// alternated with the messages posted at once: completion after an edit p50 2.50 → 2.20 ms, p95 7.49 → 6.18 ms,
// burst p95 5.04 → 4.59 ms, edit → first publish 10.6 → 10.4 ms (medians of the three; load 0.1–1).
//
// The HOLD_MS wait is for a request still to come. Once a request dispatched after the first held message has
// been answered (the completion read with the edit, the usual case of a keystroke), nothing is left to wait for:
// the messages go as soon as the gate opens, and the edit's diagnostics are not a millisecond later for it.
import { GATE_WAIT_MS } from '../limits';

/** How long the first message for the worker waits before it is posted, for the request sent with it (above). */
const HOLD_MS = 1;

/** The main thread's side: `dispatching` for every message the connection dispatches. */
export class RequestGate {
  readonly buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  private readonly cell = new Int32Array(this.buffer);
  private last = 0;
  /** The messages for the worker not posted yet, in order, and whether their HOLD_MS is over. */
  private held: (() => void)[] = [];
  private heldLongEnough = false;
  /** A request was dispatched after the first held message (it is answered once the gate opens). */
  private requestSinceHeld = false;
  /** At most GATE_WAIT_MS after the first held message, they go anyway: a client that never stops sending
   * cannot keep the worker from its edits. */
  private backstop: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;

  /** Calls `post` (a message for the worker) once it may go (see the header), after those before it. */
  send(post: () => void): void {
    this.held.push(post);
    if (this.held.length > 1) return;
    this.heldLongEnough = false;
    this.requestSinceHeld = false;
    this.holdTimer = setTimeout(() => {
      this.heldLongEnough = true;
      if (Atomics.load(this.cell, 0) === 0) this.flush();
    }, HOLD_MS);
    this.backstop = setTimeout(() => this.flush(), GATE_WAIT_MS);
  }

  private flush(): void {
    // Both, so that neither fires into the wait of the next message held (they go early after a request).
    clearTimeout(this.holdTimer);
    clearTimeout(this.backstop);
    const held = this.held;
    this.held = [];
    for (const post of held) post();
  }

  /** `request`: the message is one that is answered (a request, not a notification). */
  dispatching(request = false): void {
    const mine = ++this.last;
    if (request) this.requestSinceHeld = true; // reset by the next first held message (send)
    Atomics.store(this.cell, 0, 1);
    // vscode-jsonrpc dispatches the messages of one read one per turn (a setImmediate each) and writes a reply
    // one turn after its handler returns (its write lock): two turns with no message dispatched mean that the
    // queue is drained and the replies are out.
    setImmediate(() =>
      setImmediate(() => {
        if (this.last !== mine) return;
        Atomics.store(this.cell, 0, 0);
        Atomics.notify(this.cell, 0);
        if (this.heldLongEnough || this.requestSinceHeld) this.flush();
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
