// The shell lexer: words with their quoting and expansions ($VAR, ${VAR:-x}, $(…), `…`, $((…))), operators,
// here-documents and the special reading of [[ … ]]. Bounded: too many tokens → ParseError. Finding where a
// quoted or nested piece ends is shellScan.ts.
import { ansiC, findBacktick, findBrace, findClose } from './shellScan';

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

export class ParseError extends Error {}

const MAX_TOKENS = 40_000;

export type Tok =
  | { k: 'word'; w: Word; start: number }
  | { k: 'op'; v: string; fd?: number; start: number }
  | { k: 'nl'; start: number }
  | { k: 'eof'; start: number };

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const OPS = [
  '&>>',
  '<<-',
  '&&',
  '||',
  ';;',
  '&>',
  '>>',
  '>|',
  '>&',
  '<<',
  '<&',
  '<>',
  '|&',
  '|',
  '&',
  ';',
  '(',
  ')',
  '<',
  '>',
];
export const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  'for',
  'in',
  'case',
  'esac',
  '{',
  '}',
  '!',
  'function',
]);

export class Lexer {
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
    if (
      this.inTest &&
      (c === '<' || c === '>' || c === '(' || c === ')' || s.startsWith('&&', this.pos) || s.startsWith('||', this.pos))
    ) {
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
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$!#@*-])/.exec(s.slice(this.pos + 1, this.pos + 200));
    if (m) {
      parts.push({ k: 'var', name: m[0], op: '', q });
      this.pos += 1 + m[0].length;
      return;
    }
    lit('$', q);
    this.pos++;
  }
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
