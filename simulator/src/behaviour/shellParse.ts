// A POSIX-shell (plus the common bash bits) parser for the scripts people put in `sh -c`: lists with ; & && ||
// and newlines, pipelines, redirections and here-documents, if / while / until / for / case / { } / ( ) /
// functions and [[ … ]]. Bounded: it throws ParseError on input that is too long or too deeply nested.
import type { Redir, Tok, Word } from './shellLex';
import { Lexer, ParseError, RESERVED } from './shellLex';

export type { Part, Redir, Word } from './shellLex';
export { ParseError } from './shellLex';

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

export const MAX_SCRIPT = 100_000;
const MAX_DEPTH = 60;

// ---- parser ----------------------------------------------------------------------------------------------

class Parser {
  private lx: Lexer;
  private peeked: Tok | undefined;
  private depth = 0;
  constructor(readonly src: string) {
    this.lx = new Lexer(src);
  }

  private peek(): Tok {
    if (this.peeked === undefined) this.peeked = this.lx.next();
    return this.peeked;
  }
  private take(): Tok {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }
  private isWord(t: Tok, v: string): boolean {
    return t.k === 'word' && t.w.raw === v;
  }
  private isOp(t: Tok, v: string): boolean {
    return t.k === 'op' && t.v === v && t.fd === undefined;
  }
  private expectWord(v: string): void {
    const t = this.take();
    if (!this.isWord(t, v)) throw new ParseError(`expected \`${v}\``);
  }
  private skipNl(): void {
    while (this.peek().k === 'nl') this.take();
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ParseError('script nested too deeply');
  }

  program(): Node {
    const l = this.list(new Set());
    if (this.peek().k !== 'eof') throw new ParseError(`unexpected ${describe(this.peek())}`);
    return l;
  }

