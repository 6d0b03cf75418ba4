// Kubernetes `$(VAR)` expansion and env resolution (k/k third_party/forked/golang/expansion), shell arithmetic,
// `sleep` argument parsing (GNU coreutils vs busybox) and `stress` sizes.

export interface EnvVarLike {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

export interface ResolvedEnv {
  /** Plain values after `$(VAR)` expansion. */
  values: Record<string, string>;
  /** Names whose value comes from `valueFrom` (set in the real pod, unknown here). */
  unknown: Set<string>;
  /** Index into `env` of the entry that defines each name (the last one wins). */
  index: Map<string, number>;
  notes: string[];
}

/**
 * Kubernetes expansion: `$(NAME)` → the value when `lookup` knows NAME, else left as written; `$$` → `$`
 * (so `$$(NAME)` stays a literal `$(NAME)`); any other `$` is kept. `onRef` is told about each reference.
 */
export function expandKube(
  s: string,
  lookup: (name: string) => string | undefined,
  onRef?: (name: string, found: boolean) => void,
): string {
  if (!s.includes('$')) return s;
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c !== '$' || i + 1 >= n) {
      out += c;
      i++;
      continue;
    }
    const next = s[i + 1]!;
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '(') {
      const close = s.indexOf(')', i + 2);
      if (close < 0) {
        out += '$(';
        i += 2;
        continue;
      }
      const name = s.slice(i + 2, close);
      const v = lookup(name);
      onRef?.(name, v !== undefined);
      out += v ?? `$(${name})`;
      i = close + 1;
    } else {
      out += '$' + next;
      i += 2;
    }
  }
  return out;
}

/** `expandKubeVars('sleep $(DELAY)', {DELAY: '45'})` → `sleep 45`. */
export function expandKubeVars(s: string, env: Record<string, string>): string {
  return expandKube(s, (name) => (Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined));
}

