// What a PodLab diagnostic carries in its `data` field: the codes of the rule findings merged into it, and a
// prediction's evidence. Not its quick fixes: those are made when a code action asks (diagnosticFixes.ts).
// Its own module because the producers (diagnostics, predictions), mergeCauses and `podlab lint` need it.
import type { Diagnostic } from 'vscode-languageserver';

export interface DiagnosticData {
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
