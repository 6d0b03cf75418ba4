// ObjectMeta, labels and label selectors (ValidateObjectMeta, ValidateLabels, ValidateLabelSelector).
import type { ObjectMeta, LabelSelector } from './meta';
import { type Issues, type Path } from './issues';
import {
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
} from './names';
import type { Incomplete } from './partialParse';

export type NameRule = 'subdomain' | 'dns1035' | 'label';

const NAME_CHECKS: Record<NameRule, (v: string) => string[]> = {
  subdomain: dns1123SubdomainErrors,
  dns1035: dns1035LabelErrors,
  label: dns1123LabelErrors,
};

export function validateLabels(labels: Record<string, string>, path: Path, issues: Issues): void {
  for (const [k, v] of Object.entries(labels)) {
    issues.names([...path, k], k, qualifiedNameErrors, 'label-key');
    issues.names([...path, k], v, labelValueErrors, 'label-value');
  }
}

/**
 * Top-level metadata: a name (or generateName) in the kind's syntax, an optional namespace (DNS label),
 * valid label keys/values and annotation keys. `maxNameLength` adds the kind's own limit (CronJob: 52).
 */
export function validateObjectMeta(
  meta: Incomplete<ObjectMeta> | undefined,
  path: Path,
  rule: NameRule,
  issues: Issues,
  maxNameLength?: number,
): void {
  const m = meta ?? {};
  if (!m.name && !m.generateName) {
    issues.required([...path, 'name'], 'name or generateName is required', 'metadata-name');
  }
  if (m.name) {
    issues.names([...path, 'name'], m.name, NAME_CHECKS[rule], 'metadata-name');
    if (maxNameLength !== undefined && m.name.length > maxNameLength) {
      issues.invalid([...path, 'name'], m.name, `must be no more than ${maxNameLength} characters`, 'metadata-name');
    }
  }
  if (m.namespace) issues.names([...path, 'namespace'], m.namespace, dns1123LabelErrors, 'metadata-namespace');
  validateTemplateMeta(m, path, issues);
}

/** Labels and annotation keys (pod template metadata has no name rules). */
export function validateTemplateMeta(meta: Incomplete<ObjectMeta> | undefined, path: Path, issues: Issues): void {
  if (meta?.labels) validateLabels(meta.labels, [...path, 'labels'], issues);
  for (const k of Object.keys(meta?.annotations ?? {})) {
    issues.names([...path, 'annotations', k], k.toLowerCase(), qualifiedNameErrors, 'annotation-key');
  }
}

export function validateLabelSelector(sel: Incomplete<LabelSelector>, path: Path, issues: Issues): void {
  if (sel.matchLabels) validateLabels(sel.matchLabels, [...path, 'matchLabels'], issues);
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = [...path, 'matchExpressions', i];
    if (r.key !== undefined) issues.names([...p, 'key'], r.key, qualifiedNameErrors, 'label-key');
    const n = (r.values ?? []).length;
    if ((r.operator === 'In' || r.operator === 'NotIn') && n === 0) {
      issues.required([...p, 'values'], "must be specified when `operator` is 'In' or 'NotIn'", 'label-selector');
    }
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && n > 0) {
      issues.forbidden(
        [...p, 'values'],
        "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        'label-selector',
      );
    }
    (r.values ?? []).forEach((v, j) => issues.names([...p, 'values', j], v, labelValueErrors, 'label-value'));
  });
}
