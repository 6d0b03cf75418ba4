// The language server as VS Code's own API sees it (completion, hover, code actions, diagnostics), on the
// shared fixtures. Runs in the extension host (see index.ts and ../runTest.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate,
  closeAll,
  codeOf,
  completionLabels,
  diagnostic,
  diagnosticsWhen,
  FILES,
  fileUri,
  HOSTILE,
  hoverText,
  lineOf,
  LIVENESS,
  openFile,
  openUntitled,
} from './helpers';
import { suite, suiteSetup, suiteTeardown, test } from './runner';

suite('PodLab language features', () => {
  suiteSetup(async () => {
    await activate();
  });

  suiteTeardown(async () => {
    await closeAll();
  });

  test(`diagnostics: ${LIVENESS.diagnosticCode} on the probe port, naming ${LIVENESS.diagnosticPort}`, async () => {
    const editor = await openFile(FILES.livenessWrongPort);
    const d = await diagnostic(editor.document.uri, LIVENESS.diagnosticCode);
    assert.equal(d.source, 'podlab');
    assert.match(d.message, new RegExp(`\\b${LIVENESS.diagnosticPort}\\b`));
    assert.equal(
      d.range.start.line,
      lineOf(editor.document.getText(), LIVENESS.probePortLine),
      'on the `port: 8081` line',
    );
  });

  test('diagnostics: a hostile container name is reported, quoted as it is', async () => {
    const editor = await openFile(FILES.xssContainerName);
    const ds = await diagnosticsWhen(
      editor.document.uri,
      (all) => all.some((d) => d.message.includes(HOSTILE.containerName)),
      'a diagnostic quoting the name',
    );
    const d = ds.find((x) => x.message.includes(HOSTILE.containerName))!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error, `${codeOf(d)}: ${d.message}`);
  });

  test('completion: container keys at the start of a new line in a container', async () => {
    const source = await vscode.workspace.openTextDocument(fileUri(FILES.livenessWrongPort));
    const lines = source.getText().split('\n');
    const imageLine = lineOf(source.getText(), LIVENESS.imageLine);
    const indent = /^\s*/.exec(lines[imageLine]!)![0];
    lines.splice(imageLine + 1, 0, indent);
    const editor = await openUntitled(lines.join('\n'));
    // The server has seen the document once it publishes its diagnostics.
    await diagnostic(editor.document.uri, LIVENESS.diagnosticCode);
    const position = new vscode.Position(imageLine + 1, indent.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      position,
    );
    const labels = completionLabels(list);
    for (const key of LIVENESS.completionKeys)
      assert.ok(labels.includes(key), `completion offers ${key}; got ${JSON.stringify(labels.slice(0, 60))}`);
    for (const key of LIVENESS.presentKeys)
      assert.ok(!labels.includes(key), `completion should not offer ${key}, which the container already has`);
  });

  test('hover: explains the livenessProbe field', async () => {
    const editor = await openFile(FILES.livenessWrongPort);
    const line = lineOf(editor.document.getText(), LIVENESS.livenessLine);
    const character = editor.document.lineAt(line).text.indexOf('livenessProbe') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(line, character),
    );
    const text = hoverText(hovers);
    assert.match(text, /liveness/i, `hover text: ${text.slice(0, 300)}`);
  });

  test('hover: markup in a manifest value is never rendered as HTML', async () => {
    const editor = await openFile(FILES.xssContainerName);
    const text = editor.document.getText();
    const line = lineOf(text, /^\s+- name: "</);
    const character = editor.document.lineAt(line).text.indexOf('<img') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(line, character),
    );
    for (const h of hovers) {
      for (const c of h.contents) {
        if (typeof c === 'string' || !(c instanceof vscode.MarkdownString)) continue;
        if (c.value.includes('<img'))
          assert.notEqual(c.supportHtml, true, `a hover renders HTML from the manifest: ${c.value.slice(0, 200)}`);
      }
    }
  });

  test(`code actions: the quick fix "${LIVENESS.quickFix}" fixes the probe`, async () => {
    const source = await vscode.workspace.openTextDocument(fileUri(FILES.livenessWrongPort));
    const editor = await openUntitled(source.getText());
    const uri = editor.document.uri;
    const d = await diagnostic(uri, LIVENESS.diagnosticCode);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a): a is vscode.CodeAction => a.title === LIVENESS.quickFix && 'edit' in a);
    assert.ok(fix?.edit, `no "${LIVENESS.quickFix}" code action with an edit; got ${JSON.stringify(titles)}`);
    // One diagnostic per cause: the fix is listed once, and preferred (what the verdict card's Apply fix runs).
    assert.equal(titles.filter((x) => x === LIVENESS.quickFix).length, 1, JSON.stringify(titles));
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.lineAt(d.range.start.line).text, /port: 8080\b/);
    await diagnosticsWhen(
      uri,
      (ds) => !ds.some((x) => codeOf(x) === LIVENESS.diagnosticCode),
      `the ${LIVENESS.diagnosticCode} diagnostic to go away`,
    );
  });
});
