// A binary min-heap of timed actions, ordered by time then by insertion order (so equal times run FIFO
// and every run is deterministic). Times are integer milliseconds.

export interface Timed {
  at: number;
  seq: number;
  run: () => void;
}

export class EventQueue {
  private heap: Timed[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** How many actions were ever pushed: tells whether a piece of work queued anything. */
  get pushed(): number {
    return this.nextSeq;
  }

  push(at: number, run: () => void): void {
    const item: Timed = { at, seq: this.nextSeq++, run };
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (before(p, item)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  peekTime(): number | undefined {
    return this.heap[0]?.at;
  }

  pop(): Timed | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
        if (before(last, heap[child]!)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: Timed, b: Timed): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
