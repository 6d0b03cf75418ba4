// Names that must be unique, which the API server rejects when repeated: container names (containers,
// initContainers and ephemeralContainers share one namespace), port names within a container, volume names.
// The checks are the model's (validatePod.ts, validateContainer.ts); this rule says them in words, points at
// the first use and offers their fixes.
import type { Path } from '../../../simulator/src/index';
import { resolveFixes } from '../analysis/fixes';
import type { DocContext } from './types';
import { get } from './support/data';
import { containerLabel, detailOf, presentedRule } from './support/presented';

function line(doc: DocContext, path: Path): number {
  return doc.range(path).start.line + 1;
}

/** How the container at `…[i].name` is called in a message. */
function where(doc: DocContext, namePath: Path): string {
  const list = namePath[namePath.length - 3];
  if (list === 'containers') return 'container';
  if (list === 'ephemeralContainers') return 'ephemeral container';
  return get(doc.value, [...namePath.slice(0, -1), 'restartPolicy']) === 'Always'
    ? 'sidecar (init) container'
    : 'init container';
}

export const duplicateName = presentedRule({
  id: 'duplicate-name',
  defaultSeverity: 'error',
  description: 'A container, port or volume name is used twice where it must be unique',
  presents: ['duplicate-container-name', 'duplicate-port-name', 'duplicate-volume-name'],
  explain(issue, doc) {
    const first = detailOf(issue, 'duplicate')?.first;
    if (!first) return [];
    const name = String(get(doc.value, issue.path));
    const fixes = issue.fixes ?? [];
    const base = { range: doc.range(issue.path), fixes };
    if (issue.code === 'duplicate-container-name') {
      return [
        {
          ...base,
          message: `Container name "${name}" is already used by the ${where(doc, first)} on line ${line(doc, first)}: names must be unique across containers, initContainers and ephemeralContainers`,
          related: [{ range: doc.range(first), message: `"${name}" is first used here` }],
        },
      ];
    }
    if (issue.code === 'duplicate-port-name') {
      return [
        {
          ...base,
          message: `Port name "${name}" is used twice in ${containerLabel(doc, issue.path.slice(0, -3))} (first on line ${line(doc, first)}): port names must be unique within a container`,
          related: [{ range: doc.range(first), message: `"${name}" is first used here` }],
        },
      ];
    }
    const identical = resolveFixes(doc, fixes).length > 0 ? '; both definitions are identical' : '';
    return [
      {
        ...base,
        message: `Volume name "${name}" is used twice (first on line ${line(doc, first)}): volume names must be unique in a pod${identical}`,
        related: [{ range: doc.range(first), message: `"${name}" is first defined here` }],
      },
    ];
  },
});
