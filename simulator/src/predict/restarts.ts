// Restarts that never show CrashLoopBackOff: a liveness or startup probe that kills the container again and
// again, or a process that ends (exit 0 under restartPolicy Always, an error, an OOM kill), when each run lasts
// longer than the kubelet's back-off (docs/kubelet-behaviour.md "Crash-loop back-off": a liveness kill's restart
// is checked against the instance before the killed one, so a run that outlasts the back-off restarts at once
// and no BackOff event appears; an exit gets its first restart at once). The numbers come from the container's
// instances (kill and finish times), never from event messages.
import type { ContainerRuntime, Instance, PodRuntime } from '../engine/runtime';
import { PROBE_FIELD, modelOf, probeOf } from '../engine/runtime';
import type { EndReason } from '../trace';
import { assumedListeners, horizonText, listeningPorts, probeCause } from './crashLoop';
import type { Draft, UnknownReason } from './types';

const s = (t: number) => `${Math.round(t)}s`;

/** Ends that are trouble: the kubelet's probe kills, failed hooks, the kernel's OOM kills, the process ending. */
const TROUBLE_ENDS: ReadonlySet<EndReason> = new Set(['liveness', 'startup', 'postStart', 'oom', 'exited']);

/** Whether this run's end is trouble: any kill or failure, or an exit 0 the kubelet answers with a restart. */
export function troubleEnd(c: ContainerRuntime, i: Instance): boolean {
  if (i.finishedAt === undefined || i.endedBy === undefined || !TROUBLE_ENDS.has(i.endedBy)) return false;
  if (i.endedBy !== 'exited' || i.exitCode !== 0) return true;
  return c.instances.indexOf(i) < c.instances.length - 1;
}

/** When the trouble shows: the Killing event for a kill, the finish for an end of the process's own. */
const endTime = (i: Instance) => (i.killedAt ?? i.finishedAt!) / 1000;

/**
 * Restarts (or a failed pod) without a crash loop, the reason they are left unknown, or undefined. Called only
 * for containers the kubelet never held in back-off: those are crashLoopPrediction's.
 */
export function restartsPrediction(
  pod: PodRuntime,
  c: ContainerRuntime,
  until: number,
): Draft | UnknownReason | undefined {
  const ends = c.instances.filter((i) => troubleEnd(c, i));
  if (ends.length === 0) return undefined;
  // OOM kills with a known cause are predicted-oom-killed's, with the memory figures.
  if (ends.every((i) => i.endedBy === 'oom' && i.cause)) return undefined;
  const restarts = ends.filter((i) => c.instances.indexOf(i) < c.instances.length - 1).length;
  const first = ends[0]!;
  const slot = first.endedBy === 'liveness' || first.endedBy === 'startup' ? first.endedBy : undefined;
  // A Job's failed pod is the Job's retry (predicted-job-failed when it runs out of them).
  if (restarts === 0 && slot === undefined && pod.owner?.kind === 'Job') return undefined;
  const times = ends.map(endTime);
  const every =
    times.length >= 2 ? `, then every ~${s((times[times.length - 1]! - times[0]!) / (times.length - 1))}` : '';
  const outcome =
    restarts > 0
      ? `${restarts} restart${restarts === 1 ? '' : 's'} in ${horizonText(until)}, each run outlasting the kubelet's back-off, so no CrashLoopBackOff shows`
      : `restartPolicy ${pod.spec.restartPolicy}: the pod fails`;
  const base = { code: 'predicted-restarts', doc: pod.doc, pod: pod.name, container: c.name } as const;
  const probe = slot === undefined ? undefined : probeOf(c.spec, slot);
  if (slot && probe) {
    const cause = first.cause;
    const paths = cause?.paths ?? [`${c.path}.${PROBE_FIELD[slot]}`];
    if (cause && assumedListeners(pod, paths[0]!)) return 'unknown-program-port';
    const worded = (why: string) =>
      `Predicted restarts: the ${slot} probe fails${why}, so the kubelet kills ${c.name} at ~${s(times[0]!)}${every}: ${outcome}.`;
    return {
      ...base,
      message: worded(cause ? ` (${cause.evidence})` : ''),
      ...(cause ? { brief: worded('') } : {}),
      evidence: `${slot} probe: ${cause?.evidence ?? 'fails'}`,
      related: listeningPorts(pod),
      ...(cause ? probeCause(pod, c, slot, cause, probe) : { paths, changes: [] }),
    };
  }
  // Unknown beats confidently wrong: an exit that follows an assumed comparison is not a prediction.
  if (c.instances.some((i) => modelOf(c, i).assumedConditions !== undefined)) return 'assumed-condition';
  // The latest run does not end by itself (a script that fails on its first runs only): the restarts settle.
  const latest = c.instances[c.instances.length - 1]!;
  if (latest.finishedAt === undefined && modelOf(c, latest).exit === undefined) return 'settled';
  const how =
    first.endedBy === 'oom'
      ? 'is OOM-killed'
      : first.endedBy === 'postStart'
        ? 'is killed because its postStart hook fails'
        : `ends by itself (exit ${first.exitCode ?? '?'})`;
  return {
    ...base,
    paths: first.cause?.paths ?? [c.path],
    message: `Predicted restarts: ${c.name} ${how}${first.cause ? `: ${first.cause.evidence}` : ''}, first at ~${s(times[0]!)}${every}; ${outcome}.`,
    evidence: first.cause?.evidence ?? `${c.name} ${how}`,
    related: [],
    changes: [],
  };
}
