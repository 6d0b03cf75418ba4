// The parsed forms of a cron schedule and of its time zone, and the parse result.

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
