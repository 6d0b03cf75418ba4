// A serving container with a liveness probe but no readiness probe: it receives traffic as soon as it is
// running, before it can answer, and whenever it is unhealthy until the liveness probe restarts it.
import type { Finding, Rule } from './types';
import { containersOf, isObj, list, str, type ContainerAt } from './support/data';
import { fix } from '../../../simulator/src/index';
import { resolveFixes } from '../analysis/fixes';
import { probeHandler } from './support/probes';

/** A container that declares ports is taken to serve traffic (a Service would route to it). */
function serving(c: ContainerAt): boolean {
  return list(c.c['ports']).length > 0;
}

export const livenessWithoutReadiness: Rule = {
  id: 'liveness-without-readiness',
  defaultSeverity: 'information',
  description: 'A serving container has a liveness probe but no readiness probe, so it gets traffic before it is ready',
  check(doc) {
    if (doc.kind === 'Job' || doc.kind === 'CronJob') return [];
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      const policy = str(pod.spec['restartPolicy']);
      if (policy === 'Never' || policy === 'OnFailure') continue; // run-to-completion pods serve no traffic
      for (const c of containersOf(pod)) {
        if (c.kind !== 'regular') continue;
        const live = c.c['livenessProbe'];
        if (!isObj(live) || c.c['readinessProbe'] !== undefined) continue;
        const h = probeHandler(live);
        if (!h || !serving(c)) continue;
        out.push({
          range: doc.keyRange(c.path, 'livenessProbe') ?? doc.range([...c.path, 'livenessProbe']),
          message: `${c.label} has a liveness probe but no readiness probe: the pod receives traffic as soon as ${c.label} is running, before it can answer, and keeps receiving it while ${c.label} is unhealthy`,
          fixes: resolveFixes(doc, [
            fix(
              `Add a readiness probe with the same ${h.key} check`,
              { kind: 'set', path: [...c.path, 'readinessProbe'], value: { [h.key]: h.value } },
              true,
            ),
          ]),
        });
      }
    }
    return out;
  },
};
