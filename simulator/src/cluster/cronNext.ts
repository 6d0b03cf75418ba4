// The next activation of a schedule: robfig/cron's field-by-field SpecSchedule.Next search, and `@every`.
import type { CronSchedule, CronSpecSchedule } from './cronTypes';
import { dateIn, wallOf, type Wall } from './cronTimeZone';

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
