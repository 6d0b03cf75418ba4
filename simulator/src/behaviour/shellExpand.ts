// Word expansion: parameters ($VAR, ${VAR:-x}, ${VAR#pat}, …), command substitution $(…) (run by the executor
// through the `substitute` callback), arithmetic $((…)) and field splitting; no globbing. A value the simulator
// does not know (valueFrom, $(date)) stays one unknown field, and `lastUnknown` tells the caller.
import type { Word } from './shellParse';
import type { ShellState } from './shellState';
import { ExitSig } from './shellControl';
import { trimPattern } from './shellTest';
import { evalArith } from './expand';
import { Lexer } from './shellLex';

export class Expander {
  /** The last expansion used a value the simulator does not know. */
  lastUnknown = false;

  constructor(
    private readonly s: ShellState,
    private readonly substitute: (src: string) => { out: string; unknown: boolean },
  ) {}

  /** `name=word`. */
  assign(name: string, w: Word): void {
    const v = this.word(w, false).join('');
    this.s.vars.set(name, { value: v, unknown: this.lastUnknown });
  }

  /** Expand a word to fields (field splitting on unquoted expansions; no globbing). */
  word(w: Word, split = true): string[] {
    const fields: string[] = [];
    let cur = '';
    let has = false;
    let unknown = false;
    for (const p of w.parts) {
      if (p.k === 'lit') {
        cur += p.v;
        if (p.q || p.v !== '') has = true;
        continue;
      }
      let val: string;
      if (p.k === 'var' && (p.name === '@' || p.name === '*') && p.q && p.name === '@' && p.op === '') {
        const ps = this.s.positional;
        if (ps.length === 0) continue;
        cur += ps[0];
        for (const x of ps.slice(1)) {
          fields.push(cur);
          cur = x;
        }
        has = true;
        continue;
      }
      if (p.k === 'var') {
        const r = this.variable(p);
        val = r.v;
        unknown ||= r.unknown;
      } else if (p.k === 'cmd') {
        const r = this.substitute(p.src);
        val = r.out;
        unknown ||= r.unknown;
      } else {
        const pre = this.arithSource(p.src);
        const r = evalArith(pre.src, (name) => this.s.getVar(name));
        unknown ||= r.unknown || pre.unknown;
        if (r.unknown || pre.unknown)
          this.s.note(
            `\`$((${p.src.trim().slice(0, 40)}))\` uses a value the simulator does not know: its result is unknown`,
          );
        val = String(r.value);
      }
      if (p.q || !split) {
        cur += val;
        has = true;
      } else {
        const pieces = val.split(/[ \t\n]+/);
        if (pieces.length === 1) {
          cur += val;
          if (val !== '') has = true;
        } else {
          pieces.forEach((piece, i) => {
            if (i === 0) {
              cur += piece;
              if (cur !== '') fields.push(cur);
            } else if (i === pieces.length - 1) cur = piece;
            else if (piece !== '') fields.push(piece);
          });
          has = cur !== '';
        }
      }
      if (cur.length > 100_000) cur = cur.slice(0, 100_000);
    }
    if (has || cur !== '') fields.push(cur);
    // An unknown value stays one (unknown) argument even if it might be empty: `[ $CODE -eq 200 ]`.
    if (unknown && fields.length === 0) fields.push('');
    this.lastUnknown = unknown;
    if (unknown) for (const f of fields) this.s.unknownWords.add(f);
    return fields;
  }

  testWord(w: Word): { v: string; unknown: boolean } {
    const v = this.word(w, false).join(' ');
    return { v, unknown: this.lastUnknown };
  }

