// Helpers for the extension-host suites: the shared fixtures opened from the test workspace, and waits
// that listen for VS Code's events (diagnostics, tabs) with a deadline instead of sleeping.
import * as vscode from 'vscode';
import { join } from 'node:path';

export { FILES, HOSTILE, LIVENESS, lineOf } from '../../fixtures/index';

export const EXTENSION_ID = 'podlab.podlab';

/** The workspace the runner opened: examples/ and fixtures/ (test/fixtures/index.ts makeWorkspace). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder (see test/electron/runTest.ts)');
  return folder.uri.fsPath;
}

/** A file of the workspace by its relative path (one of FILES, or any other). */
export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceRoot(), rel));
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath)`);
  await ext.activate();
}

/** Opens a workspace file in the first editor group. */
export async function openFile(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** An untitled YAML document with `content` (left unsaved; closed with revert). */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Resolves with `get()` once it is not undefined: checked now, then on each `event`, until `timeoutMs`. */
export function waitFor<T>(
  what: string,
  event: vscode.Event<unknown>,
  get: () => T | undefined,
  timeoutMs = 60_000,
  describeLast?: () => string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const now = get();
    if (now !== undefined) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}${describeLast ? `; last: ${describeLast()}` : ''}`,
        ),
      );
    }, timeoutMs);
    const sub = event(() => {
      let v: T | undefined;
      try {
        v = get();
      } catch (err) {
        clearTimeout(timer);
        sub.dispose();
        return reject(err instanceof Error ? err : new Error(String(err)));
      }
      if (v === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

/** The diagnostics of `uri` once `accept` holds for them (waits on onDidChangeDiagnostics). */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  return waitFor(
    `${what} on ${uri.toString()}`,
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = current();
      return accept(ds) ? ds : undefined;
    },
    timeoutMs,
    () => JSON.stringify(current().map((d) => `${codeOf(d)}: ${d.message}`)),
  );
}

/** A diagnostic with `code` on `uri` (waits for it). */
export async function diagnostic(uri: vscode.Uri, code: string, timeoutMs = 60_000): Promise<vscode.Diagnostic> {
  const ds = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === code), `a ${code} diagnostic`, timeoutMs);
  return ds.find((x) => codeOf(x) === code)!;
}

/** Plain text of hover contents (MarkdownString, MarkedString). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** The text of an inlay hint's label. */
export function hintText(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

/** Labels of completion items. */
export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** Closes every editor without saving (untitled and changed documents are reverted first, so no dialog). */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
