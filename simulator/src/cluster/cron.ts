// CronJob schedules, as the CronJob controller reads them: robfig/cron v3 `ParseStandard` and `SpecSchedule.Next`.
//
// Syntax: 5 fields (minute hour day-of-month month day-of-week) with lists `1,5`, ranges `1-5`, steps `*/15`,
// `10/5` (= 10-max/5), `*` or `?`, names JAN–DEC and SUN–SAT (any case; day-of-week is 0–6, 7 is rejected as
// upstream does); descriptors @yearly @annually @monthly @weekly @daily @midnight @hourly and `@every <Go
// duration>`; an optional `CRON_TZ=<zone> ` or `TZ=<zone> ` prefix. When both day fields are restricted (neither
// starts with `*`/`?`), a day matches if *either* matches (robfig's dayMatches; `*/2` counts as restricted).
//
// Time zones: without a prefix the schedule runs in the kube-controller-manager's local zone, which is UTC in
// practice, so PodLab uses UTC. UTC, its aliases and the fixed-offset `Etc/GMT±N` zones are built in. Other IANA
// names use the runtime's `Intl` time-zone data (DST included); without `Intl` they fall back to UTC with a note.
//
// `nextRun` follows robfig's field-by-field search (month, then day, hour, minute, second), jumping straight to the
// next allowed hour/minute in fixed-offset zones, and gives up after five years (robfig's limit), so impossible
// schedules such as `0 0 30 2 *` return undefined after a few hundred steps.

export type CronField = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

export interface CronTimeZone {
  /** As written (`UTC`, `Etc/GMT-2`, `Europe/Berlin`); `UTC` when none was given. */
  name: string;
  /** `fixed`: a constant offset (UTC included); `intl`: offsets from the runtime's time-zone data. */
  kind: 'fixed' | 'intl';
  /** East of UTC, for `fixed` zones. */
  offsetMinutes: number;
}

interface ScheduleBase {
  /** The expression as given (including any TZ prefix). */
  expression: string;
  timeZone: CronTimeZone;
}

export interface CronSpecSchedule extends ScheduleBase {
  kind: 'spec';
  /** Allowed values, indexed by value: minutes[0..59], hours[0..23], daysOfMonth[1..31], months[1..12], daysOfWeek[0..6] (0 = Sunday). */
  minutes: boolean[];
  hours: boolean[];
  daysOfMonth: boolean[];
  months: boolean[];
  daysOfWeek: boolean[];
  /** The day field started with `*` or `?` (and had no step > 1): robfig's star bit. */
  domStar: boolean;
  dowStar: boolean;
}

export interface CronEverySchedule extends ScheduleBase {
  kind: 'every';
  /** `@every <d>`: d rounded down to whole seconds, at least 1 s. */
  everyMs: number;
}

export type CronSchedule = CronSpecSchedule | CronEverySchedule;

export type CronParseResult =
  | { ok: true; schedule: CronSchedule; notes: string[] }
  | {
      ok: false;
      /** Plain words, naming the field: `day-of-week field "7": 7 is above the maximum 6 (use 0 for Sunday)`. */
      error: string;
      /** robfig/cron's own message, as the API server reports it: `end of range (7) above maximum (6): 7`. */
      upstream: string;
      field?: CronField;
    };

