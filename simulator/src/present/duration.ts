// Durations as kubectl and the PodLab CLI write them. All inputs are seconds (numbers, may be fractional). Go's
// own duration text (ParseDuration, Duration.String) is model/goDuration.ts, which PodLab's syntax builds on.
import { parseGoDuration } from '../model/goDuration';

/**
 * apimachinery `duration.HumanDuration` (k/k staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go):
 * `63s`, `2m`, `7m6s`, `45m`, `3h5m`, `23h`, `2d5h`, `30d`, `2y10d`. Whole seconds, truncated like Go's
 * `int(d.Seconds())` (so −1.5 s is `0s`, −2 s is `<invalid>`). NaN / ±Infinity give `<invalid>`.
 */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '<invalid>';
  const s = Math.trunc(seconds);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 60 * 2) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const d = Math.floor(hours / 24);
    return h === 0 ? `${d}d` : `${d}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24);
    const y = Math.floor(days / 365);
    const dy = days % 365;
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

export type ParsedDuration = { ok: true; seconds: number } | { ok: false; error: string };

/**
 * Durations for `--until`, `--at` and scenario times: `{ ok: true, seconds }` or `{ ok: false, error }` with a
 * message naming the input. Accepted:
 * - a plain number of seconds: `90`, `1.5`, `.5`, `0` (a JS number too, e.g. from YAML `at: 60`);
 * - Go's time.ParseDuration syntax (model/goDuration.ts), one or more `<number><unit>` parts: `90s`, `5m`,
 *   `1h30m`, `1.5h`, `500ms`; units `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`, plus `d` (= 24h, a PodLab extension).
 *   Parts may come in any order and repeat, as in Go (`1m30s` = `30s1m`).
 * Surrounding whitespace is ignored. Rejected: empty text, signs (`-5s`, `+5s`), exponents (`1e3`),
 * missing or unknown units inside a compound (`1h30`, `5x`), inner spaces, NaN, Infinity, and values
 * too large for Go (past 2^63 ns, about 292 years) or for a number.
 */
export function parseDuration(text: string | number): ParsedDuration {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return { ok: false, error: `invalid duration ${text}: not a finite number` };
    if (text < 0) return { ok: false, error: `invalid duration ${text}: must not be negative` };
    return { ok: true, seconds: text };
  }
  const raw = text.trim();
  const quoted = JSON.stringify(text);
  if (raw === '') return { ok: false, error: 'invalid duration "": empty' };
  if (raw.startsWith('-')) return { ok: false, error: `invalid duration ${quoted}: must not be negative` };
  if (NUMBER.test(raw)) {
    const seconds = Number(raw);
    return Number.isFinite(seconds)
      ? { ok: true, seconds }
      : { ok: false, error: `invalid duration ${quoted}: too large` };
  }
  if (raw.startsWith('+')) return { ok: false, error: `invalid duration ${quoted}: expected a number at "${raw}"` };
  const go = parseGoDuration(raw, true);
  if (go.ok) return { ok: true, seconds: Number(go.nanos) / 1e9 };
  const p = go.problem;
  const why =
    p.kind === 'missing-unit'
      ? `missing unit after ${p.number} (use s, m, h, …)`
      : p.kind === 'unknown-unit'
        ? `unknown unit "${p.unit}" (use ms, s, m, h or d)`
        : p.kind === 'overflow'
          ? 'too large'
          : `expected a number at "${p.at}"`;
  return { ok: false, error: `invalid duration ${quoted}: ${why}` };
}

/** Seconds with at most 3 decimals and no trailing zeros: 25 → `25`, 25.1 → `25.1`, 0.0004 → `0`. */
export function plainSeconds(seconds: number): string {
  const r = Math.round(seconds * 1000) / 1000;
  return (Object.is(r, -0) ? 0 : r).toString();
}
