// The one probe value that lets a process which starts listening late pass its liveness or startup probe. Both
// the static rule (liveness-kills-before-start) and the crash-loop and restart predictions suggest it, and they
// must suggest the same edit: they are published as one diagnostic with one preferred fix (mergeCauses.ts).
//
// Timing (kubelet-semantics.md §2.2): a probe tick is skipped while the whole seconds since the container's
// start are below initialDelaySeconds; after that one tick per periodSeconds, on a grid that is not anchored at
// the start, so the first counted tick falls in [D, D+P); the kill comes at the failureThreshold-th failure.

/** The probe timing, API-defaulted (kubelet-semantics.md §2.1). */
export interface ProbeTimes {
  initialDelaySeconds: number;
  periodSeconds: number;
  failureThreshold: number;
}

/** The probe field to set, and its value. */
export interface SlowStartChange {
  field: 'initialDelaySeconds' | 'failureThreshold';
  value: number;
}

/**
 * For a liveness probe: an initialDelaySeconds above the listening time (the next multiple of 5, a value a
 * person would write), so no counted probe fails. For a startup probe, whose job is to wait for the start:
 * enough failures that some tick comes after the listening time, as the Kubernetes docs advise (failureThreshold
 * × periodSeconds covering the start); at most floor((at − D) / P) + 1 ticks come before it.
 */
export function slowStartChange(slot: 'liveness' | 'startup', t: ProbeTimes, listensAt: number): SlowStartChange {
  if (slot === 'liveness') return { field: 'initialDelaySeconds', value: (Math.floor(listensAt / 5) + 1) * 5 };
  const ticksBefore = Math.floor(Math.max(0, listensAt - t.initialDelaySeconds) / t.periodSeconds) + 1;
  return { field: 'failureThreshold', value: Math.max(t.failureThreshold + 1, ticksBefore + 1) };
}
