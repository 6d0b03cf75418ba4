// "Apply fix" on the verdict card: the language server's own preferred quick fix for the line that causes the
// verdict (the fix the lightbulb offers first), found through VS Code's code-action provider API, so the panel
// never composes an edit of its own.
import * as vscode from 'vscode';
import type { LoadedManifest } from '../../../simulator/src/index';
import type { Cause } from '../../../simulator/src/view';
import { engine } from '../engineLoader';

/** The preferred quick fix of a PodLab diagnostic on the cause's line, or undefined. */
export async function preferredFix(
  doc: vscode.TextDocument,
  manifest: LoadedManifest,
  cause: Cause,
): Promise<vscode.CodeAction | undefined> {
  const r = engine().causeRange(manifest, cause.doc, cause.paths[0] ?? '');
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
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
  return (actions ?? []).find(
    (a): a is vscode.CodeAction =>
      'isPreferred' in a &&
      a.isPreferred === true &&
      (a.diagnostics ?? []).some((d) => d.source === 'podlab' && d.range.intersection(range) !== undefined),
  );
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<boolean> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
  const args: unknown[] = action.command?.arguments ?? [];
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...args);
  return true;
}
