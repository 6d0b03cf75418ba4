// `test` / `[ … ]` / `[[ … ]]` evaluation and shell glob patterns (case, ${X#pat}, [[ == pat ]]).
import type { FileView } from './internal';

export interface TestArg {
  v: string;
  /** The value came from something the simulator does not know (valueFrom env, $(date), …). */
  unknown: boolean;
}

export interface TestEnv {
  file(path: string): FileView;
  /** Existence of a file nobody told us about (process mode): a rule, with a note. */
  guess(path: string): boolean;
  varSet(name: string): boolean;
}

/**
 * 0 true, 1 false, 2 syntax error. A comparison with an unknown value assumes the check passes the way the
 * script hopes: `-eq`/`=` true, `-ne`/`!=` false, `-z` false, `-n` true; `assumed` then tells the caller.
 */
export function evalTest(args: TestArg[], env: TestEnv, double: boolean): { code: 0 | 1 | 2; assumed: boolean } {
  let pos = 0;
  let unknown = false;
  let bad = false;
  const peek = () => args[pos]?.v;
  const orExpr = (): boolean => {
    let v = andExpr();
    while (peek() === '-o' || (double && peek() === '||')) {
      pos++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (peek() === '-a' || (double && peek() === '&&')) {
      pos++;
      const r = notExpr();
      v = v && r;
    }
    return v;
  };
  const notExpr = (): boolean => {
    if (peek() === '!' && pos + 1 < args.length) {
      pos++;
      return !notExpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[pos];
    if (a === undefined) {
      bad = true;
      return false;
    }
    if (a.v === '(' && !a.unknown) {
      pos++;
      const v = orExpr();
      if (peek() === ')') pos++;
      else bad = true;
      return v;
    }
    const b = args[pos + 1];
    const c = args[pos + 2];
    if (b !== undefined && c !== undefined && BINARY.has(b.v) && !b.unknown) {
      pos += 3;
      if (a.unknown || c.unknown) {
        unknown = true;
        return !(b.v === '!=' || b.v === '-ne');
      }
      return binary(a.v, b.v, c.v, double);
    }
    if (UNARY.has(a.v) && b !== undefined && !a.unknown) {
      pos += 2;
      if (b.unknown && (a.v === '-z' || a.v === '-n')) {
        unknown = true;
        return a.v === '-n';
      }
      return unary(a.v, b.v, env);
    }
    pos++;
    if (a.unknown) unknown = true;
    return a.v !== '' || a.unknown;
  };
  if (args.length === 0) return { code: 1, assumed: false };
  const v = orExpr();
  if (bad || pos < args.length) return { code: 2, assumed: unknown };
  return { code: v ? 0 : 1, assumed: unknown };
}

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-r',
  '-w',
  '-x',
  '-s',
  '-L',
  '-h',
  '-p',
  '-S',
  '-b',
  '-c',
  '-g',
  '-u',
  '-k',
  '-O',
  '-G',
  '-N',
  '-z',
  '-n',
  '-v',
  '-t',
  '-a',
]);
const BINARY = new Set([
  '=',
  '==',
  '!=',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '<',
  '>',
  '=~',
  '-nt',
  '-ot',
  '-ef',
]);

function unary(op: string, v: string, env: TestEnv): boolean {
  switch (op) {
    case '-z':
      return v === '';
    case '-n':
      return v !== '';
    case '-v':
      return env.varSet(v);
    case '-t':
      return false;
  }
  const f = env.file(v);
  const exists = f === 'missing' ? false : f === 'unknown' ? env.guess(v) : true;
  if (!exists) return false;
  if (op === '-d') return typeof f === 'object' ? f.dir === true : !/\.[a-z0-9]{1,5}$/i.test(v);
  if (op === '-f') return typeof f === 'object' ? f.dir !== true : true;
  if (op === '-s') return typeof f === 'object' && f.content !== undefined ? f.content.length > 0 : true;
  return true;
}

