// The executor: runs a parsed script — lists, and/or lists, pipelines, background jobs, groups and subshells,
// if, case, loops (shellLoops.ts), functions, [[ … ]] and simple commands (function → builtin → program) — over the
// shell's state, with the expander for words and the launcher for programs. Command substitution runs here too.
import type { Node } from './shellAst';
import type { Var } from './shellState';
import type { ShellState } from './shellState';
import type { Executor } from './shellControl';
import { globMatch } from './shellTest';
import { Expander } from './shellExpand';
import { ProcessLauncher } from './shellLaunch';
import { withRedirs } from './shellRedirs';
import { runBuiltin, testResult } from './shellBuiltins';
import { execFor, execWhile, loopPhase } from './shellLoops';
import { runPending, subshellTraps } from './shellTrap';
import { substitute } from './shellSubst';
import { ExitSig, ForeverSig, LoopSig, MAX_DEPTH, MAX_STEPS, ReturnSig } from './shellControl';

export class ScriptExecutor implements Executor {
  readonly x: Expander;
  readonly run: ProcessLauncher;

  constructor(readonly s: ShellState) {
    this.x = new Expander(s, (src) => this.substitute(src));
    this.run = new ProcessLauncher(s, this);
  }

  exec(n: Node, tail: boolean): number {
    return this.execNode(n, tail);
  }

  execNode(n: Node, tail: boolean): number {
    const st = this.execKind(n, tail);
    // A trapped signal that came while this command ran is handled now, between commands (POSIX 2.11).
    if (this.s.stop?.state === 'pending') runPending(this.s, this);
    return st;
  }

  private execKind(n: Node, tail: boolean): number {
    if (++this.s.steps > MAX_STEPS) {
      this.s.note('the script runs more commands than the simulator follows; assumed to keep running');
      throw new ForeverSig(loopPhase(this.s));
    }
    switch (n.t) {
      case 'simple':
        return this.execSimple(n, tail);
      case 'list':
        return this.execList(n.items, tail);
      case 'andor': {
        let st: number;
        const last = n.rest.length === 0;
        this.s.cond++;
        try {
          st = this.execNode(n.first, false);
        } finally {
          this.s.cond--;
        }
        if (last) return st;
        for (let i = 0; i < n.rest.length; i++) {
          const r = n.rest[i]!;
          if ((r.op === '&&') !== (st === 0)) continue;
          const isLast = i === n.rest.length - 1;
          if (isLast) st = this.execNode(r.node, tail);
          else {
            this.s.cond++;
            try {
              st = this.execNode(r.node, false);
            } finally {
              this.s.cond--;
            }
          }
        }
        return (this.s.status = st);
      }
      case 'pipe':
        return this.execPipe(n.cmds, n.bang);
      case 'group':
        return withRedirs(this.s, this.x, n.redirs, () =>
          n.subshell ? this.subshell(() => this.execNode(n.body, tail)) : this.execNode(n.body, tail),
        );
      case 'if': {
        for (const arm of n.arms) {
          this.s.cond++;
          let c: number;
          try {
            c = this.execNode(arm.cond, false);
          } finally {
            this.s.cond--;
          }
          if (c === 0) return this.execNode(arm.body, tail);
        }
        return n.else ? this.execNode(n.else, tail) : (this.s.status = 0);
      }
      case 'while':
        return execWhile(this, n);
      case 'for':
        return execFor(this, n);
      case 'case': {
        const w = this.x.word(n.word).join(' ');
        for (const arm of n.arms) {
          if (arm.patterns.some((p) => globMatch(this.x.pattern(p), w))) return this.execNode(arm.body, tail);
        }
        return (this.s.status = 0);
      }
      case 'func':
        this.s.funcs.set(n.name, n.body);
        return (this.s.status = 0);
      case 'test': {
        const args = n.words.map((w) => this.x.testWord(w));
        return testResult(this.s, args, true, n.text);
      }
    }
  }

