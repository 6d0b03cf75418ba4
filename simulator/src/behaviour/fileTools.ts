// File utilities as they behave in exec probes and in scripts, with the real tools' exit codes and words
// (docs/image-behaviour.md, "Shell and tools"): cat, ls, grep, head/tail, touch/rm/mkdir/cp/mv, stat, tee.
import type { CmdResult, Stdin, Sys } from './internal';
import { DENIAL_TEXT } from './types';
import { fail, resolvePath } from './toolKit';
import { riskyRegex } from './shellTest';

export function readInput(
  files: string[],
  sys: Sys,
  stdin: Stdin | undefined,
  tool: string,
): { text?: string; unknown: boolean; forever: boolean; err: string; code: number } {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) {
    return {
      text: stdin?.text ?? '',
      unknown: stdin?.unknown ?? false,
      forever: stdin?.forever ?? false,
      err: '',
      code: 0,
    };
  }
  let text = '';
  let unknown = false;
  let err = '';
  let code = 0;
  for (const f of files) {
    const v = sys.file(resolvePath(sys.cwd, f));
    if (v === 'missing') {
      err +=
        (tool === 'cat' && sys.userland === 'busybox'
          ? `cat: can't open '${f}': No such file or directory`
          : `${tool}: ${f}: No such file or directory`) + '\n';
      code = tool === 'grep' ? 2 : 1;
    } else if (v === 'unknown' || v.content === undefined) unknown = true;
    else if (v.dir) {
      err += `${tool}: ${f}: Is a directory\n`;
      code = tool === 'grep' ? 2 : 1;
    } else text += v.content;
  }
  return { text, unknown, forever: false, err, code };
}

export function cat(args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult {
  const files = args.filter((a) => a === '-' || !a.startsWith('-'));
  const r = readInput(files, sys, stdin, 'cat');
  if (r.forever) return { code: 0, forever: true, unknownOut: true };
  const res: CmdResult = { code: r.code, out: r.text ?? '', err: r.err };
  if (r.unknown) res.unknownOut = true;
  return res;
}

export function ls(args: string[], sys: Sys): CmdResult {
  const paths = args.filter((a) => !a.startsWith('-'));
  let err = '';
  let code = 0;
  for (const p of paths) {
    const v = sys.file(resolvePath(sys.cwd, p));
    if (v === 'missing') {
      if (sys.userland === 'busybox') {
        err += `ls: ${p}: No such file or directory\n`;
        code = 1;
      } else {
        err += `ls: cannot access '${p}': No such file or directory\n`;
        code = 2;
      }
    }
  }
  return { code, out: '', err, unknownOut: true };
}

/** Literal or simple BRE/ERE match, bounded so that a hostile pattern cannot backtrack for long. */
function grepMatch(
  pattern: string,
  line: string,
  opts: { i: boolean; F: boolean; E: boolean; w: boolean; x: boolean },
): boolean {
  const l = opts.i ? line.toLowerCase() : line;
  const p = opts.i ? pattern.toLowerCase() : pattern;
  const plain = opts.F || !/[.*^$[\]\\+?(){}|]/.test(p);
  if (plain && !opts.w && !opts.x) return l.includes(p);
  if (riskyRegex(p)) return l.includes(p.replace(/[\\^$*+?()|{}[\]]/g, ''));
  let src: string;
  if (opts.F) src = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else if (opts.E) src = p;
  // BRE to JavaScript in one left-to-right pass: `\(` `\)` `\{` `\}` `\|` `\+` `\?` are the operators (GNU and
  // busybox), the bare characters are literals.
  else src = p.replace(/\\([(){}|+?])|[(){}|+?]/g, (match: string, escaped?: string) => escaped ?? `\\${match}`);
  if (opts.w) src = `\\b(?:${src})\\b`;
  if (opts.x) src = `^(?:${src})$`;
  try {
    return new RegExp(src).test(l.slice(0, 4096));
  } catch {
    return l.includes(p);
  }
}

export function grep(args: string[], sys: Sys, stdin: Stdin | undefined, name: string): CmdResult {
  const o = {
    q: false,
    s: false,
    v: false,
    c: false,
    i: false,
    F: name === 'fgrep',
    E: name === 'egrep',
    w: false,
    x: false,
    o: false,
  };
  let pattern: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-e' || a === '--regexp') pattern = args[++i] ?? '';
    else if (a.startsWith('--regexp=')) pattern = a.slice(9);
    else if (a === '-m' || a === '-A' || a === '-B' || a === '-C') i++;
    else if (a === '--quiet' || a === '--silent') o.q = true;
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
      for (const ch of a.slice(1)) if (ch in o) (o as Record<string, boolean>)[ch] = true;
    } else if (a.startsWith('--')) continue;
    else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined)
    return fail(
      2,
      sys.userland === 'busybox'
        ? 'BusyBox: grep: missing pattern'
        : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.",
    );
  const input = readInput(files, sys, stdin, 'grep');
  const err = o.s ? '' : input.err;
  if (input.forever) return { code: 0, forever: true, unknownOut: true };
  if (input.unknown) {
    sys.note(`grep ${pattern}: the content it searches is not known; assumed to match`);
    return { code: o.v ? 0 : 0, out: '', err, unknownOut: true };
  }
  const lines = (input.text ?? '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const hits = lines.filter((l) => grepMatch(pattern, l, o) !== o.v);
  const code = input.code === 2 && hits.length === 0 ? 2 : hits.length > 0 ? 0 : 1;
  if (o.q) return { code: hits.length > 0 ? 0 : code, out: '', err };
  return { code, out: o.c ? `${hits.length}\n` : hits.map((h) => h + '\n').join(''), err };
}

