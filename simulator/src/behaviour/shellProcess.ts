// Running one command line as a process on the simulated clock: wrappers, programs, utilities, `sh -c` scripts.
import type { CmdResult, ProgCtx, ProgramRun, Resolution, SignalHandling } from './internal';
import type { Node } from './shellParse';
import { knownTools } from './catalog';
import { ParseError, parseScript } from './shellParse';
import { runUtility } from './commands';
import { base, resolveProgram, unknownProgram } from './programs';
import { ShellBuiltins } from './shellBuiltins';
import { ExitSig, ForeverSig, LoopSig, MAX_DEPTH, MAX_OPS, MAX_STEPS, MAX_TIME, ReturnSig, STANDALONE, StartErr } from './shellState';

export abstract class ShellProcess extends ShellBuiltins {
  protected progCtx(main: boolean): ProgCtx {
    return {
      image: this.o.image,
      env: (n) => {
        const v = this.getVar(n);
        if (v.value !== undefined || v.unknown) this.touchEnv(n);
        return v.value;
      },
      envSet: (n) => {
        const v = this.vars.get(n);
        return v !== undefined && (v.value !== undefined || v.unknown);
      },
      envNames: () => [...this.vars.keys()],
      declaredPorts: this.o.declaredPorts,
      interactive: this.o.interactive,
      main: main && this.o.mode === 'process',
      unknownMemoryMi: this.o.unknownMemoryMi,
      userland: this.o.userland,
      oldBusybox: this.o.oldBusybox,
    };
  }

  protected touchEnv(n: string): void {
    if (this.o.env.has(n)) this.usedEnv.add(n);
  }

  toolPresent(a0: string): boolean {
    if (a0 === '' || /\s/.test(a0)) return false;
    if (!this.o.hasShell && /^(sh|bash|ash|dash|zsh|ksh)$/.test(base(a0))) return false;
    const tools = this.o.tools;
    if (tools === 'any') return true;
    const b = base(a0);
    if (tools.includes(b)) return true;
    if (this.o.toolsComplete) return false;
    return !knownTools().has(b);
  }

  /** Runs one command line. `tail`: it replaces the current process (exec'd last command). */
  protected runArgv(argv: string[], tail: boolean, top: boolean, limit?: number, hops = 0): number {
    if (++this.steps > MAX_STEPS) throw new ForeverSig({ k: 'child', step: Infinity });
    if (argv.length === 0) return (this.status = 0);
    const a0 = argv[0]!;
    if (hops > 12) {
      this.note('command line resolves through too many wrappers; treated as an unknown program');
      return this.runProgram(unknownProgram(argv, this.progCtx(tail)), tail, limit);
    }
    if (!this.toolPresent(a0)) {
      if (top) throw new StartErr(a0);
      return this.notFound(a0);
    }
    const name = base(a0);
    if (top && this.mainDesc === '') this.mainDesc = argv.join(' ').slice(0, 120);
    if ((name === 'sleep' || name === 'usleep') && argv.slice(1).some((x) => this.unknownWords.has(x))) {
      this.note(`\`${argv.join(' ')}\`: the duration comes from a value the simulator does not know; assumed 0 s`);
      this.status = 0;
      if (tail) throw new ExitSig(0);
      return 0;
    }
    if (STANDALONE.has(name)) {
      // /bin/true, /bin/echo, /usr/bin/test … run as programs of their own (outside a shell).
      const code = this.builtin(name, argv.slice(1), tail, false) ?? 0;
      return this.runResult({ code }, tail, limit);
    }
    const res: Resolution | undefined = resolveProgram(argv, this.progCtx(tail));
    if (res !== undefined) {
      switch (res.kind) {
        case 'exec':
          if (res.viaInit) this.pid1 = false;
          if (res.note) this.note(res.note);
          for (const n of res.usedEnv ?? []) this.touchEnv(n);
          if (res.extraStartup) this.pendingStartup += res.extraStartup;
          if (res.argv.length === 0) return (this.status = 0);
          if (res.fromScript && !this.toolPresent(res.argv[0]!)) {
            // The entrypoint script's `exec "$@"` fails: the script reports it, not the runtime.
            const msg = `${a0}: exec: line 1: ${res.argv[0]}: not found`;
            this.emit('', msg + '\n', false);
            this.note(`\`${base(res.argv[0]!)}\` is not in the image: the entrypoint script exits 127`);
            this.status = 127;
            if (tail) throw new ExitSig(127, msg);
            return 127;
          }
          if (top) this.mainDesc = res.argv.join(' ').slice(0, 120);
          return this.runArgv(res.argv, tail, top, res.timeout ?? limit, hops + 1);
        case 'shell':
          if (res.fromFile !== undefined) {
            return this.runProgram(unknownProgram(argv, this.progCtx(tail), `script \`${res.fromFile}\` is not visible to the simulator`), tail, limit);
          }
          return this.runShell(res, tail, top);
        case 'interactive':
          if (this.o.interactive) {
            this.phase = { k: 'exec', signals: { kind: 'none' }, pid1: true };
            this.note(`${res.what} is interactive (stdin/tty): it waits for input and ignores SIGTERM`);
            throw new ForeverSig({ k: 'exec', signals: { kind: 'none' }, pid1: true });
          }
          this.note(`${res.what} with no script reads its empty stdin (no stdin: true in the pod) and exits 0 at once`);
          if (tail) throw new ExitSig(0);
          return (this.status = 0);
        case 'run':
          return this.runProgram(res.run, tail, limit);
      }
    }
    const r = runUtility(name, argv.slice(1), this.sys, this.stdin);
    if (r !== undefined) return this.runResult(r, tail, limit);
    return this.runProgram(unknownProgram(argv, this.progCtx(tail)), tail, limit);
  }

