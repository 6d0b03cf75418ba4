// Quick fixes: each diagnostic carries its fixes (diagnosticData.ts); this turns them into code actions. Two
// diagnostics under the cursor that carry the same edit give one action (for both of them), so the menu never
// lists a fix twice; the action is preferred when either diagnostic prefers it.
import { CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import type { DiagnosticData } from './diagnosticData';

export function codeActions(params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.')))
    return [];
  const byEdits = new Map<string, CodeAction>();
  for (const d of params.context.diagnostics) {
    if (d.source !== 'podlab') continue;
    const data = d.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      const key = JSON.stringify(fix.edits);
      const seen = byEdits.get(key);
      if (seen) {
        seen.diagnostics?.push(d);
        if (fix.preferred) seen.isPreferred = true;
        continue;
      }
      const action = CodeAction.create(
        fix.title,
        { changes: { [params.textDocument.uri]: fix.edits } },
        CodeActionKind.QuickFix,
      );
      action.diagnostics = [d];
      if (fix.preferred) action.isPreferred = true;
      byEdits.set(key, action);
    }
  }
  return [...byEdits.values()];
}
