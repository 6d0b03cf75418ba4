// Label selector matching (k8s.io/apimachinery/pkg/labels semantics).
import type { LabelSelector, LabelSelectorRequirement } from './meta';
import type { NodeSelectorRequirement } from './affinity';

function requirementMatches(r: LabelSelectorRequirement | NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(value as string);
    case 'NotIn':
      return !has || !values.includes(value as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const a = Number.parseInt(value as string, 10);
      const b = Number.parseInt(values[0] as string, 10);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/**
 * Whether a label selector selects an object with these labels. An empty selector (`{}`) matches everything;
 * a missing selector (undefined) matches nothing, as in the API.
 */
export function labelSelectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  return (selector.matchExpressions ?? []).every((r) => requirementMatches(r, l));
}

/** Whether a node selector requirement list (one nodeSelectorTerm's matchExpressions) matches node labels. */
export function nodeRequirementsMatch(reqs: readonly NodeSelectorRequirement[], labels: Record<string, string>): boolean {
  return reqs.every((r) => requirementMatches(r, labels));
}

/** A map selector (Service spec.selector, nodeSelector): every pair must be present. */
export function mapSelectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

/** Whether a selector can match anything at all (has at least one requirement). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}
