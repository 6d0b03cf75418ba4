// The outcomes read straight off one fact of the run (an OOM kill, an image error, a long preStop hook, a stuck
// init or sidecar container, a failed Job), each with the manifest lines behind it.
import type { SimulationResult } from '../simulate';
import type { ContainerRuntime, Instance, PodRuntime } from '../engine/runtime';
import { currentInstance } from '../engine/runtime';
import type { TraceEvent } from '../trace';
import { inferHook } from '../behaviour/infer';
import { effectivePodRequest } from '../cluster/scheduler';
import type { Draft, UnknownReason } from './types';
import { horizonText } from './crashLoop';
import { troubleEnd } from './restarts';
import type { FailedLookup } from '../behaviour/types';

/** Larger than any common node: a request this big fails on every cluster. */
const HUGE_CPU_MILLIS = 64_000;
const HUGE_MEMORY_BYTES = 512 * 2 ** 30;

export function hugeRequest(pod: PodRuntime): boolean {
  const r = effectivePodRequest(pod.spec);
  return r.cpuMillis > HUGE_CPU_MILLIS || r.memoryBytes > HUGE_MEMORY_BYTES;
}

/** Image references that are templates waiting for a substitution (`<PROJECT_ID>`, `$REGION`, `{{ .Values }}`). */
function looksLikePlaceholder(image: string): boolean {
  return /[<>${}]|(^|[/.-])[A-Z][A-Z0-9_]*([/.:-]|$)/.test(image);
}

export function oomPrediction(pod: PodRuntime, c: ContainerRuntime, i: Instance, until: number): Draft {
  const count = c.instances.filter((x) => x.reason === 'OOMKilled').length;
  return {
    code: 'predicted-oom-killed',
    doc: pod.doc,
    paths: i.cause!.paths,
    message: `Predicted OOMKilled (exit 137) ${count === 1 ? 'once' : `${count} times`} in ${horizonText(until)}, first at ~${Math.round(i.finishedAt! / 1000)}s: ${i.cause!.evidence}.`,
    evidence: i.cause!.evidence,
    related: [],
    pod: pod.name,
    container: c.name,
    changes: [],
  };
}

const IMAGE_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName']);

export function imagePrediction(pod: PodRuntime, c: ContainerRuntime): Draft | UnknownReason | undefined {
  const w = c.waiting;
  if (!w || !IMAGE_REASONS.has(w.reason) || currentInstance(c) !== undefined) return undefined;
  if (looksLikePlaceholder(c.spec.image ?? '')) return 'templated-image';
  return {
    code: 'predicted-image-pull',
    doc: pod.doc,
    paths: w.cause?.paths ?? [`${c.path}.image`],
    message: `Predicted ${w.reason}: ${c.name} never starts. ${w.cause?.evidence ?? w.message}.`,
    evidence: w.cause?.evidence ?? w.message,
    related: [],
    pod: pod.name,
    container: c.name,
    changes: [],
  };
}

/**
 * CreateContainerConfigError: generateContainerConfig fails on every sync (a ConfigMap/Secret or key the world
 * proves missing, or runAsNonRoot against the image's user), so the container never starts.
 */
export function configPrediction(pod: PodRuntime, c: ContainerRuntime): Draft | undefined {
  const w = c.waiting;
  if (w?.reason !== 'CreateContainerConfigError' || currentInstance(c) !== undefined) return undefined;
  return {
    code: 'predicted-config-error',
    doc: pod.doc,
    paths: w.cause?.paths ?? [c.path],
    message: `Predicted CreateContainerConfigError: ${c.name} never starts. ${w.message}.`,
    evidence: w.message,
    related: [],
    pod: pod.name,
    container: c.name,
    changes: [],
  };
}

/**
 * FailedMount: a configMap, secret or projected volume whose object or key the world proves missing cannot be set
 * up, so the pod never gets its sandbox and stays ContainerCreating (world-semantics §2); one per volume, on its line.
 */
export function mountPredictions(pod: PodRuntime): Draft[] {
  if (pod.removedAt !== null || pod.node === null) return [];
  const out: Draft[] = [];
  for (const [name, files] of pod.world?.volumes ?? []) {
    if (files.state !== 'failed') continue;
    const index = pod.spec.volumes?.findIndex((v) => v.name === name) ?? -1;
    const event = `MountVolume.SetUp failed for volume "${name}" : ${files.message}`;
    out.push({
      code: 'predicted-mount-failed',
      doc: pod.doc,
      paths: [`${pod.specPath}.volumes[${index}]`],
      message: `Predicted FailedMount: the pod stays in ContainerCreating, its containers never start. ${event}.`,
      evidence: event,
      related: [],
      pod: pod.name,
      changes: [],
    });
  }
  return out;
}

export function preStopPrediction(pod: PodRuntime, c: ContainerRuntime): Draft | undefined {
  const handler = c.spec.lifecycle?.preStop;
  if (!handler) return undefined;
  const grace = pod.spec.terminationGracePeriodSeconds;
  const hook = inferHook(handler, { container: c.spec, model: c.process });
  if (!(hook.seconds > grace)) return undefined;
  const takes = Number.isFinite(hook.seconds) ? `${hook.seconds}s` : 'forever';
  return {
    code: 'predicted-prestop-cut',
    doc: pod.doc,
    paths: [`${c.path}.lifecycle.preStop`],
    message: `Predicted: the preStop hook of ${c.name} takes ${takes}, longer than the ${grace}s grace period; the kubelet cuts it short and SIGKILLs the container 2s later (${hook.message}).`,
    evidence: `the preStop hook of ${c.name} takes ${takes}, the grace period is ${grace}s`,
    related: [{ path: `${pod.specPath}.terminationGracePeriodSeconds`, message: `grace period ${grace}s` }],
    pod: pod.name,
    container: c.name,
    changes: Number.isFinite(hook.seconds)
      ? [
          {
            title: `Set terminationGracePeriodSeconds to ${Math.ceil(hook.seconds) + 5}`,
            path: `${pod.specPath}.terminationGracePeriodSeconds`,
            value: Math.ceil(hook.seconds) + 5,
          },
        ]
      : [],
  };
}

