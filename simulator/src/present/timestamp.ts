// How describe prints a point in simulated time.
import { civilFromDays } from '../calendar';
import { plainSeconds } from './duration';

export interface ClockOptions {
  /**
   * Unix time (seconds) of t = 0. When set, times print like kubectl (Go's RFC1123Z, in UTC:
   * `Mon, 01 Jan 2024 00:00:25 +0000`); otherwise as seconds since apply: `t=25s`, `t=125.1s`.
   */
  epoch?: number;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** Go's `time.RFC1123Z` layout in UTC for a Unix time (fractions of a second are dropped, as Go does). */
export function rfc1123z(unixSeconds: number): string {
  const secs = Math.floor(unixSeconds);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const { year: y, month: m, day: d } = civilFromDays(days);
  const wd = (((days + 4) % 7) + 7) % 7;
  const hh = Math.floor(rem / 3600);
  const mm = Math.floor((rem % 3600) / 60);
  const ss = rem % 60;
  return `${DAYS[wd]}, ${pad2(d)} ${MONTHS[m - 1]} ${y} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)} +0000`;
}

/** A simulated time `t` (seconds since apply) as describe prints it; see ClockOptions. */
export function formatTimestamp(t: number, clock?: ClockOptions): string {
  if (clock?.epoch !== undefined) return rfc1123z(clock.epoch + t);
  return `t=${plainSeconds(t)}s`;
}
