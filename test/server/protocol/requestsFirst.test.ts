// Requests first (issue 10 B): a completion or hover sent together with an edit is answered before that
// edit's diagnostics pass runs, however long the pass takes (here a file of 300 documents). The edit and the
// requests reach the server in one write, as an editor's keystroke and its completion request often do. And a
// completion sent while an edit's pass runs is answered before the pass ends: the pass runs in the diagnostics
// worker, not on the event loop that answers; the test holds that pass until the completion is answered
// (heldPass.ts), so that which thread ends first never depends on their speed. The assertions are about the
// order of messages, never about milliseconds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { heldPass, type HeldPass } from './heldPass';
import { ensureServerBundle, locate, LspSession } from './lsp';

const DOCS = 300;
const doc = (i: number) => `---
apiVersion: v1
kind: Pod
metadata:
  name: pod-${i}
spec:
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolicy: IfNotPresent
      ports:
        - containerPort: 80
`;
const text = Array.from({ length: DOCS }, (_, i) => doc(i)).join('');

describe('requests first', () => {
  let lsp: LspSession;
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.initialize();
  });
  after(() => lsp.dispose());

  it('a completion and a hover sent with an edit are answered before its diagnostics', async () => {
    const uri = 'file:///requests-first.yaml';
    const opened = lsp.nextDiagnostics(uri, () => true, 60_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    await opened;
    const image = locate(text, 'image: nginx:1.27', DOCS - 1);
    const policy = { line: image.line + 1, character: '      imagePullPolicy: '.length };
    // The server's messages in order, read beside the session's own reader (which ignores the replies to the
    // requests written here, whose ids it never sent).
    const seen: { id?: unknown; method?: string; params?: { version?: number } }[] = [];
    let buffer = Buffer.alloc(0);
    lsp.child.stdout!.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header === -1) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString('ascii'))?.[1]);
        if (buffer.length < header + 4 + length) return;
        seen.push(JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8')) as (typeof seen)[0]);
        buffer = buffer.subarray(header + 4 + length);
      }
    });
    const frame = (message: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    };
    for (let version = 2; version <= 4; version++) {
      const published = lsp.nextDiagnostics(uri, (p) => p.version === version, 60_000);
      const edit = {
        method: DidChangeTextDocumentNotification.method,
        params: {
          textDocument: { uri, version },
          contentChanges: [
            {
              range: { start: { line: image.line, character: 20 }, end: { line: image.line, character: 24 } },
              text: `1.${version}`,
            },
          ],
        },
      };
      const completion = {
        id: `completion-${version}`,
        method: CompletionRequest.method,
        params: { textDocument: { uri }, position: policy },
      };
      const hover = {
        id: `hover-${version}`,
        method: HoverRequest.method,
        params: { textDocument: { uri }, position: { line: policy.line, character: 8 } },
      };
      lsp.child.stdin!.write(Buffer.concat([frame(edit), frame(completion), frame(hover)]));
      await published;
      const order = seen
        .map((m) =>
          m.id === completion.id
            ? 'completion'
            : m.id === hover.id
              ? 'hover'
              : m.params?.version === version
                ? 'diagnostics'
                : '',
        )
        .filter((x) => x !== '');
      assert.deepEqual(order.slice(0, 3), ['completion', 'hover', 'diagnostics'], `version ${version}`);
    }
  });
});

describe('requests during a pass', () => {
  const large = 'file:///requests-first-large.yaml';
  let lsp: LspSession;
  let pass: HeldPass;
  before(async () => {
    ensureServerBundle();
    // The worker's pass of the large file's version 2 ends only when the test lets it (heldPass.ts): the request
    // is sent while it runs whatever the two threads' speeds.
    pass = heldPass(large, 2);
    lsp = new LspSession(pass.args);
    await lsp.initialize();
  });
  after(async () => {
    await lsp.dispose();
    pass.dispose();
  });

  it('answers a completion sent during the diagnostics pass of an edit to a large file before the pass ends', async () => {
    // Every document moves a line down (a comment on top): the pass shifts the diagnostics of all of them, runs
    // the file rules and plans the predictions of each again, and serializes the file's publish.
    const largeText = Array.from({ length: 2 * DOCS }, (_, i) => doc(i)).join('');
    const own = (d: Diagnostic) => !String(d.code).startsWith('predicted-');
    const whole = diagnoseText(largeText, { ...DEFAULT_SETTINGS, predictions: false }, large).length;
    const opened = lsp.nextDiagnostics(large, (p) => p.diagnostics.filter(own).length === whole, 120_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: large, languageId: 'yaml', version: 1, text: largeText },
    });
    await opened;

    const order: string[] = [];
    const largePublished = lsp
      .nextDiagnostics(large, (p) => p.version === 2, 120_000)
      .then(() => order.push('large file diagnostics'));
    await lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: large, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n' },
      ],
    });
    // The pass has run in the worker up to its publish, and stays there: it has not ended. (Were the pass on the
    // main thread, the worker would never get there.)
    await pass.held(120_000);
    const image = locate(largeText, 'image: nginx:1.27', 2 * DOCS - 1);
    const completion = lsp.connection
      .sendRequest(CompletionRequest.type, {
        textDocument: { uri: large },
        position: { line: image.line + 2, character: '      imagePullPolicy: '.length },
      })
      .then((r) => {
        order.push('completion');
        return r;
      });
    // The pass ends once the completion is answered, or after half a minute without an answer: a server that
    // answered only after the pass would then show the order below reversed, not hang.
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([completion, new Promise((r) => (wait = setTimeout(r, 30_000)))]);
    clearTimeout(wait);
    pass.release();
    const [items] = await Promise.all([completion, largePublished]);
    assert.ok(items && (Array.isArray(items) ? items : items.items).some((i) => i.label === 'Always'));
    assert.deepEqual(order, ['completion', 'large file diagnostics']);
  });
});
