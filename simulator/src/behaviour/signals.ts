// Stop signals: names as the API and `trap` spell them, and the exit code of each signal's default action.

export type Signal = 'SIGTERM' | 'SIGQUIT' | 'SIGINT' | 'SIGWINCH' | 'SIGHUP' | 'SIGUSR1' | 'SIGUSR2' | 'SIGKILL';

/** Exit code after a signal's default action, or 'ignore' for signals whose default is to ignore. */
export function defaultActionCode(signal: Signal): number | 'ignore' {
  switch (signal) {
    case 'SIGHUP':
      return 129;
    case 'SIGINT':
      return 130;
    case 'SIGQUIT':
      return 131;
    case 'SIGKILL':
      return 137;
    case 'SIGUSR1':
      return 138;
    case 'SIGUSR2':
      return 140;
    case 'SIGTERM':
      return 143;
    case 'SIGWINCH':
      return 'ignore';
  }
}

const SIGNAL_NAMES: Record<string, Signal> = {
  TERM: 'SIGTERM',
  QUIT: 'SIGQUIT',
  INT: 'SIGINT',
  WINCH: 'SIGWINCH',
  HUP: 'SIGHUP',
  USR1: 'SIGUSR1',
  USR2: 'SIGUSR2',
  KILL: 'SIGKILL',
  '15': 'SIGTERM',
  '3': 'SIGQUIT',
  '2': 'SIGINT',
  '28': 'SIGWINCH',
  '1': 'SIGHUP',
  '10': 'SIGUSR1',
  '12': 'SIGUSR2',
  '9': 'SIGKILL',
};

/** `SIGTERM`, `TERM`, `15` → 'SIGTERM'; undefined for anything else. */
export function parseSignal(s: unknown): Signal | undefined {
  if (typeof s !== 'string') return undefined;
  const u = s.trim().toUpperCase().replace(/^SIG/, '');
  return SIGNAL_NAMES[u];
}
