// The diagnostics of an edited file are those of the same text analysed afresh. After a keystroke the server
// reuses what it derived from the documents the edit did not touch (their analyses, their contexts with the
// index they have in the file, the file rules' pod templates, the prediction jobs): this checks that nothing
// reused is stale when documents are added, removed, moved or relabelled. The reference is the same text
// analysed by a process that has analysed nothing before (diagnoseText, the CLI's path, in a child process: in
// this one, the analysis cache shared by every file would hand it the same reused objects). The rule the edits
// flip is service-selector-unmatched ("a Service with no matching pods has no endpoints",
// ../shared/world-semantics.md, Services), whose related line points at another document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { Documents, OpenDocuments } from '../../../server/src/documents';
import { diagnosticsFor } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const deployment = (name: string, app: string, tier = 'web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
        tier: ${tier}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
`;

const service = (app: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: ${app}
    tier: web
  ports:
    - port: 80
      targetPort: http
`;

const file = (...docs: string[]) => docs.join('---\n');
const settings = { ...DEFAULT_SETTINGS, predictions: false };
const uri = 'file:///incremental.yaml';

/** diagnoseText(text) in a new process. */
function fresh(text: string): Promise<Diagnostic[]> {
  const diagnostics = join(__dirname, '../../../server/src/features/diagnostics.ts');
  const settingsModule = join(__dirname, '../../../server/src/settings.ts');
  const script = `
    const { diagnoseText } = require(${JSON.stringify(diagnostics)});
    const { DEFAULT_SETTINGS } = require(${JSON.stringify(settingsModule)});
    let text = '';
    process.stdin.on('data', (d) => (text += d)).on('end', () =>
      process.stdout.write(JSON.stringify(diagnoseText(text, { ...DEFAULT_SETTINGS, predictions: false }, ${JSON.stringify(uri)}))));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child
      .on('error', reject)
      .on('close', (code) =>
        code === 0 ? resolve(JSON.parse(out) as Diagnostic[]) : reject(new Error(`exit ${code}`)),
      );
    child.stdin.end(text);
  });
}

test('edits that add, remove, move and relabel documents give the diagnostics of the text analysed afresh', async () => {
  const steps = [
    file(deployment('web', 'web'), service('web')),
    // The Service now selects nothing.
    file(deployment('web', 'web'), service('webx')),
    // Inserted before the Service: a Deployment with one of its two labels, which the finding points at (its
    // related line). The Service's index moves.
    file(deployment('web', 'web', 'db'), deployment('x', 'webx', 'db'), service('webx')),
    // The first document removed: every index moves down.
    file(deployment('x', 'webx', 'db'), service('webx')),
    // Relabelled: the Service selects it.
    file(deployment('x', 'webx'), service('webx')),
    // Lines added above: every document moves down the file.
    '\n\n' + file(deployment('x', 'webx', 'db'), service('webx')),
    file(deployment('web', 'web'), deployment('x', 'webx'), service('webx')),
  ];
  const references = await Promise.all(steps.map(fresh));
  const store = new OpenDocuments();
  const documents = new Documents(store);
  store.open(uri, 'yaml', 1, steps[0]!);
  const unmatched: boolean[] = [];
  let related = 0;
  steps.forEach((text, i) => {
    if (i > 0) assert.ok(store.change(uri, i + 1, [{ text }]));
    const doc = documents.get(uri)!;
    const incremental = diagnosticsFor(documents.analysis(doc), settings, uri);
    assert.deepEqual(incremental, references[i], `step ${i}`);
    const found = incremental.filter((d) => d.code === 'service-selector-unmatched');
    unmatched.push(found.length > 0);
    related += found.filter((d) => (d.relatedInformation ?? []).length > 0).length;
  });
  // The edits do flip the file rule, so the comparison above is not between two empty lists.
  assert.deepEqual(unmatched, [false, true, true, true, false, true, false]);
  assert.ok(related > 0, 'some findings point at another document');
});

// A Deployment in namespace `shop` whose container has a liveness probe, no readiness probe and no declared port
// (so it serves only if a Service selects it), and runs privileged (which Pod Security's baseline level forbids).
const api = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: nginx:1.27
          securityContext:
            privileged: true
          livenessProbe:
            httpGet:
              path: /
              port: 80
`;
const apiService = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector:
    app: api
  ports:
    - port: 80
`;
const shop = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
`;

test('a document the edits leave alone still gets the file rules of what the rest of the file now says', async () => {
  // The file rules keep each unchanged document's findings (rules/support/perDocument.ts), keyed by what they read
  // from the rest of the file: whether a Service selects its pods (liveness-without-readiness) and the Pod Security
  // levels of its namespace (pod-security: a Namespace that enforces baseline makes the privileged container an
  // error, "violates PodSecurity", ../shared/world-semantics.md, Pod Security Admission). Here only other
  // documents change, after the Deployment, which keeps its place (and its context).
  const steps = [file(api), file(api, apiService), file(api, apiService, shop), file(api, apiService), file(api)];
  const references = await Promise.all(steps.map(fresh));
  const store = new OpenDocuments();
  const documents = new Documents(store);
  store.open(uri, 'yaml', 1, steps[0]!);
  const serving: boolean[] = [];
  const enforced: boolean[] = [];
  steps.forEach((text, i) => {
    if (i > 0) assert.ok(store.change(uri, i + 1, [{ text }]));
    const incremental = diagnosticsFor(documents.analysis(documents.get(uri)!), settings, uri);
    assert.deepEqual(incremental, references[i], `step ${i}`);
    serving.push(incremental.some((d) => d.code === 'liveness-without-readiness'));
    const psa = incremental.filter((d) => d.code === 'pod-security');
    assert.ok(psa.length > 0, `step ${i}: the privileged container is reported`);
    enforced.push(psa.every((d) => d.severity === 1));
  });
  assert.deepEqual(serving, [false, true, true, true, false]);
  assert.deepEqual(enforced, [false, false, true, false, false]);
});
