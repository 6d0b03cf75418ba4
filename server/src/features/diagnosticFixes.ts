// A diagnostic's quick fixes, kept beside it rather than in its `data`, and computed when first asked for. They
// used to travel in every publish: at 200 Deployments 40% of a publish was fix edits (replicas-not-spread's
// topologySpreadConstraints snippet, on every Deployment), written and parsed on every keystroke, and computed
// on every keystroke too, for fixes nobody had asked for yet. A code action now asks the engine that made the
// diagnostics (background/publishedFixes.ts), and only the fixes of the diagnostics under the cursor are made.
// The objects are the keys: a diagnostic cached with its document keeps its fixes once they are made.
import type { Diagnostic } from 'vscode-languageserver';
import type { Fix } from '../rules/types';

const fixesBy = new WeakMap<Diagnostic, () => readonly Fix[]>();

/** Gives `d` the fixes that `make` returns, made on the first fixesOf(d) and kept. */
export function setFixes(d: Diagnostic, make: () => readonly Fix[]): void {
  let made: readonly Fix[] | undefined;
  fixesBy.set(d, () => (made ??= make()));
}

/** The fixes of a diagnostic made here (none for one that has none, or that came from elsewhere). */
export function fixesOf(d: Diagnostic): readonly Fix[] {
  return fixesBy.get(d)?.() ?? [];
}

/** Gives `to` (a copy of the diagnostics `from`, moved or merged) fixes made from theirs by `make`, when asked. */
export function deriveFixes(
  to: Diagnostic,
  from: readonly Diagnostic[],
  make: (fixes: readonly Fix[]) => readonly Fix[],
): void {
  if (from.some((d) => fixesBy.has(d))) setFixes(to, () => make(from.flatMap(fixesOf)));
}
