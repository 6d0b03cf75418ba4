// restartPolicy rules (ShouldContainerBeRestarted, k/k pkg/kubelet/container/helpers.go).
import type { BackOffEntry } from './runtime';
import type { Timings } from './simulation';

export function shouldRestart(policy: string, exitCode: number): boolean {
  if (policy === 'Always') return true;
  if (policy === 'OnFailure') return exitCode !== 0;
  return false;
}

/** flowcontrol.Backoff: is `entry` still in force for a failure that finished at `finishedAt`? */
export function backOffActive(entry: BackOffEntry | undefined, finishedAt: number, t: Timings): entry is BackOffEntry {
  return entry !== undefined && finishedAt - entry.lastUpdate <= t.backOffReset;
}

/** flowcontrol.Backoff.Next: initial delay for a new or expired entry, else double up to the cap. */
export function nextBackOff(
  entry: BackOffEntry | undefined,
  finishedAt: number,
  now: number,
  t: Timings,
): BackOffEntry {
  if (!backOffActive(entry, finishedAt, t)) return { delay: t.backOffInitial, lastUpdate: now };
  return { delay: Math.min(entry.delay * 2, t.backOffMax), lastUpdate: now };
}
