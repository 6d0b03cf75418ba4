// Interpreting a container's command line (and `sh -c` scripts) on a simulated clock: what the process does
// over time (files, ports, exit) and how it reacts to the stop signal (who is PID 1, traps). The same
// interpreter runs exec probes and hooks (mode 'exec'), where it reports output, exit code and duration.
//
// Rules (docs/image-behaviour.md: "Rules for every image", "Shell and tools"): command replaces ENTRYPOINT,
// args replaces CMD; busybox ash, dash and bash exec the last simple command of `-c` when no trap is set; a
// shell or `sleep` as PID 1 ignores SIGTERM; `trap … TERM` runs only after the foreground command ends, but
// interrupts `wait` at once. The stop behaviour of a script with a trap comes from a second run in which the
// signal arrives (README "Traps"); an EXIT trap runs when the script ends.
//
// The parts, composed here: shellState (variables, files, output, traps), shellExpand (word expansion),
// shellBuiltins (the builtin table), shellExec (the executor, with shellLoops and shellRedirs) and shellLaunch
// (starting programs); this file runs the container's command and derives the stop behaviour (PID 1, traps).
import type {
  FailedLookup,
  FileOp,
  HttpChange,
  ListenSpec,
  LogWrite,
  ProcessModel,
  StopBehaviour,
  StopEffects,
} from './types';
import { defaultActionCode } from './signals';
import type { InterpOptions } from './shellState';
import { unknownProgram } from './programKit';
import { ShellState, type StopPlan } from './shellState';
import { runAction, stopTrap } from './shellTrap';
import { ScriptExecutor } from './shellExec';
import { ExitSig, ForeverSig, LoopSig, ReturnSig, StartErr } from './shellControl';

export type { EnvVal, InterpOptions, World } from './shellState';

export interface RunOutcome {
  /** Undefined: runs until stopped. */
  end?: { at: number; code: number; message?: string; reason?: string };
  onStop: StopBehaviour;
  files: FileOp[];
  log: LogWrite[];
  listen: ListenSpec[];
  http?: ProcessModel['http'];
  httpTimeline?: HttpChange[];
  grpc?: { port: number; serving: boolean };
  exitOnFirstConnection?: number;
  memoryMi: number;
  memoryAfter: number;
  notes: string[];
  failedLookups: FailedLookup[];
  usedEnv: string[];
  output: string;
  /** Until the end; Infinity when it never ends. */
  seconds: number;
  /** Every command that decided the outcome was understood. */
  recognised: boolean;
  /** Comparisons with unknown values whose result was assumed. */
  assumed: string[];
  /** What ran as the main process ("nginx -g daemon off;", "shell: …"). */
  main: string;
  viaShell: boolean;
  stopsMain?: { afterSeconds: number; code: number };
  /** The first executable could not be started (not in the image). */
  startError?: string;
  /** The script's trap for the stop signal runs when the signal comes (onStop is its outcome). */
  stopTrapRuns?: boolean;
}

export class Interp {
  private readonly s: ShellState;
  private readonly ex: ScriptExecutor;

  constructor(readonly o: InterpOptions) {
    this.s = new ShellState(o);
    this.ex = new ScriptExecutor(this.s);
  }

  /** Strings of the initial command line whose value is not known (unresolved `$(VAR)` of a valueFrom env). */
  markUnknown(words: string[]): void {
    for (const w of words) this.s.unknownWords.add(w);
  }

  /** Runs the container's command line; `unknownImage` names an image whose ENTRYPOINT is not known (argv = its args). */
  run(argv: string[], opts: { unknownImage?: string } = {}): RunOutcome {
    const { end, startError } = this.play(argv, opts);
    const onStop = this.stopBehaviour(argv, opts);
    const out: RunOutcome = {
      onStop,
      files: this.s.files,
      log: this.s.log,
      listen: this.s.listen,
      memoryMi: this.s.memoryMi,
      memoryAfter: this.s.memoryAfter,
      notes: [...this.s.notes],
      failedLookups: [...this.s.failedLookups.values()],
      usedEnv: [...this.s.usedEnv],
      output: this.s.output,
      seconds: end ? end.at : Infinity,
      recognised: this.s.recognised,
      assumed: [...this.s.assumed],
      main: this.s.mainDesc,
      viaShell: this.s.viaShell,
    };
    if (end) out.end = end;
    if (this.s.http) out.http = this.s.http;
    if (this.s.httpTimeline) out.httpTimeline = this.s.httpTimeline;
    if (this.s.grpc) out.grpc = this.s.grpc;
    if (this.s.exitOnFirstConnection !== undefined) out.exitOnFirstConnection = this.s.exitOnFirstConnection;
    if (this.s.stopsMain) out.stopsMain = this.s.stopsMain;
    if (startError !== undefined) out.startError = startError;
    if (this.stopExplained) out.stopTrapRuns = true;
    return out;
  }

  /** A note already explains the stop behaviour (its trap); infer.ts then adds no PID 1 note. */
  private stopExplained = false;

  /** Interprets the command line once; the state it leaves is the process's course. */
  private play(argv: string[], opts: { unknownImage?: string }): { end?: RunOutcome['end']; startError?: string } {
    try {
      if (opts.unknownImage !== undefined) {
        this.s.mainDesc = opts.unknownImage;
        this.ex.run.runProgram(
          unknownProgram(['entrypoint', ...argv], this.ex.run.progCtx(true), opts.unknownImage),
          true,
        );
      } else this.ex.run.runArgv(argv, true, true);
      return { end: this.finish(this.s.status) };
    } catch (e) {
      if (e instanceof ExitSig) return { end: this.finish(e.code, e.message, e.reason) };
      if (e instanceof ForeverSig) {
        this.blocked(e);
        return {};
      }
      if (e instanceof StartErr) return { end: { at: 0, code: 128 }, startError: e.argv0 };
      if (e instanceof LoopSig || e instanceof ReturnSig) return { end: this.finish(this.s.status) };
      throw e;
    }
  }

