// Quick fixes made on request (issue 10 B), over stdio with the bundled server: a publish carries no fix edits,
// and a code action for one of its diagnostics gets the fix from the diagnostics worker that published it. The
// fix is replicas-not-spread's, as its rule test expects it (test/server/rules/serving.test.ts: a
// topologySpreadConstraints entry on kubernetes.io/hostname, ScheduleAnyway, selecting the pod labels). A
// diagnostic from before an edit that moved it gets no fix (its edits would be for the older text), and a worker
// that dies while it is asked still lets the request answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, ensureServerBundle, LspSession, repoRoot, serverPath } from './lsp';

const URI = 'file:///fixes-on-request/web.yaml';
const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: acme/web:1
          ports:
            - name: http
              containerPort: 8080
`;
/** What the rule's test expects of the fixed text. */
const SPREAD =
  /topologyKey: kubernetes\.io\/hostname\n\s+whenUnsatisfiable: ScheduleAnyway\n\s+labelSelector:\n\s+matchLabels:\n\s+app: web\n/;

const spread = (ds: readonly Diagnostic[]) => ds.find((d) => d.code === 'replicas-not-spread');

function ask(lsp: LspSession, d: Diagnostic): Promise<CodeAction[]> {
  return lsp.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: URI },
    range: d.range,
    context: { diagnostics: [d] },
  }) as Promise<CodeAction[]>;
}

async function open(lsp: LspSession): Promise<Diagnostic> {
  const published = lsp.nextDiagnostics(URI, (p) => spread(p.diagnostics) !== undefined, 30_000);
  await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT },
  });
  return spread((await published).diagnostics)!;
}

describe('quick fixes made on request over stdio', { timeout: 60_000 }, () => {
  let lsp: LspSession;
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.initialize();
  });
  after(() => lsp.dispose());

  it('a publish carries no fix edits; the code action for its diagnostic has the fix', async () => {
    const d = await open(lsp);
    assert.deepEqual(d.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } });
    for (const p of lsp.published.filter((x) => x.uri === URI))
      assert.ok(!JSON.stringify(p).includes('newText'), `no edits in the publish: ${JSON.stringify(p)}`);
    const actions = await ask(lsp, d);
    const fix = actions.find((a) => /topologySpreadConstraints/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.deepEqual(fix.diagnostics, [d]);
    assert.match(applyEdits(TEXT, fix.edit?.changes?.[URI] ?? []), SPREAD);
  });

  it('a diagnostic from before an edit that moved it gets no fix; the moved one gets it, for the new text', async () => {
    const old = spread(lsp.published.filter((p) => p.uri === URI).at(-1)!.diagnostics)!;
    const text = `# web\n${TEXT}`;
    const moved = lsp.nextDiagnostics(URI, (p) => p.version === 2, 30_000);
    await lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# web\n' },
      ],
    });
    // Whether the worker has published version 2 yet or not, the old diagnostic is not one of version 2's.
    assert.deepEqual(await ask(lsp, old), []);
    const d = spread((await moved).diagnostics)!;
    assert.equal(d.range.start.line, 6);
    const fix = (await ask(lsp, d)).find((a) => /topologySpreadConstraints/.test(a.title));
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edit?.changes?.[URI] ?? []);
    assert.match(fixed, SPREAD);
    assert.ok(fixed.startsWith('# web\napiVersion: apps/v1\n'), fixed);
  });
});

// The server from a scratch directory whose diagnosticsWorker.js runs the real worker (dist/'s) but ends its
// thread when it is asked for fixes, as a crash there would (heldPass.ts builds its server the same way).
describe('a code action while the diagnostics worker dies', { timeout: 60_000 }, () => {
  let lsp: LspSession;
  const dir = mkdtempSync(join(tmpdir(), 'podlab-dying-worker-'));
  before(async () => {
    ensureServerBundle();
    const dist = join(repoRoot, 'dist');
    copyFileSync(serverPath, join(dir, 'server.js'));
    writeFileSync(
      join(dir, 'languageServer.js'),
      `module.exports = require(${JSON.stringify(join(dist, 'languageServer.js'))});\n`,
    );
    writeFileSync(
      join(dir, 'diagnosticsWorker.js'),
      `const { parentPort } = require('node:worker_threads');
if (parentPort) parentPort.on('message', (m) => { if (m.type === 'fixes') process.exit(1); });
module.exports = require(${JSON.stringify(join(dist, 'diagnosticsWorker.js'))});
`,
    );
    lsp = new LspSession([join(dir, 'server.js'), '--stdio']);
    await lsp.initialize();
  });
  after(async () => {
    await lsp.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with no fix, and the restarted worker publishes again', async () => {
    const d = await open(lsp);
    const again = lsp.nextDiagnostics(URI, (p) => spread(p.diagnostics) !== undefined, 30_000);
    assert.deepEqual(await ask(lsp, d), []);
    await again;
  });
});
