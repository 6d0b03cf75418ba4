// Hand-built status fixtures for the presentation tests.
import type {
  ConditionStatus,
  ContainerState,
  ContainerStatus,
  PodCondition,
  PodPhase,
  PodStatus,
} from '../../simulator/src/trace';

export function cs(name: string, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  const running = !!state.running;
  return {
    name,
    image: `${name}:1.0`,
    ready: running,
    started: running,
    restartCount: 0,
    state,
    lastState: {},
    ...extra,
  };
}

export const waiting = (reason: string, message?: string): ContainerState => ({
  waiting: message ? { reason, message } : { reason },
});
export const running = (startedAt = 1): ContainerState => ({ running: { startedAt } });
export const terminated = (
  exitCode: number,
  reason: string,
  startedAt = 1,
  finishedAt = 3,
  signal?: number,
): ContainerState => ({
  terminated:
    signal === undefined
      ? { exitCode, reason, startedAt, finishedAt }
      : { exitCode, reason, startedAt, finishedAt, signal },
});

export const cond = (type: string, status: ConditionStatus, reason?: string): PodCondition =>
  reason ? { type, status, reason, lastTransitionTime: 0 } : { type, status, lastTransitionTime: 0 };

export function status(
  phase: PodPhase,
  containers: ContainerStatus[],
  init: ContainerStatus[] = [],
  conditions: PodCondition[] = [],
  extra: Partial<PodStatus> = {},
): PodStatus {
  return { phase, conditions, initContainerStatuses: init, containerStatuses: containers, ...extra };
}
