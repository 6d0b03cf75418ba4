// The syntax tree of a shell script, and the token-level operations of the parser that the compound-command
// parsing (shellCompound.ts) uses.
import type { Redir, Tok, Word } from './shellLex';

export type Node =
  | { t: 'simple'; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redir[]; text: string }
  | { t: 'pipe'; cmds: Node[]; bang: boolean }
  | { t: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { t: 'list'; items: { node: Node; bg: boolean }[] }
  | { t: 'while'; until: boolean; cond: Node; body: Node }
  | { t: 'for'; name: string; words: Word[] | undefined; body: Node }
  | { t: 'if'; arms: { cond: Node; body: Node }[]; else?: Node }
  | { t: 'case'; word: Word; arms: { patterns: Word[]; body: Node }[] }
  | { t: 'group'; body: Node; subshell: boolean; redirs: Redir[] }
  | { t: 'func'; name: string; body: Node }
  | { t: 'test'; words: Word[]; text: string };

/** The parser as compound-command parsing sees it (shellParse.ts implements it). */
export interface ParserOps {
  peek(): Tok;
  take(): Tok;
  isWord(t: Tok, v: string): boolean;
  isOp(t: Tok, v: string): boolean;
  expectWord(v: string): void;
  skipNl(): void;
  /** A list up to one of the `stop` reserved words. */
  list(stop: Set<string>): Node;
  command(): Node;
  redirs(): Redir[];
}
