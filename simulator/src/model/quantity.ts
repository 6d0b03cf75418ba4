// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): "500m", "1.5Gi", "2", "1e3", 0.5.
// Canonical numbers: CPU in cores, memory in bytes (the number the quantity stands for).

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
/** Decimal suffixes as powers of ten (applied in decimal, so "7n" is exactly 7e-9). */
const DECIMAL_EXP: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

// sign, digits (with optional fraction), then a binary SI suffix, a decimal SI suffix or a decimal exponent
const QUANTITY_RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** The value of a quantity, or undefined when the string is not a valid quantity. */
export function parseQuantity(q: string | number): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  const m = QUANTITY_RE.exec(q);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const digits = m[2] as string;
  const suffix = m[3] ?? '';
  const binary = BINARY[suffix];
  const exp = DECIMAL_EXP[suffix] ?? (binary === undefined ? Number(suffix.slice(1)) : 0);
  const value = binary === undefined ? Number(`${digits}e${exp}`) : Number(digits) * binary;
  return Number.isFinite(value) ? sign * value : undefined;
}

export function isValidQuantity(q: unknown): boolean {
  return (typeof q === 'string' || typeof q === 'number') && parseQuantity(q) !== undefined;
}

/** CPU quantity in millicores, rounded up like the API server does (0.0001 → 1m). */
export function cpuMillis(q: string | number): number | undefined {
  const v = parseQuantity(q);
  if (v === undefined) return undefined;
  return Math.ceil(round(v * 1000));
}

/** Memory (or any byte) quantity in bytes, rounded up to a whole byte. */
export function memoryBytes(q: string | number): number | undefined {
  const v = parseQuantity(q);
  if (v === undefined) return undefined;
  return Math.ceil(round(v));
}

/** Bytes in the largest binary unit that keeps the number readable: 268435456 → "256Mi", 1500 → "1500". */
export function formatMemory(bytes: number): string {
  const units: [string, number][] = [
    ['Ei', 2 ** 60],
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(bytes) >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  for (const [unit, size] of units) {
    if (Math.abs(bytes) >= size) return `${trim(bytes / size)}${unit}`;
  }
  return `${Math.round(bytes)}`;
}

/** CPU millicores the way kubectl prints them: 500 → "500m", 2000 → "2". */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? `${millis / 1000}` : `${Math.round(millis)}m`;
}

// removes floating-point noise such as 0.1 * 3 = 0.30000000000000004 before rounding up
function round(v: number): number {
  return Number(v.toPrecision(12));
}

function trim(v: number): string {
  return Number(v.toFixed(2)).toString();
}
