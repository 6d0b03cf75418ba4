// The `trap` builtin and the running of trap actions (POSIX XCU 2.14 `trap`, 2.11 "Signals and Error
// Handling"). A trapped signal that arrives while a foreground command runs is handled once that command
// ends; one that arrives during `wait` makes `wait` return at once with a status above 128, and the action
// runs then. Inside the action `$?` is the status from before it, and it comes back afterwards; `exit`
// without a number uses that status. The stop signal is played in a second run of the script (shell.ts):
// `ShellState.stop` says when it arrives, and these functions deliver it at the right point.
import type { ShellState } from './shellState';
import type { Executor } from './shellControl';
import { parseSignal } from './signals';
import { parseScript } from './shellParse';
import { MAX_DEPTH } from './shellControl';

type RunsNodes = Pick<Executor, 'exec'>;

const SIGNAL_NUMBERS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
  SIGWINCH: 28,
};

// signal(7), Linux; the ones parseSignal knows are handled above.
const OTHER_SIGNALS = new Set(
  'ILL TRAP ABRT IOT BUS FPE SEGV PIPE ALRM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF IO POLL PWR SYS'.split(
    ' ',
  ),
);
const BASH_CONDITIONS = new Set(['ERR', 'DEBUG', 'RETURN']);

/** `EXIT`, `0`, `TERM`, `SIGTERM`, `15`, `term` → the key in ShellState.traps; undefined: not a condition. */
function trapKey(word: string, sh: string): string | undefined {
  const u = word.toUpperCase();
  if (u === 'EXIT' || u === '0') return 'EXIT';
  const sig = parseSignal(u);
  if (sig !== undefined) return sig;
  // Other Linux signals (CHLD, PIPE, 17 …) and bash's ERR/DEBUG/RETURN: kept, never delivered by the simulation.
  const name = u.replace(/^SIG/, '');
  if (OTHER_SIGNALS.has(name) || (/^\d+$/.test(name) && Number(name) <= 64)) return `SIG${name}`;
  return sh === 'bash' && BASH_CONDITIONS.has(u) ? u : undefined;
}

/**
 * `trap ACTION CONDITION…`: '' ignores, `-` (or a first operand that is a number, or a lone condition)
 * resets to the default; `trap`, `trap -p`, `trap -l` only print.
 */
export function trapBuiltin(s: ShellState, args: string[]): number {
  const a = args[0] === '--' ? args.slice(1) : args;
  if (a.length === 0 || a[0] === '-l' || a[0] === '-p') return 0;
  const reset = a.length === 1 || a[0] === '-' || /^\d+$/.test(a[0]!);
  const action = reset ? undefined : a[0]!;
  let status = 0;
  for (const c of reset && a[0] !== '-' ? a : a.slice(1)) {
    const k = trapKey(c, s.sh);
    if (k === undefined) {
      s.emit('', badTrap(s, c), false);
      status = 1;
    } else if (action === undefined) s.traps.delete(k);
    else s.traps.set(k, action);
  }
  return status;
}

// bash: "invalid signal specification"; busybox ash mimics it; dash: "bad trap". Each goes on with status 1.
function badTrap(s: ShellState, c: string): string {
  if (s.sh === 'bash') return `${s.shName}: line 1: trap: ${c}: invalid signal specification\n`;
  if (s.sh === 'dash') return `${s.shName}: 1: trap: ${c}: bad trap\n`;
  return `${s.shName}: trap: line 1: ${c}: invalid signal specification\n`;
}

/** The action set for the container's stop signal: undefined = default, '' = ignored. SIGKILL cannot be caught. */
export function stopTrap(s: ShellState): string | undefined {
  return s.o.stopSignal === 'SIGKILL' ? undefined : s.traps.get(s.o.stopSignal);
}

/** Runs a trap action with `$?` = `status`; `exit` in it ends the shell (ExitSig goes through). */
export function runAction(s: ShellState, ex: RunsNodes, action: string, status: number): void {
  if (s.depth > MAX_DEPTH) return;
  let node;
  try {
    node = parseScript(action);
  } catch {
    s.note(`the trap action \`${action.slice(0, 40)}\` could not be read: it is assumed to do nothing`);
    return;
  }
  const saved = s.trapStatus;
  s.status = status;
  s.trapStatus = status;
  s.depth++;
  try {
    ex.exec(node, false);
  } finally {
    s.depth--;
    s.trapStatus = saved;
  }
  s.status = status;
}

/** The main shell itself (not a subshell, pipeline stage or background job) is where the signal lands. */
function inMainShell(s: ShellState): boolean {
  return s.sub === 0 && s.inBg === 0;
}

function deliver(s: ShellState, ex: RunsNodes, status: number): void {
  const plan = s.stop!;
  plan.state = 'handled';
  plan.filesFrom = s.files.length;
  plan.logFrom = s.log.length;
  const action = stopTrap(s);
  if (action) runAction(s, ex, action, status);
}

/** A foreground command runs from t0 to t1: a stop signal arriving meanwhile is handled when it ends. */
export function signalDuring(s: ShellState, t0: number, t1: number): void {
  const plan = s.stop;
  if (plan?.state !== 'armed' || s.inBg > 0 || !(plan.at >= t0 && plan.at < t1) || !stopTrap(s)) return;
  plan.state = 'pending';
  plan.deliveredAt = plan.at;
}

/** Between commands of the main shell: a pending stop signal runs its trap now. */
export function runPending(s: ShellState, ex: RunsNodes): void {
  if (s.stop?.state === 'pending' && inMainShell(s)) deliver(s, ex, s.status);
}

/**
 * `wait` for jobs that end at `end`: a stop signal arriving before then interrupts it. Returns wait's status
 * (128 + the signal's number) once the trap has run, or undefined when the signal does not come now.
 */
export function interruptWait(s: ShellState, ex: RunsNodes, end: number): number | undefined {
  const plan = s.stop;
  if (plan?.state !== 'armed' || !inMainShell(s) || !(plan.at >= s.t && plan.at < end) || !stopTrap(s))
    return undefined;
  s.t = plan.at;
  plan.deliveredAt = plan.at;
  const code = 128 + (SIGNAL_NUMBERS[s.o.stopSignal] ?? 15);
  deliver(s, ex, code);
  return code;
}

/**
 * An endless loop (shellLoops.ts) whose rounds repeat from now on: the stop signal arrives during a round, and
 * its trap runs when the foreground command running then ends, at most `fgStep` seconds later. Where in the
 * round the signal lands is not known, so the simulator takes that latest moment and says so. True: the trap
 * ran and the loop goes on.
 */
export function interruptLoop(s: ShellState, ex: RunsNodes, fgStep: number): boolean {
  const plan = s.stop;
  if (plan?.state !== 'armed' || !inMainShell(s) || plan.at > s.t || !stopTrap(s)) return false;
  plan.deliveredAt = s.t;
  if (fgStep > 0) {
    s.t += fgStep;
    s.note(
      `the ${s.o.stopSignal} trap waits for the loop's current foreground command: it runs up to ${fgStep} s after the signal (the simulator takes the latest moment)`,
    );
  }
  deliver(s, ex, s.status);
  return true;
}

/** A subshell starts with the caught traps reset to the default; ignored signals stay ignored (POSIX 2.12). */
export function subshellTraps(traps: Map<string, string>): Map<string, string> {
  return new Map([...traps].filter(([, action]) => action === ''));
}
