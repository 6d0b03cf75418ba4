// A POSIX-shell (plus the common bash bits) parser for the scripts people put in `sh -c`: lists with ; & && ||
// and newlines, pipelines, redirections and here-documents, quoting, $VAR / ${VAR:-x} / $(…) / `…` / $((…)),
// if / while / until / for / case / { } / ( ) / functions and [[ … ]]. Bounded: it throws ParseError on input
// that is too long or too deeply nested, never loops forever.

export type Part =
  | { k: 'lit'; v: string; q: boolean }
  | { k: 'var'; name: string; op: string; arg?: Word; q: boolean }
  | { k: 'cmd'; src: string; q: boolean }
  | { k: 'arith'; src: string; q: boolean };

export interface Word {
  parts: Part[];
  /** The source text of the word. */
  raw: string;
}

export interface Redir {
  fd: number;
  op: string;
  target: Word;
  heredoc?: string;
}

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

export class ParseError extends Error {}

export const MAX_SCRIPT = 100_000;
const MAX_TOKENS = 40_000;
const MAX_DEPTH = 60;

type Tok = { k: 'word'; w: Word; start: number } | { k: 'op'; v: string; fd?: number; start: number } | { k: 'nl'; start: number } | { k: 'eof'; start: number };

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const OPS = ['&>>', '<<-', '&&', '||', ';;', '&>', '>>', '>|', '>&', '<<', '<&', '<>', '|&', '|', '&', ';', '(', ')', '<', '>'];
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', 'case', 'esac', '{', '}', '!', 'function']);

class Lexer {
  pos = 0;
  count = 0;
  inTest = false;
  /** The next word is the right side of `=~` inside [[ ]]: read raw up to whitespace. */
  regexNext = false;
  pending: { redir: Redir; delim: string; strip: boolean }[] = [];
  constructor(readonly src: string) {}

