// Time zones (fixed offsets and Intl data) and the calendar arithmetic that maps instants to wall-clock fields.
import { civilFromDays, daysFromCivil } from '../calendar';
import type { CronTimeZone } from './cronTypes';

// ---------------------------------------------------------------------------------------------------------------
// Time zones

export const UTC: CronTimeZone = { name: 'UTC', kind: 'fixed', offsetMinutes: 0 };

const UTC_ALIASES = new Set([
  '',
  'UTC',
  'Etc/UTC',
  'Etc/UCT',
  'Etc/Universal',
  'Etc/Zulu',
  'Etc/GMT',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Etc/Greenwich',
  'GMT',
  'GMT0',
  'GMT+0',
  'GMT-0',
  'Greenwich',
  'UCT',
  'Universal',
  'Zulu',
]);

/** Resolves a zone name as Go's time.LoadLocation would accept it. */
export function resolveTimeZone(
  name: string,
): { ok: true; zone: CronTimeZone; note?: string } | { ok: false; error: string } {
  if (UTC_ALIASES.has(name)) return { ok: true, zone: { name: name || 'UTC', kind: 'fixed', offsetMinutes: 0 } };
  if (name === 'Local') {
    return {
      ok: true,
      zone: { name, kind: 'fixed', offsetMinutes: 0 },
      note: 'time zone "Local" is the kube-controller-manager\'s zone; assumed UTC',
    };
  }
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\'))
    return { ok: false, error: 'time: invalid location name' };
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
    return {
      ok: true,
      zone: { name, kind: 'fixed', offsetMinutes: 0 },
      note: `no time-zone data available for "${name}": the schedule is evaluated in UTC`,
    };
  }
  if (intl === undefined) return { ok: false, error: `unknown time zone ${name}` };
  const resolved = intl.resolvedOptions().timeZone;
  // Go's zone files are case-sensitive; Intl is not.
  if (resolved.toLowerCase() === name.toLowerCase() && resolved !== name)
    return { ok: false, error: `unknown time zone ${name}` };
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

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** The wall-clock fields of instant `t` (epoch seconds) in `zone`. */
export function wallOf(zone: CronTimeZone, t: number): Wall {
  const local = t + offsetSeconds(zone, t);
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  // Fields copied one by one: an object spread here cost more than the rest of a month of minutely fires together.
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

/** Go's time.Date(y, mo, d, h, mi, s, 0, zone) → epoch seconds, with Go's normalisation of overflowing fields. */
export function dateIn(zone: CronTimeZone, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const m0 = mo - 1;
  const year = y + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const wall = (daysFromCivil(year, month, 1) + d - 1) * 86400 + h * 3600 + mi * 60 + s;
  // Go: look up the offset at `wall` taken as UTC; if `wall - offset` falls in another zone period, use that one's.
  const guess = offsetSeconds(zone, wall);
  const actual = offsetSeconds(zone, wall - guess);
  return wall - actual;
}
