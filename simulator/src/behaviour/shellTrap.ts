// The `trap` builtin: what the shell does when the container's stop signal arrives.
import type { ShellState } from './shellState';

/** `trap ACTION SIG...`: only the container's stop signal matters to the model. */
export function trapBuiltin(s: ShellState, args: string[]): number {
  if (args.length < 2) return 0;
  const [action, ...sigs] = args as [string, ...string[]];
  const stop = s.o.stopSignal.replace('SIG', '');
  const hits = sigs.some((x) => {
    const u = x.toUpperCase().replace(/^SIG/, '');
    return (
      u === stop || (u === '15' && stop === 'TERM') || (u === '3' && stop === 'QUIT') || (u === '2' && stop === 'INT')
    );
  });
  if (!hits) return 0;
  if (action === '-') s.trap = { k: 'default' };
  else if (action === '') s.trap = { k: 'ignore' };
  else {
    const m = /\bexit(?:\s+(\d+))?/.exec(action);
    if (m) s.trap = { k: 'exit', code: m[1] !== undefined ? Number(m[1]) & 255 : 0 };
    else {
      s.trap = { k: 'exit', code: 128 + 15 };
      s.note(
        `\`trap '${action.slice(0, 40)}' ${sigs.join(' ')}\` does not exit: the script is assumed to end after it with 143`,
      );
    }
  }
  return 0;
}