interface Bounds {
  field: CronField;
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const DOW_NAMES: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const FIELDS: readonly Bounds[] = [
  { field: 'minute', min: 0, max: 59 },
  { field: 'hour', min: 0, max: 23 },
  { field: 'day-of-month', min: 1, max: 31 },
  { field: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { field: 'day-of-week', min: 0, max: 6, names: DOW_NAMES },
];

class FieldError extends Error {
  constructor(readonly upstream: string, readonly plain: string) {
    super(upstream);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

/** Parses a cron expression (robfig/cron v3 ParseStandard). */
export function parseCron(expression: string): CronParseResult {
  if (expression.length === 0) return fail('the schedule is empty', 'empty spec string');
  let spec = expression;
  let timeZone: CronTimeZone = UTC;
  const notes: string[] = [];

  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    if (space < 0) {
      return fail(`"${spec}" names a time zone but no schedule follows it`, `provided bad location ${spec.slice(eq + 1)}: missing schedule`);
    }
    const name = spec.slice(eq + 1, space);
    const tz = resolveTimeZone(name);
    if (!tz.ok) return fail(`unknown time zone "${name}" in the ${spec.slice(0, eq)}= prefix`, `provided bad location ${name}: ${tz.error}`);
    timeZone = tz.zone;
    if (tz.note) notes.push(tz.note);
    spec = spec.slice(space).trim();
  }

  if (spec.startsWith('@')) return parseDescriptor(expression, spec, timeZone, notes);

  const fields = spec.split(/\s+/).filter((f) => f.length > 0);
  if (fields.length !== 5) {
    return fail(
      `expected 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}`,
      `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`,
    );
  }

  const sets: boolean[][] = [];
  const stars: boolean[] = [];
  for (let i = 0; i < 5; i++) {
    const bounds = FIELDS[i] as Bounds;
    const text = fields[i] as string;
    try {
      const { bits, star } = getField(text, bounds);
      sets.push(bits);
      stars.push(star);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      return { ok: false, error: `${bounds.field} field "${text}": ${e.plain}`, upstream: e.upstream, field: bounds.field };
    }
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [boolean[], boolean[], boolean[], boolean[], boolean[]];
  return {
    ok: true,
    notes,
    schedule: {
      kind: 'spec',
      expression,
      timeZone,
      minutes,
      hours,
      daysOfMonth,
      months,
      daysOfWeek,
      domStar: stars[2] === true,
      dowStar: stars[4] === true,
    },
  };
}

function fail(error: string, upstream: string): CronParseResult {
  return { ok: false, error, upstream };
}

function getField(text: string, b: Bounds): { bits: boolean[]; star: boolean } {
  const bits: boolean[] = new Array<boolean>(b.max + 1).fill(false);
  let star = false;
  for (const part of text.split(',')) {
    const r = getRange(part, b);
    for (let v = r.start; v <= r.end; v += r.step) bits[v] = true;
    star ||= r.star;
  }
  return { bits, star };
}

function getRange(expr: string, b: Bounds): { start: number; end: number; step: number; star: boolean } {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  const low = lowAndHigh[0] ?? '';
  if (low === '*' || low === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(low, b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? '', b);
    else throw new FieldError(`too many hyphens: ${expr}`, `too many hyphens in "${expr}"`);
  }

  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1] ?? '');
    if (single) end = b.max; // "N/step" means "N-max/step"
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) {
    throw new FieldError(`too many slashes: ${expr}`, `too many slashes in "${expr}"`);
  }

  if (start < b.min) {
    throw new FieldError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`, `${start} is below the minimum ${b.min}`);
  }
  if (end > b.max) {
    const hint = b.field === 'day-of-week' && end === 7 ? ' (use 0 for Sunday)' : '';
    throw new FieldError(`end of range (${end}) above maximum (${b.max}): ${expr}`, `${end} is above the maximum ${b.max}${hint}`);
  }
  if (start > end) {
    throw new FieldError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`, `the range starts at ${start}, after its end ${end}`);
  }
  if (step === 0) throw new FieldError(`step of range should be a positive number: ${expr}`, 'the step must be a positive number');
  return { start, end, step, star };
}

function parseIntOrName(expr: string, b: Bounds): number {
  if (b.names) {
    const v = b.names[expr.toLowerCase()];
    if (v !== undefined) return v;
  }
  return mustParseInt(expr, b);
}

