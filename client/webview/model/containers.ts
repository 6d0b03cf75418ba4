// Pure: the container states of one pod at time t, with the CrashLoopBackOff countdown.
import type { PanelPod } from '../../src/panel/protocol';
import {
  humanDuration,
  secondsLeft,
  type ContainerState,
  type ContainerStatus,
  type PodStatus,
} from '../../../simulator/src/view';
import { containerStatusMap } from './pods';

export interface BackOffView {
  /** The current back-off delay, seconds. */
  delay: number;
  /** When the back-off expires: the last finishedAt + delay (ContainerStatus.backOff.until). */
  nextRestartAt: number;
  /** nextRestartAt − t, never negative. */
  remaining: number;
  /** The countdown in whole seconds, by the one rounding rule the inline facts use too (present/countdown.ts). */
  secondsLeft: number;
}

/** The back-off of a container status at t, from the engine's structured `backOff` (never from the message). */
export function backOffAt(status: ContainerStatus, t: number): BackOffView | null {
  const b = status.backOff;
  if (!b) return null;
  return {
    delay: b.delay,
    nextRestartAt: b.until,
    remaining: Math.max(0, b.until - t),
    secondsLeft: secondsLeft(b.until, t),
  };
}

/** `next restart in 12s`, or `restart due` once the back-off has expired. */
export function countdownText(b: BackOffView): string {
  return b.secondsLeft <= 0 ? 'restart due' : `next restart in ${humanDuration(b.secondsLeft)}`;
}

/** One line for a container state: `Running since t=4s`, `Waiting: CrashLoopBackOff`, `Terminated: Error (exit 2)`. */
function stateText(state: ContainerState): string {
  if (state.running) return `Running since t=${humanDuration(state.running.startedAt)}`;
  if (state.terminated) {
    const x = state.terminated;
    const sig = x.signal ? `, signal ${x.signal}` : '';
    return `Terminated: ${x.reason || 'Unknown'} (exit ${x.exitCode}${sig}) t=${humanDuration(x.startedAt)}–${humanDuration(x.finishedAt)}`;
  }
  if (state.waiting) return `Waiting: ${state.waiting.reason}`;
  return '—';
}

export interface ContainerView {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  /** Null when the kubelet has not reported the container yet at t. */
  status: ContainerStatus | null;
  state: string;
  /** The waiting or terminated message, if any. */
  message: string | null;
  lastState: string | null;
  /** The previous run's termination message (what a crash-looping container wrote before it ended). */
  lastMessage: string | null;
  backOff: BackOffView | null;
  backOffText: string | null;
}

export function containerViews(pod: PanelPod, status: PodStatus | null, t: number): ContainerView[] {
  const byName = containerStatusMap(status);
  return pod.containers.map((c) => {
    const cs = byName.get(c.name) ?? null;
    const backOff = cs ? backOffAt(cs, t) : null;
    const hasLast = !!cs && (cs.lastState.running || cs.lastState.terminated || cs.lastState.waiting);
    return {
      name: c.name,
      kind: c.kind,
      status: cs,
      state: cs ? stateText(cs.state) : 'not reported yet',
      message: cs ? (cs.state.waiting?.message ?? cs.state.terminated?.message ?? null) : null,
      lastState: cs && hasLast ? stateText(cs.lastState) : null,
      lastMessage: cs?.lastState.terminated?.message ?? null,
      backOff,
      backOffText: backOff ? `back-off ${humanDuration(backOff.delay)} · ${countdownText(backOff)}` : null,
    };
  });
}
