// Interpreting a container's command line (and `sh -c` scripts) on a simulated clock: what the process does
// over time (files, ports, exit) and how it reacts to the stop signal (who is PID 1, traps). The same
// interpreter runs exec probes and hooks (mode 'exec'), where it reports output, exit code and duration.
//
// Rules (image-catalog.md §0, §3): command replaces ENTRYPOINT, args replaces CMD; busybox ash, dash and bash
// exec the last simple command of `-c` when no trap is set; a shell or `sleep` as PID 1 ignores SIGTERM;
// `trap … TERM` runs only after the foreground command ends, but interrupts `wait` at once.
import type { FileOp, HttpChange, ListenSpec, StopBehaviour } from './types';
import type { CmdResult, ProgCtx, ProgramRun, Resolution, SignalHandling } from './internal';
import type { Node } from './shellParse';
import { defaultActionCode, knownTools } from './catalog';
import { ParseError, parseScript } from './shellParse';
import { runUtility } from './commands';
import { base, resolveProgram, unknownProgram } from './programs';
import { evalTest, globMatch } from './shellTest';
import { ShellBuiltins } from './shellBuiltins';
import type { Var } from './shellState';
import { ExitSig, ForeverSig, LoopSig, MAX_DEPTH, MAX_ITER, MAX_OPS, MAX_STEPS, MAX_TIME, ReturnSig, STANDALONE, StartErr } from './shellState';

export type { EnvVal, InterpOptions, World } from './shellState';

export interface RunOutcome {
  /** Undefined: runs until stopped. */
  end?: { at: number; code: number; message?: string };
  onStop: StopBehaviour;
  files: FileOp[];
  listen: ListenSpec[];
  http?: { routes: Record<string, number>; defaultStatus: number };
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

export class Interp extends ShellBuiltins {

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


  protected execNode(n: Node, tail: boolean): number {
    if (++this.steps > MAX_STEPS) {
      this.note('the script runs more commands than the simulator follows; assumed to keep running');
      throw new ForeverSig({ k: 'child', step: this.stepMax || Infinity });
    }
    switch (n.t) {
      case 'simple':
        return this.execSimple(n, tail);
      case 'list':
        return this.execList(n.items, tail);
      case 'andor': {
        let st: number;
        const last = n.rest.length === 0;
        this.cond++;
        try {
          st = this.execNode(n.first, false);
        } finally {
          this.cond--;
        }
        if (last) return st;
        for (let i = 0; i < n.rest.length; i++) {
          const r = n.rest[i]!;
          if ((r.op === '&&') !== (st === 0)) continue;
          const isLast = i === n.rest.length - 1;
          if (isLast) st = this.execNode(r.node, tail);
          else {
            this.cond++;
            try {
              st = this.execNode(r.node, false);
            } finally {
              this.cond--;
            }
          }
        }
        return (this.status = st);
      }
      case 'pipe':
        return this.execPipe(n.cmds, n.bang);
      case 'group':
        return this.withRedirs(n.redirs, () => (n.subshell ? this.subshell(() => this.execNode(n.body, tail)) : this.execNode(n.body, tail)));
      case 'if': {
        for (const arm of n.arms) {
          this.cond++;
          let c: number;
          try {
            c = this.execNode(arm.cond, false);
          } finally {
            this.cond--;
          }
          if (c === 0) return this.execNode(arm.body, tail);
        }
        return n.else ? this.execNode(n.else, tail) : (this.status = 0);
      }
      case 'while':
        return this.execWhile(n);
      case 'for':
        return this.execFor(n);
      case 'case': {
        const w = this.expandWord(n.word).join(' ');
        for (const arm of n.arms) {
          if (arm.patterns.some((p) => globMatch(this.expandPattern(p), w))) return this.execNode(arm.body, tail);
        }
        return (this.status = 0);
      }
      case 'func':
        this.funcs.set(n.name, n.body);
        return (this.status = 0);
      case 'test': {
        const args = n.words.map((w) => this.expandTestWord(w));
        return this.testResult(args, true, n.text);
      }
    }
  }

