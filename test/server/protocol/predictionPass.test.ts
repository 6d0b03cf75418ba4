// The prediction pass never holds up the editor (issue 10 B): over the bundled server, a file of many
// documents whose simulations take a while in all (each predicts a crash loop: the liveness probe checks a
// port nobody listens on, examples/liveness-wrong-port.yaml). The assertions are about the order of
// messages, never about milliseconds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { diagnosticMessage } from '../../../server/src/features/diagnosticData';
import { ensureServerBundle, locate, LspSession } from './lsp';

const DOCS = 150;

function deployment(name: string, probePort: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: hello
          image: us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0
          ports:
            - containerPort: 8080
          livenessProbe:
            tcpSocket:
              port: ${probePort}
            initialDelaySeconds: 10
            periodSeconds: 5
`;
}

/** DOCS documents, each its own name (so each is a simulation of its own). */
const file = (prefix: string, lastPort = 8081) =>
  Array.from({ length: DOCS }, (_, i) => deployment(`${prefix}-${i}`, i === DOCS - 1 ? lastPort : 8081)).join('---\n');

const predicted = (p: PublishDiagnosticsParams) =>
  p.diagnostics.filter((d) => String(d.code).startsWith('predicted-')).length;

describe('the prediction pass', () => {
  let lsp: LspSession;
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.initialize();
  });
  after(() => lsp.dispose());

  it('publishes the fast diagnostics first, and answers completion and hover while it runs', async () => {
    const uri = 'file:///pass/open.yaml';
    const text = file('open');
    const fast = lsp.nextDiagnostics(uri, () => true, 60_000);
    const full = lsp.nextDiagnostics(uri, (p) => predicted(p) === DOCS, 120_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const first = await fast;
    assert.equal(predicted(first), 0, 'the first diagnostics of a new file come from the fast pass alone');
    assert.ok(first.diagnostics.some((d) => d.code === 'probe-port-not-exposed'));

    // Sent once the fast diagnostics are in, i.e. when the prediction pass has just begun its DOCS simulations.
    const order: string[] = [];
    void full.then(() => order.push('predictions'));
    const probe = locate(text, 'livenessProbe', DOCS - 1);
    const completion = lsp.connection
      .sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: probe.line + 1, character: 12 } })
      .then((r) => {
        order.push('completion');
        return r;
      });
    const hover = lsp.connection
      .sendRequest(HoverRequest.type, { textDocument: { uri }, position: { ...probe, character: probe.character + 2 } })
      .then((r) => {
        order.push('hover');
        return r;
      });
    const items = await completion;
    assert.ok(Array.isArray(items) ? items.length > 0 : (items?.items.length ?? 0) > 0, 'completion answered');
    assert.ok(await hover, 'hover answered');
    await full;
    assert.deepEqual(order, ['completion', 'hover', 'predictions']);
    assert.equal(first.version, 1);
  });

  it('a newer edit supersedes the pass: predictions are published for the latest version only', async () => {
    const uri = 'file:///pass/edited.yaml';
    const fast = lsp.nextDiagnostics(uri, () => true, 60_000);
    const full = lsp.nextDiagnostics(uri, (p) => predicted(p) === DOCS, 120_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: file('edit') },
    });
    await fast;
    // Version 2 changes the last document's probe port, while version 1's pass has DOCS documents to go.
    await lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: file('edit', 8082) }],
    });
    const last = await full;
    assert.equal(last.version, 2);
    assert.ok(last.diagnostics.some((d) => d.code === 'predicted-crash-loop' && diagnosticMessage(d).includes('8082')));
    // Version 2's fast publish may already carry the predictions version 1's pass had cached; version 1's
    // pass itself never completes.
    const withPredictions = lsp.published.filter((p) => p.uri === uri && predicted(p) > 0);
    assert.ok(withPredictions.length > 0);
    assert.deepEqual(new Set(withPredictions.map((p) => p.version)), new Set([2]), 'no predictions for version 1');
  });
});