  next(): Tok {
    if (++this.count > MAX_TOKENS) throw new ParseError('script too long');
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const start = this.pos;
    if (this.pos >= s.length) return { k: 'eof', start };
    const c = s[this.pos]!;
    if (c === '\n') {
      this.pos++;
      this.readHeredocs();
      return { k: 'nl', start };
    }
    if (this.inTest && this.regexNext) {
      this.regexNext = false;
      let end = this.pos;
      while (end < s.length && !/[\s]/.test(s[end]!) && !s.startsWith(']]', end)) end++;
      const v = s.slice(this.pos, end);
      this.pos = end;
      return { k: 'word', w: { parts: [{ k: 'lit', v: v.replace(/^(['"])(.*)\1$/, '$2'), q: true }], raw: v }, start };
    }
    if (this.inTest && (c === '<' || c === '>' || c === '(' || c === ')' || s.startsWith('&&', this.pos) || s.startsWith('||', this.pos))) {
      const v = s.startsWith('&&', this.pos) || s.startsWith('||', this.pos) ? s.slice(this.pos, this.pos + 2) : c;
      this.pos += v.length;
      return { k: 'word', w: { parts: [{ k: 'lit', v, q: false }], raw: v }, start };
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { k: 'op', v: op, start };
      }
    }
    const w = this.word();
    // An all-digit word directly followed by < or > is a file descriptor number (2>&1).
    const nx = s[this.pos];
    if ((nx === '<' || nx === '>') && /^\d$/.test(w.raw)) {
      for (const op of OPS) {
        if ((op[0] === '<' || op[0] === '>') && s.startsWith(op, this.pos)) {
          this.pos += op.length;
          return { k: 'op', v: op, fd: Number(w.raw), start };
        }
      }
    }
    if (w.raw === '[[') this.inTest = true;
    if (w.raw === ']]') this.inTest = false;
    if (this.inTest && w.raw === '=~') this.regexNext = true;
    return { k: 'word', w, start };
  }

  private readHeredocs(): void {
    const s = this.src;
    for (const h of this.pending) {
      const lines: string[] = [];
      while (this.pos < s.length) {
        let end = s.indexOf('\n', this.pos);
        if (end < 0) end = s.length;
        let line = s.slice(this.pos, end);
        this.pos = Math.min(end + 1, s.length);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim) break;
        lines.push(line);
      }
      h.redir.heredoc = lines.length ? lines.join('\n') + '\n' : '';
    }
    this.pending = [];
  }

  /** One word, up to an unquoted metacharacter (or to the end with `noMeta`, for ${X:-…} arguments). */
  word(noMeta = false): Word {
    const s = this.src;
    const start = this.pos;
    const parts: Part[] = [];
    const lit = (v: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.k === 'lit' && last.q === q) last.v += v;
      else parts.push({ k: 'lit', v, q });
    };
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (META.has(c) && !noMeta) break;
      if (c === '\\') {
        const n = s[this.pos + 1];
        this.pos += 2;
        if (n === undefined) lit('\\', false);
        else if (n !== '\n') lit(n, true);
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        const stop = end < 0 ? s.length : end;
        lit(s.slice(this.pos + 1, stop), true);
        this.pos = stop + 1;
      } else if (c === '"') {
        this.pos++;
        this.doubleQuoted(parts, lit);
      } else if (c === '$' && s[this.pos + 1] === "'") {
        const end = s.indexOf("'", this.pos + 2);
        const stop = end < 0 ? s.length : end;
        lit(ansiC(s.slice(this.pos + 2, stop)), true);
        this.pos = stop + 1;
      } else if (c === '$') {
        this.dollar(parts, lit, false);
      } else if (c === '`') {
        const end = findBacktick(s, this.pos + 1);
        parts.push({ k: 'cmd', src: s.slice(this.pos + 1, end).replace(/\\([`$\\])/g, '$1'), q: false });
        this.pos = end + 1;
      } else {
        lit(c, false);
        this.pos++;
      }
    }
    return { parts, raw: s.slice(start, this.pos) };
  }

  doubleQuoted(parts: Part[], lit: (v: string, q: boolean) => void): void {
    const s = this.src;
    let any = false;
    while (this.pos < s.length && s[this.pos] !== '"') {
      const c = s[this.pos]!;
      any = true;
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n !== undefined && '$`"\\\n'.includes(n)) {
          if (n !== '\n') lit(n, true);
          this.pos += 2;
        } else {
          lit('\\', true);
          this.pos++;
        }
      } else if (c === '$') {
        this.dollar(parts, lit, true);
      } else if (c === '`') {
        const end = findBacktick(s, this.pos + 1);
        parts.push({ k: 'cmd', src: s.slice(this.pos + 1, end).replace(/\\([`$\\"])/g, '$1'), q: true });
        this.pos = end + 1;
      } else {
        lit(c, true);
        this.pos++;
      }
    }
    if (!any) lit('', true);
    this.pos++;
  }

  private dollar(parts: Part[], lit: (v: string, q: boolean) => void, q: boolean): void {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === '(' && s[this.pos + 2] === '(') {
      const end = findClose(s, this.pos + 3, 2);
      if (end >= 0 && s[end + 1] === ')') {
        parts.push({ k: 'arith', src: s.slice(this.pos + 3, end), q });
        this.pos = end + 2;
        return;
      }
    }
    if (n === '(') {
      let end = findClose(s, this.pos + 2, 1);
      if (end < 0) end = s.length;
      parts.push({ k: 'cmd', src: s.slice(this.pos + 2, end), q });
      this.pos = end + 1;
      return;
    }
    if (n === '{') {
      let end = findBrace(s, this.pos + 2);
      if (end < 0) end = s.length;
      parts.push(braceVar(s.slice(this.pos + 2, end), q));
      this.pos = end + 1;
      return;
    }
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$!#@*\-])/.exec(s.slice(this.pos + 1, this.pos + 200));
    if (m) {
      parts.push({ k: 'var', name: m[0], op: '', q });
      this.pos += 1 + m[0].length;
      return;
    }
    lit('$', q);
    this.pos++;
  }
}

function ansiC(s: string): string {
  return s.replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', e: '\x1b', a: '\x07' } as Record<string, string>)[ch] ?? '\\' + ch);
}

function findBacktick(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '`') return i;
  }
  return s.length;
}

/** Index of the `)` closing `depth` open parentheses, skipping quotes; -1 if none. */
function findClose(s: string, from: number, depth: number): number {
  let d = depth;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const e = s.indexOf("'", i + 1);
      if (e < 0) return -1;
      i = e;
    } else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '(') d++;
    else if (c === ')') {
      d--;
      if (d === 0 || (depth === 2 && d === 1 && s[i + 1] === ')')) return i;
    }
  }
  return -1;
}

function findBrace(s: string, from: number): number {
  let d = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '{') d++;
    else if (c === '}' && --d === 0) return i;
  }
  return -1;
}

function braceVar(inner: string, q: boolean): Part {
  if (/^#[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) return { k: 'var', name: inner.slice(1), op: '#len', q };
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$!#@*])(.*)$/s.exec(inner);
  if (!m) return { k: 'lit', v: '${' + inner + '}', q };
  const name = m[1]!;
  const rest = m[2]!;
  if (rest === '') return { k: 'var', name, op: '', q };
  const om = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/|:|\[)/.exec(rest);
  if (!om) return { k: 'var', name, op: '?bad', q };
  const op = om[1]!;
  const argSrc = rest.slice(op.length);
  const arg = new Lexer(argSrc).word(true);
  if (q) for (const p of arg.parts) p.q = true;
  return { k: 'var', name, op, arg, q };
}

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

/** Text of a word when it has no expansions (reserved-word checks, heredoc delimiters). */
export function literalOf(w: Word): string | undefined {
  let s = '';
  for (const p of w.parts) {
    if (p.k !== 'lit') return undefined;
    s += p.v;
  }
  return s;
}
