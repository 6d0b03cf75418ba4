// The Run Pod panel from the extension host: the command opens a webview panel for the active manifest,
// and the editor then shows the simulated facts (inlay hints, and their hover). The panel's own DOM is
// checked by the browser suite (test/e2e), which can look inside the webview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAll, FILES, hintText, hoverText, lineOf, LIVENESS, openFile, waitFor } from './helpers';
import { suite, suiteSetup, suiteTeardown, test } from './runner';

function panelTab(): vscode.Tab | undefined {
  for (const g of vscode.window.tabGroups.all) {
    for (const t of g.tabs) {
      if (t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('podlab.simulation')) return t;
    }
  }
  return undefined;
}

suite('PodLab Run Pod panel', () => {
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activate();
    await closeAll();
    editor = await openFile(FILES.livenessWrongPort);
  });

  suiteTeardown(async () => {
    await closeAll();
  });

  test('podlab.runPodInPanel opens the panel beside the manifest', async () => {
    await vscode.commands.executeCommand('podlab.runPodInPanel');
    // The panel is created as "Run Pod", then titled after the document it shows.
    const tab = await waitFor(
      'the panel tab titled after the manifest',
      vscode.window.tabGroups.onDidChangeTabs,
      () => {
        const t = panelTab();
        return t && /liveness-wrong-port\.yaml/.test(t.label) ? t : undefined;
      },
      30_000,
      () => panelTab()?.label ?? 'no panel tab',
    );
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the panel opens beside the editor');
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString(),
      editor.document.uri.toString(),
      'the manifest keeps the focus',
    );
  });

  test('inline facts: inlay hints on the container and liveness probe lines', async () => {
    const doc = editor.document;
    const text = doc.getText();
    const probe = lineOf(text, LIVENESS.livenessLine);
    const container = lineOf(text, /^\s+- name: hello-world/);
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      doc.uri,
      range,
    );
    const byLine = hints.map((h) => ({ line: h.position.line, text: hintText(h).trim() }));
    const probeHint = byLine.find((h) => (h.line === probe || h.line === probe + 1) && /^liveness\b/.test(h.text));
    assert.ok(probeHint, `a liveness fact next to livenessProbe (line ${probe + 1}); hints: ${JSON.stringify(byLine)}`);
    assert.ok(
      byLine.some(
        (h) => h.line === container && /CrashLoopBackOff|Running|ContainerCreating|Waiting|Error/.test(h.text),
      ),
      `a container fact on line ${container + 1}; hints: ${JSON.stringify(byLine)}`,
    );
  });

  test('inline facts: the hover on a fact line explains it', async () => {
    const doc = editor.document;
    const container = lineOf(doc.getText(), /^\s+- name: hello-world/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(container, doc.lineAt(container).text.length - 1),
    );
    assert.match(hoverText(hovers), /PodLab at t=/);
  });

  test('closing the panel removes the inline facts', async () => {
    const tab = panelTab();
    assert.ok(tab, 'the panel is open');
    await vscode.window.tabGroups.close(tab);
    await waitFor(
      'the panel to close',
      vscode.window.tabGroups.onDidChangeTabs,
      () => (panelTab() ? undefined : true),
      10_000,
    );
    const doc = editor.document;
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      doc.uri,
      new vscode.Range(0, 0, doc.lineCount, 0),
    );
    assert.deepEqual(hints.map(hintText), []);
  });
});
