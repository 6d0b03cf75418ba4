// Shell loops (`while`/`until`, `for`) and how the simulator recognises an endless loop that repeats: once two
// rounds in a row do the same thing, the loop is taken to run forever and its file changes repeat (`every`).
import type { Node } from './shellAst';
import type { ShellState } from './shellState';
import type { Expander } from './shellExpand';
import { evalTest } from './shellTest';
import type { Phase } from './shellControl';
import { ForeverSig, LoopSig, MAX_ITER } from './shellControl';
import { interruptLoop } from './shellTrap';

/** What a loop runs with: the state, the expander, and the executor for its condition and body. */
export interface LoopShell {
  s: ShellState;
  x: Expander;
  execNode(n: Node, tail: boolean): number;
}

function isConstTrue(n: Node): boolean {
  if (n.t !== 'simple' || n.redirs.length > 0 || n.assigns.length > 0) return false;
  const words = n.words.map((w) =>
    w.parts.every((p) => p.k === 'lit') ? w.parts.map((p) => (p.k === 'lit' ? p.v : '')).join('') : undefined,
  );
  if (words.some((w) => w === undefined)) return false;
  const [a, ...rest] = words as string[];
  if (a === 'true' || a === ':' || a === '/bin/true') return rest.length === 0 || a === ':';
  if (a === '[' || a === 'test')
    return (
      evalTest(
        rest.filter((x) => x !== ']').map((v) => ({ v, unknown: false })),
        { file: () => 'unknown', guess: () => true, varSet: () => false },
        false,
      ).code === 0 && !rest.some((x) => x.startsWith('-') && x.length === 2 && /[efdrwxs]/.test(x[1]!))
    );
  if (a === 'sleep') return rest.every((x) => /^\d+(\.\d+)?[smhd]?$/.test(x));
  return false;
}

function isConstFalse(n: Node): boolean {
  return n.t === 'simple' && n.redirs.length === 0 && n.words.length === 1 && /^(\/bin\/)?false$/.test(n.words[0]!.raw);
}

export function execWhile(sh: LoopShell, n: Extract<Node, { t: 'while' }>): number {
  const s = sh.s;
  const constant = n.until ? isConstFalse(n.cond) : isConstTrue(n.cond);
  const outerStep = s.stepMax;
  const outerWait = s.waitMax;
  s.stepMax = 0;
  s.waitMax = 0;
  let prev: { sig: string; opsStart: number; opsEnd: number; d: number } | undefined;
  let st = 0;
  try {
    for (let iter = 1; ; iter++) {
      if (iter > MAX_ITER) {
        s.note(`a loop ran ${MAX_ITER} rounds in the simulation without ending: assumed to run until stopped`);
        throw new ForeverSig(loopPhase(s));
      }
      const iterStart = s.t;
      const opsStart = s.files.length;
      const sleepsBefore = s.unknownSleeps;
      s.cond++;
      let c: number;
      try {
        c = sh.execNode(n.cond, false);
      } finally {
        s.cond--;
      }
      if ((c === 0) === n.until) break;
      try {
        st = sh.execNode(n.body, false);
      } catch (e) {
        if (!(e instanceof LoopSig)) throw e;
        if (e.n > 1) throw new LoopSig(e.kind, e.n - 1);
        if (e.kind === 'break') break;
      }
      // An endless loop repeats once two rounds in a row do the same (for a loop whose condition
      // does not look at state, like `while true`, variables may change: counters only show in the output).
      const d = s.t - iterStart;
      const sig =
        s.files
          .slice(opsStart)
          .map((f) => `${f.op}|${f.path}|${f.at - iterStart}`)
          .join(';') +
        `#${d}#${st}` +
        (constant ? '' : `#${s.fingerprint()}`);
      if (prev !== undefined && prev.sig === sig) {
        // Two identical rounds of an endless loop: the previous round repeats every d seconds.
        s.files.splice(opsStart);
        // A round that sleeps for an unknown time has an unknown length: its changes happen once as far as the
        // model knows (no rate is claimed), and it is no busy loop.
        if (s.unknownSleeps > sleepsBefore)
          s.note(
            'an endless loop that sleeps for a time the simulator does not know: how often it repeats is not known',
          );
        else if (d > 0) for (let i = prev.opsStart; i < prev.opsEnd; i++) s.files[i]!.every = d;
        else s.note('an endless loop without any sleep (busy loop): it runs until stopped');
        s.t = iterStart;
        // The stop signal's second run (shell.ts): the trap runs and the loop goes on from there.
        if (interruptLoop(s, { exec: (x, tail) => sh.execNode(x, tail) }, s.stepMax)) {
          prev = undefined;
          continue;
        }
        throw new ForeverSig(loopPhase(s));
      }
      prev = { sig, opsStart, opsEnd: s.files.length, d };
    }
  } finally {
    s.stepMax = Math.max(outerStep, s.stepMax);
    s.waitMax = Math.max(outerWait, s.waitMax);
  }
  return (s.status = st);
}

/** The phase of a script cut short (an endless loop, too many steps): a foreground step delays a trap; a loop that only `wait`s lets it run at once. */
export function loopPhase(s: ShellState): Phase {
  if (s.stepMax > 0) return { k: 'child', step: s.stepMax };
  return s.waitMax > 0 ? { k: 'wait' } : { k: 'child', step: Infinity };
}

export function execFor(sh: LoopShell, n: Extract<Node, { t: 'for' }>): number {
  const s = sh.s;
  let items: string[];
  if (n.words === undefined) items = s.positional;
  else {
    items = [];
    for (const w of n.words) items.push(...sh.x.word(w));
    if (sh.x.lastUnknown) s.note(`\`for ${n.name} in …\`: the list is not known; run once`);
  }
  let st = 0;
  for (const item of items.slice(0, MAX_ITER)) {
    s.vars.set(n.name, { value: item, unknown: sh.x.lastUnknown });
    try {
      st = sh.execNode(n.body, false);
    } catch (e) {
      if (!(e instanceof LoopSig)) throw e;
      if (e.n > 1) throw new LoopSig(e.kind, e.n - 1);
      if (e.kind === 'break') break;
    }
  }
  return (s.status = st);
}
