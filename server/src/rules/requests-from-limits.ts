// A container that limits a resource without requesting it. The API server then copies the limit into
// the request (core/v1 defaults.go SetDefaults_Pod: "If a container has limits but no requests, default
// requests to limits"), so the scheduler reserves the whole limit on a node: `limits: {cpu: "4"}` alone
// needs a node with 4 free CPUs, although the author most likely meant a cap, not a reservation.
import type { Finding, Rule } from './types';
import { containersOf, isObj } from './support/data';

export const requestsFromLimits: Rule = {
  id: 'requests-from-limits',
  defaultSeverity: 'information',
  description:
    'A container sets a limit without a request for the same resource, so the request defaults to the whole limit',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      for (const c of containersOf(pod)) {
        if (c.kind === 'ephemeral') continue;
        const r = c.c['resources'];
        if (!isObj(r) || !isObj(r['limits'])) continue;
        const requests = isObj(r['requests']) ? r['requests'] : {};
        for (const [name, limit] of Object.entries(r['limits'])) {
          if (name in requests || (typeof limit !== 'string' && typeof limit !== 'number')) continue;
          out.push({
            range: doc.keyRange([...c.path, 'resources', 'limits'], name) ?? doc.range([...c.path, 'resources']),
            message: `${c.label} limits ${name} to ${String(limit)} but requests none: the API server sets the ${name} request to the limit, so the scheduler reserves the whole ${String(limit)} on a node for it`,
          });
        }
      }
    }
    return out;
  },
};
