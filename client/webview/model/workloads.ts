// Pure: the timeline's overview. The run's pods grouped by workload (one group per YAML document, in document
// order), one lane per pod in creation order — a Job's attempts, a ReplicaSet's replacements — coloured by the
// pod's state over time, and each workload's summary at t (a Job's condition, a Deployment's ready replicas).
// Everything comes from typed trace fields: pod phases, conditions and container states, event `reason`s.
import type { PanelPod, PanelSimulation, PanelWorkload } from '../../src/panel/protocol';
import { humanDuration, type PodStatus, type TraceEvent } from '../../../simulator/src/view';
import { podLanes, type Mark } from './lanes';
import { statusAt, statusText } from './pods';

/** What a pod is doing over a stretch of time (the CSS classes of media/panel-timeline.css follow these). */
export type PodStateKind = 'waiting' | 'running' | 'ready' | 'backoff' | 'completed' | 'failed' | 'terminating';

export interface PodSegment {
  kind: PodStateKind;
  from: number;
  to: number;
  /** kubectl's STATUS during the segment and its times. */
  title: string;
}

export interface PodLane {
  pod: PanelPod;
  /** A Job's attempt number (1 for its first pod), by creation order. */
  attempt?: number;
  segments: PodSegment[];
  /** The kills and exits of the pod's containers. */
  marks: Mark[];
  /** A Job attempt's wait for the controller: from the previous attempt's last container finish to this pod. */
  gap?: { from: number; to: number };
}

export interface WorkloadGroup {
  workload: PanelWorkload;
  lanes: PodLane[];
}

/** Waiting reasons that mean the kubelet is backing off (k/k kuberuntime; kubelet-semantics.md §1). */
const BACK_OFF_REASONS = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull']);

/** The state of a pod whose status at t is `status`. */
export function podStateKind(pod: PanelPod, status: PodStatus | null, t: number): PodStateKind {
  if (!status) return 'waiting';
  if (status.phase === 'Succeeded') return 'completed';
  if (status.phase === 'Failed') return 'failed';
  if (pod.deletedAt !== null && pod.deletedAt <= t) return 'terminating';
  const all = [...status.initContainerStatuses, ...status.containerStatuses];
  if (all.some((c) => c.state.waiting && BACK_OFF_REASONS.has(c.state.waiting.reason))) return 'backoff';
  if (status.conditions.some((c) => c.type === 'Ready' && c.status === 'True')) return 'ready';
  const regular = status.containerStatuses;
  if (regular.length > 0 && regular.every((c) => c.state.running !== undefined)) return 'running';
  return 'waiting';
}

/** The pod's life from creation to removal (or `until`) in segments of one state and one STATUS. */
function podSegments(pod: PanelPod, until: number): PodSegment[] {
  const end = Math.min(until, pod.removedAt ?? until);
  const cuts = [pod.createdAt, ...pod.history.map((h) => h.t), ...(pod.deletedAt !== null ? [pod.deletedAt] : [])]
    .filter((t) => t >= pod.createdAt && t < end)
    .sort((a, b) => a - b);
  const out: (PodSegment & { status: string })[] = [];
  for (const from of cuts) {
    const st = statusAt(pod, from);
    const kind = podStateKind(pod, st, from);
    const status = statusText(pod, st, from);
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.status === status) continue;
    if (last) last.to = from;
    out.push({ kind, from, to: end, status, title: '' });
  }
  return out
    .filter((s) => s.to > s.from)
    .map(({ kind, from, to, status }) => ({
      kind,
      from,
      to,
      title: `${status} t=${humanDuration(from)}–${humanDuration(to)}`,
    }));
}

/** When the pod's last container run ended (the Job controller counts its back-off from there), if any did. */
function lastFinish(pod: PanelPod): number | undefined {
  let last: number | undefined;
  for (const c of pod.containers)
    for (const i of c.instances) if (i.end !== undefined) last = Math.max(last ?? 0, i.end);
  return last;
}

/** One group per workload, in document order; pods in creation order, each with its lane. */
export function workloadGroups(sim: PanelSimulation): WorkloadGroup[] {
  return sim.workloads.map((workload) => {
    const pods = sim.pods.filter((p) => p.doc === workload.doc).sort((a, b) => a.createdAt - b.createdAt);
    const isJob = workload.kind === 'Job';
    const lanes = pods.map((pod, i): PodLane => {
      const marks = podLanes(pod, sim.until, []).flatMap((l) => l.marks);
      const lane: PodLane = { pod, segments: podSegments(pod, sim.until), marks };
      if (isJob) {
        lane.attempt = i + 1;
        const before = pods[i - 1];
        const from = before ? lastFinish(before) : undefined;
        if (from !== undefined && from < pod.createdAt) lane.gap = { from, to: pod.createdAt };
      }
      return lane;
    });
    return { workload, lanes };
  });
}

