// Probes and lifecycle hooks on a regular init container (one without restartPolicy: Always): the API server
// rejects them, since such a container runs to completion before the app starts. A restartable init
// container (a sidecar) may have them. Ephemeral containers may not have them either.
import type { Finding, Fix, Rule } from './types';
import { containersOf } from './support/data';
import { deleteKey, setScalar } from './support/edits';

const FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'] as const;

function what(field: (typeof FIELDS)[number]): string {
  return field === 'lifecycle' ? 'lifecycle hooks' : `a ${field.replace('Probe', '')} probe`;
}

export const initContainerProbe: Rule = {
  id: 'init-container-probe',
  defaultSeverity: 'error',
  description: 'A regular init container (or an ephemeral container) has a probe or lifecycle hooks, which the API server rejects',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      for (const c of containersOf(pod)) {
        if (c.kind !== 'init' && c.kind !== 'ephemeral') continue;
        for (const field of FIELDS) {
          if (c.c[field] === undefined) continue;
          const fixes: Fix[] = [];
          const remove = deleteKey(doc, c.path, field);
          if (remove) fixes.push({ title: `Remove ${field}`, edits: [remove] });
          let message: string;
          if (c.kind === 'init') {
            // Only an unset restartPolicy can become Always; another value is the schema layer's to report.
            const sidecar = c.c['restartPolicy'] === undefined ? setScalar(doc, c.path, 'restartPolicy', 'Always') : undefined;
            if (sidecar) fixes.push({ title: `Make ${c.label} a sidecar (restartPolicy: Always)`, edits: [sidecar] });
            message = `Init container ${c.label} cannot have ${what(field)}: it runs to completion before the app starts, so the API server rejects it. Remove ${field}, or make ${c.label} a sidecar that keeps running (restartPolicy: Always)`;
          } else {
            message = `Ephemeral container ${c.label} cannot have ${what(field)}: the API server rejects it`;
          }
          out.push({ range: doc.keyRange(c.path, field) ?? doc.range([...c.path, field]), message, fixes });
        }
      }
    }
    return out;
  },
};
