// The interpreter core: executing a parsed script (lists, and/or, pipes, groups, if, case, functions, simple commands).
import type { Node } from './shellParse';
import { globMatch } from './shellTest';
import { ShellLoops } from './shellLoops';
import type { Var } from './shellState';
import { ExitSig, ForeverSig, LoopSig, MAX_DEPTH, MAX_STEPS, ReturnSig } from './shellState';

export abstract class ShellScript extends ShellLoops {
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
