// Kubernetes resource quantities ("500m", "1.5Gi", "2", "1e3"): the one parser and printer in PodLab, a port of
// k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity, Quantity.String, UnmarshalJSON). Values are
// exact (a big integer times a power of ten), never floats, so "0.1" + "0.2" is exactly "300m" and the printed
// canonical form is the API server's byte for byte.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value is `mantissa × 10^exponent`, rounded up (away from zero) to a whole nano-unit like ParseQuantity
   * does; the mantissa has no trailing zeros, so equal values have equal fields (zero is 0n × 10^0). */
  readonly mantissa: bigint;
  readonly exponent: number;
  /** The suffix family it was written in, which Quantity.String() prints it in again. */
  readonly format: QuantityFormat;
}

// The three errors ParseQuantity returns (quantity.go: ErrFormatWrong, ErrNumeric, ErrSuffix).
const ERR_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_NUMERIC = 'unable to parse numeric part of quantity';
const ERR_SUFFIX = "unable to parse quantity's suffix";

export const DECIMAL_SUFFIXES = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);
/** Binary suffixes as powers of two. */
const BINARY_SUFFIXES = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);
const SUFFIX_CHARS = 'eEinumkKMGTP';
const MAX_INT64 = 2n ** 63n - 1n;

interface Scanned {
  positive: boolean;
  /** The sign and number as written (what inf.Dec's SetString reads on the slow path). */
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** quantity.go parseQuantityString: sign, number, suffix; lax about what the number holds ("." and "" are 0). */
function scan(str: string): Scanned | string {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+';
    pos++;
  }
  while (str[pos] === '0') pos++; // leading zeros
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (isDigit(str[i])) i++;
  if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    i = ++pos;
    while (isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos] as string)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  // a character outside the suffix alphabet, or digits followed by more letters
  if (pos < end) return ERR_FORMAT_WRONG;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

/** quantity suffixer's interpret: base 10 or 2 and the exponent, or undefined for an unknown suffix. */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  const dec = DECIMAL_SUFFIXES.get(suffix);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES.get(suffix);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  // "e"/"E" then a Go strconv.ParseInt (base 10, 64 bits), kept as Go's int32(parsed) does (wrapping)
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const parsed = BigInt(suffix.slice(1));
    if (parsed > MAX_INT64 || parsed < -MAX_INT64 - 1n) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** mantissa × 10^exponent with the mantissa's trailing zeros moved into the exponent. */
function normalized(mantissa: bigint, exponent: number, format: QuantityFormat): Quantity {
  if (mantissa === 0n) return { mantissa, exponent: 0, format };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  return { mantissa, exponent, format };
}

/** Rounds a non-negative mantissa × 10^exponent up to a whole nano-unit (inf.RoundUp at scale 9). */
function roundUpToNano(mantissa: bigint, exponent: number): { mantissa: bigint; exponent: number } {
  if (exponent >= -9 || mantissa === 0n) return { mantissa, exponent };
  const drop = -9 - exponent; // decimal digits below a nano-unit
  // a mantissa with no more digits than that is below one nano-unit: it rounds up to 1n (and 10^drop may be huge)
  if (mantissa.toString().length <= drop) return { mantissa: 1n, exponent: -9 };
  const div = 10n ** BigInt(drop);
  return { mantissa: mantissa / div + (mantissa % div === 0n ? 0n : 1n), exponent: -9 };
}

/** ParseQuantity: the quantity, or the API server's error text. No whitespace is allowed (see readQuantity). */
export function parseQuantityOrError(str: string): Quantity | { error: string } {
  if (str.length === 0) return { error: ERR_FORMAT_WRONG };
  if (str === '0') return { mantissa: 0n, exponent: 0, format: 'DecimalSI' };
  const s = scan(str);
  if (typeof s === 'string') return { error: s };
  const suffix = interpret(s.suffix);
  if (!suffix) return { error: ERR_SUFFIX };
  let { format } = suffix;
  // ParseQuantity takes an int64 fast path when the digits fit, else reads `value` with inf.Dec, which needs a
  // digit: so "Mi" and "." are 0 but "Ei", ".Pi" and "-Ei" are errors (they take the slow path).
  let fast: boolean;
  if (suffix.base === 10) fast = 18 - (s.num.length + s.denom.length) >= 0 && suffix.exponent - s.denom.length >= -9;
  else fast = s.denom.length === 0 && 15 - s.num.length - Math.trunc((suffix.exponent * 3) / 10) - 1 >= 0;
  if (fast) {
    const shifted = BigInt(s.num + s.denom) * (suffix.base === 2 ? 2n ** BigInt(suffix.exponent) : 1n);
    fast = shifted <= MAX_INT64; // int64Multiply overflows → slow path
  }
  if (!fast && !/\d/.test(s.value)) return { error: ERR_NUMERIC };
  // The exact value, then rounded up to nano and (binary only) capped at 2^63-1, both on the magnitude.
  let mantissa = BigInt(s.num + s.denom);
  let exponent = -s.denom.length;
  if (suffix.base === 10) exponent += suffix.exponent;
  else mantissa *= 2n ** BigInt(suffix.exponent);
  ({ mantissa, exponent } = roundUpToNano(mantissa, exponent));
  if (format === 'BinarySI') {
    const q = normalized(mantissa, exponent, format);
    if (compareQuantities(q, { mantissa: MAX_INT64, exponent: 0, format }) > 0) {
      mantissa = MAX_INT64;
      exponent = 0;
    } else if (mantissa !== 0n && compareQuantities(q, { mantissa: 1n, exponent: 0, format }) < 0) {
      format = 'DecimalSI'; // between 0 and 1: "avoids rounding and hopefully confusion"
    }
  }
  return normalized(s.positive ? mantissa : -mantissa, exponent, format);
}

