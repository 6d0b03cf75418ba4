// A small awk, enough for the one-liners scripts use to read counters and fields: `awk '{print $1}'`,
// `awk -F: '{print $2}'`, `awk 'END{print NR}'`, `awk 'NR==2'`, `/re/ {n++} END {print n+0}`, printf. Patterns,
// BEGIN/END, print/printf, if/else, next, exit, assignments (= += -= ++ --), fields, NR/NF/FNR/FS/OFS, the usual
// operators and length/substr/index/tolower/toupper/int. Anything else (arrays, loops, getline, functions,
// redirections) is not followed: the program's output is then unknown, never guessed.
import type { CmdResult, Stdin, Sys } from './internal';
import { readInput } from './fileTools';
import { riskyRegex } from './shellTest';
import { Parser, Unsupported, tokenize, unescape, type Expr, type Rule, type Stmt, type Val } from './awkParse';

// awk's `next` and `exit` unwind the rule being run.
class Next extends Error {}
class Exit extends Error {
  constructor(readonly code: number) {
    super('exit');
  }
}

const num = (v: Val): number =>
  typeof v === 'number' ? v : Number(/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v)?.[0] ?? 0);
const looksNumeric = (v: Val) => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);
const str = (v: Val): string =>
  typeof v === 'string' ? v : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));

