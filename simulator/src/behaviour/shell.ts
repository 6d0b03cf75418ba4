// Interpreting a container's command line (and `sh -c` scripts) on a simulated clock: what the process does
// over time (files, ports, exit) and how it reacts to the stop signal (who is PID 1, traps). The same
// interpreter runs exec probes and hooks (mode 'exec'), where it reports output, exit code and duration.
//
// Rules (docs/image-behaviour.md: "Rules for every image", "Shell and tools"): command replaces ENTRYPOINT,
// args replaces CMD; busybox ash, dash and bash exec the last simple command of `-c` when no trap is set; a
// shell or `sleep` as PID 1 ignores SIGTERM; `trap … TERM` runs only after the foreground command ends, but
// interrupts `wait` at once.
//
// The parts, one class layer each: shellState (variables, files, expansion), shellBuiltins, shellProcess (running a
// command line), shellLoops, shellScript (the interpreter core); here the outcome and the stop behaviour (PID 1).
import type { FileOp, HttpChange, ListenSpec, LogWrite, ProcessModel, StopBehaviour } from './types';
import { defaultActionCode } from './catalog';
import { unknownProgram } from './programs';
import { ShellScript } from './shellScript';
import { ExitSig, ForeverSig, LoopSig, ReturnSig, StartErr } from './shellState';

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
  /** What ran as the main process ("nginx -g daemon off;", "shell: …"). */
  main: string;
  viaShell: boolean;
  stopsMain?: { afterSeconds: number; code: number };
  /** The first executable could not be started (not in the image). */
  startError?: string;
}

export class Interp extends ShellScript {

  /** Runs the container's command line; `unknownImage` names an image whose ENTRYPOINT is not known (argv = its args). */
  run(argv: string[], opts: { unknownImage?: string } = {}): RunOutcome {
    let end: RunOutcome['end'];
    let startError: string | undefined;
    try {
      if (opts.unknownImage !== undefined) {
        this.mainDesc = opts.unknownImage;
        this.runProgram(unknownProgram(['entrypoint', ...argv], this.progCtx(true), opts.unknownImage), true);
      } else this.runArgv(argv, true, true);
      end = this.ended(this.status);
    } catch (e) {
      if (e instanceof ExitSig) end = this.ended(e.code, e.message);
      else if (e instanceof ForeverSig) this.phase = e.phase;
      else if (e instanceof StartErr) {
        startError = e.argv0;
        end = { at: 0, code: 128 };
      } else if (e instanceof LoopSig || e instanceof ReturnSig) end = { at: this.t, code: this.status };
      else throw e;
    }
    const out: RunOutcome = {
      onStop: this.stopBehaviour(),
      files: this.files,
      log: this.log,
      listen: this.listen,
      memoryMi: this.memoryMi,
      memoryAfter: this.memoryAfter,
      notes: [...this.notes],
      usedEnv: [...this.usedEnv],
      output: this.output,
      seconds: end ? end.at : Infinity,
      recognised: this.recognised,
      main: this.mainDesc,
      viaShell: this.viaShell,
    };
    if (end) out.end = end;
    if (this.http) out.http = this.http;
    if (this.httpTimeline) out.httpTimeline = this.httpTimeline;
    if (this.grpc) out.grpc = this.grpc;
    if (this.exitOnFirstConnection !== undefined) out.exitOnFirstConnection = this.exitOnFirstConnection;
    if (this.stopsMain) out.stopsMain = this.stopsMain;
    if (startError !== undefined) out.startError = startError;
    return out;
  }

  /** The end of the process; a failure carries the last error line it printed. */
  protected ended(code: number, message?: string): NonNullable<RunOutcome['end']> {
    const m = message ?? (code !== 0 && this.lastErr !== '' ? this.lastErr : undefined);
    return m !== undefined ? { at: this.t, code, message: m } : { at: this.t, code };
  }

  protected stopBehaviour(): StopBehaviour {
    const sig = this.o.stopSignal;
    const dflt = (): StopBehaviour => {
      const c = defaultActionCode(sig);
      return c === 'ignore' ? { action: 'ignore' } : { action: 'exit', code: c, afterSeconds: 0 };
    };
    const p = this.phase;
    if (p.k === 'exec') {
      const h = p.signals;
      if (h.kind === 'handles' && h.signals.includes(sig)) return { action: 'exit', code: h.code, afterSeconds: h.afterSeconds };
      if (h.kind === 'go' && sig !== 'SIGWINCH') return p.pid1 || sig === 'SIGQUIT' ? { action: 'exit', code: 2, afterSeconds: 0 } : dflt();
      return p.pid1 ? { action: 'ignore' } : dflt();
    }
    // The shell itself receives the signal.
    if (this.trap.k === 'ignore') return { action: 'ignore' };
    if (this.trap.k === 'exit') {
      if (p.k === 'wait' || p.k === 'none') return { action: 'exit', code: this.trap.code, afterSeconds: 0 };
      return Number.isFinite(p.step) ? { action: 'exit', code: this.trap.code, afterSeconds: p.step } : { action: 'ignore' };
    }
    return this.pid1 ? { action: 'ignore' } : dflt();
  }
}
