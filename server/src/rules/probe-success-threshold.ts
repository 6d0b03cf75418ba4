// successThreshold must be 1 for liveness and startup probes (the API server rejects other values): one
// success is what ends a startup phase or clears a liveness failure.
import type { Finding, Rule } from './types';
import { containersOf, int, isObj } from './support/data';
import { replaceValue } from './support/edits';

export const probeSuccessThreshold: Rule = {
  id: 'probe-success-threshold',
  defaultSeverity: 'error',
  description: 'A liveness or startup probe has a successThreshold other than 1 (the API server rejects it)',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      for (const c of containersOf(pod)) {
        for (const [key, title] of [['livenessProbe', 'liveness'], ['startupProbe', 'startup']] as const) {
          const probe = c.c[key];
          if (!isObj(probe)) continue;
          const v = int(probe['successThreshold']);
          if (v === undefined || v === 1) continue;
          const path = [...c.path, key, 'successThreshold'];
          out.push({
            range: doc.range(path),
            message: `successThreshold must be 1 for a ${title} probe, not ${v}: the API server rejects it${title === 'liveness' ? ' (only readiness probes may require several successes in a row)' : ''}`,
            fixes: [{ title: 'Set successThreshold to 1', edits: [replaceValue(doc, path, '1')], preferred: true }],
          });
        }
      }
    }
    return out;
  },
};