  protected notFound(a0: string): number {
    const slash = a0.includes('/');
    let msg: string;
    if (this.sh === 'bash') msg = `${this.shName}: line 1: ${a0}: ${slash ? 'No such file or directory' : 'command not found'}`;
    else if (this.sh === 'dash') msg = `${this.shName}: 1: ${a0}: not found`;
    else msg = `${this.shName}: ${a0}: not found`;
    this.emit('', msg + '\n', false);
    this.note(`\`${base(a0)}\` is not in the image: the shell answers "not found" (127)`);
    return (this.status = 127);
  }

  protected advance(d: number, tail: boolean, signals: SignalHandling): void {
    if (!(d > 0)) return;
    if (this.t + d > MAX_TIME) {
      this.note(`the command would take longer than ${MAX_TIME} s: treated as running until stopped`);
      throw new ForeverSig(tail ? { k: 'exec', signals, pid1: this.pid1 } : { k: 'child', step: Infinity });
    }
    this.t += d;
    this.stepMax = Math.max(this.stepMax, d);
    this.phase = tail ? { k: 'exec', signals, pid1: this.pid1 } : { k: 'child', step: d };
  }

  protected runResult(r: CmdResult, tail: boolean, limit?: number): number {
    this.emit(r.out ?? '', r.err ?? '', r.unknownOut === true);
    const none: SignalHandling = { kind: 'none' };
    if (r.forever) {
      if (limit !== undefined) return this.timedOut(limit, tail, none);
      throw new ForeverSig(tail ? { k: 'exec', signals: none, pid1: this.pid1 } : { k: 'child', step: Infinity });
    }
    const s = r.seconds ?? 0;
    if (limit !== undefined && s > limit) return this.timedOut(limit, tail, none);
    this.advance(s, tail, none);
    this.status = r.code;
    if (tail) throw new ExitSig(r.code, r.code !== 0 && r.err ? r.err.trim() : undefined);
    return r.code;
  }

  protected timedOut(limit: number, tail: boolean, signals: SignalHandling): number {
    this.advance(limit, tail, signals);
    this.status = 124;
    if (tail) throw new ExitSig(124);
    return 124;
  }

