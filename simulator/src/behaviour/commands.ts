// Short-lived utilities as they behave in exec probes and in scripts, with the real tools' exit codes and words
// (docs/image-behaviour.md, "Shell and tools"): cat, ls, grep, head/tail, sleep, touch/rm/mkdir/cp, printenv, stat, killall -0 …
// Network clients (curl, wget, nc, database clients, grpc_health_probe) are in clients.ts.
import type { CmdResult, Sys } from './internal';
import { parseSleep } from './expand';
import { riskyRegex } from './shellTest';
import { curl, dbClient, dns, grpcProbe, nc, ping, wget } from './clients';

export interface Stdin {
  text?: string;
  unknown: boolean;
  forever: boolean;
}

export const ok = (out = '', extra: Partial<CmdResult> = {}): CmdResult => ({ code: 0, out, ...extra });
export const fail = (code: number, err: string, extra: Partial<CmdResult> = {}): CmdResult => ({ code, err: err ? err + '\n' : '', ...extra });

export function resolvePath(cwd: string, p: string): string {
  const abs = p.startsWith('/') ? p : `${cwd.replace(/\/+$/, '')}/${p}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function isLocalHost(h: string): boolean {
  const x = h.toLowerCase().replace(/^\[|\]$/g, '');
  return x === '' || x === 'localhost' || x === '127.0.0.1' || x === '0.0.0.0' || x === '::1' || x === 'localhost.localdomain' || x === '0';
}

interface Url {
  host: string;
  port: number;
  path: string;
}

export function parseUrl(u: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d+))?([/?#].*)?$/i.exec(u.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] !== undefined ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (!path.startsWith('/')) path = '/' + path;
  return { host: m[2] ?? '', port, path: path.split('#')[0]! };
}

/** Runs a known utility; undefined when `name` is not one. */
export function runUtility(name: string, args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult | undefined {
  const f = UTILS[name];
  return f ? f(args, sys, stdin, name) : undefined;
}

type Util = (args: string[], sys: Sys, stdin: Stdin | undefined, name: string) => CmdResult;

function readInput(files: string[], sys: Sys, stdin: Stdin | undefined, tool: string): { text?: string; unknown: boolean; forever: boolean; err: string; code: number } {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) {
    return { text: stdin?.text ?? '', unknown: stdin?.unknown ?? false, forever: stdin?.forever ?? false, err: '', code: 0 };
  }
  let text = '';
  let unknown = false;
  let err = '';
  let code = 0;
  for (const f of files) {
    const v = sys.file(resolvePath(sys.cwd, f));
    if (v === 'missing') {
      err += (tool === 'cat' && sys.userland === 'busybox' ? `cat: can't open '${f}': No such file or directory` : `${tool}: ${f}: No such file or directory`) + '\n';
      code = tool === 'grep' ? 2 : 1;
    } else if (v === 'unknown' || v.content === undefined) unknown = true;
    else if (v.dir) {
      err += `${tool}: ${f}: Is a directory\n`;
      code = tool === 'grep' ? 2 : 1;
    } else text += v.content;
  }
  return { text, unknown, forever: false, err, code };
}

