// One diagnostic per cause. A rule's finding and a prediction can point at the same value for one cause: the
// liveness probe checks 8081, which no container declares (probe-port-not-exposed), so the kubelet kills the
// container until it is in CrashLoopBackOff (predicted-crash-loop). Two warnings on `8081`, each with "Set the
// probe port to 8080", read as two problems with two fixes. Here the prediction absorbs the finding: its
// message gains the finding's fact, its fixes the finding's (one per distinct edit, at most one preferred), its
// related lines the finding's, its severity the more severe of the two, and `data.merged` names the rule, so
// that clients and `podlab lint` find the finding by code, not by words. Which rules cause which predicted
// outcomes is declared by each rule (Rule.causeOf); a prediction that merely shares a line with a finding of
// another cause (a database's config error on the container a web server shares) stays apart.
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import { RULES } from '../rules';
import type { Fix } from '../rules/types';
import { diagnosticMessage, type DiagnosticData } from './diagnosticData';
import { deriveFixes } from './diagnosticFixes';

/** Rule id → the predicted outcomes its finding causes. */
const CAUSES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  RULES.flatMap((r) => (r.causeOf ? [[r.id, new Set<string>(r.causeOf)] as const] : [])),
);

/** Rules whose finding states the prediction's evidence itself (Rule.statesEvidence). */
const STATES_EVIDENCE: ReadonlySet<string> = new Set(RULES.flatMap((r) => (r.statesEvidence ? [r.id] : [])));

/** A prediction's diagnostic, and its message without the evidence (Prediction.brief) where it has one. */
export interface Predicted {
  diagnostic: Diagnostic;
  brief?: string;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

function causes(finding: Diagnostic, prediction: Diagnostic): boolean {
  return (
    CAUSES.get(String(finding.code))?.has(String(prediction.code)) === true &&
    sameRange(finding.range, prediction.range)
  );
}

/** Fixes with the same edits are one fix (the first title); only the first preferred one stays preferred. */
function mergeFixes(fixes: readonly Fix[]): Fix[] {
  const byEdits = new Map<string, Fix>();
  for (const f of fixes) {
    const key = JSON.stringify(f.edits);
    const seen = byEdits.get(key);
    if (seen === undefined)
      byEdits.set(key, { title: f.title, edits: f.edits, ...(f.preferred ? { preferred: true } : {}) });
    else if (f.preferred === true) seen.preferred = true;
  }
  let preferred = false;
  return [...byEdits.values()].map((f) => {
    const keep = f.preferred === true && !preferred;
    preferred ||= keep;
    return keep ? f : { title: f.title, edits: f.edits };
  });
}

function mergeRelated(lists: readonly (DiagnosticRelatedInformation[] | undefined)[]): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const r of lists.flatMap((l) => l ?? [])) {
    if (!out.some((o) => sameRange(o.location.range, r.location.range))) out.push(r);
  }
  return out;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function merge({ diagnostic: prediction, brief }: Predicted, findings: readonly Diagnostic[]): Diagnostic {
  const all = [prediction, ...findings];
  const severities = all.flatMap((d) => (d.severity === undefined ? [] : [d.severity]));
  const related = mergeRelated(all.map((d) => d.relatedInformation));
  const merged: DiagnosticData = { merged: findings.map((f) => String(f.code)) };
  // A finding that states the prediction's evidence itself (when the process listens): the cause is said once.
  const said = brief !== undefined && findings.some((f) => STATES_EVIDENCE.has(String(f.code)));
  const out: Diagnostic = {
    ...prediction,
    message: [said ? brief : diagnosticMessage(prediction), ...findings.map(diagnosticMessage)].map(sentence).join(' '),
    data: merged,
  };
  deriveFixes(out, all, mergeFixes);
  if (severities.length > 0) out.severity = Math.min(...severities) as Diagnostic['severity'];
  if (related.length > 0) out.relatedInformation = related;
  return out;
}

/**
 * A document's predictions with the rule findings that cause them merged in, and the findings so absorbed
 * (the caller leaves them out). Both in the same coordinates; nothing passed in is changed.
 */
export function mergeCauses(
  findings: readonly Diagnostic[],
  predictions: readonly Predicted[],
): { predictions: Diagnostic[]; absorbed: Set<Diagnostic> } {
  const absorbed = new Set<Diagnostic>();
  const out = predictions.map((p) => {
    const mine = findings.filter((f) => causes(f, p.diagnostic));
    for (const f of mine) absorbed.add(f);
    return mine.length > 0 ? merge(p, mine) : p.diagnostic;
  });
  return { predictions: out, absorbed };
}
