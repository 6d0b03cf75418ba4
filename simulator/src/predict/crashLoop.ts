// CrashLoopBackOff: why the container keeps ending (a probe kill, or the process itself), in numbers.
import type { ContainerRuntime, PodRuntime } from '../engine/runtime';
import { PROBE_FIELD, modelOf, probeOf } from '../engine/runtime';
import type { Cause, Trace } from '../trace';
import { humanDuration } from '../present/duration';
import type { DefaultedProbe } from '../model/defaulted';
import { slowStartChange } from './slowStart';
import type { Draft, Prediction, SuggestedChange, UnknownReason } from './types';

const s = (t: number) => `${Math.round(t)}s`;

/** The simulated time a prediction read, as kubectl writes a duration: `10m`. */
export const horizonText = (until: number) => `${humanDuration(until)} simulated`;

/** A crash loop, the reason it is left unknown, or undefined when the kubelet never refused a restart. */
export function crashLoopPrediction(
  pod: PodRuntime,
  c: ContainerRuntime,
  trace: Trace,
): Draft | UnknownReason | undefined {
  // The kubelet refused a restart at least once (a CrashLoopBackOff status, or its BackOff event at the end).
  if (!c.instances.some((i) => i.backOffUntil !== undefined)) return undefined;
  const crashed = c.instances.filter((i) => i.finishedAt !== undefined);
  const last = [...crashed].reverse().find((i) => i.cause) ?? crashed[crashed.length - 1];
  const cause = last?.cause;
  const paths = cause?.paths ?? [c.path];
  const restarts = c.instances.length - 1;
  const base: Omit<Draft, 'message' | 'changes' | 'related'> = {
    code: 'predicted-crash-loop',
    doc: pod.doc,
    paths,
    pod: pod.name,
    container: c.name,
  };
  const slot = (['liveness', 'startup'] as const).find((x) => paths[0]?.includes(`.${PROBE_FIELD[x]}`));
  if (slot && cause && assumedListeners(pod, paths[0]!)) return 'unknown-program-port';
  const probe = slot === undefined ? undefined : probeOf(c.spec, slot);
  if (slot && probe && cause) {
    const threshold = probe.failureThreshold;
    const failures = trace.probes.filter(
      (p) => p.pod === pod.name && p.container === c.name && p.probe === slot && p.result === 'failure',
    );
    const kills = c.instances
      .filter((i) => i.endedBy === slot && i.killedAt !== undefined)
      .map((i) => i.killedAt! / 1000);
    const every = kills.length >= 2 ? `, then every ~${s(kills[1]! - kills[0]!)}` : '';
    const outcome = `Predicted CrashLoopBackOff: the ${slot} probe fails ${threshold} times from ~${s(failures[0]?.t ?? 0)}, so the kubelet kills ${c.name} at ~${s(kills[0] ?? 0)}${every} with back-off 10s, 20s, 40s… (${restarts} restarts in ${horizonText(trace.until)})`;
    return {
      ...base,
      message: `${outcome}; ${cause.evidence}.`,
      brief: `${outcome}.`,
      evidence: `${slot} probe: ${cause.evidence}`,
      related: listeningPorts(pod),
      ...probeCause(pod, c, slot, cause, probe),
    };
  }
  // Unknown beats confidently wrong: an exit that follows an assumed comparison (in any run) is not a prediction.
  if (c.process.assumedConditions !== undefined || c.instances.some((i) => i.process?.assumedConditions))
    return 'assumed-condition';
  // The loop settled: the latest run does not end by itself (a script that fails on its first runs only, such as
  // runtime.go's restart counter), so the back-off seen on the way is no crash loop.
  const latest = c.instances[c.instances.length - 1];
  if (latest && latest.finishedAt === undefined && modelOf(c, latest).exit === undefined) return 'settled';
  const firstExit = crashed[0];
  return {
    ...base,
    message: `Predicted CrashLoopBackOff: ${cause?.evidence ?? `${c.name} ends by itself`}${firstExit ? ` (first at ~${s(firstExit.finishedAt! / 1000)})` : ''}; the kubelet restarts it with back-off 10s, 20s, 40s… (${restarts} restarts in ${horizonText(trace.until)}).`,
    evidence: cause?.evidence ?? `${c.name} ends by itself`,
    related: [],
    changes: [],
  };
}

/**
 * A probe refused on a port no container declares, in a pod whose programs are unknown to the behaviour
 * model: the real process may well listen there, so no prediction (the probe-port rule still informs).
 */
export function assumedListeners(pod: PodRuntime, path: string): boolean {
  if (!/\.(tcpSocket|httpGet|grpc)\.port$/.test(path)) return false;
  return pod.containers.some((x) => x.kind !== 'init' && x.process.source === 'unknown');
}

/** The declared container ports the processes really listen on (where the probe should point). */
export function listeningPorts(pod: PodRuntime): Prediction['related'] {
  const related: Prediction['related'] = [];
  for (const x of pod.containers) {
    const listening = new Set(x.process.listen.map((l) => l.port));
    (x.spec.ports ?? []).forEach((p, i) => {
      if (listening.has(p.containerPort))
        related.push({
          path: `${x.path}.ports[${i}].containerPort`,
          message: `${x.name} listens on ${p.containerPort}`,
        });
    });
  }
  return related;
}

/**
 * Where a failing liveness or startup probe's prediction sits, and the one-value fix. A port nothing listens on
 * is the cause itself: the prediction sits on it, and the fix is the port the pod listens on. A port that opens
 * only later is right, the probe's timing is not: the prediction sits on the timing value to change (the cause
 * paths follow, so the events on the port are still explained on their line), which is also where the rule
 * liveness-kills-before-start points, so that the two are one diagnostic (Rule.causeOf).
 */
export function probeCause(
  pod: PodRuntime,
  c: ContainerRuntime,
  slot: 'liveness' | 'startup',
  cause: Cause,
  probe: DefaultedProbe,
): { paths: string[]; changes: SuggestedChange[] } {
  const path = cause.paths[0] ?? '';
  const refused = cause.refused;
  if (refused === undefined) return { paths: cause.paths, changes: [] };
  if (refused.opensAfter === undefined) {
    const ports = [...new Set(pod.containers.flatMap((x) => x.process.listen.map((l) => l.port)))];
    const changes =
      path.endsWith('.port') && ports.length === 1
        ? [{ title: `Set the probe port to ${ports[0]}`, path, value: ports[0]! }]
        : [];
    return { paths: cause.paths, changes };
  }
  const change = slowStartChange(slot, probe, refused.opensAfter);
  const at = `${c.path}.${PROBE_FIELD[slot]}.${change.field}`;
  return {
    paths: [at, ...cause.paths.filter((p) => p !== at)],
    changes: [
      {
        title: `Set ${change.field} to ${change.value} (the process listens after ~${Math.ceil(refused.opensAfter)}s)`,
        path: at,
        value: change.value,
      },
    ],
  };
}
