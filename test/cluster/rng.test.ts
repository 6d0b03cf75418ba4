import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../simulator/src/cluster/rng';

const draw = (seed: number, n = 8) => {
  const r = createRng(seed);
  return Array.from({ length: n }, () => r.next());
};

test('same seed gives the same stream; different seeds differ', () => {
  assert.deepEqual(draw(42), draw(42));
  assert.notDeepEqual(draw(42), draw(43));
  assert.notDeepEqual(draw(0), draw(1));
});

test('next() stays in [0, 1) and int(n) in [0, n)', () => {
  const r = createRng(7);
  const seen = new Set<number>();
  for (let i = 0; i < 10_000; i++) {
    const x = r.next();
    assert.ok(x >= 0 && x < 1);
    const k = r.int(27);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 27);
    seen.add(k);
  }
  assert.equal(seen.size, 27, 'every value of int(27) comes up');
});

test('roughly uniform', () => {
  const r = createRng(123);
  const buckets = new Array<number>(10).fill(0);
  const n = 100_000;
  for (let i = 0; i < n; i++) buckets[Math.floor(r.next() * 10)]! += 1;
  for (const b of buckets) assert.ok(Math.abs(b - n / 10) < n / 100, `bucket ${b}`);
});

test('fork depends on the seed and the label, not on draws already made', () => {
  const a = createRng(5);
  const b = createRng(5);
  for (let i = 0; i < 100; i++) b.next(); // b has moved on; a has not
  b.fork('other').next();
  assert.equal(a.fork('pod:default/web').next(), b.fork('pod:default/web').next());
  assert.equal(a.fork('x').key, b.fork('x').key);
  assert.notEqual(a.fork('pod:a').next(), a.fork('pod:b').next());
  assert.notEqual(createRng(5).fork('x').next(), createRng(6).fork('x').next());
  // nested forks are stable too
  assert.equal(a.fork('x').fork('y').next(), createRng(5).fork('x').fork('y').next());
  // forking does not disturb the parent
  const c = createRng(9);
  const d = createRng(9);
  c.fork('z');
  assert.equal(c.next(), d.next());
});

test('pick and int validate their input', () => {
  const r = createRng(1);
  assert.ok(['a', 'b', 'c'].includes(r.pick(['a', 'b', 'c'])));
  assert.throws(() => r.pick([]), RangeError);
  assert.throws(() => r.int(0), RangeError);
  assert.throws(() => r.int(2.5), RangeError);
  const f = r.float(5, 6);
  assert.ok(f >= 5 && f < 6);
});
