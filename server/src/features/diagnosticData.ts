// What a PodLab diagnostic carries in its `data` field: the codes of the rule findings merged into it. Not its
// quick fixes: those are made when a code action asks (diagnosticFixes.ts); nor a prediction's words without
// its evidence, which mergeCauses gets beside the diagnostic (Predicted), in the pass that merges, and no editor
// needs. Its own module because mergeCauses, the clients and `podlab lint` read it.
import type { Diagnostic } from 'vscode-languageserver';

export interface DiagnosticData {
  /**
   * The codes of the rule findings this diagnostic stands for as well: a prediction and the findings that cause
   * it, on the same value, are published as one diagnostic (mergeCauses.ts).
   */
  merged?: string[];
}

/** A diagnostic's message as plain text: LSP allows markup there, PodLab itself always sends a string. */
export function diagnosticMessage(d: Pick<Diagnostic, 'message'>): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
