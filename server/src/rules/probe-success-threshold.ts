// successThreshold must be 1 for liveness and startup probes (the API server rejects other values): one
// success is what ends a startup phase or clears a liveness failure. The check is the model's
// (validateContainer.ts); this rule says it in words and offers its fix.
import { get } from './support/data';
import { presentedRule } from './support/presented';

export const probeSuccessThreshold = presentedRule({
  id: 'probe-success-threshold',
  defaultSeverity: 'error',
  description: 'A liveness or startup probe has a successThreshold other than 1 (the API server rejects it)',
  presents: ['probe-success-threshold'],
  explain(issue, doc) {
    const probe = issue.path[issue.path.length - 2];
    const title = probe === 'livenessProbe' ? 'liveness' : 'startup';
    return [
      {
        range: doc.range(issue.path),
        message: `successThreshold must be 1 for a ${title} probe, not ${String(get(doc.value, issue.path))}: the API server rejects it${title === 'liveness' ? ' (only readiness probes may require several successes in a row)' : ''}`,
        fixes: issue.fixes ?? [],
      },
    ];
  },
});
