// A large file just opened (issue 10 B): the server may publish the diagnostics of its first documents before
// it has analysed the rest, but never one that the whole file's analysis does not give (a cross-document rule
// run on part of the file would: the Service below selects the pods of the file's last document), and it ends
// with exactly the whole file's diagnostics. No assertion about milliseconds: how much the first publish
// holds depends on the machine.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { ensureServerBundle, locate, LspSession } from './lsp';

const DOCS = 300;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: last
spec:
  selector:
    app: pod-${DOCS - 1}
  ports:
    - port: 80
      targetPort: 80
`;
// Each pod has document-level findings (no resources, a bare Pod, an image without a tag).
const pod = (i: number, prefix = 'pod') => `apiVersion: v1
kind: Pod
metadata:
  name: ${prefix}-${i}
  labels:
    app: pod-${i}
spec:
  containers:
    - name: web
      image: nginx
      ports:
        - containerPort: 80
`;
const TEXT = [SERVICE, ...Array.from({ length: DOCS }, (_, i) => pod(i))].join('---\n');
const URI = 'file:///large-open.yaml';
const SETTINGS = { predictions: false };

const keyOf = (d: Diagnostic) => JSON.stringify(d);

describe('a large file just opened', () => {
  let lsp: LspSession;
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.initialize({ initializationOptions: { settings: SETTINGS } });
  });
  after(() => lsp.dispose());

  it('publishes its first documents early, nothing the whole analysis does not say, then all of it', async () => {
    const whole = JSON.parse(
      JSON.stringify(diagnoseText(TEXT, { ...DEFAULT_SETTINGS, ...SETTINGS }, URI)),
    ) as Diagnostic[];
    const expected = new Set(whole.map(keyOf));
    assert.ok(
      whole.some((d) => d.code === 'bare-pod' && d.range.start.line > 3000),
      'the last pods have findings',
    );
    assert.ok(!whole.some((d) => d.code === 'service-selector-unmatched'), 'the Service selects the last pod');
    const complete = lsp.nextDiagnostics(URI, (p) => p.diagnostics.length === whole.length, 120_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT },
    });
    const last = await complete;
    assert.deepEqual(new Set(last.diagnostics.map(keyOf)), expected);
    const publishes = lsp.published.filter((p) => p.uri === URI);
    for (const p of publishes) {
      assert.equal(p.version, 1);
      for (const d of p.diagnostics) assert.ok(expected.has(keyOf(d)), `not in the whole analysis: ${keyOf(d)}`);
    }
    // Each partial publish holds at least twice the documents of the one before: a handful, not one per slice.
    assert.ok(publishes.length <= 2 + Math.log2(DOCS + 1), `${publishes.length} publishes`);
  });

  it('answers a completion sent while it analyses the rest of the file before it has analysed it', async () => {
    // Other pods' texts than above: the analyses cached for those would make this open too quick to slice.
    const text = [SERVICE, ...Array.from({ length: DOCS }, (_, i) => pod(i, 'other'))].join('---\n');
    const uri = 'file:///large-open-completion.yaml';
    const whole = diagnoseText(text, { ...DEFAULT_SETTINGS, ...SETTINGS }, uri);
    const order: string[] = [];
    const first = lsp.nextDiagnostics(uri, () => true, 120_000);
    const all = lsp
      .nextDiagnostics(uri, (p) => p.diagnostics.length === whole.length, 120_000)
      .then(() => order.push('all diagnostics'));
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const partial = await first;
    assert.ok(partial.diagnostics.length < whole.length, 'the first publish holds the first documents only');
    const image = locate(text, 'image: nginx', DOCS - 1);
    const completion = lsp.connection
      .sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: image.line + 1, character: 6 },
      })
      .then(() => order.push('completion'));
    await Promise.all([completion, all]);
    assert.deepEqual(order, ['completion', 'all diagnostics']);
  });
});
