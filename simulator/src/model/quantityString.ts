// Quantity.String() (k8s.io/apimachinery/pkg/api/resource/quantity.go): the canonical text the API server
// stores and kubectl prints, for quantities parsed by quantity.ts.
import { DECIMAL_SUFFIXES, readQuantity, type Quantity } from './quantity';

const DECIMAL_SUFFIX_OF = new Map([...DECIMAL_SUFFIXES].map(([suffix, exp]) => [exp, suffix]));
const BINARY_SUFFIX_OF = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * Quantity.String(): the canonical form kubectl prints ("0.5" → "500m", "2048Mi" → "2Gi", "1000m" → "1").
 * Binary quantities below 1024 or with a fraction print as DecimalSI; decimal exponents are multiples of 3, and
 * DecimalSI past "E" (10^18) falls back to "e" notation.
 */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  const sign = q.mantissa < 0n ? '-' : '';
  let mantissa = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  let exponent = q.exponent;
  if (q.format === 'BinarySI' && exponent >= 0 && exponent <= 19) {
    let whole = mantissa * 10n ** BigInt(exponent); // ≤ 2^63-1: binary quantities are capped when parsed
    if (whole >= 1024n) {
      let e = 0;
      while (whole % 1024n === 0n && e < 6) {
        whole /= 1024n;
        e++;
      }
      return `${sign}${whole}${BINARY_SUFFIX_OF[e]}`;
    }
  }
  const r = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(r);
  exponent -= r;
  const suffix = q.format === 'DecimalExponent' ? undefined : DECIMAL_SUFFIX_OF.get(exponent);
  return `${sign}${mantissa}${suffix ?? (exponent === 0 ? '' : `e${exponent}`)}`;
}

/** The canonical text of a manifest quantity (as describe prints it); the input unchanged when it is invalid. */
export function canonicalQuantity(value: string | number): string {
  const q = readQuantity(value);
  return q ? formatQuantity(q) : String(value);
}
