// Never Ready, or Ready only late: what the readiness probe saw.
import type { PodRuntime } from '../engine/runtime';
import type { Trace } from '../trace';
import type { Draft, UnknownReason } from './types';
import { horizonText } from './crashLoop';

/** Never Ready or slow Ready; the reason it is left unknown; or nothing. */
export function readinessPredictions(pod: PodRuntime, trace: Trace, until: number): Draft[] | UnknownReason {
  if (pod.node === null || pod.deletedAt !== null || pod.terminalPhase !== null) return [];
  const withProbe = pod.containers.filter((c) => c.kind !== 'init' && c.spec.readinessProbe !== undefined);
  if (withProbe.length === 0) return [];
  const readyAt = pod.history.find((h) =>
    h.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
  )?.t;
  const failures = trace.probes.filter((p) => p.pod === pod.name && p.probe === 'readiness' && p.result !== 'success');
  const lastFailure = failures[failures.length - 1];
  const firstStart = Math.min(...pod.containers.flatMap((c) => c.instances.map((i) => i.startedAt)));
  if (!Number.isFinite(firstStart)) return [];
  if (readyAt === undefined) {
    if (!lastFailure?.cause) return [];
    if (until * 1000 - firstStart < 60_000) return 'horizon';
    // Refused on a port of a program the behaviour model does not know: the real one may listen there.
    if (
      /\.(tcpSocket|httpGet|grpc)\.port$/.test(lastFailure.cause.paths[0] ?? '') &&
      pod.containers.some((c) => c.kind !== 'init' && c.process.source === 'unknown')
    )
      return 'unknown-program-port';
    return [
      {
        code: 'predicted-never-ready',
        doc: pod.doc,
        paths: lastFailure.cause.paths,
        message: `Predicted never Ready: the readiness probe of ${lastFailure.container} fails every check in the ${horizonText(until)}, so the pod gets no Service traffic: ${lastFailure.cause.evidence}.`,
        evidence: `readiness probe: ${lastFailure.cause.evidence}`,
        related: [],
        pod: pod.name,
        container: lastFailure.container,
        changes: [],
      },
    ];
  }
  const after = (readyAt - firstStart) / 1000;
  const before = failures.filter((f) => f.t * 1000 <= readyAt);
  const cause = before[before.length - 1]?.cause;
  if (after < 30 || !cause) return [];
  return [
    {
      code: 'predicted-slow-ready',
      doc: pod.doc,
      paths: cause.paths,
      message: `Predicted: Ready only after ~${Math.round(after)}s (${before.length} failed readiness checks before); until then the pod gets no Service traffic: ${cause.evidence}.`,
      evidence: `readiness probe: ${cause.evidence}`,
      related: [],
      pod: pod.name,
      container: before[before.length - 1]!.container,
      changes: [],
    },
  ];
}
