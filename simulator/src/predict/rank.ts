// Which verdict speaks for a whole run when there is room for one (the status bar, the panel's first view):
// a problem before an unknown before a healthy or completed workload; the first in document order among equals.
import type { VerdictOutcome } from './verdict';

const RANK: Readonly<Record<VerdictOutcome, number>> = { problem: 0, unknown: 1, healthy: 2, completed: 3 };

export function worstVerdict<V extends { outcome: VerdictOutcome }>(verdicts: readonly V[]): V | undefined {
  let worst: V | undefined;
  for (const v of verdicts) if (worst === undefined || RANK[v.outcome] < RANK[worst.outcome]) worst = v;
  return worst;
}
