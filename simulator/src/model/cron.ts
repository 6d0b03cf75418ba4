// Standard 5-field cron schedules as the CronJob controller parses them (robfig/cron with the
// standard parser: minute hour day-of-month month day-of-week, plus @hourly/@daily/... descriptors).

export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** Day-of-month or day-of-week was `*` (robfig: then only the other one restricts the day). */
  domStar: boolean;
  dowStar: boolean;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const BOUNDS: [number, number, string[]?][] = [[0, 59], [0, 23], [1, 31], [1, 12, MONTHS], [0, 6, DAYS]];

class CronError extends Error {}

function num(s: string, names: string[] | undefined, offset: number): number {
  const i = names ? names.indexOf(s.toLowerCase()) : -1;
  if (i >= 0) return i + offset;
  if (!/^\d+$/.test(s)) throw new CronError(`failed to parse int from ${s}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

function parseField(field: string, lo: number, hi: number, names?: string[]): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    let start: number;
    let end: number;
    if (range === '*' || range === '?') {
      start = lo;
      end = hi;
    } else {
      const [a = '', b] = range.split('-');
      start = num(a, names, lo === 1 && names ? 1 : 0);
      end = b === undefined ? (stepText === undefined ? start : hi) : num(b, names, lo === 1 && names ? 1 : 0);
    }
    const step = stepText === undefined ? 1 : num(stepText, undefined, 0);
    if (start < lo) throw new CronError(`beginning of range (${start}) below minimum (${lo}): ${part}`);
    if (end > hi) throw new CronError(`end of range (${end}) above maximum (${hi}): ${part}`);
    if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${part}`);
    if (step === 0) throw new CronError(`step of range should be a positive number: ${part}`);
    for (let v = start; v <= end; v += step) out.add(v);
  }
  return out;
}

/** Parses a schedule; returns an error message in the controller's words when it is invalid. */
export function parseCronSchedule(schedule: string): { schedule: CronSchedule } | { error: string } {
  const text = schedule.trim();
  if (/^(CRON_)?TZ=/.test(text)) return { error: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' };
  const expanded = text.startsWith('@') ? DESCRIPTORS[text] : text;
  if (expanded === undefined) return { error: `unrecognized descriptor: ${text}` };
  const fields = expanded.split(/\s+/).filter((f) => f.length > 0);
  if (fields.length !== 5) return { error: `expected exactly 5 fields, found ${fields.length}: ${text}` };
  try {
    const sets = fields.map((f, i) => {
      const [lo, hi, names] = BOUNDS[i] as [number, number, string[]?];
      return parseField(f, lo, hi, names);
    }) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
    return {
      schedule: {
        minutes: sets[0], hours: sets[1], daysOfMonth: sets[2], months: sets[3], daysOfWeek: sets[4],
        domStar: fields[2] === '*' || fields[2] === '?',
        dowStar: fields[4] === '*' || fields[4] === '?',
      },
    };
  } catch (e) {
    if (e instanceof CronError) return { error: e.message };
    throw e;
  }
}

/** Whether the schedule fires at this minute (UTC fields). */
export function cronMatches(s: CronSchedule, t: { minute: number; hour: number; dayOfMonth: number; month: number; dayOfWeek: number }): boolean {
  if (!s.minutes.has(t.minute) || !s.hours.has(t.hour) || !s.months.has(t.month)) return false;
  const dom = s.daysOfMonth.has(t.dayOfMonth);
  const dow = s.daysOfWeek.has(t.dayOfWeek);
  if (s.domStar || s.dowStar) return dom && dow;
  return dom || dow;
}
