// The shell's builtins as a table, name → function: exit, cd, export, set, trap, wait, read, eval, test/[,
// echo, printf, command -v … Each gets the shell's state and the executor/launcher interfaces to call back.
import type { Node } from './shellAst';
import type { ShellState } from './shellState';
import type { Executor, Launcher } from './shellControl';
import { parseScript } from './shellParse';
import { resolvePath } from './toolKit';
import { evalArith } from './expand';
import { evalTest } from './shellTest';
import { echo, printf } from './shellPrint';
import { interruptWait, trapBuiltin } from './shellTrap';
import { jobsFor, killJobs } from './shellJobs';
import { ExitSig, ForeverSig, LoopSig, MAX_DEPTH, ReturnSig } from './shellControl';

/** What a builtin works with. */
export interface BuiltinShell {
  s: ShellState;
  ex: Executor;
  run: Launcher;
}

type Builtin = (sh: BuiltinShell, args: string[], tail: boolean, unknownArgs: boolean, name: string) => number;

const zero: Builtin = () => 0;

const declare: Builtin = ({ s }, args, _tail, unknownArgs) => {
  for (const a of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
    if (m) s.vars.set(m[1]!, { value: m[2]!, unknown: unknownArgs });
  }
  return 0;
};

const loopJump: Builtin = (_sh, args, _tail, _u, name) => {
  throw new LoopSig(name as 'break' | 'continue', Math.max(1, Number(args[0] ?? 1) || 1));
};

const test: Builtin = ({ s }, args, _tail, unknownArgs, name) => {
  const a = name === '[' ? (args[args.length - 1] === ']' ? args.slice(0, -1) : undefined) : args;
  if (a === undefined) {
    s.emit('', `${s.shName}: missing ]\n`, false);
    return 2;
  }
  return testResult(
    s,
    a.map((v) => ({ v, unknown: unknownArgs && s.unknownWords.has(v) })),
    false,
    `[ ${a.join(' ')} ]`,
  );
};

const lookup: Builtin = ({ s, ex, run }, args, tail, unknownArgs, name) => {
  if (name === 'command' && args[0] !== '-v' && args[0] !== '-V' && args.length > 0)
    return ex.command(args, tail, unknownArgs);
  const names = args.filter((x) => !x.startsWith('-'));
  const found = names.every((x) => run.toolPresent(x) || s.funcs.has(x));
  if (found && name !== 'hash') s.emit(names.map((x) => `/usr/bin/${x}\n`).join(''), '', false);
  return found ? 0 : 1;
};

const BUILTINS = new Map<string, Builtin>([
  [':', zero],
  ['true', zero],
  ['false', () => 1],
  [
    'exit',
    ({ s }, args) => {
      // In a trap action a bare `exit` uses the status from before the action (POSIX `exit`).
      const c = args[0] !== undefined ? Number(args[0]) & 255 : (s.trapStatus ?? s.status);
      throw new ExitSig(Number.isFinite(c) ? c : 2);
    },
  ],
  [
    'return',
    ({ s }, args) => {
      throw new ReturnSig(args[0] !== undefined ? Number(args[0]) & 255 : s.status);
    },
  ],
  ['break', loopJump],
  ['continue', loopJump],
  [
    'cd',
    ({ s }, args) => {
      s.cwd = resolvePath(s.cwd, args[0] ?? s.getVar('HOME').value ?? '/');
      return 0;
    },
  ],
  [
    'pwd',
    ({ s }) => {
      s.emit(s.cwd + '\n', '', false);
      return 0;
    },
  ],
  ['export', declare],
  ['readonly', declare],
  ['local', declare],
  ['declare', declare],
  ['typeset', declare],
  [
    'unset',
    ({ s }, args) => {
      for (const a of args) if (!a.startsWith('-')) s.vars.delete(a);
      return 0;
    },
  ],
  ['set', ({ s }, args) => setBuiltin(s, args)],
  [
    'shift',
    ({ s }, args) => {
      s.positional = s.positional.slice(Number(args[0] ?? 1) || 1);
      return 0;
    },
  ],
  ['trap', ({ s }, args) => trapBuiltin(s, args)],
  ['wait', ({ s, ex }, args) => waitBuiltin(s, ex, args)],
  ['exec', ({ run }, args) => (args.length === 0 ? 0 : run.runArgv(args, true, false))],
  [
    'echo',
    ({ s }, args, _tail, unknownArgs) => {
      s.emit(echo(args, s.sh), '', unknownArgs);
      return 0;
    },
  ],
  [
    'printf',
    ({ s }, args, _tail, unknownArgs) => {
      s.emit(printf(args), '', unknownArgs);
      return 0;
    },
  ],
  ['read', ({ s }, args) => readBuiltin(s, args)],
  ['test', test],
  ['[', test],
  ['[[', ({ s, run }) => (s.sh === 'dash' ? run.notFound('[[') : 0)],
  ['source', sourceBuiltin()],
  ['.', sourceBuiltin()],
  ['eval', ({ s, ex }, args, tail) => evalBuiltin(s, ex, args.join(' '), tail)],
  ['command', lookup],
  ['type', lookup],
  ['which', lookup],
  ['hash', lookup],
  ['kill', ({ s }, args) => killJobs(s, args)],
  ['let', ({ s }, args) => (evalArith(args.join(' '), (name) => s.getVar(name)).value !== 0 ? 0 : 1)],
  ['ulimit', zero],
  ['umask', zero],
  ['shopt', zero],
  ['alias', zero],
  ['unalias', zero],
]);

