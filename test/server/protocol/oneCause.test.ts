// One diagnostic per cause, on the wire (issue 13 item 9): the bundled server publishes the rule's finding on
// the probe's 8081 in its fast pass, then, once the prediction pass has simulated the crash loop, one
// diagnostic there (the prediction, with `data.merged` naming the rule) whose code action is one preferred fix.
// The liveness probe checks 8081 where nothing listens, so the kubelet kills the container until CrashLoopBackOff
// (kubelet-semantics.md, worked example (a)).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, ensureServerBundle, locate, LspSession, repoRoot } from './lsp';

const TEXT = readFileSync(join(repoRoot, 'examples', 'liveness-wrong-port.yaml'), 'utf8');
const URI = 'file:///one-cause/liveness-wrong-port.yaml';

describe('one diagnostic per cause over stdio', { timeout: 60_000 }, () => {
  let lsp: LspSession;
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.initialize();
  });
  after(() => lsp.dispose());

  it('the rule first, then the prediction with the rule merged in, and one preferred fix', async () => {
    const port = locate(TEXT, 'port: 8081'); // not the comment's 8081
    const onPort = (ds: { range: { start: { line: number } } }[]) => ds.filter((d) => d.range.start.line === port.line);
    const fast = lsp.nextDiagnostics(URI, () => true, 30_000);
    const full = lsp.nextDiagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'predicted-crash-loop'), 30_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT },
    });
    const first = await fast;
    assert.deepEqual(
      onPort(first.diagnostics).map((d) => (d as { code?: unknown }).code),
      ['probe-port-not-exposed'],
      'before the prediction pass, the rule alone',
    );
    const p = await full;
    const here = p.diagnostics.filter((d) => d.range.start.line === port.line);
    assert.equal(here.length, 1, JSON.stringify(here.map((d) => d.code)));
    const d = here[0]!;
    assert.equal(d.code, 'predicted-crash-loop');
    assert.deepEqual((d.data as { merged?: string[] }).merged, ['probe-port-not-exposed']);
    const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [['Set the probe port to 8080', true]],
    );
    assert.match(applyEdits(TEXT, actions[0]!.edit?.changes?.[URI] ?? []), /^ {14}port: 8080$/m);
  });
});
