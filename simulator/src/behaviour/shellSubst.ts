// Command substitution, $(…) and `…`: the text runs in a subshell and its standard output, without the
// trailing newlines, becomes part of the word. A substitution that never ends (or cannot be read) gives an
// unknown value rather than a guess.
import type { Node } from './shellAst';
import type { ShellState } from './shellState';
import { parseScript } from './shellParse';
import { ForeverSig, LoopSig, MAX_DEPTH, ReturnSig } from './shellControl';

/** What command substitution needs from the executor (shellExec.ts). */
interface Runs {
  readonly s: ShellState;
  execNode(n: Node, tail: boolean): number;
  subshell(f: () => number): number;
}

export function substitute(ex: Runs, src: string): { out: string; unknown: boolean } {
  const s = ex.s;
  if (s.depth > MAX_DEPTH) return { out: '', unknown: true };
  let node: Node;
  try {
    node = parseScript(src);
  } catch {
    return { out: '', unknown: true };
  }
  s.cap.push({ out: '', unknown: false });
  const savedStatus = s.status;
  let unknown = false;
  s.depth++;
  const savedCond = s.cond;
  try {
    ex.subshell(() => ex.execNode(node, false));
  } catch (e) {
    if (e instanceof ForeverSig) unknown = true;
    else if (!(e instanceof LoopSig || e instanceof ReturnSig)) {
      s.cap.pop();
      s.depth--;
      throw e;
    }
  } finally {
    s.cond = savedCond;
  }
  s.depth--;
  const c = s.cap.pop()!;
  const st = s.status;
  s.status = unknown ? savedStatus : st;
  return { out: c.out.replace(/\n+$/, ''), unknown: unknown || c.unknown };
}
