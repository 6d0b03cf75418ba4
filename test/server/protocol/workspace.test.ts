// The world beyond the open file, over the bundled server (README "The world the simulation sees"): a ConfigMap
// in another YAML file of the workspace folder resolves a reference (and follows that file's changes through
// workspace/didChangeWatchedFiles, and its folder through workspace/didChangeWorkspaceFolders), and
// `.podlab/cluster.yaml` declares the cluster the predictions simulate.
// Expected texts: world-semantics §1 (`couldn't find key <key> in ConfigMap <ns>/<name>`) and kubelet-semantics
// §7 (FitError `0/<N> nodes are available: <histogram>.`, `node(s) didn't match Pod's node affinity/selector`).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { diagnosticMessage } from '../../../server/src/features/diagnosticData';
import { ensureServerBundle, LspSession } from './lsp';

const root = mkdtempSync(join(tmpdir(), 'podlab-workspace-'));
const uriOf = (path: string) => pathToFileURL(path).toString();
const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return uriOf(path);
};

const configMap = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data: ${data}
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef: { name: app-config, key: mode }
`;

const SELECTOR = `apiVersion: v1
kind: Pod
metadata:
  name: picky
spec:
  nodeSelector:
    disktype: ssd
  containers:
    - name: web
      image: nginx:1.27
