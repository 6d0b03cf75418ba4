// The event queue keeps its actions in one list per time (engine/queue.ts); the order must stay that of a heap of
// (time, insertion number) pairs, which every timeline of the engine relies on (simulation.ts: equal times run
// FIFO). Checked against a plain sort of the same pushes, including pushes made while a time is being run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventQueue } from '../../simulator/src/engine/queue';

/** A small deterministic generator (the test must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

test('actions run by time, then in the order they were pushed, also when pushed at the running time', () => {
  for (const seed of [1, 2, 3, 42]) {
    const rnd = lcg(seed);
    const q = new EventQueue();
    const ran: number[] = [];
    // The reference: every push as (time, insertion number); the run order is their sort.
    const pushes: { at: number; seq: number }[] = [];
    let now = 0;
    const push = (at: number): void => {
      const seq = pushes.length;
      pushes.push({ at, seq });
      q.push(at, () => {
        ran.push(seq);
        // Some actions push more: at the same time (runs after everything already at this time), or later.
        if (pushes.length < 3000 && rnd() < 0.6) push(now + [0, 0, 1, 5, 10, 60][Math.floor(rnd() * 6)]!);
      });
    };
    for (let i = 0; i < 200; i++) push(Math.floor(rnd() * 50));
    assert.equal(q.pushed, 200);
    for (;;) {
      const run = q.pop();
      if (run === undefined) break;
      assert.ok(q.at >= now, 'time never goes back');
      now = q.at;
      run();
    }
    assert.equal(q.size, 0);
    const expected = [...pushes].sort((a, b) => a.at - b.at || a.seq - b.seq).map((p) => p.seq);
    assert.deepEqual(ran, expected, `seed ${seed}`);
  }
});