  private list(stop: Set<string>): Node {
    this.enter();
    const items: { node: Node; bg: boolean }[] = [];
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (t.k === 'eof' || this.isOp(t, ')') || this.isOp(t, ';;')) break;
      if (t.k === 'word' && stop.has(t.w.raw)) break;
      if (t.k === 'op' && (t.v === ';' || t.v === '&')) {
        this.take();
        continue;
      }
      const node = this.andOr();
      const sep = this.peek();
      let bg = false;
      if (this.isOp(sep, '&')) {
        bg = true;
        this.take();
      } else if (this.isOp(sep, ';') || sep.k === 'nl') this.take();
      items.push({ node, bg });
    }
    this.depth--;
    return items.length === 1 && !items[0]!.bg ? items[0]!.node : { t: 'list', items };
  }

  private andOr(): Node {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; node: Node }[] = [];
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '&&') || this.isOp(t, '||')) {
        this.take();
        this.skipNl();
        rest.push({ op: (t as { v: '&&' | '||' }).v, node: this.pipeline() });
      } else break;
    }
    return rest.length ? { t: 'andor', first, rest } : first;
  }

  private pipeline(): Node {
    let bang = false;
    while (this.isWord(this.peek(), '!')) {
      this.take();
      bang = !bang;
    }
    const cmds = [this.command()];
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '|') || this.isOp(t, '|&')) {
        this.take();
        this.skipNl();
        cmds.push(this.command());
      } else break;
    }
    return cmds.length === 1 && !bang ? cmds[0]! : { t: 'pipe', cmds, bang };
  }

  private command(): Node {
    this.enter();
    const t = this.peek();
    let node: Node;
    if (t.k === 'word' && t.w.parts.length === 1 && t.w.parts[0]!.k === 'lit' && !t.w.parts[0]!.q && RESERVED.has(t.w.raw)) {
      node = this.compound(t.w.raw);
    } else if (this.isOp(t, '(')) {
      this.take();
      const body = this.list(new Set());
      if (!this.isOp(this.take(), ')')) throw new ParseError('expected `)`');
      node = { t: 'group', body, subshell: true, redirs: this.redirs() };
    } else if (this.isWord(t, '[[')) {
      node = this.testCmd();
    } else {
      node = this.simple();
    }
    this.depth--;
    return node;
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || !isRedirOp(t.v)) return out;
      out.push(this.redir());
    }
  }

  private redir(): Redir {
    const t = this.take() as { v: string; fd?: number };
    const target = this.take();
    if (target.k !== 'word') throw new ParseError(`missing target after \`${t.v}\``);
    const fd = t.fd ?? (t.v.startsWith('<') ? 0 : 1);
    const r: Redir = { fd, op: t.v, target: target.w };
    if (t.v === '<<' || t.v === '<<-') {
      const delim = target.w.parts.map((p) => (p.k === 'lit' ? p.v : '')).join('');
      this.lx.pending.push({ redir: r, delim, strip: t.v === '<<-' });
    }
    return r;
  }

  private testCmd(): Node {
    const start = this.peek().start;
    const words: Word[] = [];
    this.take();
    for (;;) {
      const t = this.take();
      if (t.k === 'eof' || t.k === 'nl') throw new ParseError('missing `]]`');
      if (t.k === 'word' && t.w.raw === ']]') break;
      if (t.k === 'word') words.push(t.w);
    }
    return { t: 'test', words, text: this.src.slice(start, this.lx.pos).trim() };
  }

  private simple(): Node {
    const start = this.peek().start;
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === 'op' && isRedirOp(t.v)) {
        redirs.push(this.redir());
        continue;
      }
      if (t.k !== 'word') break;
      this.take();
      const am = words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(t.w.raw) : null;
      if (am && t.w.parts[0]?.k === 'lit' && !t.w.parts[0].q) {
        assigns.push({ name: am[1]!, value: dropPrefix(t.w, am[0].length) });
        continue;
      }
      // name() { …; }: a function definition.
      if (words.length === 0 && assigns.length === 0 && this.isOp(this.peek(), '(')) {
        this.take();
        if (!this.isOp(this.take(), ')')) throw new ParseError('expected `)` in function definition');
        this.skipNl();
        return { t: 'func', name: t.w.raw, body: this.command() };
      }
      words.push(t.w);
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) {
      throw new ParseError(`syntax error near ${describe(this.peek())}`);
    }
    return { t: 'simple', assigns, words, redirs, text: this.src.slice(start, this.lx.pos).trim() };
  }

  private compound(w: string): Node {
    switch (w) {
      case '{': {
        this.take();
        const body = this.list(new Set(['}']));
        this.expectWord('}');
        return { t: 'group', body, subshell: false, redirs: this.redirs() };
      }
      case 'if': {
        this.take();
        const arms: { cond: Node; body: Node }[] = [];
        let elseNode: Node | undefined;
        for (;;) {
          const cond = this.list(new Set(['then']));
          this.expectWord('then');
          const body = this.list(new Set(['elif', 'else', 'fi']));
          arms.push({ cond, body });
          const t = this.take();
          if (this.isWord(t, 'elif')) continue;
          if (this.isWord(t, 'else')) {
            elseNode = this.list(new Set(['fi']));
            this.expectWord('fi');
          } else if (!this.isWord(t, 'fi')) throw new ParseError('expected `fi`');
          break;
        }
        this.redirs();
        return elseNode ? { t: 'if', arms, else: elseNode } : { t: 'if', arms };
      }
      case 'while':
      case 'until': {
        this.take();
        const cond = this.list(new Set(['do']));
        this.expectWord('do');
        const body = this.list(new Set(['done']));
        this.expectWord('done');
        this.redirs();
        return { t: 'while', until: w === 'until', cond, body };
      }
      case 'for': {
        this.take();
        const nameTok = this.take();
        if (nameTok.k !== 'word') throw new ParseError('expected a name after `for`');
        let words: Word[] | undefined;
        this.skipNl();
        if (this.isWord(this.peek(), 'in')) {
          this.take();
          words = [];
          for (;;) {
            const t = this.peek();
            if (t.k !== 'word') break;
            words.push(t.w);
            this.take();
          }
        }
        const sep = this.peek();
        if (this.isOp(sep, ';') || sep.k === 'nl') this.take();
        this.skipNl();
        let body: Node;
        if (this.isWord(this.peek(), '{')) body = this.command();
        else {
          this.expectWord('do');
          body = this.list(new Set(['done']));
          this.expectWord('done');
        }
        this.redirs();
        return { t: 'for', name: nameTok.w.raw, words, body };
      }
      case 'case': {
        this.take();
        const wt = this.take();
        if (wt.k !== 'word') throw new ParseError('expected a word after `case`');
        this.skipNl();
        this.expectWord('in');
        const arms: { patterns: Word[]; body: Node }[] = [];
        for (;;) {
          this.skipNl();
          if (this.isWord(this.peek(), 'esac')) {
            this.take();
            break;
          }
          if (this.isOp(this.peek(), '(')) this.take();
          const patterns: Word[] = [];
          for (;;) {
            const p = this.take();
            if (p.k !== 'word') throw new ParseError('expected a pattern in `case`');
            patterns.push(p.w);
            const sep = this.take();
            if (this.isOp(sep, ')')) break;
            if (!this.isOp(sep, '|')) throw new ParseError('expected `)` in `case`');
          }
          const body = this.list(new Set(['esac']));
          arms.push({ patterns, body });
          if (this.isOp(this.peek(), ';;')) this.take();
        }
        this.redirs();
        return { t: 'case', word: wt.w, arms };
      }
      case 'function': {
        this.take();
        const nameTok = this.take();
        if (nameTok.k !== 'word') throw new ParseError('expected a function name');
        if (this.isOp(this.peek(), '(')) {
          this.take();
          this.take();
        }
        this.skipNl();
        return { t: 'func', name: nameTok.w.raw, body: this.command() };
      }
      default:
        throw new ParseError(`syntax error: unexpected \`${w}\``);
    }
  }
}

function isRedirOp(v: string): boolean {
  return v.startsWith('<') || v.startsWith('>') || v === '&>' || v === '&>>';
}

function dropPrefix(w: Word, n: number): Word {
  const parts = w.parts.map((p) => ({ ...p }));
  const first = parts[0];
  if (first && first.k === 'lit') {
    first.v = first.v.slice(n);
    if (first.v === '' && parts.length > 1) parts.shift();
  }
  return { parts, raw: w.raw.slice(n) };
}

function describe(t: Tok): string {
  if (t.k === 'eof') return 'end of script';
  if (t.k === 'nl') return 'newline';
  if (t.k === 'op') return `\`${t.v}\``;
  return `\`${t.w.raw}\``;
}

/** Parse a script; throws ParseError (with a readable message) on syntax errors or oversized input. */
export function parseScript(src: string): Node {
  if (src.length > MAX_SCRIPT) throw new ParseError(`script longer than ${MAX_SCRIPT} characters`);
  return new Parser(src).program();
}

