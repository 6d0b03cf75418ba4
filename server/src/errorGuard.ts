// The one place where the language server survives its own bugs. Every feature (hover, completion,
// diagnostics, predictions, each rule) runs through `guarded`: a throw gives the feature's empty answer, so
// one broken rule or one hostile document never takes the server down or blanks the other features, and
// the error is logged once, so a bug is visible instead of silently swallowed, without flooding the log
// when the same bug fires on every keystroke.
import { MAX_LOGGED_ERRORS } from './limits';

export type ErrorLog = (message: string) => void;

// Standard error until the server connects (the CLI keeps it): stdout may carry the LSP stream or a report.
let log: ErrorLog = (message) => console.error(message);
const logged = new Set<string>();

/** Sends the guard's reports to `sink` (the server passes `connection.console.error`), and starts afresh. */
export function reportErrorsTo(sink: ErrorLog): void {
  log = sink;
  logged.clear();
}

/** `run()`, or `empty` when it throws; the error is logged the first time it is seen. */
export function guarded<T>(feature: string, empty: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    report(feature, error);
    return empty;
  }
}

/**
 * Logs an error once per feature, message and throwing frame: the same bug hit again (every keystroke,
 * every document) stays one line, while a different bug still shows up.
 */
function report(feature: string, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const frame =
    err.stack
      ?.split('\n')
      .find((l) => l.trimStart().startsWith('at '))
      ?.trim() ?? '';
  const key = `${feature}\u0000${err.message}\u0000${frame}`;
  if (logged.has(key) || logged.size >= MAX_LOGGED_ERRORS) return;
  logged.add(key);
  log(
    `PodLab: ${feature} failed and answered nothing; please report this.\n${err.stack ?? `${err.name}: ${err.message}`}`,
  );
}