/** printf's conversions %d %i %s %f %e %g %x %o %c %% with flags, width and precision. */
function format(fmt: string, args: Val[]): string {
  let k = 0;
  return fmt.replace(
    /%([-+ 0#]*)(\d*)(?:\.(\d+))?([diouxXeEfgGsc%])/g,
    (_, flags: string, w: string, p: string | undefined, c: string) => {
      if (c === '%') return '%';
      const v = args[k++] ?? '';
      let s: string;
      if (c === 's') s = p !== undefined ? str(v).slice(0, Number(p)) : str(v);
      else if (c === 'c') s = typeof v === 'number' ? String.fromCharCode(v) : v.slice(0, 1);
      else if ('dioxXu'.includes(c)) {
        const n = Math.trunc(num(v));
        s =
          c === 'x' ? n.toString(16) : c === 'X' ? n.toString(16).toUpperCase() : c === 'o' ? n.toString(8) : String(n);
      } else if (c === 'f') s = num(v).toFixed(p !== undefined ? Number(p) : 6);
      else if (c === 'e' || c === 'E') s = num(v).toExponential(p !== undefined ? Number(p) : 6);
      else s = String(Number(num(v).toPrecision(p !== undefined ? Math.max(1, Number(p)) : 6)));
      if (flags.includes('+') && !'sc'.includes(c) && num(v) >= 0) s = '+' + s;
      const width = Number(w || 0);
      if (s.length >= width) return s;
      if (flags.includes('-')) return s.padEnd(width);
      return flags.includes('0') && !'sc'.includes(c) ? s.padStart(width, '0') : s.padStart(width);
    },
  );
}

/** awk [-F fs] [-v var=value] 'program' [file…]. */
export function awk(args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult {
  const vars = new Map<string, Val>([
    ['FS', ' '],
    ['OFS', ' '],
    ['ORS', '\n'],
    ['NR', 0],
    ['NF', 0],
    ['FNR', 0],
  ]);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-F')) vars.set('FS', unescape(a.length > 2 ? a.slice(2) : (args[++i] ?? ' ')));
    else if (a.startsWith('-v')) {
      const kv = a.length > 2 ? a.slice(2) : (args[++i] ?? '');
      const eq = kv.indexOf('=');
      if (eq > 0) vars.set(kv.slice(0, eq), unescape(kv.slice(eq + 1)));
    } else if (a.startsWith('-') && a !== '-') return { code: 0, unknownOut: true };
    else break;
  }
  const src = args[i];
  if (src === undefined) return { code: 1, err: 'awk: no program given\n' };
  let rules: Rule[];
  try {
    rules = new Parser(tokenize(src)).program();
  } catch {
    sys.note(`awk program \`${src.slice(0, 60)}\` is not followed by the simulator: its output is unknown`);
    return { code: 0, unknownOut: true };
  }
  const input = readInput(args.slice(i + 1), sys, stdin, 'awk');
  if (input.forever) return { code: 0, forever: true, unknownOut: true };
  if (input.unknown) return { code: input.code, unknownOut: true, err: input.err };
  let out = '';
  let fields: string[] = [];
  let record = '';
  let steps = 0;
  const split = (line: string) => {
    record = line;
    const fs = str(vars.get('FS') ?? ' ');
    fields =
      line === ''
        ? []
        : fs === ' '
          ? line.trim().split(/[ \t\n]+/)
          : fs.length === 1
            ? line.split(fs)
            : line.split(new RegExp(fs));
    vars.set('NF', fields.length);
  };
  const getField = (n: number): string => (n === 0 ? record : (fields[n - 1] ?? ''));
  const setField = (n: number, v: string) => {
    if (n === 0) return split(v);
    while (fields.length < n) fields.push('');
    fields[n - 1] = v;
    vars.set('NF', fields.length);
    record = fields.join(str(vars.get('OFS') ?? ' '));
  };
  const match = (s: string, re: string): boolean => {
    if (riskyRegex(re)) throw new Unsupported();
    return new RegExp(re).test(s);
  };
  const get = (e: Expr): Val =>
    e.k === 'field' ? getField(Math.trunc(num(ev(e.e)))) : (vars.get((e as { name: string }).name) ?? '');
  const put = (e: Expr, v: Val) =>
    e.k === 'field' ? setField(Math.trunc(num(ev(e.e))), str(v)) : vars.set((e as { name: string }).name, v);
  const ev = (e: Expr): Val => {
    if (++steps > 200_000) throw new Unsupported();
    switch (e.k) {
      case 'num':
      case 'str':
        return e.v;
      case 're':
        return match(record, e.v) ? 1 : 0;
      case 'var':
      case 'field':
        return get(e);
      case 'un': {
        const v = ev(e.e);
        return e.op === '!' ? (truthy(v, e.e) ? 0 : 1) : e.op === '-' ? -num(v) : num(v);
      }
      case 'incr': {
        const old = num(get(e.to));
        const nv = old + (e.op === '++' ? 1 : -1);
        put(e.to, nv);
        return e.pre ? nv : old;
      }
      case 'assign': {
        const v = ev(e.e);
        const nv = e.op === '=' ? v : arith(e.op[0]!, num(get(e.to)), num(v));
        put(e.to, nv);
        return nv;
      }
      case 'call':
        return call(e.name, e.args.map(ev));
      case 'bin': {
        if (e.op === '&&') return truthy(ev(e.a), e.a) && truthy(ev(e.b), e.b) ? 1 : 0;
        if (e.op === '||') return truthy(ev(e.a), e.a) || truthy(ev(e.b), e.b) ? 1 : 0;
        if (e.op === '~' || e.op === '!~') {
          const re = e.b.k === 're' ? e.b.v : str(ev(e.b));
          return match(str(ev(e.a)), re) === (e.op === '~') ? 1 : 0;
        }
        const a = ev(e.a);
        const b = ev(e.b);
        if (e.op === 'concat') return str(a) + str(b);
        if ('+-*/%'.includes(e.op)) return arith(e.op, num(a), num(b));
        const numeric = looksNumeric(a) && looksNumeric(b) && e.a.k !== 'str' && e.b.k !== 'str';
        const c = numeric ? num(a) - num(b) : str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
        return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 }[e.op] ? 1 : 0;
      }
    }
  };
  const call = (name: string, a: Val[]): Val => {
    const s = str(a[0] ?? record);
    if (name === 'length') return s.length;
    if (name === 'tolower') return s.toLowerCase();
    if (name === 'toupper') return s.toUpperCase();
    if (name === 'int') return Math.trunc(num(a[0] ?? 0));
    if (name === 'index') return s.indexOf(str(a[1] ?? '')) + 1;
    const from = Math.round(num(a[1] ?? 1));
    const len = a[2] === undefined ? Infinity : Math.round(num(a[2]));
    return [...s].filter((_, j) => j + 1 >= from && j + 1 < from + len).join('');
  };
  const truthy = (v: Val, e: Expr) =>
    typeof v === 'number' || (e.k !== 'str' && looksNumeric(v)) ? num(v) !== 0 : v !== '';
  const run = (body: Stmt[]): void => {
    for (const s of body) {
      if (s.k === 'print') {
        const vals = s.args.map(ev);
        if (s.f) out += format(str(vals[0] ?? ''), vals.slice(1));
        else
          out +=
            (vals.length === 0 ? record : vals.map(str).join(str(vars.get('OFS') ?? ' '))) +
            str(vars.get('ORS') ?? '\n');
      } else if (s.k === 'if') run(truthy(ev(s.c), s.c) ? s.t : s.e);
      else if (s.k === 'next') throw new Next();
      else if (s.k === 'exit') throw new Exit(s.e ? Math.trunc(num(ev(s.e))) : 0);
      else ev(s.e);
      if (out.length > 100_000) throw new Unsupported();
    }
  };
  const lines = (input.text ?? '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let code = input.code;
  try {
    try {
      for (const r of rules) if (r.when === 'BEGIN') run(r.body ?? []);
      const main = rules.filter((r) => r.when !== 'BEGIN' && r.when !== 'END');
      for (const line of main.length > 0 ? lines : []) {
        vars.set('NR', num(vars.get('NR') ?? 0) + 1);
        vars.set('FNR', num(vars.get('FNR') ?? 0) + 1);
        split(line);
        try {
          for (const r of main) {
            const when = r.when as Expr | undefined;
            if (when === undefined || truthy(ev(when), when)) run(r.body ?? [{ k: 'print', args: [], f: false }]);
          }
        } catch (x) {
          if (!(x instanceof Next)) throw x;
        }
      }
      if (main.length === 0 && rules.some((r) => r.when === 'END')) {
        vars.set('NR', lines.length);
        if (lines.length > 0) split(lines[lines.length - 1]!);
      }
    } catch (x) {
      if (!(x instanceof Exit)) throw x;
      code = x.code;
    }
    for (const r of rules) if (r.when === 'END') run(r.body ?? []);
  } catch (x) {
    if (x instanceof Exit) return { code: x.code, out, err: input.err };
    sys.note(`awk program \`${src.slice(0, 60)}\` is not followed by the simulator: its output is unknown`);
    return { code: 0, unknownOut: true };
  }
  return { code, out, err: input.err };
}

function arith(op: string, a: number, b: number): number {
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  if (b === 0) throw new Unsupported();
  return op === '/' ? a / b : a % b;
}