/** Runs a builtin; undefined when `name` is not one. */
export function runBuiltin(
  sh: BuiltinShell,
  name: string,
  args: string[],
  tail: boolean,
  unknownArgs: boolean,
): number | undefined {
  const b = BUILTINS.get(name);
  return b === undefined ? undefined : b(sh, args, tail, unknownArgs, name);
}

function sourceBuiltin(): Builtin {
  return ({ s }, args, _tail, _u, name) => {
    s.note(`\`${name} ${args[0] ?? ''}\`: the sourced file is not visible; assumed to define nothing`);
    return 0;
  };
}

function setBuiltin(s: ShellState, args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      s.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      if (args[i + 1] === 'errexit') s.errexit = a === '-o';
      i++;
    } else if (/^[-+][a-zA-Z]+$/.test(a) && a.includes('e')) s.errexit = a.startsWith('-');
    else if (!/^[-+]/.test(a)) {
      s.positional = args.slice(i);
      return 0;
    }
  }
  return 0;
}

function waitBuiltin(s: ShellState, ex: Executor, args: string[]): number {
  const jobs = jobsFor(s, args);
  if (jobs.length === 0) return args.length > 0 ? 127 : 0;
  const end = Math.max(...jobs.map((j) => j.end));
  const interrupted = interruptWait(s, ex, end);
  if (interrupted !== undefined) return interrupted;
  if (end === Infinity) throw new ForeverSig({ k: 'wait' });
  if (end > s.t) {
    const d = end - s.t;
    s.phaseStart = s.t;
    s.t = end;
    s.waitMax = Math.max(s.waitMax, d);
    s.phase = { k: 'wait' };
  }
  const code = jobs[jobs.length - 1]!.code;
  s.bg = s.bg.filter((j) => !jobs.includes(j));
  return code;
}

function readBuiltin(s: ShellState, args: string[]): number {
  const names = args.filter((a) => !a.startsWith('-'));
  const inp = s.stdin;
  if (inp === undefined || (inp.text === undefined && !inp.forever)) {
    if (s.o.interactive && s.o.mode === 'process') throw new ForeverSig({ k: 'child', step: Infinity });
    return 1;
  }
  const text = inp.text ?? '';
  const nl = text.indexOf('\n');
  if (text === '' || (nl < 0 && text === '')) {
    if (inp.forever) throw new ForeverSig({ k: 'child', step: Infinity });
    return 1;
  }
  const line = nl >= 0 ? text.slice(0, nl) : text;
  s.stdin = { ...inp, text: nl >= 0 ? text.slice(nl + 1) : '' };
  if (names[0] !== undefined) s.vars.set(names[0], { value: line, unknown: inp.unknown });
  return 0;
}

function evalBuiltin(s: ShellState, ex: Executor, src: string, tail: boolean): number {
  if (s.depth > MAX_DEPTH) return 0;
  let node: Node;
  try {
    node = parseScript(src);
  } catch {
    return 2;
  }
  s.depth++;
  try {
    return ex.exec(node, tail);
  } finally {
    s.depth--;
  }
}

/** `[ … ]`, `test …` and `[[ … ]]` against the shell's view of files and variables. */
export function testResult(
  s: ShellState,
  args: { v: string; unknown: boolean }[],
  double: boolean,
  text: string,
): number {
  const r = evalTest(
    args,
    {
      file: (p) => s.fileView(resolvePath(s.cwd, p)),
      guess: (p) => s.guessExists(resolvePath(s.cwd, p)),
      varSet: (n) => s.vars.has(n),
    },
    double,
  );
  if (r.assumed && s.assumed.length < 10) s.assumed.push(text.slice(0, 60));
  if (r.assumed)
    s.note(
      `\`${text.slice(0, 60)}\` compares a value the simulator does not know: assumed to pass (${r.code === 0 ? 'true' : 'false'})`,
    );
  if (r.code === 2) s.emit('', `${s.shName}: ${text.slice(0, 40)}: syntax error\n`, false);
  return r.code;
}