  protected execList(items: { node: Node; bg: boolean }[], tail: boolean): number {
    let st = this.status;
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.bg) {
        this.background(it.node);
        st = 0;
      } else st = this.execNode(it.node, tail && i === items.length - 1);
    }
    return (this.status = st);
  }

  protected background(n: Node): void {
    const t0 = this.t;
    const saved = { phase: this.phase, status: this.status, vars: new Map(this.vars), stepMax: this.stepMax, trap: this.trap };
    let end = Infinity;
    let code = 0;
    try {
      code = this.execNode(n, false);
      end = this.t;
    } catch (e) {
      if (e instanceof ExitSig) {
        end = this.t;
        code = e.code;
      } else if (!(e instanceof ForeverSig || e instanceof LoopSig || e instanceof ReturnSig)) throw e;
    }
    Object.assign(this, { t: t0, phase: saved.phase, status: saved.status, vars: saved.vars, stepMax: saved.stepMax, trap: saved.trap });
    this.bg.push({ end, code });
    this.vars.set('!', { value: String(100 + this.bg.length), unknown: false });
  }

  protected execPipe(cmds: Node[], bang: boolean): number {
    const t0 = this.t;
    let tEnd = t0;
    let stdin = this.stdin;
    let st = 0;
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      this.t = t0;
      const savedIn = this.stdin;
      this.stdin = stdin;
      if (!last) this.cap.push({ out: '', unknown: false });
      let forever = false;
      try {
        st = this.subshell(() => this.execNode(cmds[i]!, false));
      } catch (e) {
        if (!(e instanceof ForeverSig) || last) {
          if (!last) this.cap.pop();
          this.stdin = savedIn;
          throw e;
        }
        forever = true;
      }
      this.stdin = savedIn;
      if (!last) {
        const c = this.cap.pop()!;
        stdin = { text: c.out, unknown: c.unknown || forever, forever };
      }
      tEnd = Math.max(tEnd, this.t);
    }
    this.t = tEnd;
    if (bang) st = st === 0 ? 1 : 0;
    return this.checkErrexit((this.status = st), bang);
  }

  protected checkErrexit(st: number, exempt = false): number {
    if (st !== 0 && this.errexit && this.cond === 0 && !exempt) throw new ExitSig(st);
    return st;
  }

  protected isConstTrue(n: Node): boolean {
    if (n.t !== 'simple' || n.redirs.length > 0 || n.assigns.length > 0) return false;
    const words = n.words.map((w) => (w.parts.every((p) => p.k === 'lit') ? w.parts.map((p) => (p.k === 'lit' ? p.v : '')).join('') : undefined));
    if (words.some((w) => w === undefined)) return false;
    const [a, ...rest] = words as string[];
    if (a === 'true' || a === ':' || a === '/bin/true') return rest.length === 0 || a === ':';
    if (a === '[' || a === 'test') return evalTest(rest.filter((x) => x !== ']').map((v) => ({ v, unknown: false })), { file: () => 'unknown', guess: () => true, varSet: () => false }, false).code === 0 && !rest.some((x) => x.startsWith('-') && x.length === 2 && /[efdrwxs]/.test(x[1]!));
    if (a === 'sleep') return rest.every((x) => /^\d+(\.\d+)?[smhd]?$/.test(x));
    return false;
  }

  protected isConstFalse(n: Node): boolean {
    return n.t === 'simple' && n.redirs.length === 0 && n.words.length === 1 && /^(\/bin\/)?false$/.test(n.words[0]!.raw);
  }

  /** The shell variables, as a fingerprint of the loop state. */
  protected varState(): string {
    let s = '';
    for (const [k, v] of this.vars) if (k !== '!' && s.length < 20_000) s += `${k}=${v.value ?? ''}${v.unknown ? '?' : ''}\u0000`;
    return s + this.cwd;
  }

  protected execWhile(n: Extract<Node, { t: 'while' }>): number {
    const constant = n.until ? this.isConstFalse(n.cond) : this.isConstTrue(n.cond);
    const outerStep = this.stepMax;
    this.stepMax = 0;
    let prev: { sig: string; opsStart: number; opsEnd: number; d: number } | undefined;
    let st = 0;
    try {
      for (let iter = 1; ; iter++) {
        if (iter > MAX_ITER) {
          this.note(`a loop ran ${MAX_ITER} rounds in the simulation without ending: assumed to run until stopped`);
          throw new ForeverSig({ k: 'child', step: this.stepMax || Infinity });
        }
        const iterStart = this.t;
        const opsStart = this.files.length;
        this.cond++;
        let c: number;
        try {
          c = this.execNode(n.cond, false);
        } finally {
          this.cond--;
        }
        if ((c === 0) === n.until) break;
        try {
          st = this.execNode(n.body, false);
        } catch (e) {
          if (!(e instanceof LoopSig)) throw e;
          if (e.n > 1) throw new LoopSig(e.kind, e.n - 1);
          if (e.kind === 'break') break;
        }
        // An endless loop repeats once two rounds in a row do the same (for a loop whose condition
        // does not look at state, like `while true`, variables may change: counters only show in the output).
        const d = this.t - iterStart;
        const sig = this.files.slice(opsStart).map((f) => `${f.op}|${f.path}|${f.at - iterStart}`).join(';') + `#${d}#${st}` + (constant ? '' : `#${this.varState()}`);
        if (prev !== undefined && prev.sig === sig) {
          // Two identical rounds of an endless loop: the previous round repeats every d seconds.
          this.files.splice(opsStart);
          if (d > 0) for (let i = prev.opsStart; i < prev.opsEnd; i++) this.files[i]!.every = d;
          else this.note('an endless loop without any sleep (busy loop): it runs until stopped');
          this.t = iterStart;
          throw new ForeverSig({ k: 'child', step: this.stepMax > 0 ? this.stepMax : Infinity });
        }
        prev = { sig, opsStart, opsEnd: this.files.length, d };
      }
    } finally {
      this.stepMax = Math.max(outerStep, this.stepMax);
    }
    return (this.status = st);
  }

  protected execFor(n: Extract<Node, { t: 'for' }>): number {
    let items: string[];
    if (n.words === undefined) items = this.positional;
    else {
      items = [];
      for (const w of n.words) items.push(...this.expandWord(w));
      if (this.lastUnknown) this.note(`\`for ${n.name} in …\`: the list is not known; run once`);
    }
    let st = 0;
    for (const item of items.slice(0, MAX_ITER)) {
      this.vars.set(n.name, { value: item, unknown: this.lastUnknown });
      try {
        st = this.execNode(n.body, false);
      } catch (e) {
        if (!(e instanceof LoopSig)) throw e;
        if (e.n > 1) throw new LoopSig(e.kind, e.n - 1);
        if (e.kind === 'break') break;
      }
    }
    return (this.status = st);
  }


  protected execSimple(n: Extract<Node, { t: 'simple' }>, tail: boolean): number {
    const argv: string[] = [];
    let unknownArgs = false;
    for (const w of n.words) {
      argv.push(...this.expandWord(w));
      unknownArgs ||= this.lastUnknown;
    }
    if (argv.length === 0) {
      for (const a of n.assigns) this.setVar(a.name, a.value);
      return this.withRedirs(n.redirs, () => this.status);
    }
    const saved = new Map<string, Var | undefined>();
    for (const a of n.assigns) {
      saved.set(a.name, this.vars.get(a.name));
      this.setVar(a.name, a.value);
    }
    try {
      const execd = tail && this.trap.k === 'default';
      const st = this.withRedirs(n.redirs, () => this.command(argv, execd, unknownArgs));
      return this.checkErrexit(st);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
      }
    }
  }

  protected command(argv: string[], tail: boolean, unknownArgs: boolean): number {
    const [a0, ...args] = argv as [string, ...string[]];
    const f = this.funcs.get(a0);
    if (f !== undefined) {
      if (this.depth > MAX_DEPTH) return (this.status = 0);
      const savedPos = this.positional;
      this.positional = args;
      this.depth++;
      try {
        return (this.status = this.execNode(f, false));
      } catch (e) {
        if (e instanceof ReturnSig) return (this.status = e.code);
        throw e;
      } finally {
        this.depth--;
        this.positional = savedPos;
      }
    }
    const b = this.builtin(a0, args, tail, unknownArgs);
    if (b !== undefined) return (this.status = b);
    return this.runArgv(argv, tail, false);
  }
}
