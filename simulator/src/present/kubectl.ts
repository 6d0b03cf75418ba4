// `kubectl get pods` columns: a line-by-line port of printPod (k/k pkg/printers/internalversion/printers.go).
import type { ContainerStatus, KubectlColumns, PodStatus } from '../trace';
import { humanDuration } from './duration';

/** The spec fields printPod reads, with Kubernetes JSON names (a PodSpec fits). */
export interface KubectlSpecLike {
  containers?: readonly { name: string }[] | null;
  initContainers?: readonly { name: string; restartPolicy?: string | null }[] | null;
  readinessGates?: readonly { conditionType: string }[] | null;
}

export interface KubectlOptions {
  /**
   * The pod spec. Gives the number of containers and init containers (the `n` of `Init:i/n` and READY's total)
   * and the sidecars (init containers with `restartPolicy: Always`). Without it the counts come from the
   * status lists, which the kubelet always fills for every container.
   */
  spec?: KubectlSpecLike;
  /** Names of sidecar init containers, when no spec is given (or in addition to it). */
  sidecars?: Iterable<string>;
}

export interface KubectlPodLike {
  status: PodStatus;
  createdAt: number;
  /** deletionTimestamp (seconds since apply), or null. A value later than `now` counts as not deleted. */
  deletedAt: number | null;
}

function sidecarSet(opts: KubectlOptions | undefined): Set<string> {
  const set = new Set<string>(opts?.sidecars ?? []);
  for (const c of opts?.spec?.initContainers ?? []) if (c.restartPolicy === 'Always') set.add(c.name);
  return set;
}

/** READY, STATUS, RESTARTS and AGE of one pod at time `now`, exactly as printPod computes them. */
export function kubectlColumns(pod: KubectlPodLike, now: number, opts?: KubectlOptions): KubectlColumns {
  const status = pod.status;
  const sidecars = sidecarSet(opts);
  const isSidecar = (c: ContainerStatus): boolean => sidecars.has(c.name);
  const specInit = opts?.spec?.initContainers;
  const initCount = specInit ? specInit.length : status.initContainerStatuses.length;
  let total = opts?.spec?.containers ? opts.spec.containers.length : status.containerStatuses.length;
  if (specInit) total += specInit.filter((c) => c.restartPolicy === 'Always' || sidecars.has(c.name)).length;
  else total += status.initContainerStatuses.filter(isSidecar).length;

  let restarts = 0;
  let sidecarRestarts = 0;
  let ready = 0;
  // null plays the role of Go's zero time ("no restart seen").
  let lastRestart: number | null = null;
  let lastSidecarRestart: number | null = null;
  const later = (a: number | null, b: number): number => (a === null || a < b ? b : a);

  let reason: string = status.reason ? status.reason : status.phase;
  for (const c of status.conditions) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let initializing = false;
  for (let i = 0; i < status.initContainerStatuses.length; i++) {
    const c = status.initContainerStatuses[i] as ContainerStatus;
    restarts += c.restartCount;
    const lastTerm = c.lastState.terminated;
    if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
    if (isSidecar(c)) {
      sidecarRestarts += c.restartCount;
      if (lastTerm) lastSidecarRestart = later(lastSidecarRestart, lastTerm.finishedAt);
    }
    const term = c.state.terminated;
    if (term && term.exitCode === 0) continue;
    if (isSidecar(c) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = 'Init:' + term.reason;
    } else if (c.state.waiting && c.state.waiting.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = 'Init:' + c.state.waiting.reason;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  const initialized = status.conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    for (let i = status.containerStatuses.length - 1; i >= 0; i--) {
      const c = status.containerStatuses[i] as ContainerStatus;
      restarts += c.restartCount;
      const lastTerm = c.lastState.terminated;
      if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
      const term = c.state.terminated;
      if (c.state.waiting && c.state.waiting.reason) reason = c.state.waiting.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const deleted = pod.deletedAt !== null && pod.deletedAt <= now;
  if (deleted && status.reason === 'NodeLost') reason = 'Unknown';
  else if (deleted && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== null) restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;

  return {
    ready: `${ready}/${total}`,
    status: reason,
    restarts: restartsText,
    age: humanDuration(now - pod.createdAt),
  };
}

/** The extra `-o wide` columns: IP, NODE, NOMINATED NODE, READINESS GATES. */
export interface KubectlWideColumns {
  ip: string;
  node: string;
  nominatedNode: string;
  readinessGates: string;
}

export function kubectlWideColumns(
  pod: { status: PodStatus; node: string | null },
  spec?: Pick<KubectlSpecLike, 'readinessGates'>,
  nominatedNode?: string,
): KubectlWideColumns {
  let readinessGates = '<none>';
  const gates = spec?.readinessGates ?? [];
  if (gates.length > 0) {
    let trueCount = 0;
    for (const g of gates) {
      const cond = pod.status.conditions.find((c) => c.type === g.conditionType);
      if (cond?.status === 'True') trueCount++;
    }
    readinessGates = `${trueCount}/${gates.length}`;
  }
  return {
    ip: pod.status.podIP || '<none>',
    node: pod.node || '<none>',
    nominatedNode: nominatedNode || '<none>',
    readinessGates,
  };
}
