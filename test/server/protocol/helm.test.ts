// A Helm chart template opened in an editor (issue 12 item 1): the bundled server publishes no error for the
// `helm create` scaffold's deployment (test/fixtures/helm), still hovers and completes the YAML around the
// actions, and offers nothing inside an action.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompletionRequest,
  DiagnosticSeverity,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type CompletionItem,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { ensureServerBundle, locate, LspSession, repoRoot } from './lsp';

const file = join(repoRoot, 'test', 'fixtures', 'helm', 'mychart', 'templates', 'deployment.yaml');
const URI = `file://${file}`;
const text = readFileSync(file, 'utf8');

describe('a Helm template over stdio', { timeout: 20_000 }, () => {
  let lsp: LspSession;
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.initialize();
  });
  after(() => lsp.dispose());

  it('publishes no error diagnostics for the scaffold deployment', async () => {
    const published = lsp.nextDiagnostics(URI);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text },
    });
    const p = await published;
    const errors = p.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(errors, [], JSON.stringify(p.diagnostics.map((d) => [d.range.start.line, d.code])));
  });

  it('hovers a field between the actions', async () => {
    const at = locate(text, 'imagePullPolicy');
    const hover = await lsp.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line: at.line, character: at.character + 2 },
    });
    assert.ok(hover, 'a hover');
    assert.match((hover.contents as MarkupContent).value, /pull/i);
  });

  it('completes the keys of a container among the actions, and nothing inside an action', async () => {
    const at = locate(text, 'imagePullPolicy');
    const items = (await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: { line: at.line, character: at.character },
    })) as { items: CompletionItem[] } | CompletionItem[];
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    assert.ok(labels.includes('livenessProbe') || labels.includes('imagePullPolicy'), labels.join(', '));
    const inside = locate(text, '.Values.image.pullPolicy');
    const none = (await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: URI },
      position: { line: inside.line, character: inside.character + 3 },
    })) as { items: CompletionItem[] } | CompletionItem[];
    assert.deepEqual(Array.isArray(none) ? none : none.items, []);
  });
});
