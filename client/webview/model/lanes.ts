// Pure: the timeline lanes of one pod (one per container): spans, probe ticks and kill markers, plus axis ticks.
import type { PanelContainer, PanelPod } from '../../src/panel/protocol';
import { humanDuration, type EndReason, type ProbeRecord } from '../../../simulator/src/view';
import { containerStatusMap } from './pods';

export type SpanKind = 'waiting' | 'running' | 'backoff' | 'terminated';
/** Colour class of a termination. */
export type ExitClass = 'completed' | 'error' | 'oomkilled' | 'other';

export interface Span {
  kind: SpanKind;
  from: number;
  to: number;
  /** For running spans that ended and terminated spans: how the run ended. */
  exit?: ExitClass;
  title: string;
}

export interface Mark {
  t: number;
  kind: 'probe-success' | 'probe-failure' | 'probe-unknown' | 'kill' | 'exit';
  exit?: ExitClass;
  title: string;
}

export interface Lane {
  container: string;
  kind: PanelContainer['kind'];
  spans: Span[];
  marks: Mark[];
}

export function exitClass(reason: string | undefined, exitCode: number | undefined): ExitClass {
  if (reason === 'OOMKilled') return 'oomkilled';
  if (reason === 'Completed' || (reason === undefined && exitCode === 0)) return 'completed';
  if (reason === 'Error' || (exitCode !== undefined && exitCode !== 0)) return 'error';
  return 'other';
}

/** Whether a status published in [from, to) shows the container waiting in CrashLoopBackOff. */
function backOffBetween(pod: PanelPod, container: string, from: number, to: number): boolean {
  for (const h of pod.history) {
    if (h.t < from || h.t >= to) continue;
    if (containerStatusMap(h.status).get(container)?.state.waiting?.reason === 'CrashLoopBackOff') return true;
  }
  return false;
}

/** Why the kubelet killed a run, for the kill marker's tooltip. */
const KILLED_BECAUSE: Partial<Record<EndReason, string>> = {
  liveness: 'failed liveness probe',
  startup: 'failed startup probe',
  postStart: 'postStart hook failed',
  deletion: 'pod deleted',
  deadline: 'pod passed activeDeadlineSeconds',
  podDone: 'pod finished',
};

/** The kills of a container's runs (the kubelet's Killing moments), from the runs' structured `killedAt`. */
function killsOf(c: PanelContainer, podEnd: number): Mark[] {
  return c.instances
    .filter((i) => i.killedAt !== undefined && i.killedAt <= podEnd)
    .map((i) => ({
      t: i.killedAt!,
      kind: 'kill' as const,
      title: `t=${humanDuration(i.killedAt!)} Killing: ${KILLED_BECAUSE[i.endedBy!] ?? 'stopped'}`,
    }));
}

function endText(reason: string | undefined, exitCode: number | undefined): string {
  return `${reason ?? 'exited'}${exitCode !== undefined ? ` (exit ${exitCode})` : ''}`;
}

export function podLanes(pod: PanelPod, until: number, probes: readonly ProbeRecord[]): Lane[] {
  const podEnd = Math.min(until, pod.removedAt ?? until);
  return pod.containers.map((c) => {
    const spans: Span[] = [];
    const marks: Mark[] = [];
    let cursor = pod.createdAt;
    const runs = c.instances.filter((i) => i.start <= podEnd);
    runs.forEach((run, i) => {
      if (run.start > cursor) {
        const prev = runs[i - 1];
        const kind: SpanKind = prev && backOffBetween(pod, c.name, cursor, run.start) ? 'backoff' : 'waiting';
        const what = kind === 'backoff' ? 'CrashLoopBackOff' : 'waiting';
        spans.push({
          kind,
          from: cursor,
          to: run.start,
          title: `${what} t=${humanDuration(cursor)}–${humanDuration(run.start)}`,
        });
      }
      const end = run.end === undefined ? podEnd : Math.min(run.end, podEnd);
      const running: Span = {
        kind: 'running',
        from: run.start,
        to: end,
        title: `run ${i + 1}: t=${humanDuration(run.start)}–${run.end === undefined ? '…' : humanDuration(run.end)}`,
      };
      if (run.end !== undefined) {
        const exit = exitClass(run.reason, run.exitCode);
        running.exit = exit;
        running.title += ` ${endText(run.reason, run.exitCode)}`;
        if (run.end <= podEnd)
          marks.push({
            t: run.end,
            kind: 'exit',
            exit,
            title: `t=${humanDuration(run.end)} ${endText(run.reason, run.exitCode)}`,
          });
      }
      spans.push(running);
      cursor = Math.max(cursor, end);
    });
    const last = runs[runs.length - 1];
    if (cursor < podEnd) {
      if (last && last.end !== undefined) {
        const restarts = c.instances.some((i) => i.start > podEnd);
        const kind: SpanKind = restarts || backOffBetween(pod, c.name, cursor, podEnd) ? 'backoff' : 'terminated';
        const exit = exitClass(last.reason, last.exitCode);
        const label = kind === 'backoff' ? 'CrashLoopBackOff' : `terminated: ${endText(last.reason, last.exitCode)}`;
        spans.push({
          kind,
          from: cursor,
          to: podEnd,
          exit,
          title: `${label} t=${humanDuration(cursor)}–${humanDuration(podEnd)}`,
        });
      } else if (!last) {
        spans.push({
          kind: 'waiting',
          from: cursor,
          to: podEnd,
          title: `waiting t=${humanDuration(cursor)}–${humanDuration(podEnd)}`,
        });
      }
    }
    for (const r of probes) {
      if (r.pod !== pod.name || r.container !== c.name || r.t > podEnd) continue;
      marks.push({
        t: r.t,
        kind: `probe-${r.result}`,
        title: `t=${humanDuration(r.t)} ${r.probe} ${r.result}${r.message ? `: ${r.message}` : ''}`,
      });
    }
    marks.push(...killsOf(c, podEnd));
    return { container: c.name, kind: c.kind, spans, marks };
  });
}

/** Round axis ticks from 0 to until, about `count` of them (1-2-5 × 10^n, or minute multiples). */
export function axisTicks(until: number, count = 8): number[] {
  if (!(until > 0)) return [0];
  const raw = until / Math.max(1, count);
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400];
  let step = steps.find((s) => s >= raw);
  if (step === undefined) step = Math.ceil(raw / 86400) * 86400;
  if (raw < 1) step = raw <= 0.2 ? 0.2 : raw <= 0.5 ? 0.5 : 1;
  const ticks: number[] = [];
  for (let i = 0; i * step <= until + 1e-9; i++) ticks.push(Math.round(i * step * 1000) / 1000);
  return ticks;
}
