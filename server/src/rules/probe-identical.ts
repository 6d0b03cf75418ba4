// Identical liveness and readiness probes: when the check fails (a slow dependency, a busy moment) the
// kubelet restarts the container at the same moment it leaves the Service endpoints, instead of only taking
// it out of rotation until it recovers.
import type { Finding, Rule } from './types';
import { deepEqual, isObj, runningContainers } from './support/data';
import { fix } from '../../../simulator/src/index';
import { describeHandler, probeHandler, probeTiming } from './support/probes';

export const probeIdentical: Rule = {
  id: 'probe-identical',
  defaultSeverity: 'warning',
  description:
    'The liveness and readiness probes are the same httpGet, exec or grpc check, so a failing check restarts the container instead of only taking it out of rotation (identical tcpSocket probes are not reported)',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      for (const c of runningContainers(pod)) {
        const live = c.c['livenessProbe'];
        const ready = c.c['readinessProbe'];
        if (!isObj(live) || !isObj(ready)) continue;
        const hl = probeHandler(live);
        const hr = probeHandler(ready);
        if (!hl || !hr || hl.key !== hr.key || !deepEqual(hl.value, hr.value)) continue;
        if (hl.key === 'tcpSocket') continue; // a TCP connect cannot reflect a dependency: identical is harmless
        const tl = probeTiming(live);
        const tr = probeTiming(ready);
        if (
          tl.initialDelaySeconds !== tr.initialDelaySeconds ||
          tl.periodSeconds !== tr.periodSeconds ||
          tl.timeoutSeconds !== tr.timeoutSeconds ||
          tl.failureThreshold !== tr.failureThreshold
        )
          continue;
        const livePath = [...c.path, 'livenessProbe'];
        const more = tl.failureThreshold * 2;
        out.push({
          range: doc.keyRange(c.path, 'livenessProbe') ?? doc.range(livePath),
          message: `The liveness and readiness probes of ${c.label} are identical (${describeHandler(hl)}, every ${tl.periodSeconds} s, ${tl.failureThreshold} failures): when the check fails, for example because a dependency is slow, the kubelet restarts the container at the same moment it stops receiving traffic, instead of only taking it out of rotation`,
          related: [
            {
              range: doc.keyRange(c.path, 'readinessProbe') ?? doc.range([...c.path, 'readinessProbe']),
              message: 'the identical readiness probe',
            },
          ],
          fixes: [
            fix(`Let the liveness probe tolerate more failures (failureThreshold: ${more})`, {
              kind: 'set',
              path: [...livePath, 'failureThreshold'],
              value: more,
            }),
          ],
        });
      }
    }
    return out;
  },
};
