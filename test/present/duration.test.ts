import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goDuration } from '../../simulator/src/model/goDuration';
import { humanDuration, parseDuration, plainSeconds } from '../../simulator/src/present/duration';

test('humanDuration follows the apimachinery HumanDuration table (kubelet-semantics §6.1)', () => {
  const rows: [number, string][] = [
    [-5, '<invalid>'],
    [-2, '<invalid>'],
    [-1.5, '0s'], // int(d.Seconds()) truncates toward zero: −1
    [-1, '0s'],
    [-0.3, '0s'],
    [0, '0s'],
    [0.9, '0s'],
    [1, '1s'],
    [63, '63s'],
    [119, '119s'],
    [119.99, '119s'],
    [120, '2m'],
    [121, '2m1s'],
    [426, '7m6s'],
    [599, '9m59s'],
    [600, '10m'],
    [601, '10m'],
    [45 * 60, '45m'],
    [179 * 60 + 59, '179m'],
    [180 * 60, '3h'],
    [3 * 3600 + 5 * 60, '3h5m'],
    [8 * 3600 - 1, '7h59m'],
    [8 * 3600, '8h'],
    [23 * 3600, '23h'],
    [47 * 3600 + 59 * 60, '47h'],
    [48 * 3600, '2d'],
    [2 * 86400 + 5 * 3600, '2d5h'],
    [8 * 86400 - 1, '7d23h'],
    [8 * 86400, '8d'],
    [30 * 86400, '30d'],
    [729 * 86400, '729d'],
    [730 * 86400, '2y'],
    [740 * 86400, '2y10d'],
    [8 * 365 * 86400 - 1, '7y364d'],
    [8 * 365 * 86400, '8y'],
    [20 * 365 * 86400, '20y'],
  ];
  for (const [s, want] of rows) assert.equal(humanDuration(s), want, `humanDuration(${s})`);
  assert.equal(humanDuration(Number.NaN), '<invalid>');
});

test('goDuration is time.Duration.String()', () => {
  const rows: [number, string][] = [
    [0, '0s'],
    [40, '40s'],
    [300, '5m0s'],
    [80, '1m20s'],
    [3600, '1h0m0s'],
    [1.234, '1.234s'],
    [0.523, '523ms'],
    [0.0015, '1.5ms'],
    [0.0000015, '1.5µs'],
    [0.000000001, '1ns'],
    [10, '10s'],
    [60.5, '1m0.5s'],
    [5400, '1h30m0s'],
    [9910.25, '2h45m10.25s'],
    [-1.5, '-1.5s'],
    [360000, '100h0m0s'],
  ];
  for (const [s, want] of rows) assert.equal(goDuration(s), want, `goDuration(${s})`);
});

test('parseDuration accepts seconds and Kubernetes-style durations', () => {
  const rows: [string | number, number][] = [
    ['90', 90],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['0', 0],
    [' 30s ', 30],
    ['90s', 90],
    ['5m', 300],
    ['1h30m', 5400],
    ['2h45m10s', 9910],
    ['1.5h', 5400],
    ['500ms', 0.5],
    ['300ms', 0.3],
    ['1m30s', 90],
    ['30s1m', 90],
    ['1d', 86400],
    ['1d2h', 93600],
    ['100us', 0.0001],
    [60, 60],
    [0, 0],
    [2.5, 2.5],
  ];
  for (const [text, want] of rows)
    assert.deepEqual(parseDuration(text), { ok: true, seconds: want }, `parseDuration(${JSON.stringify(text)})`);
});

test('parseDuration rejects negatives, NaN, Infinity and garbage with a message', () => {
  const bad: (string | number)[] = [
    '',
    '   ',
    '-5',
    '-5s',
    '+5s',
    'abc',
    '5x',
    '1h30',
    '1e3',
    '1 h',
    '1h 30m',
    'NaN',
    'Infinity',
    's',
    '5mm',
    '1.2.3s',
    '9'.repeat(400),
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ];
  for (const text of bad) {
    const r = parseDuration(text);
    assert.equal(r.ok, false, `parseDuration(${JSON.stringify(text)}) should fail`);
    if (!r.ok) assert.match(r.error, /^invalid duration /);
  }
  const r = parseDuration('1h30');
  assert.deepEqual(r, { ok: false, error: 'invalid duration "1h30": missing unit after 30 (use s, m, h, …)' });
  assert.deepEqual(parseDuration('5x'), {
    ok: false,
    error: 'invalid duration "5x": unknown unit "x" (use ms, s, m, h or d)',
  });
  assert.deepEqual(parseDuration('-5s'), { ok: false, error: 'invalid duration "-5s": must not be negative' });
});

test('plainSeconds trims to milliseconds', () => {
  assert.equal(plainSeconds(25), '25');
  assert.equal(plainSeconds(25.1), '25.1');
  assert.equal(plainSeconds(125.0999999), '125.1');
  assert.equal(plainSeconds(-0.0001), '0');
});
