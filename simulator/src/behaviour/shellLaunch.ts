// Starting one command line as a process on the simulated clock: wrappers (tini, env, timeout, entrypoint
// scripts), long-running programs, utilities and `sh -c` scripts; time advances by what each one takes, and the
// phase records who would receive the stop signal. A binary that is not in the image is a StartError for the
// container's own command and "not found" (127) inside a shell.
import type { CmdResult, ProgCtx, ProgramRun, Resolution, SignalHandling } from './internal';
import type { Node } from './shellAst';
import type { ShellState } from './shellState';
import type { Executor, Launcher } from './shellControl';
import { knownTools } from './catalog';
import { ParseError, parseScript } from './shellParse';
import { runUtility } from './commands';
import { resolveProgram } from './programs';
import { base, unknownProgram } from './programKit';
import { runBuiltin } from './shellBuiltins';
import { signalDuring } from './shellTrap';
import { progCtxOf } from './shellProgCtx';
import {
  ExitSig,
  ForeverSig,
  LoopSig,
  MAX_DEPTH,
  MAX_OPS,
  MAX_STEPS,
  MAX_TIME,
  ReturnSig,
  STANDALONE,
  StartErr,
} from './shellControl';

export class ProcessLauncher implements Launcher {
  constructor(
    private readonly s: ShellState,
    private readonly ex: Executor,
  ) {}

  progCtx(main: boolean): ProgCtx {
    return progCtxOf(this.s, main, (n) => this.touchEnv(n));
  }

  touchEnv(n: string): void {
    if (this.s.o.env.has(n)) this.s.usedEnv.add(n);
  }

  toolPresent(a0: string): boolean {
    if (a0 === '' || /\s/.test(a0)) return false;
    if (!this.s.o.hasShell && /^(sh|bash|ash|dash|zsh|ksh)$/.test(base(a0))) return false;
    const tools = this.s.o.tools;
    if (tools === 'any') return true;
    const b = base(a0);
    if (tools.includes(b)) return true;
    if (this.s.o.toolsComplete) return false;
    return !knownTools().has(b);
  }

  /** Runs one command line. `tail`: it replaces the current process (exec'd last command). */
  runArgv(argv: string[], tail: boolean, top: boolean, limit?: number, hops = 0): number {
    if (++this.s.steps > MAX_STEPS) throw new ForeverSig({ k: 'child', step: Infinity });
    if (argv.length === 0) return (this.s.status = 0);
    const a0 = argv[0]!;
    if (hops > 12) {
      this.s.note('command line resolves through too many wrappers; treated as an unknown program');
      return this.runProgram(unknownProgram(argv, this.progCtx(tail)), tail, limit);
    }
    if (!this.toolPresent(a0)) {
      if (top) throw new StartErr(a0);
      return this.notFound(a0);
    }
    const name = base(a0);
    if (top && this.s.mainDesc === '') this.s.mainDesc = argv.join(' ').slice(0, 120);
    if ((name === 'sleep' || name === 'usleep') && argv.slice(1).some((x) => this.s.unknownWords.has(x))) {
      // Not a guess of 0 s: the time is unknown, so nothing is predicted from when the script ends (an exit after
      // it is recorded like an assumed comparison) and a loop around it has an unknown rate (shellLoops.ts).
      // The words that came from unknown values show as such: their expanded text ($RANDOM as 0) is no value.
      const line = argv.map((x) => (this.s.unknownWords.has(x) ? '<unknown>' : x)).join(' ');
      this.s.note(
        `\`${line}\`: the duration comes from a value the simulator does not know; the script's timing from here is not known`,
      );
      this.s.unknownSleeps++;
      if (!this.s.assumed.includes(line)) this.s.assumed.push(line);
      this.s.status = 0;
      if (tail) throw new ExitSig(0);
      return 0;
    }
    if (STANDALONE.has(name)) {
      // /bin/true, /bin/echo, /usr/bin/test … run as programs of their own (outside a shell).
      const code = runBuiltin({ s: this.s, ex: this.ex, run: this }, name, argv.slice(1), tail, false) ?? 0;
      return this.runResult({ code }, tail, limit);
    }
    const res: Resolution | undefined = resolveProgram(argv, this.progCtx(tail));
    if (res !== undefined) {
      switch (res.kind) {
        case 'exec':
          if (res.viaInit) this.s.pid1 = false;
          if (res.note) this.s.note(res.note);
          for (const n of res.usedEnv ?? []) this.touchEnv(n);
          if (res.extraStartup) this.s.pendingStartup += res.extraStartup;
          if (res.argv.length === 0) return (this.s.status = 0);
          if (res.fromScript && !this.toolPresent(res.argv[0]!)) {
            // The entrypoint script's `exec "$@"` fails: the script reports it, not the runtime.
            const msg = `${a0}: exec: line 1: ${res.argv[0]}: not found`;
            this.s.emit('', msg + '\n', false);
            this.s.note(`\`${base(res.argv[0]!)}\` is not in the image: the entrypoint script exits 127`);
            this.s.status = 127;
            if (tail) throw new ExitSig(127, msg);
            return 127;
          }
          if (top) this.s.mainDesc = res.argv.join(' ').slice(0, 120);
          return this.runArgv(res.argv, tail, top, res.timeout ?? limit, hops + 1);
        case 'shell':
          if (res.fromFile !== undefined) {
            return this.runProgram(
              unknownProgram(argv, this.progCtx(tail), `script \`${res.fromFile}\` is not visible to the simulator`),
              tail,
              limit,
            );
          }
          return this.runShell(res, tail, top);
        case 'interactive':
          if (this.s.o.interactive) {
            this.s.phase = { k: 'exec', signals: { kind: 'none' }, pid1: true };
            this.s.note(`${res.what} is interactive (stdin/tty): it waits for input and ignores SIGTERM`);
            throw new ForeverSig({ k: 'exec', signals: { kind: 'none' }, pid1: true });
          }
          this.s.note(
            `${res.what} with no script reads its empty stdin (no stdin: true in the pod) and exits 0 at once`,
          );
          if (tail) throw new ExitSig(0);
          return (this.s.status = 0);
        case 'run':
          return this.runProgram(res.run, tail, limit);
      }
    }
    const r = runUtility(name, argv.slice(1), this.s.sys, this.s.stdin);
    if (r !== undefined) return this.runResult(r, tail, limit);
    return this.runProgram(unknownProgram(argv, this.progCtx(tail)), tail, limit);
  }

