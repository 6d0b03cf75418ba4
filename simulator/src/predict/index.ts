// From a simulation to predicted outcomes with their causes (README "Predicted outcomes"). Pure.
// Each predictor returns a prediction, the reason it is left unknown (unknown beats confidently wrong), or
// nothing; the reasons are kept (Withheld) so that every trouble the run shows is accounted for (troubles.ts).
import type { SimulationResult } from '../simulate';
import type { Draft, Prediction, UnknownReason, Withheld } from './types';
import { crashLoopPrediction } from './crashLoop';
import { readinessPredictions } from './readiness';
import { restartsPrediction } from './restarts';
import {
  configPrediction,
  hugeRequest,
  imagePrediction,
  initStuckPrediction,
  jobPrediction,
  jobsWithFailurePolicy,
  mountPredictions,
  oomPrediction,
  preStopPrediction,
  sidecarPrediction,
} from './outcomes';

export type { Prediction, OutcomeCode, SuggestedChange, UnknownReason, Withheld } from './types';
export { verdicts } from './verdict';
export { OUTCOME_STATUS } from './types';
export type { Verdict, VerdictOutcome } from './verdict';

export interface PredictOptions {
  /**
   * The run used the default one-node cluster, not one the user described: scheduling failures that depend on
   * the real cluster (node labels, taints, host ports, special hardware, big nodes) are not predicted then.
   */
  defaultCluster?: boolean;
}

/** The predictions of a run, and what its predictors saw but left unknown. */
export interface Outcomes {
  predictions: Prediction[];
  withheld: Withheld[];
}

export function predict(result: SimulationResult, options: PredictOptions = {}): Prediction[] {
  return predictOutcomes(result, options).predictions;
}

export function predictOutcomes(result: SimulationResult, options: PredictOptions = {}): Outcomes {
  const trace = result.traceAt(result.until);
  const out: Prediction[] = [];
  const withheld: Withheld[] = [];
  const seen = new Set<string>();
  const add = (p: Draft | undefined) => {
    if (p === undefined) return;
    const key = `${p.code}|${p.doc}|${p.paths[0] ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...p, horizon: result.until });
  };
  const withhold = (w: Withheld) => withheld.push(w);
  for (const pod of result.pods) {
    const at = { doc: pod.doc, pod: pod.name };
    if (pod.node === null && pod.scheduling && pod.removedAt === null) {
      // A claim the world proves missing fails on every cluster (world-semantics §8).
      if (options.defaultCluster && !hugeRequest(pod) && (pod.world?.missingClaims.length ?? 0) === 0) {
        withhold({ ...at, code: 'predicted-unschedulable', reason: 'cluster-dependent' });
        continue;
      }
      add({
        code: 'predicted-unschedulable',
        doc: pod.doc,
        paths: pod.scheduling.cause?.paths ?? [pod.specPath],
        message: `Predicted FailedScheduling: the pod stays Pending. ${pod.scheduling.message}`,
        evidence: pod.scheduling.cause?.evidence ?? pod.scheduling.message,
        related: [],
        pod: pod.name,
        changes: [],
      });
      continue;
    }
    let crashLooped = false;
    const afterInit = assumingInit(pod);
    for (const c of pod.containers) {
      // About a regular container: what it does rests on the init containers before it.
      const addFor = c.kind === 'regular' ? (p: Draft | undefined) => add(afterInit(p)) : add;
      const unknown = (code: Withheld['code'], reason: UnknownReason) =>
        withhold({ ...at, container: c.name, code, reason });
      const oom = c.instances.find((i) => i.reason === 'OOMKilled' && i.cause);
      if (oom) addFor(oomPrediction(pod, c, oom, result.until));
      const loop = crashLoopPrediction(pod, c, trace);
      if (typeof loop === 'string') unknown('predicted-crash-loop', loop);
      else if (loop) {
        crashLooped = true;
        if (
          !oom ||
          loop.code !== 'predicted-crash-loop' ||
          !c.instances.every((i) => i.finishedAt === undefined || i.reason === 'OOMKilled')
        )
          addFor(loop);
      } else {
        const restarts = restartsPrediction(pod, c, result.until);
        if (typeof restarts === 'string') unknown('predicted-restarts', restarts);
        else addFor(restarts);
      }
      const image = imagePrediction(pod, c);
      if (options.defaultCluster && c.waiting?.reason === 'ErrImageNeverPull')
        unknown('predicted-image-pull', 'image-on-real-node');
      else if (typeof image === 'string') unknown('predicted-image-pull', image);
      else addFor(image);
      addFor(configPrediction(pod, c));
      addFor(preStopPrediction(pod, c));
      addFor(sidecarPrediction(pod, c, result.until));
    }
    mountPredictions(pod).forEach(add);
    add(initStuckPrediction(pod, result.until));
    if (!crashLooped) {
      const ready = readinessPredictions(pod, trace, result.until);
      if (typeof ready === 'string') withhold({ ...at, code: 'predicted-never-ready', reason: ready });
      else ready.forEach((p) => add(afterInit(p)));
    }
  }
  const unmodelled = jobsWithFailurePolicy(result);
  for (const e of trace.events) {
    const policy = unmodelled.some((name) => e.object === `Job/${name}` || e.object.startsWith(`Job/${name}-`));
    const job = jobPrediction(e, result.pods);
    if (!policy) add(job);
    else if (job) withhold({ doc: job.doc, pod: '', code: 'predicted-job-failed', reason: 'pod-failure-policy' });
  }
  return { predictions: out, withheld };
}

/**
 * What the regular containers of a pod do happens only once its init containers have exited 0 (kubelet-semantics
 * §4). An init container whose program PodLab cannot read is assumed to finish (containerModels.ts), so a
 * prediction about the containers after it says that it rests on that assumption.
 */
function assumingInit(pod: SimulationResult['pods'][number]): (p: Draft | undefined) => Draft | undefined {
  const init = pod.containers.find((c) => c.kind === 'init' && c.process.source === 'unknown');
  if (!init) return (p) => p;
  const note = ` This assumes that the init container \`${init.name}\` finishes: PodLab cannot tell what \`${init.spec.image ?? ''}\` runs.`;
  return (p) => p && { ...p, message: p.message + note, ...(p.brief !== undefined ? { brief: p.brief + note } : {}) };
}
