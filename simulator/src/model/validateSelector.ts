// A workload's selector (ValidateLabelSelector + "`selector` does not match template `labels`"), with the
// requirements that fail and the change that makes each one pass.
import type { LabelSelector } from './meta';
import type { PodTemplateSpec } from './podSpec';
import { type Issues, type Path } from './issues';
import { fix, type FixData } from './fixes';
import { isEmptySelector, unmatchedRequirements, type UnmatchedRequirement } from './selectors';
import { validateLabelSelector } from './validateMeta';
import type { Incomplete } from './partialParse';

export interface SelectorOptions {
  /** Whether an empty selector is an error (false for a Job's generated selector, which gains controller-uid). */
  emptyInvalid: boolean;
}

/** selector present, valid, non-empty and matching the template's labels; `path` is the workload's spec. */
export function validateSelector(
  sel: Incomplete<LabelSelector> | undefined,
  t: Incomplete<PodTemplateSpec> | undefined,
  kind: string,
  path: Path,
  issues: Issues,
  options: SelectorOptions = { emptyInvalid: true },
): void {
  if (!sel) {
    issues.required([...path, 'selector'], '', 'selector-required');
    return;
  }
  validateLabelSelector(sel, [...path, 'selector'], issues);
  if (isEmptySelector(sel)) {
    if (options.emptyInvalid)
      issues.invalid([...path, 'selector'], sel, `empty selector is invalid for ${kind}`, 'selector-empty');
    return;
  }
  if (!t || !isComplete(sel)) return;
  const labels = t.metadata?.labels;
  const unmatched = unmatchedRequirements(sel, labels);
  if (unmatched.length === 0) return;
  const labelsPath = [...path, 'template', 'metadata', 'labels'];
  const selectorPath = [...path, 'selector'];
  addFixes(unmatched, sel, labels, labelsPath, selectorPath);
  const issue = issues.invalid(
    labelsPath,
    labels ?? {},
    '`selector` does not match template `labels`',
    'selector-mismatch',
  );
  issue.detail = { kind: 'selector-mismatch', selector: selectorPath, labels: labelsPath, unmatched };
}

/** Whether every requirement has its key and operator: one that lacks either (a structural error) cannot be judged. */
function isComplete(sel: Incomplete<LabelSelector>): sel is LabelSelector {
  return (sel.matchExpressions ?? []).every((r) => r.key !== undefined && r.operator !== undefined);
}

/**
 * The fix of each failing requirement: set or add the template label (when the template has no labels, the
 * first fix adds every missing matchLabels pair at once), or align the selector with the template, or remove
 * a label the selector excludes.
 */
function addFixes(
  unmatched: UnmatchedRequirement[],
  sel: Incomplete<LabelSelector>,
  labels: Record<string, string> | undefined,
  labelsPath: Path,
  selectorPath: Path,
): void {
  const labelsExist = labels !== undefined;
  const missing = Object.entries(sel.matchLabels ?? {}).filter(
    ([k]) => !Object.prototype.hasOwnProperty.call(labels ?? {}, k),
  );
  let created = false;
  const addLabel = (k: string, v: string): FixData | undefined => {
    if (labelsExist)
      return fix(
        `Add ${k}: ${v} to the pod template labels`,
        { kind: 'set', path: [...labelsPath, k], value: v },
        true,
      );
    if (created) return undefined;
    created = true;
    const all = missing.length > 0 ? Object.fromEntries(missing) : { [k]: v };
    const text = Object.entries(all)
      .map(([a, b]) => `${a}: ${b}`)
      .join(', ');
    return fix(`Add the labels ${text} to the pod template`, { kind: 'set', path: labelsPath, value: all }, true);
  };
  for (const u of unmatched) {
    const first = u.values[0];
    const setLabel = (v: string, preferred: boolean) =>
      fix(
        `Set the pod template label ${u.key} to ${v}`,
        { kind: 'set', path: [...labelsPath, u.key], value: v },
        preferred,
      );
    const fixes: (FixData | undefined)[] = [];
    if (u.operator === '=' && first !== undefined) {
      if (u.actual === undefined) fixes.push(addLabel(u.key, first));
      else
        fixes.push(
          setLabel(first, true),
          fix(`Set the selector's ${u.key} to ${u.actual}`, {
            kind: 'set',
            path: [...selectorPath, ...u.path],
            value: u.actual,
          }),
        );
    } else if (u.operator === 'In' && first !== undefined) {
      fixes.push(u.actual === undefined ? addLabel(u.key, first) : setLabel(first, u.values.length === 1));
    } else if (u.operator === 'DoesNotExist' && u.actual !== undefined) {
      fixes.push(
        fix(`Remove the label ${u.key} from the pod template`, { kind: 'delete', path: [...labelsPath, u.key] }),
      );
    }
    u.fixes = fixes.filter((f): f is FixData => f !== undefined);
  }
}
