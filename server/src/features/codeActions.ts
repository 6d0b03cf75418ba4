// Quick fixes as code actions, from the fixes of the diagnostics in the request (the diagnostics engine's answer,
// background/publishedFixes.ts). Two diagnostics under the cursor that have the same edit give one action (for
// both of them), so the menu never lists a fix twice; the action is preferred when either diagnostic prefers it.
import { CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import type { Fix } from '../rules/types';

/** Whether the request wants quick fixes (`only` absent, or naming quick fixes or a kind above them). */
export function wantsQuickFixes(params: CodeActionParams): boolean {
  const only = params.context.only;
  return !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.'));
}

/** `fixes[i]`: the fixes of `params.context.diagnostics[i]`. */
export function codeActions(params: CodeActionParams, fixes: readonly (readonly Fix[] | undefined)[]): CodeAction[] {
  if (!wantsQuickFixes(params)) return [];
  const byEdits = new Map<string, CodeAction>();
  for (const [i, d] of params.context.diagnostics.entries()) {
    for (const fix of fixes[i] ?? []) {
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
