// Every trouble a run shows, accounted for: each warning event, each kill by the kubelet, each run that ends in
// an error, an OOM kill or a restart is either explained by a prediction on the line that causes it, left
// unknown for a reason a predictor gave (Withheld), or benign for a stated reason — and anything else is a gap
// (`unexplained`), which the corpus test refuses. Pure; reads typed facts only (instances, cause paths, probe
// records), never event messages.
import type { ContainerRuntime, PodRuntime } from '../engine/runtime';
import type { SimulationResult } from '../simulate';
import type { Cause, EndReason, TraceEvent } from '../trace';
import type { Outcomes } from './index';
import { troubleEnd } from './restarts';
import type { OutcomeCode, Prediction, UnknownReason } from './types';

/** Trouble that is part of a normal run, with what makes it so. */
export type BenignReason =
  /** Readiness failed before the pod's first Ready, and Ready came soon enough (no slow-ready prediction). */
  | 'before-ready'
  /** The kubelet stopped the container for a deletion, the pod's end, its deadline, or a what-if of the scenario. */
  | EndReason;

export type TroubleVerdict =
  | { kind: 'explained'; prediction: Prediction }
  | { kind: 'unknown'; reason: UnknownReason }
  | { kind: 'benign'; reason: BenignReason }
  | { kind: 'unexplained' };

export interface Trouble {
  /** Seconds. */
  t: number;
  /** `Kind/name` of the object, as events name it. */
  object: string;
  /** The event's reason, or for a run's end its terminated reason (Error, OOMKilled, Completed, StartError). */
  reason: string;
  from: 'event' | 'end';
  container?: string;
  /** The manifest path the run gives as its cause, when it gives one: an explaining prediction names it. */
  path?: string;
  verdict: TroubleVerdict;
}

type Code = OutcomeCode;
const RESTARTING: Code[] = ['predicted-crash-loop', 'predicted-restarts', 'predicted-sidecar-not-started'];
const ENDING: Code[] = [...RESTARTING, 'predicted-oom-killed', 'predicted-job-failed', 'predicted-init-stuck'];
const IMAGE: Code[] = ['predicted-image-pull'];

/** The outcomes that can explain a trouble, by event reason (a probe's Unhealthy depends on the probe). */
function codesFor(reason: string, probe: string | undefined): Code[] {
  switch (reason) {
    case 'Unhealthy':
      return probe === 'readinessProbe'
        ? ['predicted-never-ready', 'predicted-slow-ready', ...RESTARTING, 'predicted-oom-killed']
        : RESTARTING;
    case 'Killing':
      return RESTARTING;
    case 'BackOff':
      return [...RESTARTING, 'predicted-oom-killed'];
    case 'InspectFailed':
    case 'ErrImageNeverPull':
      return IMAGE;
    case 'Failed':
      return [...IMAGE, 'predicted-config-error', ...ENDING];
    case 'FailedScheduling':
      return ['predicted-unschedulable'];
    case 'FailedMount':
      return ['predicted-mount-failed'];
    case 'BackoffLimitExceeded':
    case 'DeadlineExceeded':
      return ['predicted-job-failed', ...ENDING];
    default:
      return ENDING;
  }
}

/** Where a trouble comes from: its document, pod and container, and the manifest path behind it. */
interface Origin {
  doc: number;
  pod?: PodRuntime;
  container?: ContainerRuntime;
  path?: string;
}

function containerAt(pod: PodRuntime | undefined, cause: Cause | undefined): ContainerRuntime | undefined {
  const path = cause?.paths[0];
  if (!pod || path === undefined) return undefined;
  return pod.containers.find((c) => path === c.path || path.startsWith(`${c.path}.`));
}