  execList(items: { node: Node; bg: boolean }[], tail: boolean): number {
    let st = this.s.status;
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.bg) {
        this.background(it.node);
        st = 0;
      } else st = this.execNode(it.node, tail && i === items.length - 1);
    }
    return (this.s.status = st);
  }

  background(n: Node): void {
    const t0 = this.s.t;
    const saved = {
      phase: this.s.phase,
      status: this.s.status,
      vars: new Map(this.s.vars),
      stepMax: this.s.stepMax,
      waitMax: this.s.waitMax,
      traps: this.s.traps,
    };
    let end = Infinity;
    let code = 0;
    this.s.inBg++;
    this.s.traps = subshellTraps(saved.traps);
    try {
      code = this.execNode(n, false);
      end = this.s.t;
    } catch (e) {
      if (e instanceof ExitSig) {
        end = this.s.t;
        code = e.code;
      } else if (!(e instanceof ForeverSig || e instanceof LoopSig || e instanceof ReturnSig)) throw e;
    } finally {
      this.s.inBg--;
    }
    Object.assign(this.s, {
      t: t0,
      phase: saved.phase,
      status: saved.status,
      vars: saved.vars,
      stepMax: saved.stepMax,
      waitMax: saved.waitMax,
      traps: saved.traps,
    });
    const pid = ++this.s.lastPid;
    this.s.bg.push({ end, code, pid });
    this.s.vars.set('!', { value: String(pid), unknown: false });
  }

  execPipe(cmds: Node[], bang: boolean): number {
    const t0 = this.s.t;
    let tEnd = t0;
    let stdin = this.s.stdin;
    let st = 0;
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      this.s.t = t0;
      const savedIn = this.s.stdin;
      this.s.stdin = stdin;
      if (!last) this.s.cap.push({ out: '', unknown: false });
      let forever = false;
      try {
        st = this.subshell(() => this.execNode(cmds[i]!, false));
      } catch (e) {
        if (!(e instanceof ForeverSig) || last) {
          if (!last) this.s.cap.pop();
          this.s.stdin = savedIn;
          throw e;
        }
        forever = true;
      }
      this.s.stdin = savedIn;
      if (!last) {
        const c = this.s.cap.pop()!;
        stdin = { text: c.out, unknown: c.unknown || forever, forever };
      }
      tEnd = Math.max(tEnd, this.s.t);
    }
    this.s.t = tEnd;
    if (bang) st = st === 0 ? 1 : 0;
    return this.checkErrexit((this.s.status = st), bang);
  }

  checkErrexit(st: number, exempt = false): number {
    if (st !== 0 && this.s.errexit && this.s.cond === 0 && !exempt) throw new ExitSig(st);
    return st;
  }

  execSimple(n: Extract<Node, { t: 'simple' }>, tail: boolean): number {
    const argv: string[] = [];
    let unknownArgs = false;
    for (const w of n.words) {
      argv.push(...this.x.word(w));
      unknownArgs ||= this.x.lastUnknown;
    }
    if (argv.length === 0) {
      for (const a of n.assigns) this.x.assign(a.name, a.value);
      return withRedirs(this.s, this.x, n.redirs, () => this.s.status);
    }
    const saved = new Map<string, Var | undefined>();
    for (const a of n.assigns) {
      saved.set(a.name, this.s.vars.get(a.name));
      this.x.assign(a.name, a.value);
    }
    try {
      // With a trap set the shell must stay to run it, so it does not exec its last command (dash, ash, bash).
      const execd = tail && this.s.traps.size === 0;
      const st = withRedirs(this.s, this.x, n.redirs, () => this.command(argv, execd, unknownArgs));
      return this.checkErrexit(st);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) this.s.vars.delete(k);
        else this.s.vars.set(k, v);
      }
    }
  }

  command(argv: string[], tail: boolean, unknownArgs: boolean): number {
    const [a0, ...args] = argv as [string, ...string[]];
    const f = this.s.funcs.get(a0);
    if (f !== undefined) {
      if (this.s.depth > MAX_DEPTH) return (this.s.status = 0);
      const savedPos = this.s.positional;
      this.s.positional = args;
      this.s.depth++;
      try {
        return (this.s.status = this.execNode(f, false));
      } catch (e) {
        if (e instanceof ReturnSig) return (this.s.status = e.code);
        throw e;
      } finally {
        this.s.depth--;
        this.s.positional = savedPos;
      }
    }
    const b = runBuiltin({ s: this.s, ex: this, run: this.run }, a0, args, tail, unknownArgs);
    if (b !== undefined) return (this.s.status = b);
    return this.run.runArgv(argv, tail, false);
  }

  /** ( … ), pipeline stages and $(…): variables, cwd, traps and `set -e` come back afterwards; `exit` ends only the subshell. */
  subshell(f: () => number): number {
    const saved = { vars: new Map(this.s.vars), cwd: this.s.cwd, traps: this.s.traps, errexit: this.s.errexit };
    this.s.traps = subshellTraps(saved.traps);
    this.s.sub++;
    try {
      return f();
    } catch (e) {
      if (e instanceof ExitSig) return (this.s.status = e.code);
      throw e;
    } finally {
      this.s.sub--;
      Object.assign(this.s, saved);
    }
  }

  /** $(…) and `…` (shellSubst.ts). */
  substitute(src: string): { out: string; unknown: boolean } {
    return substitute(this, src);
  }
}
