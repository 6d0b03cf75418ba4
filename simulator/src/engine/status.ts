// generateAPIPodStatus: the pod status the kubelet reports, rebuilt at the start of each sync and on
// readiness changes (docs/kubelet-behaviour.md, "The pod worker" and "Phase, container states and
// conditions"). The history of published statuses is what `kubectl get pods` shows at any moment.
import type { Simulation } from './simulation';
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { currentInstance, isRunning } from './runtime';
import { recordStatus } from './statusInputs';
import { shouldRestart } from './policy';
import { firstBytes, podMessageBudget } from './terminationMessage';
import type { ConditionStatus, ContainerState, ContainerStatus, PodCondition, PodPhase, PodStatus } from '../trace';

export function publishStatus(sim: Simulation, pod: PodRuntime): void {
  recordStatus(pod, sim.now, (prev) => buildStatus(pod, sim.now, prev));
}

/** The status in force at `t` (ms). */
export function statusAt(pod: PodRuntime, t: number): PodStatus | undefined {
  const h = pod.history;
  let lo = 0;
  let hi = h.length - 1;
  let found: PodStatus | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const entry = h[mid]!;
    if (entry.t <= t) {
      found = entry.status;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const sec = (ms: number) => ms / 1000;

function terminated(i: Instance, budget: number): ContainerState {
  const t: NonNullable<ContainerState['terminated']> = {
    exitCode: i.exitCode ?? 0,
    reason: i.reason ?? (i.exitCode === 0 ? 'Completed' : 'Error'),
    startedAt: sec(i.startedAt),
    finishedAt: sec(i.finishedAt ?? i.startedAt),
  };
  if (i.message) t.message = firstBytes(i.message, budget);
  return { terminated: t };
}

function containerStatus(
  pod: PodRuntime,
  c: ContainerRuntime,
  now: number,
  policy: string,
  hasInit: boolean,
): ContainerStatus {
  const cur = currentInstance(c);
  const prevInstance = c.instances[c.instances.length - 2];
  const budget = podMessageBudget(pod);
  let state: ContainerState;
  let lastState: ContainerState = {};
  let ready = false;
  let started = false;
  if (cur === undefined) {
    // convertToAPIContainerStatuses: the default waiting state of every container of a pod with init
    // containers (sidecars count; init containers themselves included) is PodInitializing.
    const reason = c.waiting?.reason ?? (hasInit ? 'PodInitializing' : 'ContainerCreating');
    state = { waiting: c.waiting ? { reason, message: c.waiting.message } : { reason } };
  } else if (isRunning(cur, now)) {
    state = { running: { startedAt: sec(cur.startedAt) } };
    if (prevInstance) lastState = terminated(prevInstance, budget);
    started = c.started;
    // Without a readiness probe a running container is ready (prober_manager UpdatePodStatus).
    ready =
      c.kind === 'init' || pod.nodeLost === true ? false : started && (c.spec.readinessProbe === undefined || c.ready);
  } else {
    const restartable =
      c.kind === 'sidecar' ||
      (c.kind === 'init' ? policy !== 'Never' && cur.exitCode !== 0 : shouldRestart(policy, cur.exitCode ?? 0));
    if (restartable && c.waiting && pod.deletedAt === null && pod.terminalPhase === null) {
      state = { waiting: { reason: c.waiting.reason, message: c.waiting.message } };
      lastState = terminated(cur, budget);
    } else {
      state = terminated(cur, budget);
      if (prevInstance) lastState = terminated(prevInstance, budget);
      ready = c.kind === 'init' && cur.exitCode === 0;
    }
  }
  const s: ContainerStatus = {
    name: c.name,
    image: c.spec.image ?? '',
    ready,
    started,
    restartCount: cur?.restartCount ?? 0,
    state,
    lastState,
  };
  const cause = c.waiting?.cause ?? (cur && !isRunning(cur, now) ? cur.cause : undefined);
  if (cause) s.cause = cause;
  const backOff = state.waiting ? c.waiting?.backOff : undefined;
  if (backOff) s.backOff = { delay: sec(backOff.delay), until: sec(backOff.until) };
  return s;
}

function buildStatus(pod: PodRuntime, now: number, prev: PodStatus | undefined): PodStatus {
  const policy = pod.spec.restartPolicy;
  const inits = pod.containers.filter((c) => c.kind !== 'regular');
  const regular = pod.containers.filter((c) => c.kind === 'regular');
  const hasInit = inits.length > 0; // len(pod.Spec.InitContainers) > 0 in generateAPIPodStatus

  if (pod.node === null) {
    const conditions = [cond(prev, now, 'PodScheduled', 'False', 'Unschedulable', pod.scheduling?.message)];
    return { phase: 'Pending', conditions, initContainerStatuses: [], containerStatuses: [] };
  }

  const initStatuses = inits.map((c) => containerStatus(pod, c, now, policy, hasInit));
  const statuses = regular.map((c) => containerStatus(pod, c, now, policy, hasInit));
  // A kubelet-decided failure (activeDeadlineSeconds) is Failed from the sync that decides it, while its
  // containers are still being stopped.
  const phase = pod.terminalPhase ?? (pod.phaseReason ? 'Failed' : getPhase(pod, initStatuses, statuses, policy));

  const pendingInit = inits.filter((c, i) => {
    const s = initStatuses[i]!;
    return c.kind === 'sidecar' ? !s.started : !(s.state.terminated?.exitCode === 0);
  });
  const initialized = pod.initialized || pendingInit.length === 0 || phase === 'Succeeded';
  const unready = [...regular, ...inits.filter((c) => c.kind === 'sidecar')].filter((c) => {
    const s = c.kind === 'regular' ? statuses[regular.indexOf(c)]! : initStatuses[inits.indexOf(c)]!;
    return !s.ready;
  });
  const terminalReason = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : undefined;
  const containersReady = unready.length === 0 && terminalReason === undefined;
  const gates = pod.spec.readinessGates ?? [];
  const unreadyMsg = `containers with unready status: [${unready.map((c) => c.name).join(' ')}]`;

  const conditions: PodCondition[] = [
    cond(prev, now, 'PodReadyToStartContainers', pod.sandboxReady && pod.terminalPhase === null ? 'True' : 'False'),
    initialized
      ? cond(
          prev,
          now,
          'Initialized',
          'True',
          phase === 'Succeeded' && pendingInit.length > 0 ? 'PodCompleted' : undefined,
        )
      : cond(
          prev,
          now,
          'Initialized',
          'False',
          'ContainersNotInitialized',
          `containers with incomplete status: [${pendingInit.map((c) => c.name).join(' ')}]`,
        ),
    containersReady
      ? cond(prev, now, 'ContainersReady', 'True')
      : cond(
          prev,
          now,
          'ContainersReady',
          'False',
          terminalReason ?? 'ContainersNotReady',
          terminalReason ? undefined : unreadyMsg,
        ),
    containersReady && gates.length === 0
      ? cond(prev, now, 'Ready', 'True')
      : containersReady
        ? cond(
            prev,
            now,
            'Ready',
            'False',
            'ReadinessGatesNotReady',
            `corresponding condition of pod readiness gate "${gates[0]?.conditionType}" does not exist.`,
          )
        : cond(
            prev,
            now,
            'Ready',
            'False',
            terminalReason ?? 'ContainersNotReady',
            terminalReason ? undefined : unreadyMsg,
          ),
    cond(prev, now, 'PodScheduled', 'True'),
  ];
  const status: PodStatus = {
    phase,
    podIP: pod.ip,
    hostIP: pod.node.internalIP ?? '172.18.0.2',
    startTime: sec(pod.createdAt),
    conditions,
    initContainerStatuses: initStatuses,
    containerStatuses: statuses,
  };
  if (pod.ip === undefined) delete status.podIP;
  if (pod.phaseReason) {
    status.reason = pod.phaseReason.reason;
    status.message = pod.phaseReason.message;
  }
  return status;
}

function cond(
  prev: PodStatus | undefined,
  now: number,
  type: string,
  status: ConditionStatus,
  reason?: string,
  message?: string,
): PodCondition {
  const old = prev?.conditions.find((c) => c.type === type);
  // An unchanged condition is the previous status's own object: most syncs change one condition or none, and a run
  // keeps every status it published (statuses are never modified once built).
  if (old !== undefined && old.status === status && old.reason === reason && old.message === message) return old;
  const c: PodCondition = {
    type,
    status,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime : sec(now),
  };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** getPhase, k/k pkg/kubelet/kubelet_pods.go (docs/kubelet-behaviour.md, "Phase, container states and conditions"). */
function getPhase(
  pod: PodRuntime,
  initStatuses: ContainerStatus[],
  statuses: ContainerStatus[],
  policy: string,
): PodPhase {
  let pendingInit = false;
  let failedInit = false;
  pod.containers
    .filter((c) => c.kind !== 'regular')
    .forEach((c, i) => {
      const s = initStatuses[i]!;
      if (c.kind === 'sidecar') {
        if ((s.state.running && !s.started) || (s.state.waiting && !s.lastState.terminated)) pendingInit = true;
        return;
      }
      const t = s.state.terminated ?? (s.state.waiting ? s.lastState.terminated : undefined);
      if (s.state.running || (s.state.waiting && !s.lastState.terminated)) pendingInit = true;
      else if (t && t.exitCode !== 0) failedInit = true;
    });
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    }
  }
  if (failedInit && policy === 'Never') return 'Failed';
  if ((pendingInit || failedInit) && running === 0 && stopped === 0) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0 && stopped === statuses.length) {
    if (policy === 'Always') return 'Running';
    if (succeeded === stopped) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
