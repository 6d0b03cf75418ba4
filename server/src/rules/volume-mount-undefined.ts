// A volumeMount (or volumeDevice) that names no volume of the pod: the API server rejects the pod ("Not
// found"). A StatefulSet's volumeClaimTemplates count as volumes. The check is the model's
// (validateContainer.ts); this rule says it in words, suggests a close name and offers the fixes.
import type { FixData } from '../../../simulator/src/index';
import { editDistance } from '../editDistance';
import { get } from './support/data';
import { containerLabel, detailOf, presentedRule } from './support/presented';

export const volumeMountUndefined = presentedRule({
  id: 'volume-mount-undefined',
  defaultSeverity: 'error',
  description: 'A volumeMount refers to a volume name that the pod does not define',
  presents: ['volume-mount-not-found', 'volume-device-not-found'],
  explain(issue, doc) {
    const known = detailOf(issue, 'not-found')?.known ?? [];
    const name = String(get(doc.value, issue.path));
    const field = issue.path[issue.path.length - 3];
    const names = known.map((k) => k.name);
    const close = known
      .map((k) => ({ k, d: k.name.toLowerCase() === name.toLowerCase() ? 0 : editDistance(k.name, name, 2) }))
      .filter((x) => x.d <= 2)
      .sort((a, b) => a.d - b.d)[0]?.k;
    // A close name is the likelier intent: its rename comes first and is the preferred fix.
    const fixes: FixData[] = close
      ? [
          {
            title: `Rename to "${close.name}"`,
            preferred: true,
            changes: [{ kind: 'set', path: issue.path, value: close.name }],
          },
          ...(issue.fixes ?? []).map(({ title, changes }) => ({ title, changes })),
        ]
      : [...(issue.fixes ?? [])];
    const list =
      names.length > 0
        ? `the pod's volumes: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`
        : 'the pod defines no volumes';
    return [
      {
        range: doc.range(issue.path),
        message: `${field === 'volumeMounts' ? 'Volume mount' : 'Volume device'} "${name}" in ${containerLabel(doc, issue.path.slice(0, -3))} refers to no volume (${list})${close ? `; did you mean "${close.name}"?` : ''}`,
        related: close ? [{ range: doc.range(close.path), message: `volume "${close.name}" is defined here` }] : [],
        fixes,
      },
    ];
  },
});
