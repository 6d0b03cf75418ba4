// The verdict of a run, one per workload (YAML document): what will happen to its pods and why, at the moment it
// shows. Problems come from predict() — the same predictions the language server turns into diagnostics, so the
// panel's card, the CodeLens and the Problems view say one thing — and the rest from the pods' published
// statuses. A run that depends on something PodLab assumed stays "unknown", with the reason. Pure.
import type { SimulationResult } from '../simulate';
import type { PodRuntime } from '../engine/runtime';
import { kubectlColumns } from '../present/kubectl';
import { humanDuration } from '../present/duration';
import { OUTCOME_STATUS, type Prediction } from './types';

export type VerdictOutcome = 'healthy' | 'completed' | 'problem' | 'unknown';

export interface Verdict {
  /** `Kind/name` of the document's workload. */
  object: string;
  doc: number;
  /** The pod the verdict speaks about ('' when the run created none). */
  pod: string;
  outcome: VerdictOutcome;
  /** kubectl's STATUS for the outcome (CrashLoopBackOff, Running, Completed, Pending, Init:0/1…), or a Job's reason. */
  status: string;
  /** Seconds since apply when the outcome shows (the moment that matters), or null when no single moment does. */
  at: number | null;
  /** One line: "CrashLoopBackOff from 35s", "Running, Ready from 12s", "outcome unknown". */
  headline: string;
  /** A few words on why (the cause's evidence, or what was assumed); '' when there is nothing to add. */
  reason: string;
  /** The prediction behind a problem: its code, full message (the "why"), cause paths and changes. */
  prediction?: Prediction;
  /** How many more predictions the same workload has. */
  more: number;
}

const IMAGE_STATUSES = ['ImagePullBackOff', 'ErrImagePull', 'ErrImageNeverPull', 'InvalidImageName'];

/** One verdict per document that carries a workload, in document order. */
export function verdicts(result: SimulationResult, predictions: readonly Prediction[]): Verdict[] {
  const out: Verdict[] = [];
  for (const o of result.objects) {
    if (out.some((v) => v.doc === o.doc)) continue;
    const object = `${o.kind}/${o.value.metadata?.name ?? ''}`;
    const pods = result.pods.filter((p) => p.doc === o.doc);
    // The information-level slow start is a problem only when nothing worse is predicted.
    const mine = predictions
      .filter((p) => p.doc === o.doc)
      .sort((a, b) => Number(a.code === 'predicted-slow-ready') - Number(b.code === 'predicted-slow-ready'));
    const first = mine[0];
    out.push(
      first
        ? problemVerdict(result, object, o.doc, pods, first, mine.length - 1)
        : otherVerdict(result, object, o.doc, pods),
    );
  }
  return out;
}

/** STATUS of a pod at each published status, with the time (seconds) it first showed. */
function statusTimeline(pod: PodRuntime): { t: number; status: string }[] {
  const spec = pod.spec;
  return pod.history.map((h) => ({
    t: h.t / 1000,
    status: kubectlColumns({ status: h.status, createdAt: pod.createdAt / 1000, deletedAt: null }, h.t / 1000, {
      spec,
    }).status,
  }));
}

const firstShown = (pod: PodRuntime | undefined, statuses: readonly string[]): number | null =>
  (pod && statusTimeline(pod).find((s) => statuses.includes(s.status))?.t) ?? null;