/** Resolve a container's env in order: each value may reference names defined before it. */
function resolveEnvDetailed(env: readonly EnvVarLike[] | undefined): ResolvedEnv {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const unknown = new Set<string>();
  const index = new Map<string, number>();
  const notes: string[] = [];
  // Hostile input may put anything here: each entry is checked before it is read.
  const list: readonly unknown[] = Array.isArray(env) ? env.slice(0, 1000) : [];
  list.forEach((item, i) => {
    if (item === null || typeof item !== 'object') return;
    const e = item as { [K in keyof EnvVarLike]?: unknown };
    if (typeof e.name !== 'string') return;
    index.set(e.name, i);
    if (typeof e.value === 'string' || typeof e.value === 'number' || typeof e.value === 'boolean') {
      values[e.name] = expandKube(String(e.value).slice(0, 100_000), (n) => values[n]);
      unknown.delete(e.name);
    } else if (e.valueFrom !== undefined && e.valueFrom !== null) {
      delete values[e.name];
      unknown.add(e.name);
    } else {
      values[e.name] = '';
      unknown.delete(e.name);
    }
  });
  if (unknown.size > 0) {
    notes.push(
      `env ${[...unknown].map((n) => `\`${n}\``).join(', ')} come${unknown.size === 1 ? 's' : ''} from valueFrom: value unknown to the simulator`,
    );
  }
  return { values, unknown, index, notes };
}

/** The container's env with plain values (valueFrom entries are left out: their value is unknown). */
export function resolveEnv(container: { env?: readonly EnvVarLike[] }): Record<string, string> {
  return { ...resolveEnvDetailed(container?.env).values };
}

// ---- arithmetic ($(( … ))) -------------------------------------------------------------------------------

export interface ArithResult {
  value: number;
  unknown: boolean;
}

/** Shell arithmetic on integers: + - * / % ** comparisons && || ! ?: and variables (unset → 0). */
export function evalArith(src: string, getVar: (name: string) => { value?: string; unknown: boolean }): ArithResult {
  const toks =
    src
      .slice(0, 2000)
      .match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||<<|>>|\$?[A-Za-z_][A-Za-z0-9_]*|[-+*/%()<>!?:~]/g) ??
    [];
  let pos = 0;
  let unknown = false;
  let steps = 0;
  const peek = () => toks[pos];
  const bin = (level: number): number => {
    if (++steps > 10_000) throw new Error('arith');
    if (level >= LEVELS.length) return unary();
    let left = bin(level + 1);
    for (;;) {
      const op = peek();
      if (op === undefined || !LEVELS[level]!.includes(op)) return left;
      pos++;
      const right = bin(op === '**' ? level : level + 1);
      left = apply(op, left, right);
    }
  };
  const ternary = (): number => {
    const c = bin(0);
    if (peek() !== '?') return c;
    pos++;
    const a = ternary();
    if (peek() === ':') pos++;
    const b = ternary();
    return c !== 0 ? a : b;
  };
  const unary = (): number => {
    const t = toks[pos++];
    if (t === undefined) return 0;
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() === 0 ? 1 : 0;
    if (t === '~') return ~unary();
    if (t === '(') {
      const v = ternary();
      if (peek() === ')') pos++;
      return v;
    }
    if (/^\d+$/.test(t)) return Number(t);
    const name = t.replace(/^\$/, '');
    if (name === 'RANDOM') {
      unknown = true;
      return 0;
    }
    const v = getVar(name);
    if (v.unknown) unknown = true;
    const num = Number((v.value ?? '').trim() || '0');
    if (!Number.isFinite(num)) {
      unknown = true;
      return 0;
    }
    return Math.trunc(num);
  };
  try {
    const value = ternary();
    return { value: Number.isFinite(value) ? value : 0, unknown };
  } catch {
    return { value: 0, unknown: true };
  }
}

const LEVELS = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
  ['**'],
];

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '||':
      return a !== 0 || b !== 0 ? 1 : 0;
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? 0 : Math.trunc(a / b);
    case '%':
      return b === 0 ? 0 : a % b;
    case '**':
      return b < 0 || b > 64 ? 0 : a ** b;
    default:
      return 0;
  }
}

// ---- sleep -----------------------------------------------------------------------------------------------

export type SleepParse = { seconds: number } | { error: string };

/**
 * `sleep` arguments. GNU coreutils: several args are summed, suffixes s m h d, floating point, `inf`/`infinity`.
 * busybox ≥ 1.31 the same (FANCY_SLEEP, FLOAT_SLEEP); older busybox (registry.k8s.io/busybox) has no `inf`.
 */
export function parseSleep(args: string[], userland: 'busybox' | 'gnu', oldBusybox: boolean): SleepParse {
  const ops = args.filter((a) => a !== '--');
  if (ops.length === 0)
    return {
      error:
        userland === 'gnu'
          ? "sleep: missing operand\nTry 'sleep --help' for more information."
          : 'BusyBox: sleep: missing operand',
    };
  let total = 0;
  for (const a of ops) {
    const m = /^\s*(\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|inf(?:inity)?)([smhd]?)\s*$/i.exec(a);
    if (!m)
      return { error: userland === 'gnu' ? `sleep: invalid time interval '${a}'` : `sleep: invalid number '${a}'` };
    const num = m[1]!.toLowerCase();
    if (num.startsWith('inf')) {
      if (userland === 'busybox' && oldBusybox) return { error: `sleep: invalid number '${a}'` };
      return { seconds: Infinity };
    }
    const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]!.toLowerCase() as '' | 's' | 'm' | 'h' | 'd'];
    total += Number(num) * mult;
  }
  return { seconds: Number.isFinite(total) ? total : Infinity };
}

// ---- sizes ------------------------------------------------------------------------------------------------
// (Kubernetes quantities are model/quantity.ts; `stress` reads its own B/K/M/G syntax, not a quantity.)

/** `stress --vm-bytes 250M` style sizes (B K M G suffixes, powers of 1024) in MiB. */
export function stressBytesMi(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(s.trim());
  if (!m) return undefined;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return (Number(m[1]) * mult) / 1024 ** 2;
}
