// Whether a change to a container's status inputs changes nothing. Each sync of a crash-looping container sets the
// same CrashLoopBackOff reason again; the status must then not be rebuilt, or a month of back-off syncs publishes a
// quarter of a million equal statuses (runtime.ts setContainer).

interface Waiting {
  reason: string;
  message: string;
  cause?: unknown;
  backOff?: { delay: number; until: number };
}

interface Inputs {
  waiting?: Waiting | undefined;
  ready: boolean;
  started: boolean;
}

export function sameContainerInputs(c: Inputs, change: Partial<Inputs>): boolean {
  if ('ready' in change && change.ready !== c.ready) return false;
  if ('started' in change && change.started !== c.started) return false;
  if (!('waiting' in change)) return true;
  const a = change.waiting;
  const b = c.waiting;
  if (a === undefined || b === undefined) return a === b;
  return (
    a.reason === b.reason &&
    a.message === b.message &&
    a.cause === b.cause &&
    a.backOff?.delay === b.backOff?.delay &&
    a.backOff?.until === b.backOff?.until
  );
}
