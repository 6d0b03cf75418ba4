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
//
// The parts: cronTypes (parsed forms), cronParse (expressions, descriptors, Go durations), cronTimeZone (zones,
// calendar arithmetic), cronNext (the next activation), cronJobSchedule (CronJob controller and API validation).

export type { CronSchedule } from './cronTypes';
export { parseCron } from './cronParse';
export { resolveTimeZone } from './cronTimeZone';
export { nextRun, nextRuns } from './cronNext';
export { parseCronJobSchedule, validateCronJobSchedule } from './cronJobSchedule';
