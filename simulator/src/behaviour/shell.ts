// Interpreting a container's command line (and `sh -c` scripts) on a simulated clock: what the process does
// over time (files, ports, exit) and how it reacts to the stop signal (who is PID 1, traps). The same
// interpreter runs exec probes and hooks (mode 'exec'), where it reports output, exit code and duration.
//
// Rules (docs/image-behaviour.md: "Rules for every image", "Shell and tools"): command replaces ENTRYPOINT,
// args replaces CMD; busybox ash, dash and bash exec the last simple command of `-c` when no trap is set; a
// shell or `sleep` as PID 1 ignores SIGTERM; `trap … TERM` runs only after the foreground command ends, but
// interrupts `wait` at once.
//
// The parts, composed here: shellState (variables, files, output, traps), shellExpand (word expansion),
// shellBuiltins (the builtin table), shellExec (the executor, with shellLoops and shellRedirs) and shellLaunch
// (starting programs); this file runs the container's command and derives the stop behaviour (PID 1, traps).
import type { FileOp, HttpChange, ListenSpec, LogWrite, ProcessModel, StopBehaviour } from './types';
import { defaultActionCode } from './signals';
import type { InterpOptions } from './shellState';
import { unknownProgram } from './programKit';
import { ShellState } from './shellState';
import { ScriptExecutor } from './shellExec';
import { ExitSig, ForeverSig, LoopSig, ReturnSig, StartErr } from './shellControl';

export type { EnvVal, InterpOptions, World } from './shellState';

export interface RunOutcome {
  /** Undefined: runs until stopped. */
  end?: { at: number; code: number; message?: string };
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
    let end: RunOutcome['end'];
    let startError: string | undefined;
    try {
      if (opts.unknownImage !== undefined) {
        this.s.mainDesc = opts.unknownImage;
        this.ex.run.runProgram(
          unknownProgram(['entrypoint', ...argv], this.ex.run.progCtx(true), opts.unknownImage),
          true,
        );
      } else this.ex.run.runArgv(argv, true, true);
      end = this.ended(this.s.status);
    } catch (e) {
      if (e instanceof ExitSig) end = this.ended(e.code, e.message);
      else if (e instanceof ForeverSig) this.s.phase = e.phase;
      else if (e instanceof StartErr) {
        startError = e.argv0;
        end = { at: 0, code: 128 };
      } else if (e instanceof LoopSig || e instanceof ReturnSig) end = { at: this.s.t, code: this.s.status };
      else throw e;
    }
    const out: RunOutcome = {
      onStop: this.stopBehaviour(),
      files: this.s.files,
      log: this.s.log,
      listen: this.s.listen,
      memoryMi: this.s.memoryMi,
      memoryAfter: this.s.memoryAfter,
      notes: [...this.s.notes],
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
    return out;
  }

  /** The end of the process; a failure carries the last error line it printed. */
  private ended(code: number, message?: string): NonNullable<RunOutcome['end']> {
    const m = message ?? (code !== 0 && this.s.lastErr !== '' ? this.s.lastErr : undefined);
    return m !== undefined ? { at: this.s.t, code, message: m } : { at: this.s.t, code };
  }

  private stopBehaviour(): StopBehaviour {
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
    if (this.s.trap.k === 'ignore') return { action: 'ignore' };
    if (this.s.trap.k === 'exit') {
      if (p.k === 'wait' || p.k === 'none') return { action: 'exit', code: this.s.trap.code, afterSeconds: 0 };
      return Number.isFinite(p.step)
        ? { action: 'exit', code: this.s.trap.code, afterSeconds: p.step }
        : { action: 'ignore' };
    }
    return this.s.pid1 ? { action: 'ignore' } : dflt();
  }
}
