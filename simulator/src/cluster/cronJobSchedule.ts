// What the CronJob controller and the API server's validation make of `spec.schedule` and `spec.timeZone`.
import type { CronParseResult } from './cronTypes';
import { parseCron } from './cronParse';
import { resolveTimeZone } from './cronTimeZone';

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
      events.push({
        type: 'Warning',
        reason: 'UnknownTimeZone',
        message: `invalid timeZone: ${JSON.stringify(timeZone)}: ${tz.error}`,
      });
      return {
        result: { ok: false, error: `unknown time zone "${timeZone}" in spec.timeZone`, upstream: tz.error },
        events,
      };
    }
    expr = `TZ=${timeZone} ${schedule}`;
  }
  const result = parseCron(expr);
  if (!result.ok) {
    events.push({
      type: 'Warning',
      reason: 'UnparseableSchedule',
      message: `unparseable schedule: ${JSON.stringify(schedule)} : ${result.upstream}`,
    });
  }
  return { result, events };
}

/**
 * The API server's validation of a new CronJob's `spec.schedule` and `spec.timeZone` (k/k pkg/apis/batch/validation):
 * the messages `kubectl apply` prints after `Invalid value: "<value>": `.
 */
export function validateCronJobSchedule(
  schedule: string,
  timeZone?: string | null,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const parsed = parseCron(schedule);
  if (!parsed.ok) issues.push({ path: 'spec.schedule', message: parsed.upstream });
  if (schedule.includes('TZ')) {
    issues.push({ path: 'spec.schedule', message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' });
  }
  if (timeZone !== undefined && timeZone !== null) {
    if (timeZone.length === 0) {
      issues.push({ path: 'spec.timeZone', message: 'timeZone must be nil or non-empty string' });
    } else if (
      timeZone
        .split('/')
        .some((p) => p === '.' || p === '..' || p.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(p))
    ) {
      issues.push({ path: 'spec.timeZone', message: `unknown time zone ${timeZone}` });
    } else {
      if (timeZone.toLowerCase() === 'local') {
        issues.push({
          path: 'spec.timeZone',
          message: 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
        });
      }
      const tz = resolveTimeZone(timeZone);
      if (!tz.ok) issues.push({ path: 'spec.timeZone', message: tz.error });
    }
  }
  return issues;
}