  pattern(w: Word): string {
    return w.parts
      .map((p) =>
        p.k === 'lit'
          ? p.q
            ? p.v.replace(/[*?[\\]/g, '\\$&')
            : p.v
          : this.word({ parts: [p], raw: '' }, false).join(''),
      )
      .join('');
  }

  variable(p: Extract<Word['parts'][number], { k: 'var' }>): { v: string; unknown: boolean } {
    const v = this.s.getVar(p.name);
    const unknown = v.unknown;
    const set = v.value !== undefined || unknown;
    const val = v.value ?? '';
    const arg = () => (p.arg ? this.word(p.arg, false).join('') : '');
    switch (p.op) {
      case '':
        return { v: val, unknown };
      case '#len':
        return { v: String(val.length), unknown };
      case ':-':
        return set && (val !== '' || unknown) ? { v: val, unknown } : { v: arg(), unknown: this.lastUnknown };
      case '-':
        return set ? { v: val, unknown } : { v: arg(), unknown: this.lastUnknown };
      case ':=':
      case '=': {
        if (set && (p.op === '=' || val !== '' || unknown)) return { v: val, unknown };
        const a = arg();
        this.s.vars.set(p.name, { value: a, unknown: this.lastUnknown });
        return { v: a, unknown: this.lastUnknown };
      }
      case ':+':
        return set && (val !== '' || unknown) ? { v: arg(), unknown } : { v: '', unknown: false };
      case '+':
        return set ? { v: arg(), unknown } : { v: '', unknown: false };
      case ':?':
      case '?':
        if (set && (p.op === '?' || val !== '' || unknown)) return { v: val, unknown };
        this.s.emit('', `${this.s.shName}: ${p.name}: ${arg() || 'parameter not set'}\n`, false);
        throw new ExitSig(this.s.sh === 'bash' ? 1 : 2);
      case '#':
      case '##':
      case '%':
      case '%%':
        return { v: unknown ? val : trimPattern(val, p.op, arg()), unknown };
      case '/':
      case '//': {
        const a = p.arg?.raw ?? '';
        const i = a.indexOf('/');
        const pat = i >= 0 ? a.slice(0, i) : a;
        const rep = i >= 0 ? a.slice(i + 1) : '';
        if (/[*?[]/.test(pat)) return { v: val, unknown: true };
        return { v: p.op === '//' ? val.split(pat).join(rep) : val.replace(pat, rep), unknown };
      }
      case ':': {
        const [o, l] = arg()
          .split(':')
          .map((x) => Number(x.trim()));
        const off = Number.isFinite(o) ? o! : 0;
        const s = off < 0 ? val.slice(off) : val.slice(off);
        return { v: l !== undefined && Number.isFinite(l) ? s.slice(0, l) : s, unknown };
      }
      default:
        return { v: val, unknown: true };
    }
  }

  /**
   * `$(( … ))` first expands the parameters, command substitutions and backquotes inside it (POSIX 2.6.4), as in
   * `$(( $(cat /data/n) + 1 ))`; evalArith reads plain `$name` itself.
   */
  private arithSource(src: string): { src: string; unknown: boolean } {
    if (!/\$\(|\$\{|`/.test(src)) return { src, unknown: false };
    let out = '';
    let unknown = false;
    for (let i = 0; i < src.length;) {
      const c = src[i]!;
      const end =
        c === '$' && (src[i + 1] === '(' || src[i + 1] === '{')
          ? closing(src, i + 1)
          : c === '`'
            ? src.indexOf('`', i + 1)
            : -1;
      if (end < 0) {
        out += c;
        i++;
        continue;
      }
      const seg = src.slice(i, end + 1);
      const t = new Lexer(seg).next();
      if (t.k === 'word') {
        out += this.word(t.w, false).join('');
        unknown ||= this.lastUnknown;
      } else out += seg;
      i = end + 1;
    }
    return { src: out, unknown };
  }
}

/** The index of the bracket that closes the one at `open` (quotes are not tracked), or -1. */
function closing(s: string, open: number): number {
  const o = s[open]!;
  const c = o === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === o) depth++;
    else if (s[i] === c && --depth === 0) return i;
  }
  return -1;
}
