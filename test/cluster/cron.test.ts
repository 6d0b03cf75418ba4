import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  nextRun,
  nextRuns,
  parseCron,
  parseCronJobSchedule,
  resolveTimeZone,
  validateCronJobSchedule,
  type CronSchedule,
} from '../../simulator/src/cluster/cron';
import { parseGoDuration } from '../../simulator/src/model/goDuration';

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString().replace('.000Z', 'Z'));

function schedule(expr: string): CronSchedule {
  const p = parseCron(expr);
  if (!p.ok) throw new Error(`${expr}: ${p.error}`);
  return p.schedule;
}

/** [expression, after, expected next runs] */
const table: [string, string, string[]][] = [
  ['* * * * *', '2025-01-01T00:00:00Z', ['2025-01-01T00:01:00Z', '2025-01-01T00:02:00Z']],
  ['* * * * *', '2025-01-01T00:00:30.250Z', ['2025-01-01T00:01:00Z']],
  [
    '*/15 * * * *',
    '2025-01-01T10:07:00Z',
    ['2025-01-01T10:15:00Z', '2025-01-01T10:30:00Z', '2025-01-01T10:45:00Z', '2025-01-01T11:00:00Z'],
  ],
  ['*/15 * * * *', '2025-12-31T23:50:00Z', ['2026-01-01T00:00:00Z']],
  [
    '5/20 * * * *',
    '2025-01-01T00:00:00Z',
    ['2025-01-01T00:05:00Z', '2025-01-01T00:25:00Z', '2025-01-01T00:45:00Z', '2025-01-01T01:05:00Z'],
  ],
  ['0 9 * * 1-5', '2025-01-03T10:00:00Z', ['2025-01-06T09:00:00Z', '2025-01-07T09:00:00Z']], // Friday → Monday
  ['0 9 * * MON-FRI', '2025-01-04T00:00:00Z', ['2025-01-06T09:00:00Z']],
  [
    '30 8 * * sat,SUN',
    '2025-01-01T00:00:00Z',
    ['2025-01-04T08:30:00Z', '2025-01-05T08:30:00Z', '2025-01-11T08:30:00Z'],
  ],
  ['0 0 31 * *', '2025-01-31T00:00:00Z', ['2025-03-31T00:00:00Z', '2025-05-31T00:00:00Z', '2025-07-31T00:00:00Z']],
  ['0 0 28-31 * *', '2025-02-27T00:00:00Z', ['2025-02-28T00:00:00Z', '2025-03-28T00:00:00Z']],
  ['0 0 29 2 *', '2025-01-01T00:00:00Z', ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']],
  ['0 12 1 jan,JUL *', '2025-02-01T00:00:00Z', ['2025-07-01T12:00:00Z', '2026-01-01T12:00:00Z']],
  // both day fields restricted: either matches (1st, 15th, or any Monday)
  [
    '0 0 1,15 * 1',
    '2025-07-01T00:00:00Z',
    ['2025-07-07T00:00:00Z', '2025-07-14T00:00:00Z', '2025-07-15T00:00:00Z', '2025-07-21T00:00:00Z'],
  ],
  // a star day-of-month: both must match (only Mondays)
  ['0 0 * * 1', '2025-07-01T00:00:00Z', ['2025-07-07T00:00:00Z', '2025-07-14T00:00:00Z']],
  // */10 is not a star for the OR rule: days 1, 11, 21, 31 OR Sundays
  ['0 0 */10 * 0', '2025-06-01T12:00:00Z', ['2025-06-08T00:00:00Z', '2025-06-11T00:00:00Z', '2025-06-15T00:00:00Z']],
  ['0 0 ? * 0', '2025-07-01T00:00:00Z', ['2025-07-06T00:00:00Z']],
  ['59 23 31 12 *', '2025-01-01T00:00:00Z', ['2025-12-31T23:59:00Z', '2026-12-31T23:59:00Z']],
  ['@hourly', '2025-07-01T00:00:00Z', ['2025-07-01T01:00:00Z']],
  ['@daily', '2025-07-01T00:00:00Z', ['2025-07-02T00:00:00Z']],
  ['@midnight', '2025-07-01T23:59:59Z', ['2025-07-02T00:00:00Z']],
  ['@weekly', '2025-07-01T00:00:00Z', ['2025-07-06T00:00:00Z', '2025-07-13T00:00:00Z']],
  ['@monthly', '2025-07-01T00:00:00Z', ['2025-08-01T00:00:00Z']],
  ['@yearly', '2025-07-01T00:00:00Z', ['2026-01-01T00:00:00Z']],
  ['@annually', '2025-07-01T00:00:00Z', ['2026-01-01T00:00:00Z']],
  ['@every 1h30m', '2025-07-01T00:00:00.500Z', ['2025-07-01T01:30:00Z', '2025-07-01T03:00:00Z']],
  ['@every 90s', '2025-07-01T00:00:00Z', ['2025-07-01T00:01:30Z']],
  ['TZ=Etc/GMT-2 0 9 * * *', '2025-07-01T00:00:00Z', ['2025-07-01T07:00:00Z', '2025-07-02T07:00:00Z']],
  ['CRON_TZ=Etc/GMT+5 0 0 * * *', '2025-07-01T00:00:00Z', ['2025-07-01T05:00:00Z']],
  ['CRON_TZ=UTC 0 0 * * *', '2025-07-01T00:00:00Z', ['2025-07-02T00:00:00Z']],
];

for (const [expr, after, expected] of table) {
  test(`next runs of "${expr}" after ${after}`, () => {
    assert.deepEqual(nextRuns(schedule(expr), ms(after), expected.length).map(iso), expected);
  });
}

test('the next run is strictly after the given instant', () => {
  const s = schedule('0 * * * *');
  assert.equal(iso(nextRun(s, ms('2025-01-01T10:00:00Z'))), '2025-01-01T11:00:00Z');
  assert.equal(iso(nextRun(s, ms('2025-01-01T09:59:59.999Z'))), '2025-01-01T10:00:00Z');
});

test('impossible schedules give undefined after a bounded search', () => {
  for (const expr of ['0 0 30 2 *', '0 0 31 4,6,9,11 *', 'CRON_TZ=Europe/Berlin 0 0 30 2 *']) {
    const s = schedule(expr);
    const started = performance.now();
    assert.equal(nextRun(s, ms('2025-01-01T00:00:00Z')), undefined, expr);
    assert.ok(performance.now() - started < 200, `${expr} took too long`);
  }
  // Feb 29 more than five years away: robfig gives up too
  assert.equal(nextRun(schedule('0 0 29 2 *'), ms('2097-03-01T00:00:00Z')), undefined);
});

test('20 000 consecutive every-minute runs are cheap', () => {
  const s = schedule('*/1 * * * *');
  const started = performance.now();
  let t = ms('2025-01-01T00:00:00Z');
  for (let i = 0; i < 20_000; i++) t = nextRun(s, t)!;
  assert.equal(iso(t), '2025-01-14T21:20:00Z');
  assert.ok(performance.now() - started < 2000);
});

test('named zones follow DST when Intl time-zone data is available', (t) => {
  const tz = resolveTimeZone('Europe/Berlin');
  assert.ok(tz.ok);
  if (tz.zone.kind !== 'intl') {
    t.skip('no Intl time-zone data in this runtime');
    return;
  }
  const s = schedule('CRON_TZ=Europe/Berlin 0 9 * * *');
  assert.equal(iso(nextRun(s, ms('2025-07-01T00:00:00Z'))), '2025-07-01T07:00:00Z'); // CEST, UTC+2
  assert.equal(iso(nextRun(s, ms('2025-01-10T00:00:00Z'))), '2025-01-10T08:00:00Z'); // CET, UTC+1
  // 02:30 does not exist on 2025-03-30 in Berlin: robfig skips that day
  assert.deepEqual(nextRuns(schedule('TZ=Europe/Berlin 30 2 * * *'), ms('2025-03-29T12:00:00Z'), 2).map(iso), [
    '2025-03-31T00:30:00Z',
    '2025-04-01T00:30:00Z',
  ]);
});

test('parse errors name the field and keep the upstream text', () => {
  const cases: [string, string | undefined, RegExp, string][] = [
    [
      '61 * * * *',
      'minute',
      /minute field "61": 61 is above the maximum 59/,
      'end of range (61) above maximum (59): 61',
    ],
    ['* 24 * * *', 'hour', /hour field/, 'end of range (24) above maximum (23): 24'],
    [
      '* * 0 * *',
      'day-of-month',
      /day-of-month field "0": 0 is below the minimum 1/,
      'beginning of range (0) below minimum (1): 0',
    ],
    ['* * * 13 *', 'month', /month field/, 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'day-of-week', /use 0 for Sunday/, 'end of range (7) above maximum (6): 7'],
    [
      '* * * FOO *',
      'month',
      /month field "FOO": "FOO" is not a number or a name/,
      'failed to parse int from FOO: strconv.Atoi: parsing "FOO": invalid syntax',
    ],
    ['*/0 * * * *', 'minute', /step must be a positive number/, 'step of range should be a positive number: */0'],
    ['5-1 * * * *', 'minute', /starts at 5, after its end 1/, 'beginning of range (5) beyond end of range (1): 5-1'],
    ['1-2-3 * * * *', 'minute', /too many hyphens/, 'too many hyphens: 1-2-3'],
    ['1/2/3 * * * *', 'minute', /too many slashes/, 'too many slashes: 1/2/3'],
    ['1,,2 * * * *', 'minute', /minute field/, 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['* * * *', undefined, /expected 5 fields .* found 4/, 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 0 * * * *', undefined, /found 6/, 'expected exactly 5 fields, found 6: [0 0 * * * *]'],
    ['', undefined, /empty/, 'empty spec string'],
    ['@fortnightly', undefined, /unknown descriptor "@fortnightly"/, 'unrecognized descriptor: @fortnightly'],
    [
      '@every 1d',
      undefined,
      /unknown unit "d"/,
      'failed to parse duration 1d: time: unknown unit "d" in duration "1d"',
    ],
    [
      'TZ=Mars/Olympus 0 * * * *',
      undefined,
      /unknown time zone "Mars\/Olympus"/,
      'provided bad location Mars/Olympus: unknown time zone Mars/Olympus',
    ],
  ];
  for (const [expr, field, plain, upstream] of cases) {
    const r = parseCron(expr);
    assert.equal(r.ok, false, expr);
    if (r.ok) continue;
    assert.equal(r.field, field, expr);
    assert.match(r.error, plain, expr);
    assert.equal(r.upstream, upstream, expr);
  }
});

test('Go durations for @every', () => {
  const goMs = (text: string): number | string => {
    const r = parseGoDuration(text);
    return r.ok ? Number(r.nanos) / 1e6 : r.error;
  };
  assert.equal(goMs('1h30m'), 5_400_000);
  assert.equal(goMs('1.5h'), 5_400_000);
  assert.equal(goMs('300ms'), 300);
  assert.equal(goMs('0'), 0);
  assert.equal(goMs('1'), 'time: missing unit in duration "1"');
  assert.equal(goMs(''), 'time: invalid duration ""');
  const sub = parseCron('@every 300ms');
  assert.ok(sub.ok && sub.schedule.kind === 'every' && sub.schedule.everyMs === 1000, 'at least one second');
  const frac = parseCron('@every 1.5s');
  assert.ok(
    frac.ok && frac.schedule.kind === 'every' && frac.schedule.everyMs === 1000,
    'rounded down to whole seconds',
  );
});

test('time zones: UTC aliases, POSIX-signed Etc/GMT offsets, Go-like rejections', () => {
  const off = (name: string) => {
    const r = resolveTimeZone(name);
    assert.ok(r.ok, name);
    return r.zone.offsetMinutes;
  };
  assert.equal(off('UTC'), 0);
  assert.equal(off('Etc/UTC'), 0);
  assert.equal(off('Etc/GMT+5'), -300);
  assert.equal(off('Etc/GMT-14'), 840);
  assert.equal(resolveTimeZone('Etc/GMT+13').ok, false);
  assert.equal(resolveTimeZone('+05:30').ok, false);
  assert.equal(resolveTimeZone('../etc/passwd').ok, false);
  assert.equal(resolveTimeZone('utc').ok, false, 'zone names are case-sensitive');
  const local = resolveTimeZone('Local');
  assert.ok(local.ok && local.note !== undefined);
});

test('CronJob: spec.timeZone becomes a TZ= prefix; TZ in the schedule warns; bad zones and schedules give events', () => {
  const a = parseCronJobSchedule('0 9 * * *', 'Etc/GMT-2');
  assert.ok(a.result.ok);
  assert.deepEqual(a.events, []);
  assert.equal(iso(nextRun(a.result.schedule, ms('2025-07-01T00:00:00Z'))), '2025-07-01T07:00:00Z');

  const b = parseCronJobSchedule('CRON_TZ=Etc/GMT-2 0 9 * * *', 'UTC');
  assert.ok(b.result.ok);
  assert.equal(b.events[0]?.reason, 'UnsupportedSchedule');
  assert.equal(
    b.events[0]?.message,
    'CRON_TZ or TZ used in schedule "CRON_TZ=Etc/GMT-2 0 9 * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details',
  );

  const c = parseCronJobSchedule('0 9 * * *', 'Mars/Olympus');
  assert.equal(c.result.ok, false);
  assert.deepEqual(c.events, [
    {
      type: 'Warning',
      reason: 'UnknownTimeZone',
      message: 'invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus',
    },
  ]);

  const d = parseCronJobSchedule('0 9 * *');
  assert.equal(d.events[0]?.reason, 'UnparseableSchedule');
});

test('API validation of a new CronJob', () => {
  assert.deepEqual(validateCronJobSchedule('*/5 * * * *', 'Europe/Berlin'), []);
  assert.deepEqual(validateCronJobSchedule('TZ=UTC 0 * * * *'), [
    { path: 'spec.schedule', message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' },
  ]);
  assert.deepEqual(validateCronJobSchedule('0 * * * *', 'Local'), [
    {
      path: 'spec.timeZone',
      message: 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    },
  ]);
  assert.deepEqual(validateCronJobSchedule('0 * * * *', ''), [
    { path: 'spec.timeZone', message: 'timeZone must be nil or non-empty string' },
  ]);
  assert.deepEqual(validateCronJobSchedule('0 * * * * *'), [
    { path: 'spec.schedule', message: 'expected exactly 5 fields, found 6: [0 * * * * *]' },
  ]);
});
