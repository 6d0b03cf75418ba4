// Durations as kubectl, Go and the PodLab CLI write them. All inputs are seconds (numbers, may be fractional).

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

/** Seconds → integer nanoseconds (BigInt), rounding the fractional part to the nearest nanosecond. */
function toNanos(seconds: number): bigint {
  const whole = Math.trunc(seconds);
  const frac = Math.round((seconds - whole) * 1e9);
  return BigInt(whole) * 1_000_000_000n + BigInt(frac);
}

/** Go's fmtFrac: the `prec` low digits of v as a fraction without trailing zeros ('' when all zero). */
function fmtFrac(v: bigint, prec: number): { frac: string; rest: bigint } {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    v /= 10n;
  }
  return { frac: print ? '.' + digits : '', rest: v };
}

/**
 * Go's `time.Duration.String()`: `0s`, `523ms`, `1.234s`, `40s`, `1m20s`, `5m0s`, `1h0m0s`, `1.5µs`.
 * The input is rounded to whole nanoseconds. NaN / ±Infinity give `<invalid>`.
 */
export function goDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '<invalid>';
  let u = toNanos(seconds);
  const neg = u < 0n;
  if (neg) u = -u;
  let out: string;
  if (u === 0n) return '0s';
  if (u < 1_000_000_000n) {
    let unit: string;
    let prec: number;
    if (u < 1_000n) {
      unit = 'ns';
      prec = 0;
    } else if (u < 1_000_000n) {
      unit = 'µs';
      prec = 3;
    } else {
      unit = 'ms';
      prec = 6;
    }
    const { frac, rest } = fmtFrac(u, prec);
    out = rest.toString() + frac + unit;
  } else {
    const { frac, rest } = fmtFrac(u, 9);
    const secs = rest % 60n;
    const mins = rest / 60n;
    out = secs.toString() + frac + 's';
    if (mins > 0n) {
      out = (mins % 60n).toString() + 'm' + out;
      const hours = mins / 60n;
      if (hours > 0n) out = hours.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

const UNIT_SECONDS: Record<string, (v: number) => number> = {
  ns: (v) => v / 1e9,
  us: (v) => v / 1e6,
  µs: (v) => v / 1e6, // U+00B5 micro sign (Go)
  μs: (v) => v / 1e6, // U+03BC greek mu (Go)
  ms: (v) => v / 1e3,
  s: (v) => v,
  m: (v) => v * 60,
  h: (v) => v * 3600,
  d: (v) => v * 86400,
};

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const PART = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d)/;

export type ParsedDuration = { ok: true; seconds: number } | { ok: false; error: string };

/**
 * Durations for `--until`, `--at` and scenario times: `{ ok: true, seconds }` or `{ ok: false, error }` with a
 * message naming the input. Accepted:
 * - a plain number of seconds: `90`, `1.5`, `.5`, `0` (a JS number too, e.g. from YAML `at: 60`);
 * - Go/Kubernetes duration syntax, one or more `<number><unit>` parts: `90s`, `5m`, `1h30m`, `2h45m10s`,
 *   `1.5h`, `500ms`; units `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`, plus `d` (= 24h, a PodLab extension).
 *   Parts may come in any order and repeat, as in Go's time.ParseDuration (`1m30s` = `30s1m`).
 * Surrounding whitespace is ignored. Rejected: empty text, signs (`-5s`, `+5s`), exponents (`1e3`),
 * missing or unknown units inside a compound (`1h30`, `5x`), inner spaces, NaN, Infinity, and values
 * too large to be finite.
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
  if (NUMBER.test(raw)) return finite(Number(raw), quoted);
  let rest = raw;
  let total = 0;
  while (rest !== '') {
    const m = PART.exec(rest);
    if (!m) {
      const num = /^(\d+(?:\.\d*)?|\.\d+)/.exec(rest);
      if (!num) return { ok: false, error: `invalid duration ${quoted}: expected a number at "${rest}"` };
      const after = rest.slice(num[0].length);
      if (after === '')
        return { ok: false, error: `invalid duration ${quoted}: missing unit after ${num[0]} (use s, m, h, …)` };
      const unit = /^[^\d.]+/.exec(after)?.[0] ?? after;
      return { ok: false, error: `invalid duration ${quoted}: unknown unit "${unit}" (use ms, s, m, h or d)` };
    }
    const value = Number(m[1]);
    const toSeconds = UNIT_SECONDS[m[2] as string];
    if (!toSeconds) return { ok: false, error: `invalid duration ${quoted}: unknown unit "${m[2]}"` };
    total += toSeconds(value);
    rest = rest.slice(m[0].length);
  }
  return finite(total, quoted);
}

function finite(seconds: number, quoted: string): ParsedDuration {
  if (!Number.isFinite(seconds)) return { ok: false, error: `invalid duration ${quoted}: too large` };
  return { ok: true, seconds };
}

/** Seconds with at most 3 decimals and no trailing zeros: 25 → `25`, 25.1 → `25.1`, 0.0004 → `0`. */
export function plainSeconds(seconds: number): string {
  const r = Math.round(seconds * 1000) / 1000;
  return (Object.is(r, -0) ? 0 : r).toString();
}