`;

const predicted = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.filter((d) => d.code === code);

describe('the workspace around the open file', () => {
  let lsp: LspSession;
  const configUri = write(join(root, 'app', 'config.yaml'), configMap('{ level: debug }'));
  const podPath = join(root, 'app', 'pod.yaml');
  const podUri = write(podPath, POD);
  write(join(root, 'app', 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app-config\n');
  write(join(root, 'node_modules', 'x', 'config.yaml'), configMap('{ mode: fast, level: x }'));
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(root),
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: uriOf(root), name: 'ws' }],
    });
    await lsp.connection.sendNotification(InitializedNotification.type, {});
  });
  after(() => lsp.dispose());

  it('registers a file watcher for YAML files', async () => {
    for (let i = 0; i < 50 && !lsp.requests.some((r) => r.method === 'client/registerCapability'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const r = lsp.requests.find((x) => x.method === 'client/registerCapability');
    assert.match(JSON.stringify(r?.params), /workspace\/didChangeWatchedFiles/);
  });

  it('resolves a ConfigMap of another file: its missing key is the kubelet’s CreateContainerConfigError', async () => {
    // The broken file (a YAML error) contributes nothing and breaks nothing; node_modules is not read.
    const p = lsp.nextDiagnostics(podUri, (x) => predicted(x, 'predicted-config-error').length > 0, 30_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: podUri, languageId: 'yaml', version: 1, text: POD },
    });
    const [d] = predicted(await p, 'predicted-config-error');
    assert.match(diagnosticMessage(d!), /couldn't find key mode in ConfigMap default\/app-config/);
  });

  it('follows the other file on disk: with the key, the prediction goes', async () => {
    writeFileSync(join(root, 'app', 'config.yaml'), configMap('{ level: debug, mode: fast }'));
    const p = lsp.nextDiagnostics(podUri, (x) => predicted(x, 'predicted-config-error').length === 0, 30_000);
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: configUri, type: FileChangeType.Changed }],
    });
    await p;
  });

  it('an open file stands for its disk version: its unsaved text counts, and on close the disk again', async () => {
    const lacking = lsp.nextDiagnostics(podUri, (x) => predicted(x, 'predicted-config-error').length > 0, 30_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: configMap('{ level: debug }') },
    });
    await lacking;
    const back = lsp.nextDiagnostics(podUri, (x) => predicted(x, 'predicted-config-error').length === 0, 30_000);
    await lsp.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: configUri } });
    await back;
  });

  it('.podlab/cluster.yaml declares the nodes: a nodeSelector no node matches is FailedScheduling on its line', async () => {
    const pickyUri = write(join(root, 'app', 'picky.yaml'), SELECTOR);
    const clusterUri = write(
      join(root, '.podlab', 'cluster.yaml'),
      'cluster:\n  nodes:\n    - { name: n1, labels: { disktype: hdd } }\n',
    );
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: clusterUri, type: FileChangeType.Created }],
    });
    const p = lsp.nextDiagnostics(pickyUri, (x) => predicted(x, 'predicted-unschedulable').length > 0, 30_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: pickyUri, languageId: 'yaml', version: 1, text: SELECTOR },
    });
    const [d] = predicted(await p, 'predicted-unschedulable');
    assert.match(
      diagnosticMessage(d!),
      /0\/1 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector\./,
    );
    assert.equal(d!.range.start.line, 5, 'on nodeSelector');
  });

  it('a bad cluster file is a diagnostic in that file, and the predictions go back to the default cluster', async () => {
    const clusterPath = join(root, '.podlab', 'cluster.yaml');
    const clusterUri = write(clusterPath, 'cluster:\n  nodes:\n    - { name: n1, labelz: {} }\n');
    const pickyUri = uriOf(join(root, 'app', 'picky.yaml'));
    const bad = lsp.nextDiagnostics(clusterUri, (x) => x.diagnostics.length > 0, 30_000);
    const back = lsp.nextDiagnostics(pickyUri, (x) => predicted(x, 'predicted-unschedulable').length === 0, 30_000);
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: clusterUri, type: FileChangeType.Changed }],
    });
    const [d] = (await bad).diagnostics;
    assert.equal(d!.range.start.line, 2);
    assert.match(diagnosticMessage(d!), /unknown field "labelz"/);
    await back;
    assert.ok(lsp.alive);
  });
});

// The folders change while the server runs (workspace/didChangeWorkspaceFolders): a folder added brings its files
// into the world of the documents in it, a folder removed takes them out; outside every folder, the other file's
// ConfigMap is unknown (the cluster may have it), so nothing is predicted.
const folders = mkdtempSync(join(tmpdir(), 'podlab-folders-'));

describe('workspace folders added and removed', () => {
  let lsp: LspSession;
  let result: InitializeResult;
  const first = { uri: uriOf(join(folders, 'first')), name: 'first' };
  const second = { uri: uriOf(join(folders, 'second')), name: 'second' };
  write(join(folders, 'first', 'other.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: { name: other }\n');
  const podUri = write(join(folders, 'second', 'pod.yaml'), POD);
  write(join(folders, 'second', 'config.yaml'), configMap('{ level: debug }'));
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    result = await lsp.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: first.uri,
      capabilities: { workspace: { workspaceFolders: true } },
      workspaceFolders: [first],
    });
    await lsp.connection.sendNotification(InitializedNotification.type, {});
  });
  after(() => lsp.dispose());

  it('says it follows folder changes', () => {
    assert.deepEqual(result.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
  });

  it('outside the workspace, the ConfigMap of the other file is not read: unknown, no prediction', async () => {
    const p = lsp.nextDiagnostics(podUri, () => true, 30_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: podUri, languageId: 'yaml', version: 1, text: POD },
    });
    assert.deepEqual(predicted(await p, 'predicted-config-error'), []);
  });

  it('the folder added: its ConfigMap is read, and the missing key is CreateContainerConfigError', async () => {
    const p = lsp.nextDiagnostics(podUri, (x) => predicted(x, 'predicted-config-error').length > 0, 30_000);
    await lsp.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [second], removed: [] },
    });
    const [d] = predicted(await p, 'predicted-config-error');
    assert.match(diagnosticMessage(d!), /couldn't find key mode in ConfigMap default\/app-config/);
  });

  it('the folder removed: its files leave the world, the reference is unknown again', async () => {
    const p = lsp.nextDiagnostics(podUri, (x) => predicted(x, 'predicted-config-error').length === 0, 30_000);
    await lsp.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [second] },
    });
    await p;
    assert.ok(lsp.alive);
  });
});
