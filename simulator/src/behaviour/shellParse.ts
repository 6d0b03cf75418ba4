// A POSIX-shell (plus the common bash bits) parser for the scripts people put in `sh -c`: lists with ; & && ||
// and newlines, pipelines, redirections and here-documents, if / while / until / for / case / { } / ( ) /
// functions and [[ … ]]. Bounded: it throws ParseError on input that is too long or too deeply nested.
import type { Redir, Tok, Word } from './shellLex';
import type { Node, ParserOps } from './shellAst';
import { Lexer, ParseError, RESERVED } from './shellLex';
import { compound } from './shellCompound';

export type { Redir, Word } from './shellLex';
export type { Node } from './shellAst';
export { ParseError } from './shellLex';

const MAX_SCRIPT = 100_000;
const MAX_DEPTH = 60;

// ---- parser ----------------------------------------------------------------------------------------------

class Parser implements ParserOps {
  private lx: Lexer;
  private peeked: Tok | undefined;
  private depth = 0;
  constructor(readonly src: string) {
    this.lx = new Lexer(src);
  }

  peek(): Tok {
    if (this.peeked === undefined) this.peeked = this.lx.next();
    return this.peeked;
  }
  take(): Tok {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }
  isWord(t: Tok, v: string): boolean {
    return t.k === 'word' && t.w.raw === v;
  }
  isOp(t: Tok, v: string): boolean {
    return t.k === 'op' && t.v === v && t.fd === undefined;
  }
  expectWord(v: string): void {
    const t = this.take();
    if (!this.isWord(t, v)) throw new ParseError(`expected \`${v}\``);
  }
  skipNl(): void {
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

  list(stop: Set<string>): Node {
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

  command(): Node {
    this.enter();
    const t = this.peek();
    let node: Node;
    if (
      t.k === 'word' &&
      t.w.parts.length === 1 &&
      t.w.parts[0]!.k === 'lit' &&
      !t.w.parts[0]!.q &&
      RESERVED.has(t.w.raw)
    ) {
      node = compound(this, t.w.raw);
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

  redirs(): Redir[] {
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