function cat(args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult {
  const files = args.filter((a) => a === '-' || !a.startsWith('-'));
  const r = readInput(files, sys, stdin, 'cat');
  if (r.forever) return { code: 0, forever: true, unknownOut: true };
  const res: CmdResult = { code: r.code, out: r.text ?? '', err: r.err };
  if (r.unknown) res.unknownOut = true;
  return res;
}

function ls(args: string[], sys: Sys): CmdResult {
  const paths = args.filter((a) => !a.startsWith('-'));
  let err = '';
  let code = 0;
  for (const p of paths) {
    const v = sys.file(resolvePath(sys.cwd, p));
    if (v === 'missing') {
      if (sys.userland === 'busybox') {
        err += `ls: ${p}: No such file or directory\n`;
        code = 1;
      } else {
        err += `ls: cannot access '${p}': No such file or directory\n`;
        code = 2;
      }
    }
  }
  return { code, out: '', err, unknownOut: true };
}

/** Literal or simple BRE/ERE match, bounded so that a hostile pattern cannot backtrack for long. */
export function grepMatch(pattern: string, line: string, opts: { i: boolean; F: boolean; E: boolean; w: boolean; x: boolean }): boolean {
  const l = opts.i ? line.toLowerCase() : line;
  const p = opts.i ? pattern.toLowerCase() : pattern;
  const plain = opts.F || !/[.*^$[\]\\+?(){}|]/.test(p);
  if (plain && !opts.w && !opts.x) return l.includes(p);
  if (riskyRegex(p)) return l.includes(p.replace(/[\\^$*+?()|{}[\]]/g, ''));
  let src: string;
  if (opts.F) src = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else if (opts.E) src = p;
  else src = p.replace(/\\([(){}|+?])/g, '\u0000$1').replace(/[(){}|+?]/g, '\\$&').replace(/\u0000/g, '');
  if (opts.w) src = `\\b(?:${src})\\b`;
  if (opts.x) src = `^(?:${src})$`;
  try {
    return new RegExp(src).test(l.slice(0, 4096));
  } catch {
    return l.includes(p);
  }
}

function grep(args: string[], sys: Sys, stdin: Stdin | undefined, name: string): CmdResult {
  const o = { q: false, s: false, v: false, c: false, i: false, F: name === 'fgrep', E: name === 'egrep', w: false, x: false, o: false };
  let pattern: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-e' || a === '--regexp') pattern = args[++i] ?? '';
    else if (a.startsWith('--regexp=')) pattern = a.slice(9);
    else if (a === '-m' || a === '-A' || a === '-B' || a === '-C') i++;
    else if (a === '--quiet' || a === '--silent') o.q = true;
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (const ch of a.slice(1)) if (ch in o) (o as Record<string, boolean>)[ch] = true;
    } else if (a.startsWith('--')) continue;
    else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined) return fail(2, sys.userland === 'busybox' ? 'BusyBox: grep: missing pattern' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.");
  const input = readInput(files, sys, stdin, 'grep');
  const err = o.s ? '' : input.err;
  if (input.forever) return { code: 0, forever: true, unknownOut: true };
  if (input.unknown) {
    sys.note(`grep ${pattern}: the content it searches is not known; assumed to match`);
    return { code: o.v ? 0 : 0, out: '', err, unknownOut: true };
  }
  const lines = (input.text ?? '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const hits = lines.filter((l) => grepMatch(pattern!, l, o) !== o.v);
  const code = input.code === 2 && hits.length === 0 ? 2 : hits.length > 0 ? 0 : 1;
  if (o.q) return { code: hits.length > 0 ? 0 : code, out: '', err };
  return { code, out: o.c ? `${hits.length}\n` : hits.map((h) => h + '\n').join(''), err };
}

function headTail(args: string[], sys: Sys, stdin: Stdin | undefined, name: string): CmdResult {
  const follow = args.some((a) => /^-[a-zA-Z]*[fF]/.test(a) || a === '--follow' || a.startsWith('--follow='));
  if (name === 'tail' && follow) return { code: 0, forever: true, unknownOut: true };
  const files: string[] = [];
  let n = 10;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' || a === '-c') n = Number((args[++i] ?? '10').replace('+', '')) || 10;
    else if (/^-n?\+?\d+$/.test(a)) n = Number(a.replace(/^-n?\+?/, ''));
    else if (!a.startsWith('-')) files.push(a);
  }
  const r = readInput(files, sys, stdin, name);
  if (r.forever) return name === 'head' ? { code: 0, unknownOut: true, seconds: 0 } : { code: 0, forever: true, unknownOut: true };
  const lines = (r.text ?? '').split('\n').filter((l, i, arr) => i < arr.length - 1 || l !== '');
  const pick = name === 'head' ? lines.slice(0, n) : lines.slice(-n);
  const res: CmdResult = { code: r.code, out: pick.map((l) => l + '\n').join(''), err: r.err };
  if (r.unknown) res.unknownOut = true;
  return res;
}

function sleep(args: string[], sys: Sys): CmdResult {
  const p = parseSleep(args, sys.userland, sys.oldBusybox);
  if ('error' in p) return fail(1, p.error);
  if (p.seconds === Infinity) return { code: 0, forever: true };
  return { code: 0, seconds: p.seconds };
}

function fsOp(args: string[], sys: Sys, _stdin: Stdin | undefined, name: string): CmdResult {
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  const flags = args.filter((a) => a.startsWith('-')).join('');
  let err = '';
  let code = 0;
  const abs = (p: string) => resolvePath(sys.cwd, p);
  switch (name) {
    case 'touch':
      for (const p of paths) if (sys.file(abs(p)) === 'missing' || sys.file(abs(p)) === 'unknown') sys.write('touch', abs(p));
      break;
    case 'rm':
    case 'rmdir':
    case 'unlink':
      for (const p of paths) {
        if (sys.file(abs(p)) === 'missing' && !flags.includes('f')) {
          err += sys.userland === 'busybox' ? `rm: can't remove '${p}': No such file or directory\n` : `rm: cannot remove '${p}': No such file or directory\n`;
          code = 1;
        }
        sys.write('rm', abs(p));
      }
      break;
    case 'mkdir':
      for (const p of paths) sys.write('mkdir', abs(p));
      break;
    case 'cp':
    case 'mv':
    case 'ln':
    case 'install': {
      const src = paths.slice(0, -1);
      const dst = paths[paths.length - 1];
      if (dst === undefined || src.length === 0) break;
      for (const s of src) {
        const v = sys.file(abs(s));
        if (v === 'missing' && name !== 'ln') {
          err += sys.userland === 'busybox' ? `${name}: can't stat '${s}': No such file or directory\n` : `${name}: cannot stat '${s}': No such file or directory\n`;
          code = 1;
          continue;
        }
        const dv = sys.file(abs(dst));
        const last = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? '';
        const intoDir = src.length > 1 || dst.endsWith('/') || (typeof dv === 'object' && dv.dir === true) || (dv === 'unknown' && !last(dst).includes('.') && last(s).includes('.'));
        const target = intoDir ? `${abs(dst)}/${last(s)}` : abs(dst);
        const content = typeof v === 'object' && !v.dir ? v.content : undefined;
        sys.write('write', target, content);
        if (name === 'mv') sys.write('rm', abs(s));
      }
      break;
    }
  }
  return { code, out: '', err };
}

