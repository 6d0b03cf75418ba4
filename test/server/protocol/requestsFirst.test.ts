// Requests first (issue 10 B): a completion or hover sent together with an edit is answered before that
// edit's diagnostics pass runs, however long the pass takes (here a file of 300 documents). The edit and the
// requests reach the server in one write, as an editor's keystroke and its completion request often do; the
// assertions are about the order of messages, never about milliseconds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
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