  notFound(a0: string): number {
    const slash = a0.includes('/');
    let msg: string;
    if (this.s.sh === 'bash')
      msg = `${this.s.shName}: line 1: ${a0}: ${slash ? 'No such file or directory' : 'command not found'}`;
    else if (this.s.sh === 'dash') msg = `${this.s.shName}: 1: ${a0}: not found`;
    else msg = `${this.s.shName}: ${a0}: not found`;
    this.s.emit('', msg + '\n', false);
    this.s.note(`\`${base(a0)}\` is not in the image: the shell answers "not found" (127)`);
    return (this.s.status = 127);
  }

  advance(d: number, tail: boolean, signals: SignalHandling): void {
    if (!(d > 0)) return;
    if (this.s.t + d > MAX_TIME) {
      this.s.note(`the command would take longer than ${MAX_TIME} s: treated as running until stopped`);
      throw new ForeverSig(tail ? { k: 'exec', signals, pid1: this.s.pid1 } : { k: 'child', step: Infinity });
    }
    this.s.phaseStart = this.s.t;
    if (!tail) signalDuring(this.s, this.s.t, this.s.t + d);
    this.s.t += d;
    this.s.stepMax = Math.max(this.s.stepMax, d);
    this.s.phase = tail ? { k: 'exec', signals, pid1: this.s.pid1 } : { k: 'child', step: d };
  }

  runResult(r: CmdResult, tail: boolean, limit?: number): number {
    this.s.emit(r.out ?? '', r.err ?? '', r.unknownOut === true);
    const none: SignalHandling = { kind: 'none' };
    if (r.forever) {
      if (limit !== undefined) return this.timedOut(limit, tail, none);
      throw new ForeverSig(tail ? { k: 'exec', signals: none, pid1: this.s.pid1 } : { k: 'child', step: Infinity });
    }
    const s = r.seconds ?? 0;
    if (limit !== undefined && s > limit) return this.timedOut(limit, tail, none);
    this.advance(s, tail, none);
    this.s.status = r.code;
    if (tail) throw new ExitSig(r.code, r.code !== 0 && r.err ? r.err.trim() : undefined);
    return r.code;
  }

  timedOut(limit: number, tail: boolean, signals: SignalHandling): number {
    this.advance(limit, tail, signals);
    this.s.status = 124;
    if (tail) throw new ExitSig(124);
    return 124;
  }