function binary(a: string, op: string, b: string, double: boolean): boolean {
  const num = (s: string) => {
    const n = Number(s.trim());
    return Number.isFinite(n) ? n : NaN;
  };
  switch (op) {
    case '=':
    case '==':
      return double ? globMatch(b, a) : a === b;
    case '!=':
      return double ? !globMatch(b, a) : a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return num(a) === num(b);
    case '-ne':
      return num(a) !== num(b);
    case '-lt':
      return num(a) < num(b);
    case '-le':
      return num(a) <= num(b);
    case '-gt':
      return num(a) > num(b);
    case '-ge':
      return num(a) >= num(b);
    case '=~':
      if (riskyRegex(b)) return true;
      try {
        return new RegExp(b).test(a.slice(0, 4096));
      } catch {
        return false;
      }
    default:
      return true;
  }
}

/** One glob token: a literal char, `?`, `*` or a bracket class. */
type GlobTok = { k: 'c'; c: string } | { k: '?' } | { k: '*' } | { k: 'set'; neg: boolean; items: string };

function globTokens(p: string): GlobTok[] {
  const out: GlobTok[] = [];
  for (let i = 0; i < p.length && out.length < 500; i++) {
    const c = p[i]!;
    if (c === '*') {
      if (out[out.length - 1]?.k !== '*') out.push({ k: '*' });
    } else if (c === '?') out.push({ k: '?' });
    else if (c === '\\' && i + 1 < p.length) out.push({ k: 'c', c: p[++i]! });
    else if (c === '[') {
      const end = p.indexOf(']', i + 2);
      if (end < 0) out.push({ k: 'c', c });
      else {
        const body = p.slice(i + 1, end);
        const neg = body.startsWith('!') || body.startsWith('^');
        out.push({ k: 'set', neg, items: neg ? body.slice(1) : body });
        i = end;
      }
    } else out.push({ k: 'c', c });
  }
  return out;
}

function inSet(t: Extract<GlobTok, { k: 'set' }>, ch: string): boolean {
  let hit = false;
  const it = t.items;
  for (let i = 0; i < it.length; i++) {
    if (it[i + 1] === '-' && i + 2 < it.length) {
      if (ch >= it[i]! && ch <= it[i + 2]!) hit = true;
      i += 2;
    } else if (it[i] === ch) hit = true;
  }
  return hit !== t.neg;
}

/** Glob match without backtracking blow-up (the classic two-pointer wildcard algorithm, O(n·m)). */
export function globMatch(pattern: string, str: string): boolean {
  const p = globTokens(pattern);
  const s = str.slice(0, 4096);
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  const one = (t: GlobTok, ch: string) => t.k === '?' || (t.k === 'c' && t.c === ch) || (t.k === 'set' && inSet(t, ch));
  while (i < s.length) {
    const t = p[j];
    if (t !== undefined && t.k !== '*' && one(t, s[i]!)) {
      i++;
      j++;
    } else if (t !== undefined && t.k === '*') {
      star = j++;
      mark = i;
    } else if (star >= 0) {
      j = star + 1;
      i = ++mark;
    } else return false;
  }
  while (p[j]?.k === '*') j++;
  return j === p.length;
}

/** ${v#p} ${v##p} ${v%p} ${v%%p}. */
export function trimPattern(v: string, op: string, pattern: string): string {
  if (v.length > 512 || pattern.length > 128) return v;
  if (op === '#' || op === '##') {
    const lens = [...Array(v.length + 1).keys()];
    if (op === '##') lens.reverse();
    for (const n of lens) if (globMatch(pattern, v.slice(0, n))) return v.slice(n);
    return v;
  }
  const starts = [...Array(v.length + 1).keys()];
  if (op === '%') starts.reverse();
  for (const n of starts) if (globMatch(pattern, v.slice(n))) return v.slice(0, n);
  return v;
}

/** A user regex that could backtrack catastrophically (a quantified group): not run. */
export function riskyRegex(re: string): boolean {
  return re.length > 200 || /\)[*+?{]/.test(re) || (re.match(/[*+{]/g) ?? []).length > 3;
}
