// Probes and lifecycle hooks on a regular init container (one without restartPolicy: Always): the API server
// rejects them, since such a container runs to completion before the app starts. A restartable init
// container (a sidecar) may have them. Ephemeral containers may not have them either. The check is the
// model's (validateContainer.ts); this rule says it in words and offers its fixes.
import { containerLabel, presentedRule } from './support/presented';

function what(field: string): string {
  return field === 'lifecycle' ? 'lifecycle hooks' : `a ${field.replace('Probe', '')} probe`;
}

export const initContainerProbe = presentedRule({
  id: 'init-container-probe',
  defaultSeverity: 'error',
  description:
    'A regular init container (or an ephemeral container) has a probe or lifecycle hooks, which the API server rejects',
  presents: [
    'probe-on-init-container',
    'lifecycle-on-init-container',
    'probe-on-ephemeral-container',
    'lifecycle-on-ephemeral-container',
  ],
  explain(issue, doc) {
    const field = String(issue.path[issue.path.length - 1]);
    const containerPath = issue.path.slice(0, -1);
    const label = containerLabel(doc, containerPath);
    const message = issue.code.endsWith('-on-init-container')
      ? `Init container ${label} cannot have ${what(field)}: it runs to completion before the app starts, so the API server rejects it. Remove ${field}, or make ${label} a sidecar that keeps running (restartPolicy: Always)`
      : `Ephemeral container ${label} cannot have ${what(field)}: the API server rejects it`;
    return [{ range: doc.keyRange(containerPath, field) ?? doc.range(issue.path), message, fixes: issue.fixes ?? [] }];
  },
});
