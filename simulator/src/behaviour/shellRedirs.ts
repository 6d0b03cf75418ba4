// Redirections of one command (> >> >| &> < << <<- 2>&1 >/dev/null): output to a file is captured and written
// as one file change when the command ends; input comes from a file's known content or a here-document.
import type { Redir } from './shellParse';
import type { Stdin } from './internal';
import type { ShellState } from './shellState';
import type { Expander } from './shellExpand';
import { DENIAL_TEXT } from './types';
import { resolvePath } from './toolKit';

/** Runs f with the redirections of a command. */
export function withRedirs(s: ShellState, x: Expander, redirs: Redir[], f: () => number): number {
  if (redirs.length === 0) return f();
  let outFile: { path: string; append: boolean } | undefined;
  let devnull = false;
  let errToOut = s.errToOut;
  let errNull = false;
  let stdin: Stdin | undefined;
  let setIn = false;
  for (const r of redirs) {
    const target = r.heredoc !== undefined ? '' : x.word(r.target).join(' ');
    if (r.op === '<<' || r.op === '<<-') {
      stdin = { text: r.heredoc ?? '', unknown: /\$/.test(r.heredoc ?? ''), forever: false };
      setIn = true;
    } else if (r.op === '<') {
      const v = s.fileView(target);
      stdin =
        v === 'missing'
          ? { text: '', unknown: false, forever: false }
          : {
              text: typeof v === 'object' ? (v.content ?? '') : '',
              unknown: typeof v !== 'object' || v.content === undefined,
              forever: false,
            };
      setIn = true;
    } else if (r.op === '>&' || r.op === '<&') {
      if (r.fd === 2 && target === '1') errToOut = true;
    } else if (r.fd === 2 && (r.op === '>' || r.op === '>>')) {
      if (target === '/dev/null') errNull = true;
    } else if (r.op === '>' || r.op === '>>' || r.op === '>|' || r.op === '&>' || r.op === '&>>') {
      if (r.op.startsWith('&')) errToOut = true;
      if (/^\/dev\/(null|stdout|stderr)$|^\/proc\/(self|1)\/fd\/[12]$/.test(target)) devnull = target === '/dev/null';
      else outFile = { path: target, append: r.op.endsWith('>>') };
    }
  }
  void errNull;
  if (outFile !== undefined && refused(s, outFile.path)) return s.status;
  const capture = outFile !== undefined || devnull;
  const savedIn = s.stdin;
  const savedErr = s.errToOut;
  if (setIn) s.stdin = stdin;
  s.errToOut = errToOut;
  if (capture) s.cap.push({ out: '', unknown: false });
  let flushed = false;
  const flush = () => {
    if (flushed || !capture) return;
    flushed = true;
    const c = s.cap.pop()!;
    if (outFile !== undefined)
      s.recordOp(outFile.append ? 'append' : 'write', outFile.path, c.unknown ? undefined : c.out);
  };
  try {
    const st = f();
    flush();
    return st;
  } finally {
    flush();
    s.stdin = savedIn;
    s.errToOut = savedErr;
  }
}

/**
 * The shell cannot open a redirection's file for writing (securityContext: a non-root user, a read-only root): it
 * prints its own message, skips the command and sets the status — busybox ash `can't create F: <strerror>` and 1
 * (shell/ash.c openredirect, redirectsafe), dash `cannot create F: <strerror>` and 2 (src/redir.c, evalcommand),
 * bash `F: <strerror>` and 1.
 */
function refused(s: ShellState, target: string): boolean {
  const denial = s.o.access?.denied(resolvePath(s.cwd, target));
  if (denial === undefined) return false;
  const why = DENIAL_TEXT[denial].text;
  const msg =
    s.sh === 'bash'
      ? `${s.shName}: line 1: ${target}: ${why}`
      : s.sh === 'dash'
        ? `${s.shName}: 1: cannot create ${target}: ${why}`
        : `${s.shName}: can't create ${target}: ${why}`;
  s.emit('', msg + '\n', false);
  s.note(
    `\`${target}\` cannot be written (${denial === 'EROFS' ? 'read-only root filesystem' : `uid ${s.o.access?.uid ?? '?'} has no write permission there`}): the shell prints "${msg}" and the command does not run`,
  );
  s.status = s.sh === 'dash' ? 2 : 1;
  return true;
}