export function sidecarPrediction(pod: PodRuntime, c: ContainerRuntime, until: number): Draft | undefined {
  const cur = currentInstance(c);
  if (c.kind !== 'sidecar' || c.started || cur === undefined || cur.finishedAt !== undefined || pod.deletedAt !== null)
    return undefined;
  const w = c.workers.find((x) => x.slot === 'startup');
  return {
    code: 'predicted-sidecar-not-started',
    doc: pod.doc,
    paths: w?.lastCause?.paths ?? [`${c.path}.startupProbe`],
    message: `Predicted: the sidecar ${c.name} never reports Started in the ${horizonText(until)}, so the app containers never start${w?.lastCause ? `: ${w.lastCause.evidence}` : ''}.`,
    evidence: w?.lastCause?.evidence ?? `the sidecar ${c.name} never reports Started`,
    related: [],
    pod: pod.name,
    container: c.name,
    changes: [],
  };
}

function lookupWhy({ host, service, reason }: FailedLookup, namespace: string): string {
  if (reason === 'no-service')
    return `It waits for the name "${service}" to resolve, and no Service of that name is defined in this file.`;
  // docs/image-behaviour.md, "Shell and tools": busybox 1.29 and later answer NXDOMAIN for a short name.
  return `It waits for "${host}" to resolve: the Service exists, but busybox's nslookup (1.29 and later) does not use the pod's DNS search domains, so the short name never resolves; the full name ${service}.${namespace}.svc.cluster.local does.`;
}

export function initStuckPrediction(pod: PodRuntime, until: number): Draft | undefined {
  if (pod.initialized || pod.deletedAt !== null || pod.terminalPhase !== null) return undefined;
  const stuck = pod.containers.find((c) => {
    const cur = currentInstance(c);
    return (
      c.kind === 'init' && cur !== undefined && cur.finishedAt === undefined && until * 1000 - cur.startedAt >= 60_000
    );
  });
  if (!stuck) return undefined;
  const cur = currentInstance(stuck)!;
  // What it waits for, from the behaviour model's typed facts (a name that does not resolve, and why).
  const lookup = stuck.process.failedLookups?.[0];
  const why = lookup
    ? lookupWhy(lookup, pod.namespace)
    : stuck.process.notes.find((n) => /resolve|Service|DNS/i.test(n));
  const paths = stuck.process.paths.length > 0 ? stuck.process.paths.map((p) => `${stuck.path}.${p}`) : [stuck.path];
  const index = pod.containers.filter((c) => c.kind !== 'regular').indexOf(stuck);
  const total = pod.containers.filter((c) => c.kind !== 'regular').length;
  return {
    code: 'predicted-init-stuck',
    doc: pod.doc,
    paths,
    message: `Predicted Init:${index}/${total}: the init container ${stuck.name} is still running after ${Math.round(until - cur.startedAt / 1000)}s (${stuck.process.description}), so the app containers never start.${why ? ` ${why}` : ''}`,
    evidence: why ?? `${stuck.name} keeps running (${stuck.process.description})`,
    related: [],
    pod: pod.name,
    container: stuck.name,
    changes: [],
  };
}

/** podFailurePolicy is not modelled: such Jobs (and CronJobs' Jobs) end differently, so no Job prediction. */
export function jobsWithFailurePolicy(result: SimulationResult): string[] {
  const names: string[] = [];
  for (const o of result.objects) {
    const spec = o.kind === 'Job' ? o.value.spec : o.kind === 'CronJob' ? o.value.spec?.jobTemplate.spec : undefined;
    if (spec?.podFailurePolicy !== undefined) names.push(o.value.metadata?.name ?? '');
  }
  return names;
}

/**
 * A Job that runs out of retries or time. Its pods' failures are the reason: the last one with a known cause is
 * named (its lines follow the Job's limit in `paths`, so each pod's Error is explained on its line too).
 */
export function jobPrediction(e: TraceEvent, pods: readonly PodRuntime[]): Draft | undefined {
  if (
    !e.object.startsWith('Job/') ||
    (e.reason !== 'BackoffLimitExceeded' && e.reason !== 'DeadlineExceeded') ||
    !e.cause
  )
    return undefined;
  const job = e.object.slice('Job/'.length);
  const failed = pods
    .filter((p) => p.owner?.kind === 'Job' && p.owner.name === job)
    .flatMap((p) => p.containers.flatMap((c) => c.instances.filter((i) => troubleEnd(c, i) && i.cause)));
  const why = failed[failed.length - 1]?.cause;
  const paths = why ? [...e.cause.paths, ...why.paths.filter((p) => !e.cause!.paths.includes(p))] : e.cause.paths;
  return {
    code: 'predicted-job-failed',
    doc: e.cause.doc,
    paths,
    message: `Predicted: ${e.object} fails at ~${Math.round(e.t)}s (${e.reason}): ${e.cause.evidence}${why ? `; ${why.evidence}` : ''}.`,
    evidence: e.cause.evidence,
    related: why && why.paths[0] !== undefined ? [{ path: why.paths[0], message: why.evidence }] : [],
    pod: '',
    changes: [],
  };
}
