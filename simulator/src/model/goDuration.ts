// Go's time.Duration as text, both ways: time.ParseDuration (CronJob `@every`, and under PodLab's own duration
// syntax for the CLI and scenarios, present/duration.ts) and Duration.String() (the kubelet's "back-off 10s",
// image pull times). A port of Go's src/time/format.go and time.go, exact to the nanosecond (BigInt), so that
// "0.3333333333333333333h" is 20m and 2^53+1 ns stays exact as in Go's own tests.

const NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
/** PodLab's `d` (24h) for its own durations; Go has no day unit ("time: unknown unit "d""). */
const DAY_NS = 86_400_000_000_000n;
const TWO_63 = 2n ** 63n;

/** Why a duration did not parse, as data (Go's texts are in `error`). */
export type GoDurationProblem =
  | { kind: 'invalid'; at: string } // no number where one must be (`at`: the rest of the text), or a bad sign
  | { kind: 'missing-unit'; number: string } // a number without a unit ("1h30")
  | { kind: 'unknown-unit'; unit: string }
  | { kind: 'overflow' }; // beyond ±2^63 ns (about 292 years)

export type ParsedGoDuration = { ok: true; nanos: bigint } | { ok: false; error: string; problem: GoDurationProblem };

/** Go's time.quote: double quotes, `"` and `\` escaped, bytes outside printable ASCII as \xNN (UTF-8). */
function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0) as number;
    if (code >= 0x80 || code < 0x20) {
      let bytes: string;
      try {
        bytes = encodeURIComponent(c);
      } catch {
        bytes = '%EF%BF%BD'; // a lone surrogate: what Go reads from invalid UTF-8 is the replacement character
      }
      out +=
        code < 0x20
          ? `\\x${code.toString(16).padStart(2, '0')}`
          : bytes.replace(/%(..)/g, (_, h: string) => `\\x${h.toLowerCase()}`);
    } else out += c === '"' || c === '\\' ? `\\${c}` : c;
  }
  return `${out}"`;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, units ns us µs ms s m h; "0" alone needs no unit.
 * No whitespace. `days` adds PodLab's `d` unit (for present/duration.ts only).
 */
export function parseGoDuration(orig: string, days = false): ParsedGoDuration {
  const fail = (problem: GoDurationProblem, error = `time: invalid duration ${quote(orig)}`): ParsedGoDuration => ({
    ok: false,
    error,
    problem,
  });
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanos: 0n };
  if (s === '') return fail({ kind: 'invalid', at: s });
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return fail({ kind: 'invalid', at: s });
    // leadingInt: [0-9]*, an error past 2^63
    let i = 0;
    let v = 0n;
    for (; isDigit(s[i]); i++) {
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > TWO_63) return fail({ kind: 'overflow' });
    }
    const pre = i > 0;
    const numberStart = s;
    s = s.slice(i);
    // leadingFraction: (\.[0-9]*)?, which stops adding precision instead of overflowing
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let overflow = false;
      let j = 0;
      for (; isDigit(s[j]); j++) {
        if (overflow) continue;
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (f > (TWO_63 - 1n) / 10n || y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return fail({ kind: 'invalid', at: numberStart });
    let u = 0;
    while (u < s.length && !(s[u] === '.' || isDigit(s[u]))) u++;
    if (u === 0) {
      const number = numberStart.slice(0, numberStart.length - s.length);
      return fail({ kind: 'missing-unit', number }, `time: missing unit in duration ${quote(orig)}`);
    }
    const name = s.slice(0, u);
    s = s.slice(u);
    const unit = NS[name] ?? (days && name === 'd' ? DAY_NS : undefined);
    if (unit === undefined)
      return fail({ kind: 'unknown-unit', unit: name }, `time: unknown unit ${quote(name)} in duration ${quote(orig)}`);
    if (v > TWO_63 / unit) return fail({ kind: 'overflow' });
    v *= unit;
    if (f > 0n) {
      // float64, as Go does: exact to the nanosecond for fractions of an hour
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return fail({ kind: 'overflow' });
    }
    d += v;
    if (d > TWO_63) return fail({ kind: 'overflow' });
  }
  if (neg) return { ok: true, nanos: -d };
  if (d > TWO_63 - 1n) return fail({ kind: 'overflow' });
  return { ok: true, nanos: d };
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
 * The input is seconds, rounded to whole nanoseconds. NaN / ±Infinity give `<invalid>`.
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