  runProgram(p: ProgramRun, tail: boolean, limit?: number): number {
    const start = this.s.t;
    const startup = this.s.pendingStartup;
    this.s.pendingStartup = 0;
    for (const n of p.notes) this.s.note(n);
    for (const n of p.usedEnv) this.touchEnv(n);
    if (!p.recognised && tail) this.s.recognised = false;
    if (!p.recognised) this.s.emit('', '', true);
    if (tail && this.s.mainDesc === '') this.s.mainDesc = p.description;
    const ends = p.endsAfter;
    // Its bind error ends the container only when it is the container's process (exec'd, in the foreground); a
    // background job or a forking daemon that fails to bind leaves the script running.
    const bind = tail && !p.daemon ? p.bind : undefined;
    for (const l of p.listen) {
      if (ends !== undefined && !p.daemon && ends <= l.after + startup) continue;
      if (!this.s.listen.some((x) => x.port === l.port))
        this.s.listen.push({
          port: l.port,
          afterSeconds: start + startup + l.after,
          ...(bind ? { bind } : {}),
        });
      if (p.http && this.s.http === undefined) this.s.http = p.http;
      if (p.httpTimeline && this.s.httpTimeline === undefined)
        this.s.httpTimeline = p.httpTimeline.map((h) => ({ at: h.at + start + startup, routes: h.routes }));
      if (p.grpc && this.s.grpc === undefined) this.s.grpc = { port: l.port, serving: p.grpc.serving };
    }
    if (p.exitOnFirstConnection !== undefined) this.s.exitOnFirstConnection = p.exitOnFirstConnection;
    if (p.files)
      for (const f of p.files) if (this.s.files.length < MAX_OPS) this.s.files.push({ ...f, at: f.at + start });
    if (p.stopsMain) this.s.stopsMain = { afterSeconds: start + p.stopsMain.afterSeconds, code: p.stopsMain.code };
    const peak = this.s.persistentMem + p.memoryMi;
    if (peak > this.s.memoryMi) {
      this.s.memoryMi = peak;
      this.s.memoryAfter = start + startup + p.memoryAfter;
    }
    if (p.daemon) {
      this.s.persistentMem += p.memoryMi;
      this.s.status = 0;
      if (tail) throw new ExitSig(0);
      return 0;
    }
    if (ends === undefined) {
      this.s.persistentMem += p.memoryMi;
      if (limit !== undefined) return this.timedOut(limit, tail, p.signals);
      throw new ForeverSig(
        tail ? { k: 'exec', signals: p.signals, pid1: this.s.pid1 } : { k: 'child', step: Infinity },
      );
    }
    if (limit !== undefined && ends + startup > limit) return this.timedOut(limit, tail, p.signals);
    this.advance(ends + startup, tail, p.signals);
    if (p.message !== undefined) this.s.emit('', p.message + '\n', false);
    this.s.status = p.code;
    if (tail) throw new ExitSig(p.code, p.message, p.reason);
    return p.code;
  }

  runShell(res: Extract<Resolution, { kind: 'shell' }>, tail: boolean, top: boolean): number {
    if (this.s.depth > MAX_DEPTH) return (this.s.status = 0);
    let node: Node;
    try {
      node = parseScript(res.script);
    } catch (e) {
      const msg = e instanceof ParseError ? e.message : 'unreadable script';
      this.s.note(`the shell script could not be read (${msg}); treated as an unknown program`);
      const u = unknownProgram(['sh', '-c', res.script.slice(0, 60)], this.progCtx(tail));
      return this.runProgram(u, tail);
    }
    if (top) {
      this.s.viaShell = true;
      this.s.mainDesc = `shell: ${res.script.replace(/\s+/g, ' ').trim().slice(0, 100)}`;
      this.s.memoryMi = Math.max(this.s.memoryMi, 1);
      this.s.persistentMem += 1;
    }
    const saved = {
      sh: this.s.sh,
      shName: this.s.shName,
      pos: this.s.positional,
      arg0: this.s.arg0,
      errexit: this.s.errexit,
      traps: this.s.traps,
    };
    // A shell started as a child (not exec'd, not the container's own) is another process: its own traps.
    const child = !tail && !top;
    if (res.sh !== 'zsh') this.s.sh = res.sh;
    this.s.shName = res.sh === 'bash' ? 'bash' : 'sh';
    this.s.positional = res.positional;
    this.s.arg0 = res.name;
    this.s.errexit = res.errexit;
    if (!top) this.s.traps = new Map();
    if (child) this.s.sub++;
    this.s.depth++;
    try {
      return (this.s.status = this.ex.exec(node, tail));
    } catch (e) {
      if (e instanceof ExitSig && !tail) return (this.s.status = e.code);
      if (e instanceof LoopSig || e instanceof ReturnSig) return this.s.status;
      throw e;
    } finally {
      this.s.depth--;
      if (child) this.s.sub--;
      if (!tail)
        Object.assign(this.s, {
          sh: saved.sh,
          shName: saved.shName,
          positional: saved.pos,
          arg0: saved.arg0,
          errexit: saved.errexit,
          traps: saved.traps,
        });
    }
  }
}
