// Quick fixes: each diagnostic carries its fixes (diagnosticData.ts); this turns them into code actions.
import { CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import type { DiagnosticData } from './diagnosticData';

export function codeActions(params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.')))
    return [];
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== 'podlab') continue;
    const data = d.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      const action = CodeAction.create(
        fix.title,
        { changes: { [params.textDocument.uri]: fix.edits } },
        CodeActionKind.QuickFix,
      );
      action.diagnostics = [d];
      if (fix.preferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}