export type Tone = 'good' | 'bad' | 'pending';

export interface WorkloadSummary {
  text: string;
  tone: Tone;
  /** A Job's Complete or Failed condition, once reached (at `t`). */
  condition?: JobCondition;
}

export interface JobCondition {
  type: 'Complete' | 'Failed';
  /** BackoffLimitExceeded, DeadlineExceeded; absent for Complete. */
  reason?: string;
  t: number;
  message: string;
}

/**
 * The job controller's events that mark the Job's terminal condition (kubelet-semantics.md §8): `Completed`, and
 * the Failed condition's reasons, which the Warning event carries as its reason.
 */
const JOB_TERMINAL: Readonly<Record<string, JobCondition['type']>> = {
  Completed: 'Complete',
  BackoffLimitExceeded: 'Failed',
  DeadlineExceeded: 'Failed',
};

/** The Job's terminal condition reached at or before t, from the job controller's events on `Job/name`. */
function jobCondition(events: readonly TraceEvent[], job: string, t: number): JobCondition | undefined {
  for (const e of events) {
    if (e.t > t) break;
    const type = e.object === job && e.source === 'job-controller' ? JOB_TERMINAL[e.reason] : undefined;
    if (!type) continue;
    const c: JobCondition = { type, t: e.t, message: e.message };
    if (type === 'Failed') c.reason = e.reason;
    return c;
  }
  return undefined;
}

const exists = (p: PanelPod, t: number) => p.createdAt <= t && (p.removedAt === null || p.removedAt > t);

/** The workload's line at t: "Failed: BackoffLimitExceeded · 0 succeeded · 4 failed", "1/2 ready". */
export function workloadSummary(sim: PanelSimulation, group: WorkloadGroup, t: number): WorkloadSummary {
  const w = group.workload;
  const live = group.lanes.map((l) => l.pod).filter((p) => exists(p, t));
  const kinds = live.map((p) => podStateKind(p, statusAt(p, t), t));
  const troubled = kinds.some((k) => k === 'backoff' || k === 'failed');
  if (w.kind === 'Job') {
    const counted = group.lanes.map((l) => l.pod).filter((p) => p.createdAt <= t);
    const phases = counted.map((p) => statusAt(p, t)?.phase);
    const succeeded = phases.filter((p) => p === 'Succeeded').length;
    const failed = phases.filter((p) => p === 'Failed').length;
    const active = counted.length - succeeded - failed;
    const condition = jobCondition(sim.events, w.object, t);
    const head = !condition
      ? 'Running'
      : condition.reason
        ? `${condition.type}: ${condition.reason} at ${humanDuration(condition.t)}`
        : `${condition.type} at ${humanDuration(condition.t)}`;
    const parts = [head, `${active} active`, `${succeeded}/${w.completions ?? 1} succeeded`, `${failed} failed`];
    if (w.backoffLimit !== undefined) parts.push(`backoffLimit ${w.backoffLimit}`);
    const tone: Tone = condition ? (condition.type === 'Complete' ? 'good' : 'bad') : failed > 0 ? 'bad' : 'pending';
    const out: WorkloadSummary = { text: parts.join(' · '), tone };
    if (condition) out.condition = condition;
    return out;
  }
  if (w.kind === 'Pod') {
    const pod = group.lanes[0]?.pod;
    if (!pod || !exists(pod, t))
      return { text: pod && pod.createdAt > t ? 'not created yet' : 'gone', tone: 'pending' };
    const kind = kinds[0] ?? 'waiting';
    const tone: Tone = kind === 'ready' || kind === 'completed' ? 'good' : troubled ? 'bad' : 'pending';
    return { text: statusText(pod, statusAt(pod, t), t), tone };
  }
  const ready = kinds.filter((k) => k === 'ready').length;
  const desired = w.replicas ?? live.length;
  const parts = [`${ready}/${desired} ready`];
  const created = group.lanes.filter((l) => l.pod.createdAt <= t).length;
  // A CronJob's pods belong to its Jobs (their owners); it has no replica count.
  if (w.kind === 'CronJob')
    parts.splice(0, 1, `${new Set(group.lanes.filter((l) => l.pod.createdAt <= t).map((l) => l.pod.owner)).size} Jobs`);
  if (created > live.length) parts.push(`${created - live.length} pods replaced or removed`);
  const tone: Tone = troubled ? 'bad' : ready === desired && desired > 0 ? 'good' : 'pending';
  return { text: parts.join(' · '), tone };
}
