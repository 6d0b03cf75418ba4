// The server's one error guard: a throwing feature gives its empty answer, the error is logged once per
// distinct error through the connection's console, and the server keeps answering.
import { after, before, describe, it, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import {
  createConnection,
  StreamMessageReader as ServerReader,
  StreamMessageWriter as ServerWriter,
} from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  MessageType,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { guarded, reportErrorsTo } from '../../server/src/errorGuard';
import { RAW_RULES } from '../../server/src/rules/index';
import { startServer } from '../../server/src/server';

test('guarded returns the empty answer and logs each distinct error once', () => {
  const lines: string[] = [];
  reportErrorsTo((m) => lines.push(m));
  const boom = (): never => {
    throw new Error('boom');
  };
  for (let i = 0; i < 3; i++) assert.deepEqual(guarded('hover', [], boom), []);
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /hover failed/);
  assert.match(lines[0]!, /Error: boom/);
  // another message, or the same message from another feature, is another error
  assert.equal(
    guarded('hover', null, () => {
      throw new Error('bang');
    }),
    null,
  );
  assert.equal(guarded('completion', null, boom), null);
  assert.equal(lines.length, 3);
  // a thrown non-Error is reported too
  assert.equal(
    guarded('hover', 0, () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- what this checks: a thrown non-Error
      throw 'text';
    }),
    0,
  );
  assert.equal(lines.length, 4);
  // what does not throw passes through
  assert.equal(
    guarded('hover', 0, () => 42),
    42,
  );
  assert.equal(lines.length, 4);
});

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        tcpSocket:
          port: 8081
`;
const URI = 'file:///work/pod.yaml';

describe('a rule that throws, inside the running server', () => {
  const rule = RAW_RULES.find((r) => r.id === 'bare-pod')!;
  const logs: LogMessageParams[] = [];
  let waiters: { version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let client: ProtocolConnection;
  let toServer: PassThrough;
  let toClient: PassThrough;

  const diagnosticsOf = (version: number) =>
    new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ version, resolve }));

  before(async () => {
    mock.method(rule, 'check', () => {
      throw new Error('a bug in bare-pod');
    });
    toServer = new PassThrough();
    toClient = new PassThrough();
    startServer(createConnection(new ServerReader(toServer), new ServerWriter(toClient)));
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification('window/logMessage', (p: LogMessageParams) => void logs.push(p));
    client.onNotification(PublishDiagnosticsNotification.type, (p) => {
      for (const w of waiters.filter((w) => w.version === p.version)) w.resolve(p);
      waiters = waiters.filter((w) => w.version !== p.version);
    });
    client.listen();
    await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification(InitializedNotification.type, {});
  });
  after(() => {
    mock.restoreAll();
    client.dispose();
    toServer.end();
    toClient.end();
  });

  it(
    'keeps publishing the other diagnostics, logs the error once, and still answers hover',
    { timeout: 20_000 },
    async () => {
      let got = diagnosticsOf(1);
      await client.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: URI, languageId: 'yaml', version: 1, text: POD },
      });
      const first = await got;
      const codes = first.diagnostics.map((d) => d.code);
      assert.ok(codes.includes('probe-port-not-exposed'), `other rules still report: ${codes.join(', ')}`);
      assert.ok(!codes.includes('bare-pod'));

      // the same bug again, on the next version: no second log line
      got = diagnosticsOf(2);
      await client.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: URI, version: 2 },
        contentChanges: [{ text: POD.replace('name: web\nspec', 'name: web2\nspec') }],
      });
      await got;
      const errors = logs.filter((l) => l.type === MessageType.Error);
      assert.equal(errors.length, 1, errors.map((e) => e.message).join('\n---\n'));
      assert.match(errors[0]!.message, /rule bare-pod failed/);
      assert.match(errors[0]!.message, /a bug in bare-pod/);

      const hover = await client.sendRequest(HoverRequest.type, {
        textDocument: { uri: URI },
        position: { line: 5, character: 4 },
      });
      assert.ok(hover, 'hover still answers');
    },
  );
});
