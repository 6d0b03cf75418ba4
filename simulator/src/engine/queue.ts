// The timed actions, ordered by time then by insertion order (so equal times run FIFO and every run is
// deterministic). Times are integer milliseconds. A steady fleet puts thousands of actions on the same few
// milliseconds (1,000 replicas created together probe in lockstep: 400 distinct times for 600,000 actions in an
// hour), so the actions are kept in one FIFO list per time, and only the distinct times sit in a binary min-heap:
// a push and a pop cost an array append and an index step, not a sift through every pending action. The order is
// the same as a heap of (time, insertion number) pairs: within one time, insertion order is the list's order.

interface Bucket {
  at: number;
  runs: (() => void)[];
  /** The next action of `runs` to run. */
  next: number;
}

export class EventQueue {
  /** Distinct pending times, a binary min-heap. */
  private readonly times: number[] = [];
  private readonly buckets = new Map<number, Bucket>();
  /** The bucket of the latest push: consecutive pushes mostly go to the same time. */
  private last: Bucket | undefined;
  private nextSeq = 0;
  private count = 0;
  /** The time of the action pop() returned last. */
  at = 0;

  get size(): number {
    return this.count;
  }

  /** How many actions were ever pushed: tells whether a piece of work queued anything. */
  get pushed(): number {
    return this.nextSeq;
  }

  push(at: number, run: () => void): void {
    this.nextSeq++;
    this.count++;
    let b = this.last;
    if (b === undefined || b.at !== at) {
      b = this.buckets.get(at);
      if (b === undefined) {
        b = { at, runs: [], next: 0 };
        this.buckets.set(at, b);
        heapPush(this.times, at);
      }
      this.last = b;
    }
    b.runs.push(run);
  }

  /** The next action (its time in `at`), or undefined when none is left. */
  pop(): (() => void) | undefined {
    for (;;) {
      const at = this.times[0];
      if (at === undefined) return undefined;
      const b = this.buckets.get(at)!;
      if (b.next < b.runs.length) {
        const run = b.runs[b.next]!;
        // Drop the reference so a long bucket does not keep every closure it ran alive.
        b.runs[b.next++] = noop;
        this.count--;
        this.at = at;
        return run;
      }
      // Exhausted: actions pushed at this time while it ran were appended and have run too.
      this.buckets.delete(at);
      if (this.last === b) this.last = undefined;
      heapPop(this.times);
    }
  }
}

function noop(): void {}

function heapPush(heap: number[], x: number): void {
  heap.push(x);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (p <= x) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = x;
}

function heapPop(heap: number[]): void {
  const last = heap.pop()!;
  const n = heap.length;
  if (n === 0) return;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && heap[r]! < heap[l]! ? r : l;
    if (last <= heap[child]!) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
}
