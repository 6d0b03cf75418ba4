// The shell's background jobs as `wait` and `kill` address them: by PID (`$!`) or job number (`%1`). A job
// that `kill` signals ends at once with 128 + the signal's number (143 for SIGTERM, 137 for SIGKILL): a
// process that is not PID 1 dies from a signal it does not handle (docs/image-behaviour.md rule 3). What the
// job's own program would do with the signal is not followed (notes say so).
import type { ShellState } from './shellState';

type Job = ShellState['bg'][number];

/** The jobs `args` name (all of them without arguments); unknown PIDs are left out. */
export function jobsFor(s: ShellState, args: string[]): Job[] {
  const ids = args.filter((a) => !a.startsWith('-'));
  if (ids.length === 0) return s.bg;
  return s.bg.filter((j, i) => ids.some((a) => a === String(j.pid) || a === `%${i + 1}`));
}

const NUMBERS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15 };

/** `kill [-SIG | -s SIG | -n N] PID|%N …`: background jobs end now; other targets are only noted. */
export function killJobs(s: ShellState, args: string[]): number {
  let sig = 15;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-s' || a === '-n') sig = signalNumber(args[++i] ?? '') ?? sig;
    else if (a === '-l' || a === '-L') return 0;
    else if (a.startsWith('-') && targets.length === 0 && a !== '--') sig = signalNumber(a.slice(1)) ?? sig;
    else if (a !== '--') targets.push(a);
  }
  if (sig === 0) return targets.every((t) => jobsFor(s, [t]).some((j) => j.end > s.t)) ? 0 : 1;
  for (const t of targets) {
    const [job] = jobsFor(s, [t]);
    if (job === undefined) {
      s.note(`\`kill ${t}\`: a process the simulator does not follow; assumed to have no effect on the script`);
      continue;
    }
    if (job.end > s.t) {
      job.end = s.t;
      job.code = 128 + sig;
      s.note(
        `\`kill\` ends background job ${t} at once with ${128 + sig} (its program's own signal handling is not followed)`,
      );
    }
  }
  return 0;
}

function signalNumber(x: string): number | undefined {
  if (/^\d+$/.test(x)) return Number(x);
  return NUMBERS[x.toUpperCase().replace(/^SIG/, '')];
}
