// The language server as an editor sees it: the bundled `dist/server.js --stdio`, driven over JSON-RPC.
// Every wait is for a message (bounded by a timeout), never a fixed sleep.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionKind,
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InsertTextFormat,
  ShutdownRequest,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type InitializeResult,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { diagnosticMessage } from '../../../server/src/features/diagnosticData';
import { applyEdits, ensureServerBundle, locate, LspSession, repoRoot } from './lsp';

import { MANIFEST, PLAIN, PLAIN_URI, URI, codes, probePortDiagnostic } from './documents';

describe('language server over stdio (dist/server.js --stdio)', { timeout: 20_000 }, () => {
  let lsp: LspSession;
  let text = MANIFEST;
  let version = 1;
  let firstDiagnostics: Diagnostic[] = [];
  let completionItems: CompletionItem[] = [];

  before(() => {
    ensureServerBundle();
    lsp = new LspSession();
  });
  after(async () => {
    await lsp.dispose();
  });

  it('initializes with incremental sync, completion, hover and quick fixes', async () => {
    const result: InitializeResult = await lsp.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: `file://${repoRoot}`,
      workspaceFolders: null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: false } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: [CodeActionKind.QuickFix] } } },
        },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      },
    });
    const caps = result.capabilities;
    const sync = typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : caps.textDocumentSync;
    assert.equal(sync, TextDocumentSyncKind.Incremental);
    if (typeof caps.textDocumentSync === 'object') assert.equal(caps.textDocumentSync.openClose, true);
    assert.ok(caps.completionProvider, 'completionProvider');
    assert.ok(caps.hoverProvider, 'hoverProvider');
    const actions = caps.codeActionProvider;
    assert.ok(actions, 'codeActionProvider');
    if (typeof actions === 'object') assert.ok(actions.codeActionKinds?.includes(CodeActionKind.QuickFix));
    assert.equal(result.serverInfo?.name, 'podlab-language-server');
    await lsp.connection.sendNotification(InitializedNotification.type, {});
  });

  it('publishes the probe-port and unknown-field diagnostics on didOpen, with exact ranges', async () => {
    const published = lsp.nextDiagnostics(URI);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'yaml', version, text },
    });
    const p = await published;
    assert.equal(p.version, 1);
    firstDiagnostics = p.diagnostics;

    const unknown = p.diagnostics.find((d) => d.code === 'unknown-field');
    assert.ok(unknown, `unknown-field expected, got ${codes(p.diagnostics).join(', ')}`);
    const key = locate(text, 'imagePulPolicy');
    assert.deepEqual(unknown.range, {
      start: key,
      end: { line: key.line, character: key.character + 'imagePulPolicy'.length },
    });
    assert.equal(unknown.source, 'podlab');
    assert.match(diagnosticMessage(unknown), /imagePullPolicy/, 'suggests the right name');

    const port = locate(text, '8081');
    const probe = probePortDiagnostic(p.diagnostics, port.line);
    assert.ok(
      probe,
      `probe-port-not-exposed on line ${port.line} expected, got ${JSON.stringify(p.diagnostics.map((d) => [d.code, d.range.start]))}`,
    );
    assert.deepEqual(probe.range, { start: port, end: { line: port.line, character: port.character + 4 } });
    assert.equal(probe.source, 'podlab');
    assert.match(diagnosticMessage(probe), /8080/, 'names the port the container exposes');
    assert.match(diagnosticMessage(probe), /8081/);
    // Related information: the containerPort the probe should use, in this file.
    const exposed = locate(text, '8080');
    assert.ok(
      probe.relatedInformation?.some(
        (r) =>
          r.location.uri === URI &&
          r.location.range.start.line === exposed.line &&
          r.location.range.start.character === exposed.character,
      ),
      `related information at the containerPort: ${JSON.stringify(probe.relatedInformation)}`,
    );
    for (const d of p.diagnostics) {
      assert.equal(typeof d.code, 'string');
      for (const r of d.relatedInformation ?? [])
        assert.equal(r.location.uri, URI, 'related information points into the file');
    }
  });

  it('offers a quick fix with a WorkspaceEdit for the unknown field', async () => {
    const unknown = firstDiagnostics.find((d) => d.code === 'unknown-field')!;
    const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: unknown.range,
      context: { diagnostics: [unknown], only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    assert.ok(Array.isArray(actions) && actions.length > 0, 'at least one code action');
    const rename = actions.find((a) => a.kind === CodeActionKind.QuickFix && /imagePullPolicy/.test(a.title));
    assert.ok(rename, `rename action expected, got ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(rename.isPreferred, true);
    assert.deepEqual(rename.diagnostics, [unknown]);
    const edits = rename.edit?.changes?.[URI];
    assert.ok(edits && edits.length > 0, 'edit.changes for the document');
    assert.match(applyEdits(text, edits), /^ {10}imagePullPolicy: IfNotPresent$/m);

    // The probe-port finding's fix sets the port the container exposes.
    const port = locate(text, '8081');
    const probe = probePortDiagnostic(firstDiagnostics, port.line)!;
    const probeActions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: probe.range,
      context: { diagnostics: [probe] },
    })) as CodeAction[];
    const setPort = probeActions.find((a) => a.isPreferred);
    assert.ok(setPort, `a preferred fix for the probe port, got ${probeActions.map((a) => a.title).join(' | ')}`);
    assert.match(applyEdits(text, setPort.edit?.changes?.[URI] ?? []), /^ {14}port: 8080$/m);

    // A quick fix only when asked for quick fixes.
    const refactors = await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: unknown.range,
      context: { diagnostics: [unknown], only: [CodeActionKind.Refactor] },
    });
    assert.deepEqual(refactors, []);
  });

  it('re-publishes after an incremental didChange, without the fixed field and with the new version', async () => {
    const key = locate(text, 'imagePulPolicy');
    const range = {
      start: { line: key.line, character: key.character + 'imagePul'.length },
      end: { line: key.line, character: key.character + 'imagePul'.length },
    };
    text = applyEdits(text, [{ range, newText: 'l' }]);
    version++;
    const published = lsp.nextDiagnostics(URI, (p) => p.version === version);
    await lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version },
      contentChanges: [{ range, text: 'l' }],
    });
    const p = await published;
    assert.equal(p.version, 2);
    assert.ok(
      !codes(p.diagnostics).includes('unknown-field'),
      `unknown-field is gone: ${codes(p.diagnostics).join(', ')}`,
    );
    const port = locate(text, '8081');
    assert.ok(probePortDiagnostic(p.diagnostics, port.line), 'the probe diagnostic stays');
  });

  // Two passes per version at most: YAML, schema and rules at once, then the simulator's predictions; the
  // second only when it adds something (never the same list twice).
  it('publishes at most twice per document version, never the same list twice', () => {
    const perVersion = new Map<number | undefined, string[]>();
    for (const p of lsp.published.filter((p) => p.uri === URI))
      perVersion.set(p.version, [...(perVersion.get(p.version) ?? []), JSON.stringify(p.diagnostics)]);
    assert.deepEqual([...perVersion.keys()], [1, 2]);
    for (const lists of perVersion.values()) {
      assert.ok(lists.length <= 2, `${lists.length} publishes`);
      assert.equal(new Set(lists).size, lists.length, 'no identical repeat');
    }
  });

  it('completes container keys at an empty line inside a container', async () => {
    // The user presses Enter after the image line and is at the container's indentation.
    const image = locate(text, 'image: us-docker');
    const indent = ' '.repeat(image.character);
    const at = { line: image.line, character: text.split('\n')[image.line]!.length };
    text = applyEdits(text, [{ range: { start: at, end: at }, newText: `\n${indent}` }]);
    version++;
    const published = lsp.nextDiagnostics(URI, (p) => p.version === version);
    await lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: at, end: at }, text: `\n${indent}` }],
    });
    await published;

    const result = await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: { line: image.line + 1, character: image.character },
    });
    assert.ok(result, 'a completion result');
    completionItems = Array.isArray(result) ? result : result.items;
    const labels = completionItems.map((i) => i.label);
    for (const expected of ['readinessProbe', 'resources', 'env', 'command', 'volumeMounts']) {
      assert.ok(labels.includes(expected), `"${expected}" expected in ${labels.join(', ')}`);
    }
    for (const elsewhere of ['apiVersion', 'containers', 'replicas', 'tcpSocket']) {
      assert.ok(!labels.includes(elsewhere), `"${elsewhere}" does not belong in a container: ${labels.join(', ')}`);
    }
  });

  // Known problem: this client said completionItem.snippetSupport: false (as neovim 0.7 does), yet items
  // come as snippets (`args:\n  - $0`, insertTextFormat 2).
  it('sends plain-text completions to a client without snippet support', () => {
    const snippets = completionItems.filter((i) => i.insertTextFormat === InsertTextFormat.Snippet);
    assert.deepEqual(
      snippets.map((i) => i.label),
      [],
    );
  });

  it('hovers livenessProbe', async () => {
    const key = locate(text, 'livenessProbe');
    const h = await lsp.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line: key.line, character: key.character + 3 },
    });
    assert.ok(h, 'a hover');
    const contents = h.contents as MarkupContent | string | { value: string } | (string | { value: string })[];
    const value =
      typeof contents === 'string'
        ? contents
        : Array.isArray(contents)
          ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')
          : contents.value;
    assert.match(value, /liveness/i);
    if (h.range) {
      assert.equal(h.range.start.line, key.line);
      assert.ok(
        h.range.start.character <= key.character + 3 && h.range.end.character >= key.character + 3,
        'the hover range covers the cursor',
      );
    }
  });

  it('publishes no diagnostics for a YAML file without apiVersion and kind', async () => {
    const published = lsp.nextDiagnostics(PLAIN_URI);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: PLAIN_URI, languageId: 'yaml', version: 1, text: PLAIN },
    });
    const p = await published;
    assert.deepEqual(p.diagnostics, []);
  });

  // Known problem: the server registers workspace/didChangeConfiguration dynamically whenever the client
  // supports workspace/configuration, even though this client said dynamicRegistration: false.
  it('registers capabilities dynamically only when the client supports it', () => {
    assert.deepEqual(
      lsp.requests.filter((r) => r.method === 'client/registerCapability'),
      [],
    );
  });

  it('shuts down and exits with status 0', async () => {
    assert.equal(await lsp.connection.sendRequest(ShutdownRequest.type), null);
    await lsp.connection.sendNotification(ExitNotification.type);
    const exit = await lsp.exited;
    assert.deepEqual(exit, { code: 0, signal: null }, `server stderr:\n${lsp.stderr}`);
  });
});
