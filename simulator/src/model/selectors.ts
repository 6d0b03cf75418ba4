// Label selector matching (k8s.io/apimachinery/pkg/labels semantics).
import type { LabelSelector, LabelSelectorRequirement } from './meta';
import type { NodeSelectorRequirement } from './affinity';
import type { FixData } from './fixes';
import type { Path } from './path';

/** One requirement of a label selector that a set of labels fails. */
export interface UnmatchedRequirement {
  /** Path of the requirement inside the selector: `['matchLabels', key]` or `['matchExpressions', i]`. */
  path: Path;
  key: string;
  /** `=` for a matchLabels pair, else the requirement's operator as written (any string: the schema does not
   * restrict it, the validator reports one it does not know). */
  operator: string;
  values: string[];
  /** The label's value on the object, when it has the key. */
  actual?: string;
  /** Changes that make this requirement pass (filled in by the validator). */
  fixes: FixData[];
}

function requirementMatches(
  r: LabelSelectorRequirement | NodeSelectorRequirement,
  labels: Record<string, string>,
): boolean {
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
export function labelSelectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  return (selector.matchExpressions ?? []).every((r) => requirementMatches(r, l));
}

/**
 * The requirements of a label selector that these labels fail (none: the selector matches). The same rules as
 * labelSelectorMatches, kept per requirement so that a mismatch can be explained and fixed where it is.
 */
export function unmatchedRequirements(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): UnmatchedRequirement[] {
  const l = labels ?? {};
  const out: UnmatchedRequirement[] = [];
  const actual = (key: string) => (Object.prototype.hasOwnProperty.call(l, key) ? { actual: l[key] as string } : {});
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== v) out.push({ path: ['matchLabels', k], key: k, operator: '=', values: [v], ...actual(k), fixes: [] });
  }
  (selector.matchExpressions ?? []).forEach((r, i) => {
    if (!requirementMatches(r, l))
      out.push({
        path: ['matchExpressions', i],
        key: r.key,
        operator: r.operator,
        values: [...(r.values ?? [])],
        ...actual(r.key),
        fixes: [],
      });
  });
  return out;
}

/** Whether a node selector requirement list (one nodeSelectorTerm's matchExpressions) matches node labels. */
export function nodeRequirementsMatch(
  reqs: readonly NodeSelectorRequirement[],
  labels: Record<string, string>,
): boolean {
  return reqs.every((r) => requirementMatches(r, labels));
}

/** A map selector (Service spec.selector, nodeSelector): every pair must be present. */
export function mapSelectorMatches(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

/** Whether a selector can match anything at all (has at least one requirement). */
export function isEmptySelector(
  selector: { matchLabels?: Record<string, unknown>; matchExpressions?: readonly unknown[] } | undefined,
): boolean {
  return (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)
  );
}
