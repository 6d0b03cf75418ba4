// Shells and wrappers: programs that only start another command line (`sh -c`, tini, gosu, env, timeout,
// `busybox <applet>`). They resolve to another command (`exec`) or a script (`shell`) — bare `busybox` aside, never to a running
// program of their own, so programs.ts asks here first and then looks the program up in its table.
import type { ProgCtx, ProgramRun, Resolution } from './internal';
import { parseSleep } from './expand';
import { base, oneShot } from './programKit';

function shell(argv: string[], sh: 'ash' | 'dash' | 'bash' | 'zsh'): Resolution {
  let i = 1;
  let c = false;
  let errexit = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O') {
      i++;
      if (argv[i] === 'errexit') errexit = true;
      continue;
    }
    if (/^--[a-z-]+$/.test(a)) continue;
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      if (a.startsWith('-') && a.includes('c')) c = true;
      if (a.startsWith('-') && a.includes('e')) errexit = true;
      continue;
    }
    break;
  }
  if (c) {
    const script = argv[i] ?? '';
    return { kind: 'shell', sh, script, name: argv[i + 1] ?? base(argv[0]!), positional: argv.slice(i + 2), errexit };
  }
  const file = argv[i];
  if (file !== undefined)
    return { kind: 'shell', sh, script: '', name: file, positional: argv.slice(i + 1), errexit, fromFile: file };
  return { kind: 'interactive', what: base(argv[0]!) };
}

const SHELLS: Record<string, 'ash' | 'dash' | 'bash' | 'zsh' | 'sh'> = {
  sh: 'sh',
  ash: 'ash',
  dash: 'dash',
  bash: 'bash',
  zsh: 'zsh',
  ksh: 'bash',
  mksh: 'bash',
};

/** A shell or wrapper's resolution; undefined when argv[0] is neither (or the wrapper has no command). */
export function resolveWrapper(argv: string[], ctx: ProgCtx): Resolution | undefined {
  const a0 = argv[0];
  if (a0 === undefined) return undefined;
  const name = base(a0);
  const r = (p: ProgramRun | undefined): Resolution | undefined => (p ? { kind: 'run', run: p } : undefined);
  const sh = SHELLS[name];
  if (sh !== undefined) {
    const kind =
      sh === 'sh'
        ? ctx.userland === 'busybox'
          ? 'ash'
          : ctx.image?.tools.includes('dash') === false
            ? 'bash'
            : 'dash'
        : sh;
    return shell(argv, kind);
  }
  switch (name) {
    case 'busybox':
      return argv.length > 1 ? { kind: 'exec', argv: argv.slice(1) } : r(oneShot('busybox (prints its applets)', 0, 0));
    case 'tini':
    case 'dumb-init':
    case 'catatonit': {
      const rest = argv.slice(1);
      const dd = rest.indexOf('--');
      const cmd =
        dd >= 0
          ? rest.slice(dd + 1)
          : rest.filter((x, i) => !x.startsWith('-') || (i > 0 && !rest[i - 1]!.startsWith('-')));
      return {
        kind: 'exec',
        argv: cmd,
        viaInit: true,
        note: `${name} is PID 1 and forwards the stop signal: the program gets the default action unless it handles it`,
      };
    }
    case 'gosu':
    case 'su-exec':
    case 'chroot':
      return { kind: 'exec', argv: argv.slice(2) };
    case 'nohup':
    case 'nice':
    case 'setsid':
    case 'stdbuf':
    case 'time':
    case 'exec':
      return { kind: 'exec', argv: argv.slice(1).filter((x, i) => i > 0 || !x.startsWith('-')) };
    case 'env': {
      let i = 1;
      while (i < argv.length && (argv[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!))) i++;
      return i < argv.length ? { kind: 'exec', argv: argv.slice(i) } : undefined;
    }
    case 'timeout': {
      let i = 1;
      while (i < argv.length && argv[i]!.startsWith('-')) i += /^-(s|k)$/.test(argv[i]!) ? 2 : 1;
      const d = parseSleep([argv[i] ?? ''], 'gnu', false);
      if ('error' in d) return undefined;
      return { kind: 'exec', argv: argv.slice(i + 1), timeout: d.seconds };
    }
  }
  return undefined;
}
