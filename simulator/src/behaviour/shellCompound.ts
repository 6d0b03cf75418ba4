// Compound commands of the shell grammar: { … }, if / elif / else, while / until, for, case and `function`.
import type { Node, ParserOps } from './shellAst';
import type { Word } from './shellLex';
import { ParseError } from './shellLex';

export function compound(p: ParserOps, w: string): Node {
  switch (w) {
    case '{': {
      p.take();
      const body = p.list(new Set(['}']));
      p.expectWord('}');
      return { t: 'group', body, subshell: false, redirs: p.redirs() };
    }
    case 'if': {
      p.take();
      const arms: { cond: Node; body: Node }[] = [];
      let elseNode: Node | undefined;
      for (;;) {
        const cond = p.list(new Set(['then']));
        p.expectWord('then');
        const body = p.list(new Set(['elif', 'else', 'fi']));
        arms.push({ cond, body });
        const t = p.take();
        if (p.isWord(t, 'elif')) continue;
        if (p.isWord(t, 'else')) {
          elseNode = p.list(new Set(['fi']));
          p.expectWord('fi');
        } else if (!p.isWord(t, 'fi')) throw new ParseError('expected `fi`');
        break;
      }
      p.redirs();
      return elseNode ? { t: 'if', arms, else: elseNode } : { t: 'if', arms };
    }
    case 'while':
    case 'until': {
      p.take();
      const cond = p.list(new Set(['do']));
      p.expectWord('do');
      const body = p.list(new Set(['done']));
      p.expectWord('done');
      p.redirs();
      return { t: 'while', until: w === 'until', cond, body };
    }
    case 'for': {
      p.take();
      const nameTok = p.take();
      if (nameTok.k !== 'word') throw new ParseError('expected a name after `for`');
      let words: Word[] | undefined;
      p.skipNl();
      if (p.isWord(p.peek(), 'in')) {
        p.take();
        words = [];
        for (;;) {
          const t = p.peek();
          if (t.k !== 'word') break;
          words.push(t.w);
          p.take();
        }
      }
      const sep = p.peek();
      if (p.isOp(sep, ';') || sep.k === 'nl') p.take();
      p.skipNl();
      let body: Node;
      if (p.isWord(p.peek(), '{')) body = p.command();
      else {
        p.expectWord('do');
        body = p.list(new Set(['done']));
        p.expectWord('done');
      }
      p.redirs();
      return { t: 'for', name: nameTok.w.raw, words, body };
    }
    case 'case': {
      p.take();
      const wt = p.take();
      if (wt.k !== 'word') throw new ParseError('expected a word after `case`');
      p.skipNl();
      p.expectWord('in');
      const arms: { patterns: Word[]; body: Node }[] = [];
      for (;;) {
        p.skipNl();
        if (p.isWord(p.peek(), 'esac')) {
          p.take();
          break;
        }
        if (p.isOp(p.peek(), '(')) p.take();
        const patterns: Word[] = [];
        for (;;) {
          const pat = p.take();
          if (pat.k !== 'word') throw new ParseError('expected a pattern in `case`');
          patterns.push(pat.w);
          const sep = p.take();
          if (p.isOp(sep, ')')) break;
          if (!p.isOp(sep, '|')) throw new ParseError('expected `)` in `case`');
        }
        const body = p.list(new Set(['esac']));
        arms.push({ patterns, body });
        if (p.isOp(p.peek(), ';;')) p.take();
      }
      p.redirs();
      return { t: 'case', word: wt.w, arms };
    }
    case 'function': {
      p.take();
      const nameTok = p.take();
      if (nameTok.k !== 'word') throw new ParseError('expected a function name');
      if (p.isOp(p.peek(), '(')) {
        p.take();
        p.take();
      }
      p.skipNl();
      return { t: 'func', name: nameTok.w.raw, body: p.command() };
    }
    default:
      throw new ParseError(`syntax error: unexpected \`${w}\``);
  }
}
