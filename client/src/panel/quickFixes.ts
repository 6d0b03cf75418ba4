// "Apply fix" on the verdict card: the language server's own preferred quick fix for the line that causes the
// verdict (the fix the lightbulb offers first), found through VS Code's code-action provider API, so the panel
// never composes an edit of its own.
import * as vscode from 'vscode';
import type { LoadedManifest } from '../../../simulator/src/index';
import type { Cause } from '../../../simulator/src/view';
import { engine } from '../engineLoader';

/**
 * The preferred quick fix on the cause's value, when a PodLab diagnostic sits there, or undefined. The actions
 * `vscode.executeCodeActionProvider` returns carry no `diagnostics` (VS Code's API command copies only title,
 * kind, edit, command and isPreferred), so which diagnostic an action fixes cannot be read from it: the
 * diagnostic is looked up in the document's own list instead, and the action is the one the lightbulb would
 * prefer at that range (PodLab publishes one diagnostic per cause, with one preferred fix).
 */
export async function preferredFix(
  doc: vscode.TextDocument,
  manifest: LoadedManifest,
  cause: Cause,
): Promise<vscode.CodeAction | undefined> {
  const r = engine().causeRange(manifest, cause.doc, cause.paths[0] ?? '');
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const ours = vscode.languages
    .getDiagnostics(doc.uri)
    .some((d) => d.source === 'podlab' && d.range.intersection(range) !== undefined);
  if (!ours) return undefined;
  let actions: (vscode.CodeAction | vscode.Command)[] | undefined;
  try {
    actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
  } catch {
    return undefined; // no provider yet (the server is starting): no button
  }
  const preferred = (actions ?? []).filter(
    (a): a is vscode.CodeAction => 'isPreferred' in a && a.isPreferred === true && a.edit !== undefined,
  );
  // Two preferred fixes at one place leave the choice to the user, as the lightbulb's auto-fix does.
  return preferred.length === 1 ? preferred[0] : undefined;
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<boolean> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
  const args: unknown[] = action.command?.arguments ?? [];
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...args);
  return true;
}
