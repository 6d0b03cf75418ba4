// What a PodLab diagnostic carries in its `data` field: the quick fixes that the code-action handler offers,
// and the codes of the rule findings merged into it.
// Its own module because both producers (diagnostics, predictions) and the consumer (code actions) need it.
import type { Diagnostic } from 'vscode-languageserver';
import type { Fix } from '../rules/types';

/** Quick fixes carried by a diagnostic (file coordinates). */
export interface DiagnosticData {
  fixes: Fix[];
  /**
   * The codes of the rule findings this diagnostic stands for as well: a prediction and the findings that cause
   * it, on the same value, are published as one diagnostic (mergeCauses.ts).
   */
  merged?: string[];
  /** A prediction's cause in a few words (Prediction.evidence), as its message words it. */
  evidence?: string;
}

/** A diagnostic's message as plain text: LSP allows markup there, PodLab itself always sends a string. */
export function diagnosticMessage(d: Pick<Diagnostic, 'message'>): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