function verdictFor(o: Origin, codes: Code[], outcomes: Outcomes): TroubleVerdict | undefined {
  const fits = (p: { doc: number; code: Code; container?: string }) =>
    p.doc === o.doc &&
    codes.includes(p.code) &&
    (o.container === undefined || p.container === undefined || p.container === o.container.name);
  const onPath =
    o.path === undefined ? undefined : outcomes.predictions.find((p) => fits(p) && p.paths.includes(o.path!));
  const prediction = onPath ?? outcomes.predictions.find(fits);
  if (prediction) return { kind: 'explained', prediction };
  const withheld = outcomes.withheld.find(fits);
  if (withheld) return { kind: 'unknown', reason: withheld.reason };
  return undefined;
}

/** When the pod was first Ready (ms), if ever. */
function readyAt(pod: PodRuntime): number | undefined {
  return pod.history.find((h) => h.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'))?.t;
}

function eventTrouble(e: TraceEvent, result: SimulationResult, outcomes: Outcomes): Trouble | undefined {
  const name = e.object.slice(e.object.indexOf('/') + 1);
  const isPod = e.object.startsWith('Pod/');
  const pod = isPod ? result.pods.find((p) => p.name === name) : undefined;
  const killed =
    e.reason === 'Killing' && pod
      ? pod.containers
          .flatMap((c) => c.instances.map((i) => ({ c, i })))
          .find((x) => x.i.killedAt === Math.round(e.t * 1000))
      : undefined;
  if (e.type !== 'Warning' && e.reason !== 'Killing') return undefined;
  const container = killed?.c ?? containerAt(pod, e.cause);
  const base = { t: e.t, object: e.object, reason: e.reason, from: 'event' as const };
  const path = e.cause?.paths[0];
  const trouble = (verdict: TroubleVerdict): Trouble => ({
    ...base,
    ...(container && { container: container.name }),
    ...(path !== undefined && { path }),
    verdict,
  });
  const end = killed?.i.endedBy;
  if (end && end !== 'liveness' && end !== 'startup' && end !== 'postStart')
    return trouble({ kind: 'benign', reason: end });
  const doc =
    pod?.doc ?? e.cause?.doc ?? result.pods.find((p) => p.owner?.kind === 'Job' && p.owner.name === name)?.doc;
  if (doc === undefined) return trouble({ kind: 'unexplained' });
  const probe = path === undefined ? undefined : /\.(livenessProbe|readinessProbe|startupProbe)(\.|$)/.exec(path)?.[1];
  const origin: Origin = {
    doc,
    ...(pod && { pod }),
    ...(container && { container }),
    ...(path !== undefined && { path }),
  };
  const verdict = verdictFor(origin, codesFor(e.reason, probe), outcomes);
  if (verdict) return trouble(verdict);
  const ready = pod && readyAt(pod);
  if (probe === 'readinessProbe' && ready !== undefined && e.t * 1000 <= ready)
    return trouble({ kind: 'benign', reason: 'before-ready' });
  return trouble({ kind: 'unexplained' });
}

/** Every trouble of the run up to its horizon, each with its verdict. */
export function troubles(result: SimulationResult, outcomes: Outcomes): Trouble[] {
  const out: Trouble[] = [];
  for (const e of result.traceAt(result.until).events) {
    const t = eventTrouble(e, result, outcomes);
    if (t) out.push(t);
  }
  // Runs that end by themselves (an exit, an OOM kill): no event says so, the container's status does.
  for (const pod of result.pods)
    for (const c of pod.containers)
      for (const i of c.instances) {
        if (!troubleEnd(c, i) || (i.endedBy !== 'exited' && i.endedBy !== 'oom')) continue;
        const path = i.cause?.paths[0];
        const origin: Origin = { doc: pod.doc, pod, container: c, ...(path !== undefined && { path }) };
        const verdict = verdictFor(origin, ENDING, outcomes) ?? { kind: 'unexplained' };
        out.push({
          t: i.finishedAt! / 1000,
          object: `Pod/${pod.name}`,
          reason: i.reason ?? 'Error',
          from: 'end',
          container: c.name,
          ...(path !== undefined && { path }),
          verdict,
        });
      }
  return out;
}
