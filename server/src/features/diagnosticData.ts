// What a PodLab diagnostic carries in its `data` field: the quick fixes that the code-action handler offers.
// Its own module because both producers (diagnostics, predictions) and the consumer (code actions) need it.
import type { Diagnostic } from 'vscode-languageserver';
import type { Fix } from '../rules/types';

/** Quick fixes carried by a diagnostic (file coordinates). */
export interface DiagnosticData {
  fixes: Fix[];
}

/** A diagnostic's message as plain text: LSP allows markup there, PodLab itself always sends a string. */
export function diagnosticMessage(d: Pick<Diagnostic, 'message'>): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
