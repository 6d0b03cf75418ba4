// Parsing cron expressions (robfig/cron v3 ParseStandard): the five fields, descriptors and `@every <Go duration>`.
import { parseGoDuration } from '../model/goDuration';
import type { CronField, CronParseResult, CronSpecSchedule, CronTimeZone } from './cronTypes';
import { resolveTimeZone, UTC } from './cronTimeZone';

interface Bounds {
  field: CronField;
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
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
  constructor(
    readonly upstream: string,
    readonly plain: string,
  ) {
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
      return fail(
        `"${spec}" names a time zone but no schedule follows it`,
        `provided bad location ${spec.slice(eq + 1)}: missing schedule`,
      );
    }
    const name = spec.slice(eq + 1, space);
    const tz = resolveTimeZone(name);
    if (!tz.ok)
      return fail(
        `unknown time zone "${name}" in the ${spec.slice(0, eq)}= prefix`,
        `provided bad location ${name}: ${tz.error}`,
      );
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
      return {
        ok: false,
        error: `${bounds.field} field "${text}": ${e.plain}`,
        upstream: e.upstream,
        field: bounds.field,
      };
    }
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    boolean[],
    boolean[],
    boolean[],
    boolean[],
    boolean[],
  ];
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
    throw new FieldError(
      `beginning of range (${start}) below minimum (${b.min}): ${expr}`,
      `${start} is below the minimum ${b.min}`,
    );
  }
  if (end > b.max) {
    const hint = b.field === 'day-of-week' && end === 7 ? ' (use 0 for Sunday)' : '';
    throw new FieldError(
      `end of range (${end}) above maximum (${b.max}): ${expr}`,
      `${end} is above the maximum ${b.max}${hint}`,
    );
  }
  if (start > end) {
    throw new FieldError(
      `beginning of range (${start}) beyond end of range (${end}): ${expr}`,
      `the range starts at ${start}, after its end ${end}`,
    );
  }
  if (step === 0)
    throw new FieldError(`step of range should be a positive number: ${expr}`, 'the step must be a positive number');
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
    const what = b?.names
      ? `a number or a name (${Object.keys(b.names)
          .slice(0, 3)
          .map((n) => n.toUpperCase())
          .join(', ')}, …)`
      : 'a number';
    throw new FieldError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`,
      `"${expr}" is not ${what}`,
    );
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
    const parsed = parseGoDuration(text);
    if (!parsed.ok)
      return fail(`"@every ${text}": ${parsed.error}`, `failed to parse duration ${text}: ${parsed.error}`);
    const d = Number(parsed.nanos) / 1e6; // milliseconds, fractions kept
    const everyMs = d < 1000 ? 1000 : d - (d % 1000);
    const extra =
      d < 1000
        ? ['@every intervals under 1s run every second']
        : d % 1000 !== 0
          ? [`@every ${text} is rounded down to whole seconds`]
          : [];
    return { ok: true, notes: [...notes, ...extra], schedule: { kind: 'every', expression, timeZone, everyMs } };
  }
  return fail(
    `unknown descriptor "${spec}" (known: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every <duration>)`,
    `unrecognized descriptor: ${spec}`,
  );
}
