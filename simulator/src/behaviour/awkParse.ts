// The parser of awk.ts's small awk: tokens (a slash starts a regex where an operand is expected), rules
// (BEGIN, END, pattern, action), statements and expressions with awk's precedence. Unsupported syntax throws
// `Unsupported`, and the caller leaves the program's output unknown.
export type Val = string | number;
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'assign'; op: string; to: Expr; e: Expr }
  | { k: 'incr'; op: string; pre: boolean; to: Expr }
  | { k: 'call'; name: string; args: Expr[] };
export type Stmt =
  | { k: 'print'; args: Expr[]; f: boolean }
  | { k: 'if'; c: Expr; t: Stmt[]; e: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e?: Expr }
  | { k: 'expr'; e: Expr };
export interface Rule {
  when: 'BEGIN' | 'END' | Expr | undefined;
  body: Stmt[] | undefined;
}

export class Unsupported extends Error {}
const TOKEN =
  /(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|("(?:[^"\\]|\\.)*")|([A-Za-z_]\w*)|(\+\+|--|\+=|-=|\*=|\/=|==|!=|<=|>=|!~|&&|\|\||[-+*/%<>!~=(){};,$?:\n]))/y;

export function tokenize(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (ch === '\n') {
      out.push('\n');
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const prev = out[out.length - 1];
    // A slash starts a regex where an operand is expected.
    if (src[i] === '/' && (prev === undefined || /^([-+*/%<>!~=(){};,?:\n]|&&|\|\||==|!=|<=|>=|!~)$/.test(prev))) {
      let j = i + 1;
      while (j < src.length && src[j] !== '/') j += src[j] === '\\' ? 2 : 1;
      out.push('/' + src.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) throw new Unsupported();
    out.push(m[0]);
    i = TOKEN.lastIndex;
  }
  return out;
}

export class Parser {
  i = 0;
  constructor(readonly t: string[]) {}
  peek = () => this.t[this.i];
  eat(v: string): boolean {
    if (this.t[this.i] !== v) return false;
    this.i++;
    return true;
  }
  want(v: string): void {
    if (!this.eat(v)) throw new Unsupported();
  }
  skipNl(): void {
    while (this.peek() === '\n' || this.peek() === ';') this.i++;
  }
  program(): Rule[] {
    const rules: Rule[] = [];
    for (this.skipNl(); this.peek() !== undefined; this.skipNl()) {
      let when: Rule['when'];
      if (this.eat('BEGIN')) when = 'BEGIN';
      else if (this.eat('END')) when = 'END';
      else if (this.peek() !== '{') when = this.expr();
      rules.push({ when, body: this.peek() === '{' ? this.block() : undefined });
    }
    return rules;
  }
  block(): Stmt[] {
    this.want('{');
    const out: Stmt[] = [];
    for (this.skipNl(); !this.eat('}'); this.skipNl()) {
      if (this.peek() === undefined) throw new Unsupported();
      out.push(this.stmt());
    }
    return out;
  }
  body(): Stmt[] {
    this.skipNl();
    return this.peek() === '{' ? this.block() : [this.stmt()];
  }
  stmt(): Stmt {
    const w = this.peek();
    if (w === 'print' || w === 'printf') {
      this.i++;
      const args: Expr[] = [];
      const paren = this.peek() === '(' && w === 'printf';
      if (paren) this.i++;
      while (this.peek() !== undefined && !/^[;\n}]$/.test(this.peek()!) && !(paren && this.peek() === ')')) {
        args.push(this.expr(true));
        if (!this.eat(',')) break;
      }
      if (paren) this.want(')');
      if (this.peek() === '>' || this.peek() === '|') throw new Unsupported();
      return { k: 'print', args, f: w === 'printf' };
    }
    if (this.eat('if')) {
      this.want('(');
      const c = this.expr();
      this.want(')');
      const t = this.body();
      const save = this.i;
      this.skipNl();
      if (this.eat('else')) return { k: 'if', c, t, e: this.body() };
      this.i = save;
      return { k: 'if', c, t, e: [] };
    }
    if (this.eat('next')) return { k: 'next' };
    if (this.eat('exit')) {
      const n = this.peek();
      return n === undefined || /^[;\n}]$/.test(n) ? { k: 'exit' } : { k: 'exit', e: this.expr() };
    }
    if (w === '{') throw new Unsupported();
    return { k: 'expr', e: this.expr() };
  }
  expr(noGt = false): Expr {
    const left = this.binary(0, noGt);
    const op = this.peek();
    if (op === '=' || op === '+=' || op === '-=' || op === '*=' || op === '/=') {
      if (left.k !== 'var' && left.k !== 'field') throw new Unsupported();
      this.i++;
      return { k: 'assign', op, to: left, e: this.expr(noGt) };
    }
    return left;
  }
  binary(level: number, noGt: boolean): Expr {
    const LEVELS = [
      ['||'],
      ['&&'],
      ['~', '!~'],
      ['<', '<=', '==', '!=', '>', '>='],
      ['concat'],
      ['+', '-'],
      ['*', '/', '%'],
    ];
    if (level >= LEVELS.length) return this.unary();
    let a = this.binary(level + 1, noGt);
    for (;;) {
      const op = this.peek();
      if (LEVELS[level]![0] === 'concat') {
        if (
          op === undefined ||
          !/^([\w"$(!]|\/|-?\d)/.test(op) ||
          op === 'in' ||
          /^(if|else|print|printf|next|exit)$/.test(op)
        )
          return a;
        a = { k: 'bin', op: 'concat', a, b: this.binary(level + 1, noGt) };
        continue;
      }
      if (op === undefined || !LEVELS[level]!.includes(op) || (noGt && op === '>')) return a;
      this.i++;
      a = { k: 'bin', op, a, b: this.binary(level + 1, noGt) };
    }
  }
  unary(): Expr {
    const t = this.peek();
    if (t === '!' || t === '-' || t === '+') {
      this.i++;
      return { k: 'un', op: t, e: this.unary() };
    }
    if (t === '++' || t === '--') {
      this.i++;
      return { k: 'incr', op: t, pre: true, to: this.primary() };
    }
    const p = this.primary();
    const n = this.peek();
    if ((n === '++' || n === '--') && (p.k === 'var' || p.k === 'field')) {
      this.i++;
      return { k: 'incr', op: n, pre: false, to: p };
    }
    return p;
  }
  primary(): Expr {
    const t = this.t[this.i++];
    if (t === undefined) throw new Unsupported();
    if (t === '$') return { k: 'field', e: this.primary() };
    if (t === '(') {
      const e = this.expr();
      this.want(')');
      return e;
    }
    if (/^\d/.test(t)) return { k: 'num', v: Number(t) };
    if (t.startsWith('"')) return { k: 'str', v: unescape(t.slice(1, -1)) };
    if (t.startsWith('/') && t.length >= 1 && !['/', '/='].includes(t)) return { k: 're', v: t.slice(1) };
    if (/^[A-Za-z_]/.test(t)) {
      if (FUNCS.has(t)) {
        const args: Expr[] = [];
        if (this.eat('(')) {
          while (!this.eat(')')) {
            args.push(this.expr());
            this.eat(',');
            if (this.peek() === undefined) throw new Unsupported();
          }
        }
        return { k: 'call', name: t, args };
      }
      if (this.peek() === '(' || this.peek() === '[' || /^(getline|function|for|while|do|in|delete)$/.test(t))
        throw new Unsupported();
      return { k: 'var', name: t };
    }
    throw new Unsupported();
  }
}

const FUNCS = new Set(['length', 'substr', 'index', 'tolower', 'toupper', 'int']);

export function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\', '"': '"', '/': '/' })[c] ?? `\\${c}`);
}