  protected runProgram(p: ProgramRun, tail: boolean, limit?: number): number {
    const start = this.t;
    const startup = this.pendingStartup;
    this.pendingStartup = 0;
    for (const n of p.notes) this.note(n);
    for (const n of p.usedEnv) this.touchEnv(n);
    if (!p.recognised && tail) this.recognised = false;
    if (!p.recognised) this.emit('', '', true);
    if (tail && this.mainDesc === '') this.mainDesc = p.description;
    const ends = p.endsAfter;
    for (const l of p.listen) {
      if (ends !== undefined && !p.daemon && ends <= l.after + startup) continue;
      if (!this.listen.some((x) => x.port === l.port)) this.listen.push({ port: l.port, afterSeconds: start + startup + l.after });
      if (p.http && this.http === undefined) this.http = p.http;
      if (p.httpTimeline && this.httpTimeline === undefined) this.httpTimeline = p.httpTimeline.map((h) => ({ at: h.at + start + startup, routes: h.routes }));
      if (p.grpc && this.grpc === undefined) this.grpc = { port: l.port, serving: p.grpc.serving };
    }
    if (p.exitOnFirstConnection !== undefined) this.exitOnFirstConnection = p.exitOnFirstConnection;
    if (p.files) for (const f of p.files) if (this.files.length < MAX_OPS) this.files.push({ ...f, at: f.at + start });
    if (p.stopsMain) this.stopsMain = { afterSeconds: start + p.stopsMain.afterSeconds, code: p.stopsMain.code };
    const peak = this.persistentMem + p.memoryMi;
    if (peak > this.memoryMi) {
      this.memoryMi = peak;
      this.memoryAfter = start + startup + p.memoryAfter;
    }
    if (p.daemon) {
      this.persistentMem += p.memoryMi;
      this.status = 0;
      if (tail) throw new ExitSig(0);
      return 0;
    }
    if (ends === undefined) {
      this.persistentMem += p.memoryMi;
      if (limit !== undefined) return this.timedOut(limit, tail, p.signals);
      throw new ForeverSig(tail ? { k: 'exec', signals: p.signals, pid1: this.pid1 } : { k: 'child', step: Infinity });
    }
    if (limit !== undefined && ends + startup > limit) return this.timedOut(limit, tail, p.signals);
    this.advance(ends + startup, tail, p.signals);
    if (p.message !== undefined) this.emit('', p.message + '\n', false);
    this.status = p.code;
    if (tail) throw new ExitSig(p.code, p.message);
    return p.code;
  }

  protected runShell(res: Extract<Resolution, { kind: 'shell' }>, tail: boolean, top: boolean): number {
    if (this.depth > MAX_DEPTH) return (this.status = 0);
    let node: Node;
    try {
      node = parseScript(res.script);
    } catch (e) {
      const msg = e instanceof ParseError ? e.message : 'unreadable script';
      this.note(`the shell script could not be read (${msg}); treated as an unknown program`);
      const u = unknownProgram(['sh', '-c', res.script.slice(0, 60)], this.progCtx(tail));
      return this.runProgram(u, tail);
    }
    if (top) {
      this.viaShell = true;
      this.mainDesc = `shell: ${res.script.replace(/\s+/g, ' ').trim().slice(0, 100)}`;
      this.memoryMi = Math.max(this.memoryMi, 1);
      this.persistentMem += 1;
    }
    const saved = { sh: this.sh, shName: this.shName, pos: this.positional, arg0: this.arg0, errexit: this.errexit, trap: this.trap };
    if (res.sh !== 'zsh') this.sh = res.sh;
    this.shName = res.sh === 'bash' ? 'bash' : 'sh';
    this.positional = res.positional;
    this.arg0 = res.name;
    this.errexit = res.errexit;
    if (!top) this.trap = { k: 'default' };
    this.depth++;
    try {
      return (this.status = this.execNode(node, tail));
    } catch (e) {
      if (e instanceof ExitSig && !tail) return (this.status = e.code);
      if (e instanceof LoopSig || e instanceof ReturnSig) return this.status;
      throw e;
    } finally {
      this.depth--;
      if (!tail) Object.assign(this, { sh: saved.sh, shName: saved.shName, positional: saved.pos, arg0: saved.arg0, errexit: saved.errexit, trap: saved.trap });
    }
  }
}