function seq(args: string[]): CmdResult {
  const nums = args.filter((a) => /^-?\d+$/.test(a)).map(Number);
  if (nums.length === 0) return { code: 0, unknownOut: true };
  const [a, b, c] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  const out: number[] = [];
  if (b !== 0) for (let x = a; b > 0 ? x <= c : x >= c; x += b) if (out.push(x) >= 10_000) break;
  return ok(out.map((x) => `${x}\n`).join(''));
}

function printenv(args: string[], sys: Sys): CmdResult {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) return { code: 0, unknownOut: true };
  let out = '';
  let code = 0;
  for (const n of names) {
    if (!sys.envKnown(n)) return { code: 0, unknownOut: true };
    const v = sys.env(n);
    if (v === undefined) code = 1;
    else out += v + '\n';
  }
  return { code, out };
}

function statCmd(args: string[], sys: Sys): CmdResult {
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    if (sys.file(resolvePath(sys.cwd, p)) === 'missing') {
      return fail(1, sys.userland === 'busybox' ? `stat: can't stat '${p}': No such file or directory` : `stat: cannot statx '${p}': No such file or directory`);
    }
  }
  return { code: 0, unknownOut: true };
}

function tee(args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult {
  const append = args.some((a) => a === '-a' || a === '--append');
  const text = stdin?.unknown ? undefined : stdin?.text ?? '';
  for (const p of args.filter((a) => !a.startsWith('-'))) sys.write(append ? 'append' : 'write', resolvePath(sys.cwd, p), text);
  const r: CmdResult = { code: 0, out: stdin?.text ?? '' };
  if (stdin?.forever) r.forever = true;
  if (stdin?.unknown) r.unknownOut = true;
  return r;
}

function procCheck(args: string[], sys: Sys, _stdin: Stdin | undefined, name: string): CmdResult {
  const target = args.filter((a) => !a.startsWith('-')).pop() ?? '';
  const r = sys.process(target);
  if (r === 'unknown' || r) return name === 'killall' ? { code: 0 } : { code: 0, unknownOut: true };
  if (name === 'killall') return fail(1, sys.userland === 'busybox' ? `killall: ${target}: no process killed` : `${target}: no process found`);
  return { code: 1 };
}

const passThrough: Util = (_a, _s, stdin) => {
  const r: CmdResult = { code: 0, unknownOut: true };
  if (stdin?.forever) r.forever = true;
  return r;
};
const unknownOut: Util = () => ({ code: 0, unknownOut: true });

const UTILS: Record<string, Util> = {
  cat, ls, grep, egrep: grep, fgrep: grep, head: headTail, tail: headTail, sleep,
  usleep: (a) => ({ code: 0, seconds: (Number(a[0]) || 0) / 1e6 }),
  touch: fsOp, rm: fsOp, rmdir: fsOp, unlink: fsOp, mkdir: fsOp, cp: fsOp, mv: fsOp, ln: fsOp, install: fsOp,
  seq, curl, wget, nc, netcat: nc, ncat: nc,
  pg_isready: dbClient, psql: dbClient, 'redis-cli': dbClient, mysqladmin: dbClient, 'mariadb-admin': dbClient, mysql: dbClient,
  mariadb: dbClient, mongosh: dbClient, mongo: dbClient, 'healthcheck.sh': dbClient, 'rabbitmq-diagnostics': dbClient, rabbitmqctl: dbClient,
  grpc_health_probe: grpcProbe, ping, nslookup: dns, host: dns, dig: dns, getent: dns, killall: procCheck, pidof: procCheck, pgrep: procCheck, printenv, stat: statCmd, tee,
  env: (a, s) => (a.length === 0 ? { code: 0, unknownOut: true } : printenv([], s)),
  date: unknownOut, id: unknownOut, whoami: unknownOut, uname: unknownOut, ps: unknownOut, df: unknownOut, du: unknownOut, free: unknownOut,
  uptime: unknownOut, nproc: unknownOut, find: unknownOut, sysctl: unknownOut, md5sum: unknownOut, sha256sum: unknownOut,
  hostname: (_a, s) => (s.envKnown('HOSTNAME') && s.env('HOSTNAME') !== undefined ? ok(`${s.env('HOSTNAME')}\n`) : { code: 0, unknownOut: true }),
  basename: (a) => ok(`${(a.find((x) => !x.startsWith('-')) ?? '').replace(/\/+$/, '').split('/').pop() ?? ''}\n`),
  dirname: (a) => ok(`${(a[0] ?? '.').replace(/\/[^/]*\/?$/, '') || '/'}\n`),
  wc: passThrough, sort: passThrough, uniq: passThrough, cut: passThrough, tr: passThrough, sed: passThrough, awk: passThrough,
  xargs: passThrough, rev: passThrough, base64: passThrough, jq: passThrough, tac: passThrough,
};