const readyAt = (pod: PodRuntime): number | null => {
  const h = pod.history.find((x) => x.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'));
  return h === undefined ? null : h.t / 1000;
};

const from = (status: string, at: number | null) => (at === null ? status : `${status} from ${humanDuration(at)}`);

function problemVerdict(
  result: SimulationResult,
  object: string,
  doc: number,
  pods: readonly PodRuntime[],
  p: Prediction,
  more: number,
): Verdict {
  const pod = pods.find((x) => x.name === p.pod) ?? pods[0];
  const base = { object, doc, pod: pod?.name ?? '', outcome: 'problem' as const, reason: p.evidence ?? '', more };
  let status = OUTCOME_STATUS[p.code];
  let at: number | null = null;
  let headline: string | undefined;
  switch (p.code) {
    case 'predicted-crash-loop':
    case 'predicted-config-error':
      at = firstShown(pod, [status]);
      break;
    case 'predicted-mount-failed':
      at = pod ? pod.createdAt / 1000 : null;
      headline = `${status} (FailedMount)`;
      break;
    case 'predicted-oom-killed': {
      const i = pod?.containers.flatMap((c) => c.instances).find((x) => x.reason === 'OOMKilled');
      at = i?.finishedAt === undefined ? null : i.finishedAt / 1000;
      break;
    }
    case 'predicted-image-pull': {
      const shown = pod ? statusTimeline(pod).filter((s) => IMAGE_STATUSES.includes(s.status)) : [];
      status = shown[shown.length - 1]?.status ?? status;
      at = shown[0]?.t ?? null;
      break;
    }
    case 'predicted-unschedulable':
      at = pod ? pod.createdAt / 1000 : null;
      headline = `${status} (FailedScheduling)`;
      break;
    case 'predicted-init-stuck':
    case 'predicted-sidecar-not-started': {
      const shown = pod ? statusTimeline(pod) : [];
      const last = shown[shown.length - 1]?.status;
      if (last !== undefined && last.startsWith('Init')) {
        status = last;
        at = firstShown(pod, [last]);
      }
      break;
    }
    case 'predicted-never-ready':
      headline = 'Running, never Ready';
      break;
    case 'predicted-slow-ready':
      at = pod ? readyAt(pod) : null;
      headline = at === null ? 'Ready late' : `Ready only from ${humanDuration(at)}`;
      break;
    case 'predicted-job-failed': {
      const e = result
        .traceAt(result.until)
        .events.find(
          (x) =>
            x.cause?.doc === doc &&
            x.object.startsWith('Job/') &&
            (x.reason === 'BackoffLimitExceeded' || x.reason === 'DeadlineExceeded'),
        );
      if (e) {
        status = e.reason;
        at = e.t;
        headline = `Job failed at ${humanDuration(e.t)} (${e.reason})`;
      }
      break;
    }
    case 'predicted-prestop-cut':
      break;
  }
  return { ...base, status, at, headline: headline ?? from(status, at), prediction: p };
}

/** No prediction: healthy, completed, or unknown (with what PodLab had to assume). */
function otherVerdict(result: SimulationResult, object: string, doc: number, pods: readonly PodRuntime[]): Verdict {
  const live = pods.filter((p) => p.deletedAt === null);
  const pod = live[live.length - 1] ?? pods[pods.length - 1];
  const base = { object, doc, pod: pod?.name ?? '', more: 0 };
  const unknown = (status: string, reason: string): Verdict => ({
    ...base,
    outcome: 'unknown',
    status,
    at: null,
    headline: 'outcome unknown',
    reason,
  });
  if (!pod) return unknown('No pods', `the run created no pod in ${humanDuration(result.until)}`);
  // An init container whose program is unknown ran on an assumption too (containerModels.ts: it finishes with
  // exit 0 after 2 s); the real one may fail, and the pod then never starts: a run that looks healthy is not.
  const assumed = pods
    .flatMap((p) => p.containers)
    .find((c) => c.process.source === 'unknown' || (c.kind !== 'init' && c.process.assumedConditions !== undefined));
  const missing = pod.world?.unknownRefs[0];
  const shown = statusTimeline(pod);
  const status = shown[shown.length - 1]?.status ?? 'Pending';
  if (missing) return unknown(status, `${missing.kind} \`${missing.name}\` is not in the file or the scenario`);
  if (assumed)
    return unknown(
      status,
      assumed.process.source === 'unknown'
        ? assumed.kind === 'init'
          ? `PodLab does not know what the init container \`${assumed.name}\` (\`${assumed.spec.image ?? ''}\`) runs (assumed it finishes successfully)`
          : `PodLab does not know what \`${assumed.spec.image ?? assumed.name}\` runs (assumed it keeps running)`
        : `${assumed.name} follows an assumed branch of its script (${(assumed.process.assumedConditions ?? []).join(', ')})`,
    );
  if (pod.terminalPhase === 'Succeeded') {
    const at = pod.history.find((h) => h.status.phase === 'Succeeded');
    const t = at === undefined ? null : at.t / 1000;
    return {
      ...base,
      outcome: 'completed',
      status: 'Completed',
      at: t,
      headline: t === null ? 'Completed' : `Completed at ${humanDuration(t)}`,
      reason: '',
    };
  }
  // Killed and restarted within the run, yet no back-off yet (a longer run may predict it): not healthy.
  const restarts = pod.containers.reduce((n, c) => n + Math.max(0, c.instances.length - 1), 0);
  if (restarts > 0)
    return unknown(
      status,
      `its containers restarted ${restarts} time${restarts === 1 ? '' : 's'} in ${humanDuration(result.until)}, with no crash loop predicted yet`,
    );
  const ready = readyAt(pod);
  const readyNow = pod.history[pod.history.length - 1]?.status.conditions.some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );
  if (status === 'Running' && ready !== null && readyNow)
    return {
      ...base,
      outcome: 'healthy',
      status,
      at: ready,
      headline: `Running, Ready from ${humanDuration(ready)}`,
      reason: '',
    };
  return unknown(status, `the run ends with ${status} and no prediction explains it`);
}
