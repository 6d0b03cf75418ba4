// CrashLoopBackOff: why the container keeps ending (a probe kill, or the process itself), in numbers.
import type { ContainerRuntime, PodRuntime } from '../engine/runtime';
import { PROBE_FIELD, type ProbeSlot } from '../engine/runtime';
import type { Trace } from '../trace';
import type { Prediction, SuggestedChange } from './types';

const s = (t: number) => `${Math.round(t)}s`;

export function crashLoopPrediction(pod: PodRuntime, c: ContainerRuntime, trace: Trace): Prediction | undefined {
  const prefix = `Back-off restarting failed container ${c.name} in pod ${pod.name}_`;
  const backOffs = trace.events.filter((e) => e.reason === 'BackOff' && e.object === `Pod/${pod.name}` && e.message.startsWith(prefix));
  if (backOffs.length === 0) return undefined;
  const crashed = c.instances.filter((i) => i.finishedAt !== undefined);
  const last = [...crashed].reverse().find((i) => i.cause) ?? crashed[crashed.length - 1];
  const cause = last?.cause;
  const paths = cause?.paths ?? [c.path];
  const restarts = c.instances.length - 1;
  const base: Omit<Prediction, 'message' | 'changes' | 'related'> = { code: 'predicted-crash-loop', doc: pod.doc, paths, pod: pod.name, container: c.name };
  const slot = (['liveness', 'startup'] as ProbeSlot[]).find((x) => paths[0]?.includes(`.${PROBE_FIELD[x]}`));
  if (slot && cause && assumedListeners(pod, paths[0]!)) return undefined;
  if (slot && cause) {
    const probe = slot === 'liveness' ? c.spec.livenessProbe : c.spec.startupProbe;
    const threshold = probe?.failureThreshold ?? 3;
    const failures = trace.probes.filter((p) => p.pod === pod.name && p.container === c.name && p.probe === slot && p.result === 'failure');
    const kills = trace.events.filter((e) => e.reason === 'Killing' && e.object === `Pod/${pod.name}` && e.message.startsWith(`${c.kind === 'sidecar' ? 'Init container' : 'Container'} ${c.name} failed ${slot} probe`)).map((e) => e.t);
    const every = kills.length >= 2 ? `, then every ~${s(kills[1]! - kills[0]!)}` : '';
    return {
      ...base,
      message: `Predicted CrashLoopBackOff: the ${slot} probe fails ${threshold} times from ~${s(failures[0]?.t ?? 0)}, so the kubelet kills ${c.name} at ~${s(kills[0] ?? 0)}${every} with back-off 10s, 20s, 40s… (${restarts} restarts in ${s(trace.until)}); ${cause.evidence}.`,
      related: listeningPorts(pod),
      changes: probeChanges(pod, paths[0]!, cause.evidence, probe?.periodSeconds ?? 10),
    };
  }
  const firstExit = crashed[0];
  return {
    ...base,
    message: `Predicted CrashLoopBackOff: ${cause?.evidence ?? `${c.name} ends by itself`}${firstExit ? ` (first at ~${s(firstExit.finishedAt! / 1000)})` : ''}; the kubelet restarts it with back-off 10s, 20s, 40s… (${restarts} restarts in ${s(trace.until)}).`,
    related: [],
    changes: [],
  };
}

/**
 * A probe refused on a port no container declares, in a pod whose programs are unknown to the behaviour
 * model: the real process may well listen there, so no prediction (the probe-port rule still informs).
 */
function assumedListeners(pod: PodRuntime, path: string): boolean {
  if (!/\.(tcpSocket|httpGet|grpc)\.port$/.test(path)) return false;
  return pod.containers.some((x) => x.kind !== 'init' && x.process.source === 'unknown');
}

/** The declared container ports the processes really listen on (where the probe should point). */
function listeningPorts(pod: PodRuntime): Prediction['related'] {
  const related: Prediction['related'] = [];
  for (const x of pod.containers) {
    const listening = new Set(x.process.listen.map((l) => l.port));
    (x.spec.ports ?? []).forEach((p, i) => {
      if (listening.has(p.containerPort)) related.push({ path: `${x.path}.ports[${i}].containerPort`, message: `${x.name} listens on ${p.containerPort}` });
    });
  }
  return related;
}

/** One-value fixes for a failing probe: the port the pod really listens on, or a delay that covers the start. */
function probeChanges(pod: PodRuntime, path: string, evidence: string, period: number): SuggestedChange[] {
  const changes: SuggestedChange[] = [];
  if (path.endsWith('.port')) {
    const ports = [...new Set(pod.containers.flatMap((x) => x.process.listen.map((l) => l.port)))];
    if (ports.length === 1 && /no container of the pod listens on/.test(evidence)) {
      changes.push({ title: `Set the probe port to ${ports[0]}`, path, value: ports[0]! });
    }
  }
  const late = /only listens on \d+ ([\d.]+)s after it starts/.exec(evidence);
  if (late) {
    const probePath = path.replace(/\.(tcpSocket|httpGet|grpc|exec)\..*$/, '');
    const delay = Math.ceil(Number(late[1])) + period;
    changes.push({ title: `Set initialDelaySeconds to ${delay} (the process listens after ~${Math.ceil(Number(late[1]))}s)`, path: `${probePath}.initialDelaySeconds`, value: delay });
  }
  return changes;
}
