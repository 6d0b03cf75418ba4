// Shell loops (`while`/`until`, `for`) and how the simulator recognises an endless loop that repeats.
import type { Node } from './shellParse';
import { evalTest } from './shellTest';
import { ShellProcess } from './shellProcess';
import { ForeverSig, LoopSig, MAX_ITER } from './shellState';

export abstract class ShellLoops extends ShellProcess {
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
}
