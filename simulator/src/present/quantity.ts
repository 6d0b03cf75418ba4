// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), enough for describe and QoS:
// exact parsing into nano-units (BigInt) and the canonical `Quantity.String()` kubectl prints.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value × 10^9, rounded up to a whole nano-unit like apimachinery does. */
  nanos: bigint;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Parses `500m`, `0.5`, `128Mi`, `1e3`, `2` (numbers too, as YAML gives them). Null when invalid. */
export function parseQuantity(input: string | number): Quantity | null {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : input.trim();
  const m = QUANTITY.exec(text);
  if (!m) return null;
  const [, sign, num = '', suffix, exp] = m;
  const [intPart = '', fracPart = ''] = num.split('.');
  // mantissa = digits × 10^-fracLen
  const digits = BigInt((intPart || '0') + fracPart);
  let scale = -fracPart.length; // power of ten applied to `digits`
  let multiplier = 1n;
  let format: QuantityFormat = 'DecimalSI';
  if (suffix !== undefined && suffix in BINARY) {
    multiplier = 1024n ** BigInt(BINARY[suffix] as number);
    format = 'BinarySI';
  } else if (suffix !== undefined) {
    scale += DECIMAL[suffix] as number;
  } else if (exp !== undefined) {
    scale += Number(exp);
    format = 'DecimalExponent';
  }
  // nanos = digits × multiplier × 10^(scale+9), rounded up (away from zero for positives).
  const shift = scale + 9;
  let nanos: bigint;
  if (shift >= 0) nanos = digits * multiplier * pow10(shift);
  else {
    const whole = digits * multiplier;
    const div = pow10(-shift);
    nanos = whole / div + (whole % div === 0n ? 0n : 1n);
  }
  return { nanos: sign === '-' ? -nanos : nanos, format };
}

const DECIMAL_SUFFIX: Record<number, string> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** `Quantity.String()`: the canonical form (e.g. `0.5` → `500m`, `2048Mi` → `2Gi`, `1000m` → `1`). */
function formatQuantity(q: Quantity): string {
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? '-' : '';
  if (abs === 0n) return '0';
  let format = q.format;
  const oneBillion = 1_000_000_000n;
  if (format === 'BinarySI') {
    // Small or fractional binary quantities are shown as DecimalSI (avoids rounding).
    if (abs < 1024n * oneBillion || abs % oneBillion !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let mantissa = abs / oneBillion;
    let e = 0;
    while (e < 6 && mantissa % 1024n === 0n) {
      mantissa /= 1024n;
      e++;
    }
    return sign + mantissa.toString() + BINARY_SUFFIX[e];
  }
  let mantissa = abs;
  let exponent = -9;
  while (exponent < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exponent += 3;
  }
  if (format === 'DecimalExponent') return sign + mantissa.toString() + (exponent === 0 ? '' : `e${exponent}`);
  return sign + mantissa.toString() + (DECIMAL_SUFFIX[exponent] ?? '');
}

/** Canonical text of a manifest quantity; the input unchanged when it does not parse. */
export function canonicalQuantity(input: string | number): string {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : String(input);
}

export type ResourceList = Readonly<Record<string, string | number>>;

export interface ResourceRequirementsLike {
  limits?: ResourceList | null;
  requests?: ResourceList | null;
}

/** API defaulting (SetDefaults_Pod): every limit without a request becomes the request too. */
export function defaultedRequests(res: ResourceRequirementsLike | null | undefined): ResourceList | undefined {
  if (!res) return undefined;
  if (!res.limits) return res.requests ?? undefined;
  return { ...res.limits, ...(res.requests ?? {}) };
}

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * `ComputePodQOS` (k/k pkg/apis/core/helper/qos): only cpu and memory count; BestEffort without any request or
 * limit; Guaranteed when every container (init containers included) has cpu and memory limits and the summed
 * requests equal the summed limits; otherwise Burstable. Requests are defaulted from limits first.
 */
export function podQOSClass(containers: readonly (ResourceRequirementsLike | null | undefined)[]): QOSClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const add = (into: Map<string, bigint>, name: string, v: bigint): void => {
    into.set(name, (into.get(name) ?? 0n) + v);
  };
  for (const res of containers) {
    for (const [name, value] of Object.entries(defaultedRequests(res) ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = parseQuantity(value);
      if (q && q.nanos > 0n) add(requests, name, q.nanos);
    }
    const found = new Set<string>();
    for (const [name, value] of Object.entries(res?.limits ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = parseQuantity(value);
      if (q && q.nanos > 0n) {
        found.add(name);
        add(limits, name, q.nanos);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
