// `podlab`: the command-line front end (see README "Command line"). Exit codes: 0 ok, 1 lint errors found,
// 2 bad input or usage. Never a stack trace: unexpected failures are reported in one line.
import { DEFAULT_HORIZON_SECONDS, humanDuration } from '../../../simulator/src/index';
import { run } from './run';
import { lint } from './lint';
import { UsageError } from './args';
import { InputError } from './files';

const USAGE = `usage:
  podlab run FILE [--until DUR] [--at T] [--scenario FILE] [--seed N] [--format table|describe|events|json]
             [--repeats auto|all|fold] [--explain]
  podlab lint FILE... [--format text|json|sarif] [--pod-security off|baseline|restricted] [--scenario FILE] [--no-predictions]

Durations: seconds (90) or 90s, 5m, 1h30m. Defaults: --until ${humanDuration(DEFAULT_HORIZON_SECONDS)}, --at = --until, --seed 1.`;

export function main(argv: readonly string[]): number {
  const io = {
    out: (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s: string) => process.stderr.write(s + '\n'),
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return run(rest, io);
      case 'lint':
        return lint(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return 0;
      case '--version':
        io.out('podlab 0.1.0');
        return 0;
      default:
        io.err(command === undefined ? USAGE : `podlab: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`podlab: ${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof InputError) {
      io.err(`podlab: ${err.message}`);
      return 2;
    }
    io.err(
      `podlab: internal error: ${(err as Error)?.message ?? String(err)} (please report this with the input file)`,
    );
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
