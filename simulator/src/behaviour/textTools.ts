// Text utilities that scripts use to read counters and fields: wc and cut here, awk in awk.ts. They matter where
// a script reads state it wrote on an earlier run (`n=$(wc -l < /data/f)`, `cut -d: -f2`). Output follows the real
// tools (busybox coreutils/wc.c and cut.c, GNU coreutils); input the simulator does not know gives unknown output.
import type { CmdResult, Stdin, Sys } from './internal';
import { fail } from './toolKit';
import { readInput } from './fileTools';

type Count = 'l' | 'w' | 'c';

function counts(text: string): Record<Count, number> {
  const words = text.split(/[ \t\n\r\f\v]+/).filter((x) => x !== '').length;
  let lines = 0;
  for (const ch of text) if (ch === '\n') lines++;
  return { l: lines, w: words, c: utf8Length(text) };
}

/** Bytes of the text in UTF-8 (wc -c counts bytes). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * wc [-lwcm] [FILE…]: counts in the order lines, words, bytes. One count alone is printed without padding (both
 * busybox and GNU); several are padded (busybox `%9`, GNU width 7 for stdin). A file name follows when given.
 */
export function wc(args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult {
  const want = new Set<Count>();
  const files: string[] = [];
  for (const a of args) {
    if (a === '--lines') want.add('l');
    else if (a === '--words') want.add('w');
    else if (a === '--bytes' || a === '--chars') want.add('c');
    else if (/^-[lwcmL]+$/.test(a))
      for (const ch of a.slice(1)) want.add(ch === 'm' || ch === 'L' ? 'c' : (ch as Count));
    else if (a.startsWith('-') && a !== '-') return { code: 0, unknownOut: true };
    else files.push(a);
  }
  const order = (['l', 'w', 'c'] as Count[]).filter((k) => want.size === 0 || want.has(k));
  const width = order.length === 1 ? 0 : sys.userland === 'busybox' ? 9 : 7;
  const line = (n: Record<Count, number>, name?: string) =>
    order.map((k, i) => (i === 0 && order.length === 1 ? String(n[k]) : String(n[k]).padStart(width))).join(' ') +
    (name === undefined ? '' : ` ${name}`) +
    '\n';
  if (files.length === 0) {
    const r = readInput([], sys, stdin, 'wc');
    if (r.forever) return { code: 0, forever: true, unknownOut: true };
    if (r.unknown) return { code: 0, unknownOut: true };
    return { code: 0, out: line(counts(r.text ?? '')) };
  }
  let out = '';
  let err = '';
  let code = 0;
  const total: Record<Count, number> = { l: 0, w: 0, c: 0 };
  for (const f of files) {
    const r = readInput([f], sys, stdin, 'wc');
    if (r.unknown) return { code: 0, unknownOut: true };
    if (r.code !== 0) {
      err += r.err;
      code = 1;
      continue;
    }
    const n = counts(r.text ?? '');
    for (const k of order) total[k] += n[k];
    out += line(n, f === '-' ? undefined : f);
  }
  if (files.length > 1) out += line(total, 'total');
  return { code, out, err };
}

/** A list of cut positions (`1,3-5,7-`), 1-based; undefined when it cannot be read. */
function ranges(spec: string): ((i: number) => boolean) | undefined {
  const parts: [number, number][] = [];
  for (const p of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[3] === '')) return undefined;
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Infinity : Number(m[3]);
    if (a < 1) return undefined;
    parts.push([a, b]);
  }
  return (i) => parts.some(([a, b]) => i >= a && i <= b);
}

/** cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE…]. Fields keep their order in the line, as cut does. */
export function cut(args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult {
  let mode: 'f' | 'c' | undefined;
  let list = '';
  let delim = '\t';
  let onlyDelimited = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^-([fcbd])(.*)$/.exec(a);
    if (m) {
      const v = m[2] !== '' ? m[2]! : (args[++i] ?? '');
      if (m[1] === 'd') delim = v;
      else {
        mode = m[1] === 'f' ? 'f' : 'c';
        list = v;
      }
    } else if (a === '-s') onlyDelimited = true;
    else if (a.startsWith('-') && a !== '-') return { code: 0, unknownOut: true };
    else files.push(a);
  }
  const pick = ranges(list);
  if (mode === undefined || pick === undefined)
    return fail(
      1,
      `cut: ${mode === undefined ? 'you must specify a list of bytes, characters, or fields' : `invalid field value '${list}'`}`,
    );
  if (mode === 'f' && [...delim].length !== 1) return fail(1, 'cut: the delimiter must be a single character');
  const r = readInput(files, sys, stdin, 'cut');
  if (r.forever) return { code: 0, forever: true, unknownOut: true };
  if (r.unknown) return { code: r.code, unknownOut: true, err: r.err };
  const lines = (r.text ?? '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let out = '';
  for (const l of lines) {
    if (mode === 'c') {
      out += [...l].filter((_, i) => pick(i + 1)).join('') + '\n';
      continue;
    }
    if (!l.includes(delim)) {
      if (!onlyDelimited) out += l + '\n';
      continue;
    }
    out +=
      l
        .split(delim)
        .filter((_, i) => pick(i + 1))
        .join(delim) + '\n';
  }
  return { code: r.code, out, err: r.err };
}
