// Expected values from Go's src/time/time_test.go: parseDurationTests, parseDurationErrorTests and
// TestParseDurationRoundTrip (ParseDuration), and durationTests (Duration.String).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goDuration, parseGoDuration } from '../../simulator/src/model/goDuration';

const ns = 1n;
const us = 1000n * ns;
const ms = 1000n * us;
const s = 1000n * ms;
const m = 60n * s;
const h = 60n * m;

test('parseGoDuration: parseDurationTests', () => {
  const rows: [string, bigint][] = [
    ['0', 0n],
    ['5s', 5n * s],
    ['30s', 30n * s],
    ['1478s', 1478n * s],
    ['-5s', -5n * s],
    ['+5s', 5n * s],
    ['-0', 0n],
    ['+0', 0n],
    ['5.0s', 5n * s],
    ['5.6s', 5n * s + 600n * ms],
    ['5.s', 5n * s],
    ['.5s', 500n * ms],
    ['1.0s', 1n * s],
    ['1.00s', 1n * s],
    ['1.004s', 1n * s + 4n * ms],
    ['1.0040s', 1n * s + 4n * ms],
    ['100.00100s', 100n * s + 1n * ms],
    ['10ns', 10n * ns],
    ['11us', 11n * us],
    ['12µs', 12n * us], // U+00B5
    ['12μs', 12n * us], // U+03BC
    ['13ms', 13n * ms],
    ['14s', 14n * s],
    ['15m', 15n * m],
    ['16h', 16n * h],
    ['3h30m', 3n * h + 30n * m],
    ['10.5s4m', 4n * m + 10n * s + 500n * ms],
    ['-2m3.4s', -(2n * m + 3n * s + 400n * ms)],
    ['1h2m3s4ms5us6ns', 1n * h + 2n * m + 3n * s + 4n * ms + 5n * us + 6n * ns],
    ['39h9m14.425s', 39n * h + 9n * m + 14n * s + 425n * ms],
    ['52763797000ns', 52763797000n * ns],
    ['0.3333333333333333333h', 20n * m],
    ['9007199254740993ns', (1n << 53n) + 1n],
    ['9223372036854775807ns', (1n << 63n) - 1n],
    ['9223372036854775.807us', (1n << 63n) - 1n],
    ['9223372036s854ms775us807ns', (1n << 63n) - 1n],
    ['-9223372036854775808ns', -(1n << 63n)],
    ['-9223372036854775.808us', -(1n << 63n)],
    ['-9223372036s854ms775us808ns', -(1n << 63n)],
    ['-2562047h47m16.854775808s', -(1n << 63n)],
    ['0.100000000000000000000h', 6n * m],
    ['0.830103483285477580700h', 49n * m + 48n * s + 372539827n * ns],
  ];
  for (const [input, want] of rows) assert.deepEqual(parseGoDuration(input), { ok: true, nanos: want }, input);
});

test('parseGoDuration: parseDurationErrorTests, with the texts of Go errors', () => {
  const rows: [string, string][] = [
    ['', '""'],
    ['3', '"3"'],
    ['-', '"-"'],
    ['s', '"s"'],
    ['.', '"."'],
    ['-.', '"-."'],
    ['.s', '".s"'],
    ['+.s', '"+.s"'],
    ['1d', '"1d"'],
    ['\uFFFD', '"\\xef\\xbf\\xbd"'],
    ['\uFFFD hello \uFFFD world', '"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world"'],
    ['9223372036854775810ns', '"9223372036854775810ns"'],
    ['9223372036854775808ns', '"9223372036854775808ns"'],
    ['-9223372036854775809ns', '"-9223372036854775809ns"'],
    ['9223372036854776us', '"9223372036854776us"'],
    ['3000000h', '"3000000h"'],
    ['9223372036854775.808us', '"9223372036854775.808us"'],
    ['9223372036854ms775us808ns', '"9223372036854ms775us808ns"'],
  ];
  for (const [input, expect] of rows) {
    const r = parseGoDuration(input);
    assert.equal(r.ok, false, input);
    if (!r.ok) assert.ok(r.error.includes(expect), `${r.error} contains ${expect}`);
  }
  // the three texts of format.go
  assert.deepEqual(parseGoDuration('1'), {
    ok: false,
    error: 'time: missing unit in duration "1"',
    problem: { kind: 'missing-unit', number: '1' },
  });
  assert.deepEqual(parseGoDuration('1d'), {
    ok: false,
    error: 'time: unknown unit "d" in duration "1d"',
    problem: { kind: 'unknown-unit', unit: 'd' },
  });
  assert.equal((parseGoDuration('1 h') as { error: string }).error, 'time: unknown unit " h" in duration "1 h"');
  assert.deepEqual(parseGoDuration('1d', true), { ok: true, nanos: 24n * h }); // PodLab's own `d`
});

test('goDuration: Duration.String() (durationTests) and the round trip of the extremes', () => {
  const rows: [number, string][] = [
    [0, '0s'],
    [1e-9, '1ns'],
    [1.1e-6, '1.1µs'],
    [2.2e-3, '2.2ms'],
    [3.3, '3.3s'],
    [4 * 60 + 5, '4m5s'],
    [4 * 60 + 5.001, '4m5.001s'],
    [5 * 3600 + 6 * 60 + 7.001, '5h6m7.001s'],
    [8 * 60 + 1e-9, '8m0.000000001s'],
  ];
  for (const [seconds, want] of rows) assert.equal(goDuration(seconds), want, String(seconds));
  // TestParseDurationRoundTrip: the text of MaxInt64 and MinInt64 nanoseconds parses back
  assert.deepEqual(parseGoDuration('2562047h47m16.854775807s'), { ok: true, nanos: (1n << 63n) - 1n });
});