  private blocked(e: ForeverSig): void {
    this.s.phase = e.phase;
    this.s.phaseStart = this.s.t;
  }

  /** The shell ends with `code`: its EXIT trap runs first; `exit N` in the trap changes the code (POSIX `trap`). */
  private finish(code: number, message?: string, reason?: string): RunOutcome['end'] {
    const action = this.s.traps.get('EXIT');
    if (action) {
      this.s.traps.delete('EXIT');
      try {
        runAction(this.s, this.ex, action, code);
      } catch (e) {
        if (e instanceof ExitSig) return this.ended(e.code, e.message);
        if (e instanceof ForeverSig) {
          this.blocked(e);
          return undefined;
        }
        if (!(e instanceof LoopSig || e instanceof ReturnSig)) throw e;
      }
    }
    return this.ended(code, message, reason);
  }

  /** The end of the process; a failure carries the last error line it printed. */
  private ended(code: number, message?: string, reason?: string): NonNullable<RunOutcome['end']> {
    const m = message ?? (code !== 0 && this.s.lastErr !== '' ? this.s.lastErr : undefined);
    const end = m !== undefined ? { at: this.s.t, code, message: m } : { at: this.s.t, code };
    return reason !== undefined && message !== undefined ? { ...end, reason } : end;
  }

  private stopBehaviour(argv: string[], opts: { unknownImage?: string }): StopBehaviour {
    const p = this.s.phase;
    if (
      stopTrap(this.s) &&
      this.o.mode === 'process' &&
      this.s.stop === undefined &&
      p.k !== 'exec' &&
      p.k !== 'none'
    ) {
      const played = this.playStop(argv, opts);
      if (played) return played;
    }
    return this.plainStop();
  }

  /**
   * The script's stop signal handler: a second run in which the signal arrives when the last phase begins
   * (the phase `onStop` describes). What happens from the moment the signal is handled (files, log, the exit)
   * is the stop behaviour, in seconds after the signal. Undefined when the trap never gets to run.
   */
  private playStop(argv: string[], opts: { unknownImage?: string }): StopBehaviour | undefined {
    const second = new Interp(this.o);
    for (const w of this.s.unknownWords) second.s.unknownWords.add(w);
    const plan: StopPlan = { at: this.s.phaseStart, state: 'armed', deliveredAt: 0, filesFrom: 0, logFrom: 0 };
    second.s.stop = plan;
    const { end } = second.play(argv, opts);
    if (plan.state !== 'handled') return undefined;
    this.stopExplained = true;
    for (const n of second.s.notes) this.s.note(n);
    const since = plan.deliveredAt;
    const effects: StopEffects = {};
    const files = second.s.files.slice(plan.filesFrom).map((f) => ({ ...f, at: Math.max(0, f.at - since) }));
    const log = second.s.log.slice(plan.logFrom).map((w) => ({ ...w, at: Math.max(0, w.at - since) }));
    if (files.length > 0) effects.files = files;
    if (log.length > 0) effects.log = log;
    const sig = this.o.stopSignal;
    if (end === undefined) {
      this.s.note(
        `the ${sig} trap runs but does not end the script, which goes on: the container is killed (137) at the end of the grace period`,
      );
      return { action: 'ignore', ...effects };
    }
    const after = end.at - since;
    if (after > 0)
      this.s.note(
        `the script exits ${after} s after ${sig}: its trap runs only once the foreground command ends, and its own commands take time too`,
      );
    return { action: 'exit', code: end.code, afterSeconds: after, ...effects };
  }

  /** Without a trap that runs: who gets the signal and its default action (PID 1 ignores it). */
  private plainStop(): StopBehaviour {
    const sig = this.o.stopSignal;
    const dflt = (): StopBehaviour => {
      const c = defaultActionCode(sig);
      return c === 'ignore' ? { action: 'ignore' } : { action: 'exit', code: c, afterSeconds: 0 };
    };
    const p = this.s.phase;
    if (p.k === 'exec') {
      const h = p.signals;
      if (h.kind === 'handles' && h.signals.includes(sig))
        return { action: 'exit', code: h.code, afterSeconds: h.afterSeconds };
      if (h.kind === 'go' && sig !== 'SIGWINCH')
        return p.pid1 || sig === 'SIGQUIT' ? { action: 'exit', code: 2, afterSeconds: 0 } : dflt();
      return p.pid1 ? { action: 'ignore' } : dflt();
    }
    // The shell itself receives the signal.
    const action = stopTrap(this.s);
    if (action === '') return { action: 'ignore' };
    if (action !== undefined) {
      // The trap was not played (the script ends without blocking, or was cut short): its code as written.
      const m = /\bexit(?:\s+(\d+))?/.exec(action);
      const code = m ? (m[1] !== undefined ? Number(m[1]) & 255 : 0) : 128 + 15;
      if (!m)
        this.s.note(`\`trap '${action.slice(0, 40)}'\` does not exit: the script is assumed to end after it with 143`);
      if (p.k === 'wait' || p.k === 'none') return { action: 'exit', code, afterSeconds: 0 };
      if (Number.isFinite(p.step)) return { action: 'exit', code, afterSeconds: p.step };
      this.s.note(
        `the ${sig} trap would run once the foreground command ends, which it never does: the container is killed (137) at the end of the grace period`,
      );
      this.stopExplained = true;
      return { action: 'ignore' };
    }
    return this.s.pid1 ? { action: 'ignore' } : dflt();
  }
}
