// Scanning over quoted and nested text without building tokens: where a `…`, $(…), $((…)) or ${…} ends
// (skipping quotes and escapes on the way), and the decoding of $'…' (ANSI-C) quoting. The lexer
// (shellLex.ts) uses these to cut a word's expansions out of the source before it reads them.

export function ansiC(s: string): string {
  return s.replace(
    /\\(.)/g,
    (_m, ch: string) =>
      (({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', e: '\x1b', a: '\x07' }) as Record<string, string>)[
        ch
      ] ?? '\\' + ch,
  );
}

export function findBacktick(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '`') return i;
  }
  return s.length;
}

/** Index of the `)` closing `depth` open parentheses, skipping quotes; -1 if none. */
export function findClose(s: string, from: number, depth: number): number {
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

export function findBrace(s: string, from: number): number {
  let d = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '{') d++;
    else if (c === '}' && --d === 0) return i;
  }
  return -1;
}