export function headTail(args: string[], sys: Sys, stdin: Stdin | undefined, name: string): CmdResult {
  const follow = args.some((a) => /^-[a-zA-Z]*[fF]/.test(a) || a === '--follow' || a.startsWith('--follow='));
  if (name === 'tail' && follow) return { code: 0, forever: true, unknownOut: true };
  const files: string[] = [];
  let n = 10;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' || a === '-c') n = Number((args[++i] ?? '10').replace('+', '')) || 10;
    else if (/^-n?\+?\d+$/.test(a)) n = Number(a.replace(/^-n?\+?/, ''));
    else if (!a.startsWith('-')) files.push(a);
  }
  const r = readInput(files, sys, stdin, name);
  if (r.forever)
    return name === 'head' ? { code: 0, unknownOut: true, seconds: 0 } : { code: 0, forever: true, unknownOut: true };
  const lines = (r.text ?? '').split('\n').filter((l, i, arr) => i < arr.length - 1 || l !== '');
  const pick = name === 'head' ? lines.slice(0, n) : lines.slice(-n);
  const res: CmdResult = { code: r.code, out: pick.map((l) => l + '\n').join(''), err: r.err };
  if (r.unknown) res.unknownOut = true;
  return res;
}

export function fsOp(args: string[], sys: Sys, _stdin: Stdin | undefined, name: string): CmdResult {
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  const flags = args.filter((a) => a.startsWith('-')).join('');
  let err = '';
  let code = 0;
  const abs = (p: string) => resolvePath(sys.cwd, p);
  const bb = sys.userland === 'busybox';
  // A write securityContext refuses (engine/podAccess.ts), in the tool's own words: GNU coreutils touch.c
  // "cannot touch %s", mkdir.c "cannot create directory %s", copy.c "cannot create regular file %s"; busybox
  // touch.c bb_simple_perror_msg(file), libbb make_directory "can't create directory '%s'", copy_file.c
  // "can't create '%s'". Each exits 1.
  const refuse = (path: string, gnu: string, busybox: string): boolean => {
    const d = sys.denied(abs(path));
    if (d === undefined) return false;
    err += `${name}: ${bb ? busybox : gnu}: ${DENIAL_TEXT[d].text}\n`;
    code = 1;
    return true;
  };
  switch (name) {
    case 'touch':
      for (const p of paths) {
        if (refuse(p, `cannot touch '${p}'`, p)) continue;
        if (sys.file(abs(p)) === 'missing' || sys.file(abs(p)) === 'unknown') sys.write('touch', abs(p));
      }
      break;
    case 'rm':
    case 'rmdir':
    case 'unlink':
      for (const p of paths) {
        if (sys.file(abs(p)) === 'missing' && !flags.includes('f')) {
          err +=
            sys.userland === 'busybox'
              ? `rm: can't remove '${p}': No such file or directory\n`
              : `rm: cannot remove '${p}': No such file or directory\n`;
          code = 1;
        }
        sys.write('rm', abs(p));
      }
      break;
    case 'mkdir':
      for (const p of paths) {
        // `mkdir -p` of a directory that exists succeeds whoever owns it, so with -p only a directory known to be
        // missing is refused; without -p an existing one fails too (EEXIST), so an unknown one fails either way.
        const v = sys.file(abs(p));
        const creates = v === 'missing' || (v === 'unknown' && !flags.includes('p'));
        if (creates && refuse(p, `cannot create directory '${p}'`, `can't create directory '${p}'`)) continue;
        sys.write('mkdir', abs(p));
      }
      break;
    case 'cp':
    case 'mv':
    case 'ln':
    case 'install': {
      const src = paths.slice(0, -1);
      const dst = paths[paths.length - 1];
      if (dst === undefined || src.length === 0) break;
      for (const s of src) {
        const v = sys.file(abs(s));
        if (v === 'missing' && name !== 'ln') {
          err +=
            sys.userland === 'busybox'
              ? `${name}: can't stat '${s}': No such file or directory\n`
              : `${name}: cannot stat '${s}': No such file or directory\n`;
          code = 1;
          continue;
        }
        const dv = sys.file(abs(dst));
        const last = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? '';
        const intoDir =
          src.length > 1 ||
          dst.endsWith('/') ||
          (typeof dv === 'object' && dv.dir === true) ||
          (dv === 'unknown' && !last(dst).includes('.') && last(s).includes('.'));
        const target = intoDir ? `${abs(dst)}/${last(s)}` : abs(dst);
        const named = intoDir ? `${dst.replace(/\/+$/, '')}/${last(s)}` : dst;
        if (name === 'cp' && refuse(target, `cannot create regular file '${named}'`, `can't create '${named}'`))
          continue;
        const content = typeof v === 'object' && !v.dir ? v.content : undefined;
        sys.write('write', target, content);
        if (name === 'mv') sys.write('rm', abs(s));
      }
      break;
    }
  }
  return { code, out: '', err };
}

