// Control flow of the shell interpreter: what the executor throws to unwind (exit, a process that never ends,
// break/continue, return, a binary that cannot start), the phase the process is in when the stop signal comes,
// the interpreter's limits, and the two interfaces through which builtins and the process launcher call back
// into the executor (so that the parts depend on interfaces, not on each other).
import type { SignalHandling } from './internal';
import type { Node } from './shellAst';

/** What the process is doing when the simulation stops following it (decides how the stop signal lands). */
export type Phase =
  /** The shell exec'd a program (or the program is the command itself): the program gets the signal. */
  | { k: 'exec'; signals: SignalHandling; pid1: boolean }
  /** The shell waits for a foreground child; `step` is the longest single foreground step. */
  | { k: 'child'; step: number }
  /** The shell is in `wait` (a trap runs at once). */
  | { k: 'wait' }
  | { k: 'none' };

export class ExitSig {
  constructor(
    readonly code: number,
    readonly message?: string,
    /** Optional: the line of `message` that says why it ended (ProgramRun.reason). */
    readonly reason?: string,
  ) {}
}
export class ForeverSig {
  constructor(readonly phase: Phase) {}
}
export class LoopSig {
  constructor(
    readonly kind: 'break' | 'continue',
    readonly n: number,
  ) {}
}
export class ReturnSig {
  constructor(readonly code: number) {}
}
export class StartErr {
  constructor(readonly argv0: string) {}
}

/** Shell builtins that also exist as binaries. */
export const STANDALONE = new Set(['true', 'false', 'echo', 'printf', 'test', '[', 'kill', 'pwd']);
export const MAX_STEPS = 20_000;
/** About 300 years: longer waits are "until stopped". */
export const MAX_TIME = 1e10;
export const MAX_ITER = 1_000;
export const MAX_OPS = 2_000;
export const MAX_OUT = 16_384;
export const MAX_DEPTH = 40;

/** Runs parsed script nodes (shellExec.ts). */
export interface Executor {
  /** Runs a node; `tail`: its last simple command may replace the shell (exec'd). */
  exec(n: Node, tail: boolean): number;
  /** An expanded simple command: a function, a builtin, or a program. */
  command(argv: string[], tail: boolean, unknownArgs: boolean): number;
}

/** Starts command lines as processes on the simulated clock (shellLaunch.ts). */
export interface Launcher {
  /** `top`: the container's own command (a missing binary is a StartError, not "not found"). */
  runArgv(argv: string[], tail: boolean, top: boolean, limit?: number, hops?: number): number;
  toolPresent(a0: string): boolean;
  /** The shell's "not found" (127). */
  notFound(a0: string): number;
}
