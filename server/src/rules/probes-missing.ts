// A container that a Service of the file sends traffic to, with no probe at all: the Service routes to it
// as soon as it runs, before it can answer, and the kubelet never restarts it when it hangs (kube-score's
// `pod-probes`). With a readiness probe the pod only gets traffic once it answers (k/website
// configure-liveness-readiness-startup-probes). Judged only for the container that serves the Service's
// targetPort (or the only container), and only when the Service is in the file.
import type { FileRule, Finding } from './types';
import { get, int, isObj, list, portsOf, runningContainers, str, type ContainerAt } from './support/data';
import { fix } from '../../../simulator/src/index';
import { podTemplates, selects } from './support/templates';
import { servicesOf } from './service-selector-unmatched';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** The targetPorts of a Service (a port's targetPort, or its port). */
function targetPorts(svc: unknown): (number | string)[] {
  return list(get(svc, ['spec', 'ports']))
    .filter(isObj)
    .map((p) => p['targetPort'] ?? p['port'])
    .map((t) => int(t) ?? str(t))
    .filter((t): t is number | string => t !== undefined);
}

/** The container port a target reaches in `c`, when `c` declares it. */
function served(c: ContainerAt, target: number | string): number | string | undefined {
  const p = portsOf(c).find((x) => (typeof target === 'number' ? x.port === target : x.name === target));
  return p ? (p.name ?? p.port) : undefined;
}

export const probesMissing: FileRule = {
  id: 'probes-missing',
  defaultSeverity: 'information',
  description:
    'A container that a Service of the file sends traffic to has no probes, so it gets traffic before it can answer',
  checkFile(docs) {
    const out: { doc: number; finding: Finding }[] = [];
    const services = servicesOf(docs);
    if (services.length === 0) return out;
    for (const t of podTemplates(docs)) {
      if (!t.pod) continue;
      const by = services.filter((s) => s.namespace === t.namespace && selects(s.selector, t));
      if (by.length === 0) continue;
      const targets = by.flatMap((s) => targetPorts(s.doc.value));
      const running = runningContainers(t.pod).filter((c) => c.kind === 'regular');
      for (const c of running) {
        if (PROBES.some((k) => c.c[k] !== undefined)) continue;
        const port = targets.map((x) => served(c, x)).find((x) => x !== undefined);
        const only = running.length === 1 ? targets.find((x): x is number => typeof x === 'number') : undefined;
        if (port === undefined && running.length > 1) continue; // which container serves is not known
        const probePort = port ?? only;
        out.push({
          doc: t.doc.index,
          finding: {
            range: c.name !== undefined ? t.doc.range([...c.path, 'name']) : t.doc.range(c.path),
            message: `${c.label} has no probes, but Service ${str(get(by[0]!.doc.value, ['metadata', 'name'])) ?? ''} sends traffic to it: it gets requests as soon as it runs, before it can answer, and is never restarted if it hangs`,
            fixes:
              probePort === undefined
                ? []
                : [
                    fix(
                      `Add a readiness probe (tcpSocket on ${probePort})`,
                      { kind: 'set', path: [...c.path, 'readinessProbe'], value: { tcpSocket: { port: probePort } } },
                      true,
                    ),
                  ],
          },
        });
      }
    }
    return out;
  },
};
