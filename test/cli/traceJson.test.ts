// `podlab run --format json`: written in pieces, byte for byte what JSON.stringify(trace, null, 2) gives
// (contracts: the trace's shape), with repeats listed each time for ordinary runs and folded kubectl-style
// (client-go EventCorrelator: one Event with count, firstTimestamp, lastTimestamp) for long ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { traceForJson, writeJson, LIST_EVERY_RECORD_UP_TO } from '../../server/src/cli/traceJson';
import { example, run } from '../simulator/harness';

function written(value: object): string {
  const pieces: string[] = [];
  writeJson(value, (p) => pieces.push(p));
  assert.ok(
    pieces.slice(0, -1).every((p) => p.endsWith('\n')),
    'every piece but the last ends a line',
  );
  return pieces.join('');
}

test('the pieces make exactly JSON.stringify(trace, null, 2), empty arrays and nested objects included', () => {
  const r = run(example('liveness-wrong-port.yaml'), { until: 300 });
  assert.equal(written(r.trace), JSON.stringify(r.trace, null, 2));
  const odd = { a: [], b: {}, c: [1, [2, []], { d: 'x\ny' }], e: undefined, f: null, g: 'q"' };
  assert.equal(written(odd), JSON.stringify(odd, null, 2));
  assert.equal(written({}), JSON.stringify({}, null, 2));
});

test('--repeats auto lists every record of an ordinary run; fold keeps the first with count and lastT', () => {
  const r = run(example('liveness-wrong-port.yaml'), { until: 600 });
  assert.ok(r.trace.events.length + r.trace.probes.length < LIST_EVERY_RECORD_UP_TO);
  assert.equal(traceForJson(r.trace, 'auto'), r.trace, 'unchanged: repeats listed each time');
  const folded = traceForJson(r.trace, 'fold') as { events: Record<string, unknown>[]; repeatsFolded: boolean };
  assert.equal(folded.repeatsFolded, true);
  const killing = r.trace.events.filter((e) => e.reason === 'Killing');
  assert.ok(killing.length >= 3);
  const k = folded.events.filter((e) => e.reason === 'Killing');
  assert.equal(k.length, 1, 'identical events are one record');
  assert.equal(k[0]!.t, killing[0]!.t, 'first occurrence (firstTimestamp)');
  assert.equal(k[0]!.lastT, killing[killing.length - 1]!.t, 'last occurrence (lastTimestamp)');
  assert.equal(k[0]!.count, killing.length);
  // Nothing lost: the counts add up to the events listed one by one.
  assert.equal(
    folded.events.reduce((n, e) => n + ((e.count as number | undefined) ?? 1), 0),
    r.trace.events.length,
  );
  const probes = (traceForJson(r.trace, 'fold') as { probes: Record<string, unknown>[] }).probes;
  assert.equal(
    probes.reduce((n, p) => n + ((p.count as number | undefined) ?? 1), 0),
    r.trace.probes.length,
  );
});
