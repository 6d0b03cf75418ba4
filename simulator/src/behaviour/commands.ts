// Short-lived utilities as they behave in exec probes and in scripts, with the real tools' exit codes and words
// (docs/image-behaviour.md, "Shell and tools"): the table of every utility the simulator knows, and the small ones (sleep, seq,
// printenv, killall -0 …). File utilities are in fileTools.ts, wc and cut in textTools.ts, awk in awk.ts, network
// clients in httpClients.ts and socketClients.ts.
import type { CmdResult, Stdin, Sys } from './internal';
import { parseSleep } from './expand';
import { fail, ok } from './toolKit';
import { cat, fsOp, grep, headTail, ls, statCmd, tee } from './fileTools';
import { curl, grpcProbe, wget } from './httpClients';
import { dbClient, dns, nc, ping } from './socketClients';
import { cut, wc } from './textTools';
import { awk } from './awk';

export function runUtility(name: string, args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult | undefined {
  const f = UTILS[name];
  return f ? f(args, sys, stdin, name) : undefined;
}

type Util = (args: string[], sys: Sys, stdin: Stdin | undefined, name: string) => CmdResult;

function sleep(args: string[], sys: Sys): CmdResult {
  const p = parseSleep(args, sys.userland, sys.oldBusybox);
  if ('error' in p) return fail(1, p.error);
  if (p.seconds === Infinity) return { code: 0, forever: true };
  return { code: 0, seconds: p.seconds };
}

function seq(args: string[]): CmdResult {
  const nums = args.filter((a) => /^-?\d+$/.test(a)).map(Number);
  if (nums.length === 0) return { code: 0, unknownOut: true };
  const [a, b, c] =
    nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
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

function procCheck(args: string[], sys: Sys, _stdin: Stdin | undefined, name: string): CmdResult {
  const target = args.filter((a) => !a.startsWith('-')).pop() ?? '';
  const r = sys.process(target);
  if (r === 'unknown' || r) return name === 'killall' ? { code: 0 } : { code: 0, unknownOut: true };
  if (name === 'killall')
    return fail(
      1,
      sys.userland === 'busybox' ? `killall: ${target}: no process killed` : `${target}: no process found`,
    );
  return { code: 1 };
}

const passThrough: Util = (_a, _s, stdin) => {
  const r: CmdResult = { code: 0, unknownOut: true };
  if (stdin?.forever) r.forever = true;
  return r;
};
const unknownOut: Util = () => ({ code: 0, unknownOut: true });

const UTILS: Record<string, Util> = {
  cat,
  ls,
  grep,
  egrep: grep,
  fgrep: grep,
  head: headTail,
  tail: headTail,
  sleep,
  usleep: (a) => ({ code: 0, seconds: (Number(a[0]) || 0) / 1e6 }),
  touch: fsOp,
  rm: fsOp,
  rmdir: fsOp,
  unlink: fsOp,
  mkdir: fsOp,
  cp: fsOp,
  mv: fsOp,
  ln: fsOp,
  install: fsOp,
  seq,
  curl,
  wget,
  nc,
  netcat: nc,
  ncat: nc,
  pg_isready: dbClient,
  psql: dbClient,
  'redis-cli': dbClient,
  mysqladmin: dbClient,
  'mariadb-admin': dbClient,
  mysql: dbClient,
  mariadb: dbClient,
  mongosh: dbClient,
  mongo: dbClient,
  'healthcheck.sh': dbClient,
  'rabbitmq-diagnostics': dbClient,
  rabbitmqctl: dbClient,
  grpc_health_probe: grpcProbe,
  ping,
  nslookup: dns,
  host: dns,
  dig: dns,
  getent: dns,
  killall: procCheck,
  pidof: procCheck,
  pgrep: procCheck,
  printenv,
  stat: statCmd,
  tee,
  env: (a, s) => (a.length === 0 ? { code: 0, unknownOut: true } : printenv([], s)),
  date: unknownOut,
  id: unknownOut,
  whoami: unknownOut,
  uname: unknownOut,
  ps: unknownOut,
  df: unknownOut,
  du: unknownOut,
  free: unknownOut,
  uptime: unknownOut,
  nproc: unknownOut,
  find: unknownOut,
  sysctl: unknownOut,
  md5sum: unknownOut,
  sha256sum: unknownOut,
  hostname: (_a, s) =>
    s.envKnown('HOSTNAME') && s.env('HOSTNAME') !== undefined
      ? ok(`${s.env('HOSTNAME')}\n`)
      : { code: 0, unknownOut: true },
  basename: (a) => ok(`${(a.find((x) => !x.startsWith('-')) ?? '').replace(/\/+$/, '').split('/').pop() ?? ''}\n`),
  dirname: (a) => ok(`${(a[0] ?? '.').replace(/\/[^/]*\/?$/, '') || '/'}\n`),
  wc,
  sort: passThrough,
  uniq: passThrough,
  cut,
  tr: passThrough,
  sed: passThrough,
  awk,
  gawk: awk,
  mawk: awk,
  xargs: passThrough,
  rev: passThrough,
  base64: passThrough,
  jq: passThrough,
  tac: passThrough,
};