/** ParseQuantity: undefined when the text is not a quantity. */
export function parseQuantity(str: string): Quantity | undefined {
  const q = parseQuantityOrError(str);
  return 'error' in q ? undefined : q;
}

/**
 * A manifest's quantity as the API server decodes it (Quantity.UnmarshalJSON): a string with surrounding
 * whitespace trimmed (quantity_test.go TestJSONWhitespace: `" 1"` is 1), or a JSON number as Go writes it.
 * Undefined for anything else or an invalid quantity.
 */
export function readQuantity(value: unknown): Quantity | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? parseQuantity(String(value)) : undefined;
  return typeof value === 'string' ? parseQuantity(value.trim()) : undefined;
}

/** The API server's error for a manifest quantity, or undefined when it decodes. */
export function quantityError(value: string): string | undefined {
  const q = parseQuantityOrError(value.trim());
  return 'error' in q ? q.error : undefined;
}

export function isValidQuantity(value: unknown): boolean {
  return readQuantity(value) !== undefined;
}

/** Compares two quantities by value: -1, 0 or 1 (Quantity.Cmp). */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const sa = a.mantissa < 0n ? -1 : a.mantissa > 0n ? 1 : 0;
  const sb = b.mantissa < 0n ? -1 : b.mantissa > 0n ? 1 : 0;
  if (sa !== sb || sa === 0) return Math.sign(sa - sb);
  // same sign: compare magnitudes by number of digits first, so huge exponents never become huge numbers
  const ma = sa < 0 ? -a.mantissa : a.mantissa;
  const mb = sb < 0 ? -b.mantissa : b.mantissa;
  const da = ma.toString().length + a.exponent;
  const db = mb.toString().length + b.exponent;
  let c: number;
  if (da !== db) c = da < db ? -1 : 1;
  else {
    const e = Math.min(a.exponent, b.exponent);
    const xa = ma * 10n ** BigInt(a.exponent - e);
    const xb = mb * 10n ** BigInt(b.exponent - e);
    c = xa === xb ? 0 : xa < xb ? -1 : 1;
  }
  return c === 0 ? 0 : sa * c;
}

/** The value in nano-units. Quantities past 10^300 saturate there (no node or pod has such resources). */
export function quantityNanos(q: Quantity): bigint {
  const exponent = Math.min(q.exponent, 300) + 9; // ≥ 0: parsed values are whole nano-units
  return q.mantissa * 10n ** BigInt(exponent);
}

/** Quantity.ScaledValue: ceil(q / 10^scale) away from zero, as a number; undefined when it is not finite. */
function scaledValue(q: Quantity, scale: number): number | undefined {
  const shift = q.exponent - scale;
  let v: number;
  if (shift >= 0) v = shift > 400 ? Infinity : Number(q.mantissa * 10n ** BigInt(shift));
  else {
    const div = 10n ** BigInt(-shift); // -shift ≤ 9 + scale: parsed values are whole nano-units
    const abs = q.mantissa < 0n ? -q.mantissa : q.mantissa;
    const up = abs / div + (abs % div === 0n ? 0n : 1n);
    v = Number(q.mantissa < 0n ? -up : up);
  }
  return Number.isFinite(v) ? v : undefined;
}

/** A quantity's value as a float (AsApproximateFloat64); undefined past the float range. */
export function quantityNumber(q: Quantity): number | undefined {
  const v = Number(`${q.mantissa}e${q.exponent}`);
  return Number.isFinite(v) ? v : undefined;
}

/** A manifest quantity's value as a float: bytes for memory, cores for CPU. */
export function quantityValue(value: unknown): number | undefined {
  const q = readQuantity(value);
  return q && quantityNumber(q);
}

/** CPU in millicores, rounded up like Quantity.MilliValue (0.0001 → 1m). */
export function cpuMillis(value: unknown): number | undefined {
  const q = readQuantity(value);
  return q && scaledValue(q, -3);
}

/** Memory (or any byte count) in whole bytes, rounded up like Quantity.Value ("500m" → 1). */
export function memoryBytes(value: unknown): number | undefined {
  const q = readQuantity(value);
  return q && scaledValue(q, 0);
}