export function statCmd(args: string[], sys: Sys): CmdResult {
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    if (sys.file(resolvePath(sys.cwd, p)) === 'missing') {
      return fail(
        1,
        sys.userland === 'busybox'
          ? `stat: can't stat '${p}': No such file or directory`
          : `stat: cannot statx '${p}': No such file or directory`,
      );
    }
  }
  return { code: 0, unknownOut: true };
}

export function tee(args: string[], sys: Sys, stdin: Stdin | undefined): CmdResult {
  const append = args.some((a) => a === '-a' || a === '--append');
  const text = stdin?.unknown ? undefined : (stdin?.text ?? '');
  let err = '';
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    // tee.c (GNU and busybox): the file it cannot open is reported as `tee: F: <strerror>`, the rest still written.
    const d = sys.denied(resolvePath(sys.cwd, p));
    if (d !== undefined) err += `tee: ${p}: ${DENIAL_TEXT[d].text}\n`;
    else sys.write(append ? 'append' : 'write', resolvePath(sys.cwd, p), text);
  }
  const r: CmdResult = { code: err === '' ? 0 : 1, out: stdin?.text ?? '', ...(err !== '' ? { err } : {}) };
  if (stdin?.forever) r.forever = true;
  if (stdin?.unknown) r.unknownOut = true;
  return r;
}
