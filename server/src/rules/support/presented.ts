// Rules that present the API server's own checks. The check lives once, in the model
// (simulator/src/model/validate*.ts), which `podlab run` uses too; such a rule picks the document's loader
// issues with its codes and says each in the rule's words, with the issue's fixes.
import type { FixData, IssueDetail, ManifestIssue } from '../../../../simulator/src/index';
import { get, str } from './data';
import type { DocContext, Finding, Rule, RuleSeverity } from '../types';

/** A finding with its fixes said, if only as none. */
export interface Explained extends Finding {
  fixes: readonly FixData[];
}

export interface PresentedRule {
  id: string;
  defaultSeverity: RuleSeverity;
  description: string;
  /** Loader issue codes (the model's) that this rule presents. */
  presents: readonly string[];
  /** The rule's words for one issue (usually one finding; a selector explains each failing requirement). */
  explain(issue: ManifestIssue, doc: DocContext): Explained[];
}

export function presentedRule(r: PresentedRule): Rule {
  return {
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    description: r.description,
    presents: r.presents,
    check(doc) {
      const out: Finding[] = [];
      for (const issue of doc.issues) {
        if (!r.presents.includes(issue.code)) continue;
        out.push(...r.explain(issue, doc));
      }
      // In source order (the model reports in its own order, e.g. volumes before containers).
      return out.sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
    },
  };
}

/** The issue's detail when it is of the expected kind. */
export function detailOf<K extends IssueDetail['kind']>(
  issue: ManifestIssue,
  kind: K,
): Extract<IssueDetail, { kind: K }> | undefined {
  return issue.detail?.kind === kind ? (issue.detail as Extract<IssueDetail, { kind: K }>) : undefined;
}

/** How messages name the container at `path` (`…containers[0]`): its name, else `containers[0]`. */
export function containerLabel(doc: DocContext, path: readonly (string | number)[]): string {
  const name = str(get(doc.value, [...path, 'name']));
  return name !== undefined && name !== ''
    ? name
    : `${String(path[path.length - 2])}[${String(path[path.length - 1])}]`;
}
