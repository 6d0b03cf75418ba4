// The language server under pressure: 1,000 rapid edits sent back to back (with completion requests
// cancelled on the way), after which the last diagnostics published match the last text.
import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  CancellationTokenSource,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import { diagnosticMessage } from '../../../server/src/features/diagnosticData';
import { ensureServerBundle, LspSession } from './lsp';

const URI = 'file:///pressure/pod.yaml';
const text = (port: number) => `apiVersion: v1
kind: Pod
metadata:
  name: pressure
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
      livenessProbe:
        tcpSocket:
          port: ${port}
`;

describe('1,000 rapid edits', () => {
  let lsp: LspSession;
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.initialize();
  });
  after(() => lsp.dispose());

  it('answers, drops stale work, and the last diagnostics match the last text', async () => {
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: text(81) },
    });
    const N = 1000;
    const last = N + 1;
    const final = lsp.nextDiagnostics(URI, (p) => p.version === last, 30_000);
    const cancelled: Promise<unknown>[] = [];
    for (let v = 2; v <= last; v++) {
      // Odd versions probe a port nothing exposes; the last one (1001, odd) too, then one fix below.
      await lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: URI, version: v },
        contentChanges: [{ text: text(v % 2 === 0 ? 80 : 8000 + v) }],
      });
      if (v % 100 === 0) {
        const source = new CancellationTokenSource();
        cancelled.push(
          lsp.connection
            .sendRequest(
              CompletionRequest.type,
              { textDocument: { uri: URI }, position: { line: 7, character: 6 } },
              source.token,
            )
            .catch(() => null),
        );
        source.cancel();
      }
    }
    const p = await final;
    assert.ok(
      p.diagnostics.some(
        (d) => d.code === 'probe-port-not-exposed' && diagnosticMessage(d).includes(String(8000 + last)),
      ),
      JSON.stringify(p.diagnostics.map((d) => d.message)),
    );
    await Promise.all(cancelled);
    const publishes = lsp.published.filter((x) => x.uri === URI).length;
    assert.ok(publishes < N / 2, `bursts are coalesced: ${publishes} publishes for ${N} edits`);
    // Still answering afterwards.
    const fixed = lsp.nextDiagnostics(URI, (x) => x.version === last + 1);
    await lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: last + 1 },
      contentChanges: [{ text: text(80) }],
    });
    assert.ok(!(await fixed).diagnostics.some((d) => d.code === 'probe-port-not-exposed'));
    assert.ok(lsp.alive);
  });
});