function mustParseInt(expr: string, b?: Bounds): number {
  if (!/^[+-]?\d+$/.test(expr)) {
    const what = b?.names ? `a number or a name (${Object.keys(b.names).slice(0, 3).map((n) => n.toUpperCase()).join(', ')}, …)` : 'a number';
    throw new FieldError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`, `"${expr}" is not ${what}`);
  }
  const n = Number.parseInt(expr, 10);
  if (n < 0) throw new FieldError(`negative number (${n}) not allowed: ${expr}`, `negative number ${n}`);
  return n;
}

function parseDescriptor(expression: string, spec: string, timeZone: CronTimeZone, notes: string[]): CronParseResult {
  const range = (min: number, max: number, only?: number) =>
    Array.from({ length: max + 1 }, (_, i) => i >= min && (only === undefined || i === only));
  const base = (over: Partial<CronSpecSchedule>): CronParseResult => ({
    ok: true,
    notes,
    schedule: {
      kind: 'spec',
      expression,
      timeZone,
      minutes: range(0, 59, 0),
      hours: range(0, 23, 0),
      daysOfMonth: range(1, 31),
      months: range(1, 12),
      daysOfWeek: range(0, 6),
      domStar: true,
      dowStar: true,
      ...over,
    },
  });
  switch (spec) {
    case '@yearly':
    case '@annually':
      return base({ daysOfMonth: range(1, 31, 1), months: range(1, 12, 1), domStar: false });
    case '@monthly':
      return base({ daysOfMonth: range(1, 31, 1), domStar: false });
    case '@weekly':
      return base({ daysOfWeek: range(0, 6, 0), dowStar: false });
    case '@daily':
    case '@midnight':
      return base({});
    case '@hourly':
      return base({ hours: range(0, 23) });
  }
  if (spec.startsWith('@every ')) {
    const text = spec.slice('@every '.length);
    const d = parseGoDuration(text);
    if (typeof d === 'string') return fail(`"@every ${text}": ${d}`, `failed to parse duration ${text}: ${d}`);
    const everyMs = d < 1000 ? 1000 : d - (d % 1000);
    const extra = d < 1000 ? ['@every intervals under 1s run every second'] : d % 1000 !== 0 ? [`@every ${text} is rounded down to whole seconds`] : [];
    return { ok: true, notes: [...notes, ...extra], schedule: { kind: 'every', expression, timeZone, everyMs } };
  }
  return fail(
    `unknown descriptor "${spec}" (known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every <duration>)`,
    `unrecognized descriptor: ${spec}`,
  );
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000,
};

/** Go's time.ParseDuration, in milliseconds (fractions kept); an error text (`time: …`) when invalid. */
export function parseGoDuration(text: string): number | string {
  const invalid = `time: invalid duration ${JSON.stringify(text)}`;
  let s = text;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = m?.[1] ?? '';
    const frac = m?.[2];
    if (whole === '' && (frac === undefined || frac === '')) return invalid;
    s = s.slice(m?.[0].length ?? 0);
    const u = /^[^.0-9]+/.exec(s)?.[0] ?? '';
    if (u === '') return `time: missing unit in duration ${JSON.stringify(text)}`;
    const unit = DURATION_UNITS[u];
    if (unit === undefined) return `time: unknown unit ${JSON.stringify(u)} in duration ${JSON.stringify(text)}`;
    s = s.slice(u.length);
    total += Number(`${whole || '0'}.${frac ?? ''}0`) * unit;
  }
  return neg ? -total : total;
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones

const UTC: CronTimeZone = { name: 'UTC', kind: 'fixed', offsetMinutes: 0 };

const UTC_ALIASES = new Set([
  '', 'UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0',
  'Etc/Greenwich', 'GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Greenwich', 'UCT', 'Universal', 'Zulu',
]);

/** Resolves a zone name as Go's time.LoadLocation would accept it. */
export function resolveTimeZone(name: string): { ok: true; zone: CronTimeZone; note?: string } | { ok: false; error: string } {
  if (UTC_ALIASES.has(name)) return { ok: true, zone: { name: name || 'UTC', kind: 'fixed', offsetMinutes: 0 } };
  if (name === 'Local') {
    return { ok: true, zone: { name, kind: 'fixed', offsetMinutes: 0 }, note: 'time zone "Local" is the kube-controller-manager\'s zone; assumed UTC' };
  }
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) return { ok: false, error: 'time: invalid location name' };
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(name);
  if (etc) {
    const hours = Number(etc[2]);
    // POSIX sign: Etc/GMT+5 is five hours *behind* UTC.
    if ((etc[1] === '+' && hours <= 12) || (etc[1] === '-' && hours <= 14)) {
      return { ok: true, zone: { name, kind: 'fixed', offsetMinutes: (etc[1] === '+' ? -hours : hours) * 60 } };
    }
    return { ok: false, error: `unknown time zone ${name}` };
  }
  // Offsets such as "+05:30" are not zone names for Go (some Intl implementations accept them).
  if (/^[+-]|^\d/.test(name)) return { ok: false, error: `unknown time zone ${name}` };
  const intl = intlFormatter(name);
  if (intl === 'unavailable') {
    return { ok: true, zone: { name, kind: 'fixed', offsetMinutes: 0 }, note: `no time-zone data available for "${name}": the schedule is evaluated in UTC` };
  }
  if (intl === undefined) return { ok: false, error: `unknown time zone ${name}` };
  const resolved = intl.resolvedOptions().timeZone;
  // Go's zone files are case-sensitive; Intl is not.
  if (resolved.toLowerCase() === name.toLowerCase() && resolved !== name) return { ok: false, error: `unknown time zone ${name}` };
  return { ok: true, zone: { name, kind: 'intl', offsetMinutes: 0 } };
}

const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

function intlFormatter(name: string): Intl.DateTimeFormat | undefined | 'unavailable' {
  if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return 'unavailable';
  if (formatters.has(name)) return formatters.get(name);
  let f: Intl.DateTimeFormat | undefined;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = undefined;
  }
  formatters.set(name, f);
  return f;
}

/** Seconds east of UTC at the instant `t` (epoch seconds). */
function offsetSeconds(zone: CronTimeZone, t: number): number {
  if (zone.kind === 'fixed') return zone.offsetMinutes * 60;
  const f = intlFormatter(zone.name);
  if (f === undefined || f === 'unavailable') return 0;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(t * 1000)) if (p.type !== 'literal') parts[p.type] = Number.parseInt(p.value, 10);
  const wall =
    daysFromCivil(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1) * 86400 +
    ((parts.hour ?? 0) % 24) * 3600 +
    (parts.minute ?? 0) * 60 +
    (parts.second ?? 0);
  return wall - t;
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian; H. Hinnant's days_from_civil / civil_from_days)

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** The wall-clock fields of instant `t` (epoch seconds) in `zone`. */
function wallOf(zone: CronTimeZone, t: number): Wall {
  const local = t + offsetSeconds(zone, t);
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  return {
    ...civilFromDays(days),
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

/** Go's time.Date(y, mo, d, h, mi, s, 0, zone) → epoch seconds, with Go's normalisation of overflowing fields. */
function dateIn(zone: CronTimeZone, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const m0 = mo - 1;
  const year = y + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const wall = (daysFromCivil(year, month, 1) + d - 1) * 86400 + h * 3600 + mi * 60 + s;
  // Go: look up the offset at `wall` taken as UTC; if `wall - offset` falls in another zone period, use that one's.
  const guess = offsetSeconds(zone, wall);
  const actual = offsetSeconds(zone, wall - guess);
  return wall - actual;
}

// ---------------------------------------------------------------------------------------------------------------
// Next activation

/** The first activation strictly after `afterEpochMs`, in epoch ms; undefined when none within five years. */
export function nextRun(schedule: CronSchedule, afterEpochMs: number): number | undefined {
  if (schedule.kind === 'every') return Math.floor(afterEpochMs / 1000) * 1000 + schedule.everyMs;
  return nextSpec(schedule, afterEpochMs);
}

/** The next `count` activations after `afterEpochMs` (fewer if the schedule runs out). */
export function nextRuns(schedule: CronSchedule, afterEpochMs: number, count: number): number[] {
  const out: number[] = [];
  let t = afterEpochMs;
  while (out.length < count) {
    const n = nextRun(schedule, t);
    if (n === undefined) break;
    out.push(n);
    t = n;
  }
  return out;
}

function dayMatches(s: CronSpecSchedule, w: Wall): boolean {
  const dom = s.daysOfMonth[w.day] === true;
  const dow = s.daysOfWeek[w.weekday] === true;
  return s.domStar || s.dowStar ? dom && dow : dom || dow;
}

/** The smallest allowed value above `v`, or undefined. */
function nextAllowed(bits: readonly boolean[], v: number): number | undefined {
  for (let i = v + 1; i < bits.length; i++) if (bits[i]) return i;
  return undefined;
}

function nextSpec(s: CronSpecSchedule, afterEpochMs: number): number | undefined {
  const zone = s.timeZone;
  const jump = zone.kind === 'fixed';
  let t = Math.floor(afterEpochMs / 1000) + 1; // the upcoming whole second
  let added = false;
  let w = wallOf(zone, t);
  const yearLimit = w.year + 5;

  wrap: for (;;) {
    w = wallOf(zone, t);
    if (w.year > yearLimit) return undefined;

    while (!s.months[w.month]) {
      if (!added) {
        added = true;
        t = dateIn(zone, w.year, w.month, 1, 0, 0, 0);
        w = wallOf(zone, t);
      }
      t = dateIn(zone, w.year, w.month + 1, w.day, w.hour, w.minute, w.second);
      w = wallOf(zone, t);
      if (w.month === 1) continue wrap;
    }

    while (!dayMatches(s, w)) {
      if (!added) {
        added = true;
        t = dateIn(zone, w.year, w.month, w.day, 0, 0, 0);
        w = wallOf(zone, t);
      }
      t = dateIn(zone, w.year, w.month, w.day + 1, w.hour, w.minute, w.second);
      w = wallOf(zone, t);
      // Where DST moves midnight, robfig nudges back to hour 0.
      if (w.hour !== 0) {
        t += w.hour > 12 ? (24 - w.hour) * 3600 : -w.hour * 3600;
        w = wallOf(zone, t);
      }
      if (w.day === 1) continue wrap;
    }

    while (!s.hours[w.hour]) {
      if (!added) {
        added = true;
        t = dateIn(zone, w.year, w.month, w.day, w.hour, 0, 0);
        w = wallOf(zone, t);
      }
      if (jump) t += ((nextAllowed(s.hours, w.hour) ?? 24) - w.hour) * 3600;
      else t += 3600;
      w = wallOf(zone, t);
      if (w.hour === 0) continue wrap;
    }

    while (!s.minutes[w.minute]) {
      if (!added) {
        added = true;
        t = Math.floor(t / 60) * 60;
        w = wallOf(zone, t);
      }
      if (jump) t += ((nextAllowed(s.minutes, w.minute) ?? 60) - w.minute) * 60;
      else t += 60;
      w = wallOf(zone, t);
      if (w.minute === 0) continue wrap;
    }

    if (w.second !== 0) {
      // Only second 0 is allowed: go to the next whole minute and check everything again.
      added = true;
      t += 60 - w.second;
      continue wrap;
    }
    return t * 1000;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CronJob helpers

export interface CronJobScheduleResult {
  result: CronParseResult;
  /** Events the controller emits (`UnsupportedSchedule`, `UnknownTimeZone`, `UnparseableSchedule`). */
  events: { type: 'Warning'; reason: string; message: string }[];
}

/**
 * What the CronJob controller (k/k pkg/controller/cronjob, formatSchedule + cron.ParseStandard) makes of
 * `spec.schedule` and `spec.timeZone`: a TZ/CRON_TZ prefix in the schedule wins (with an UnsupportedSchedule
 * warning); otherwise `spec.timeZone` becomes a `TZ=` prefix.
 */
export function parseCronJobSchedule(schedule: string, timeZone?: string | null): CronJobScheduleResult {
  const events: CronJobScheduleResult['events'] = [];
  let expr = schedule;
  if (schedule.includes('TZ')) {
    events.push({
      type: 'Warning',
      reason: 'UnsupportedSchedule',
      message: `CRON_TZ or TZ used in schedule ${JSON.stringify(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
    });
  } else if (timeZone !== undefined && timeZone !== null) {
    const tz = resolveTimeZone(timeZone);
    if (!tz.ok) {
      events.push({ type: 'Warning', reason: 'UnknownTimeZone', message: `invalid timeZone: ${JSON.stringify(timeZone)}: ${tz.error}` });
      return { result: { ok: false, error: `unknown time zone "${timeZone}" in spec.timeZone`, upstream: tz.error }, events };
    }
    expr = `TZ=${timeZone} ${schedule}`;
  }
  const result = parseCron(expr);
  if (!result.ok) {
    events.push({ type: 'Warning', reason: 'UnparseableSchedule', message: `unparseable schedule: ${JSON.stringify(schedule)} : ${result.upstream}` });
  }
  return { result, events };
}

/**
 * The API server's validation of a new CronJob's `spec.schedule` and `spec.timeZone` (k/k pkg/apis/batch/validation):
 * the messages `kubectl apply` prints after `Invalid value: "<value>": `.
 */
export function validateCronJobSchedule(schedule: string, timeZone?: string | null): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const parsed = parseCron(schedule);
  if (!parsed.ok) issues.push({ path: 'spec.schedule', message: parsed.upstream });
  if (schedule.includes('TZ')) {
    issues.push({ path: 'spec.schedule', message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' });
  }
  if (timeZone !== undefined && timeZone !== null) {
    if (timeZone.length === 0) {
      issues.push({ path: 'spec.timeZone', message: 'timeZone must be nil or non-empty string' });
    } else if (timeZone.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(p))) {
      issues.push({ path: 'spec.timeZone', message: `unknown time zone ${timeZone}` });
    } else {
      if (timeZone.toLowerCase() === 'local') {
        issues.push({ path: 'spec.timeZone', message: 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones' });
      }
      const tz = resolveTimeZone(timeZone);
      if (!tz.ok) issues.push({ path: 'spec.timeZone', message: tz.error });
    }
  }
  return issues;
}
