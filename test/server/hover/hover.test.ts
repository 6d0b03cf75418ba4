// Hover: our own texts for keys at any depth, value meanings, kinds and apiVersions; null elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hover } from '../../../server/src/features/hover';

/** Hover at the first occurrence of `needle` (plus `offset` characters) in the text. */
function at(text: string, needle: string, offset = 0, nth = 0): ReturnType<typeof hover> {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not found`);
  const before = text.slice(0, i + offset);
  const line = before.split('\n').length - 1;
  return hover(text, { line, character: before.length - (before.lastIndexOf('\n') + 1) });
}
const md = (h: ReturnType<typeof hover>): string => {
  assert.ok(h, 'no hover');
  return h.contents.value;
};

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  strategy: { type: Recreate }
  template:
    metadata: { labels: { app: web } }
    spec:
      restartPolicy: Always
      serviceAccount: old
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports: [{ containerPort: 8080, name: http }]
          livenessProbe:
            httpGet: { path: /healthz, port: http }
            periodSeconds: 5
`;

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "0 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
              resources:
                limits: { memory: 64Mi }
`;

test('a probe field inside a Deployment template: name, type, unit, text and example', () => {
  const value = md(at(DEPLOYMENT, 'periodSeconds'));
  assert.match(value, /^\*\*periodSeconds\*\* · integer · seconds/);
  assert.match(value, /How often the kubelet runs the probe\. Default 10, minimum 1 \(seconds\)\./);
  assert.match(value, /Example: `periodSeconds: 5`/);
});

test('keys at various depths', () => {
  assert.match(md(at(DEPLOYMENT, 'replicas')), /Number of pods wanted/);
  assert.match(md(at(DEPLOYMENT, 'name: web')), /^\*\*name\*\* · string/);
  assert.match(md(at(DEPLOYMENT, 'path')), /URL path to request/);
  assert.match(md(at(DEPLOYMENT, 'containerPort')), /Port number the process listens on/);
  assert.match(md(at(DEPLOYMENT, 'template')), /^\*\*template\*\* · PodTemplateSpec/);
  assert.match(md(at(DEPLOYMENT, 'containers')), /^\*\*containers\*\* · Container\[\]/);
  assert.match(md(at(DEPLOYMENT, 'apiVersion')), /Deployment is served as `apps\/v1`/);
});

test('keys inside a CronJob jobTemplate', () => {
  assert.match(md(at(CRONJOB, 'jobTemplate')), /The Job created at each scheduled time/);
  assert.match(md(at(CRONJOB, 'backoffLimit')), /before the Job is marked Failed/);
  assert.match(md(at(CRONJOB, 'image')), /Container image to run/);
  assert.match(md(at(CRONJOB, 'limits')), /Hard caps/);
  assert.match(md(at(CRONJOB, 'schedule')), /Cron schedule/);
});

test('the hover range covers the key', () => {
  const h = at(DEPLOYMENT, 'periodSeconds', 3);
  assert.deepEqual(h?.range, { start: { line: 21, character: 12 }, end: { line: 21, character: 25 } });
});

test('enum values say what they mean', () => {
  assert.match(md(at(DEPLOYMENT, 'Always', 2)), /^\*\*Always\*\* — Restart every container that exits/);
  assert.match(
    md(at(DEPLOYMENT, 'IfNotPresent')),
    /^\*\*IfNotPresent\*\* — Pull only when the image is not already on the node/,
  );
  assert.match(md(at(DEPLOYMENT, 'Recreate')), /Stop all old pods first/);
  assert.match(md(at(CRONJOB, 'Forbid')), /^\*\*Forbid\*\* — Skip the new run/);
  assert.match(md(at(CRONJOB, 'OnFailure')), /non-zero code/);
  const svc = 'apiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n  externalTrafficPolicy: Local\n';
  assert.match(md(at(svc, 'NodePort')), /port \(30000–32767\) opened on every node/);
  assert.match(md(at(svc, 'Local')), /keeps the client IP/);
  // the field's own text follows the value's meaning
  assert.match(md(at(svc, 'NodePort')), /\*\*type\*\* · string/);
});

test('apiVersion and kind values explain the kind', () => {
  assert.match(md(at(DEPLOYMENT, 'Deployment')), /rolling updates/);
  assert.match(md(at(CRONJOB, 'batch/v1')), /Serves `Job`, `CronJob`/);
  assert.match(
    md(at('apiVersion: extensions/v1beta1\nkind: Deployment\n', 'extensions')),
    /removed API version[\s\S]*1\.16[\s\S]*apps\/v1/,
  );
  assert.match(
    md(at('apiVersion: v1\nkind: Deployment\n', 'v1')),
    /`Deployment` is not served here: use `apiVersion: apps\/v1`/,
  );
});

test('badges: deprecated, set by the API server', () => {
  assert.match(md(at(DEPLOYMENT, 'serviceAccount')), /\*\*Deprecated\*\*: use serviceAccountName/);
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  uid: abc\nspec:\n  nodeName: n1\nstatus:\n  phase: Running\n';
  assert.match(md(at(pod, 'uid')), /Set by the API server — do not write it/);
  assert.match(md(at(pod, 'nodeName')), /Filled in by the scheduler when left out/);
  assert.match(md(at(pod, 'phase')), /the system writes — do not write it/);
  assert.doesNotMatch(md(at(pod, 'uid')), /do not write it[\s\S]*do not write it/);
});

test('fields without a written text get one from the metadata', () => {
  const pod =
    'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: v\n      azureDisk: { diskName: d, diskURI: u, cachingMode: None }\n      flocker: { datasetName: x }\n';
  assert.match(md(at(pod, 'diskName')), /^\*\*diskName\*\* · string\n\nA string value\./);
  assert.match(md(at(pod, 'cachingMode')), /One of `None`, `ReadOnly`, `ReadWrite`\./);
  assert.match(md(at(pod, 'datasetName')), /Deprecated: use datasetUUID\./);
  assert.match(md(at(pod, 'azureDisk')), /\*\*Deprecated\*\*: in-tree volume plugin/);
});

test('list items of a scalar list show their field', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      command: [sh, -c, "sleep 1"]\n';
  assert.match(md(at(pod, 'sleep')), /^\*\*command\*\* · string\[\]/);
});

test('multi-document files: each document has its own kind', () => {
  const text = `${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nspec:\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: http }]\n`;
  assert.match(md(at(text, 'targetPort')), /Port on the pods the traffic goes to/);
  assert.match(md(at(text, 'selector', 0, 1)), /Labels of the pods that receive the traffic/);
  assert.match(md(at(text, 'selector', 0, 0)), /Label selector of the pods this Deployment owns/);
});

test('unknown fields, map keys, unknown kinds and blank space give null', () => {
  assert.equal(at('apiVersion: v1\nkind: Pod\nspec:\n  nosuch: 1\n', 'nosuch'), null);
  assert.equal(at(DEPLOYMENT, 'app: web'), null); // a label key is the user's own
  assert.equal(at('apiVersion: v1\nkind: ConfigMap\ndata:\n  zz: b\n', 'zz'), null); // a data key is the user's own
  assert.equal(at('apiVersion: v1\nkind: Namespace\nspec:\n  a: b\n', 'spec'), null); // a kind PodLab does not model
  // apiVersion and kind are known in every document
  assert.match(md(at('apiVersion: v1\nkind: Namespace\n', 'apiVersion')), /API group and version/);
  assert.equal(hover('apiVersion: v1\nkind: Pod\n\n# comment\n', { line: 3, character: 3 }), null);
  assert.equal(hover('apiVersion: v1\nkind: Pod\n', { line: 99, character: 0 }), null);
  assert.equal(hover('', { line: 0, character: 0 }), null);
});

test('broken YAML never throws, and hover still works where the parser recovers', () => {
  const broken =
    'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Never\n  containers:\n    - name: "unterminated\n      image: [\n';
  assert.match(md(at(broken, 'restartPolicy')), /When the kubelet restarts containers/);
  for (let line = 0; line < 8; line++)
    for (let character = 0; character < 30; character += 3) hover(broken, { line, character });
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.nat(10), fc.nat(60), (text, line, character) => {
      const h = hover(text, { line, character });
      assert.ok(h === null || typeof h.contents.value === 'string');
    }),
    { numRuns: 500, seed: 3 },
  );
});

test('a 20 MB file: only the document under the cursor is parsed', () => {
  const doc = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  restartPolicy: Never\n';
  const big = `${doc}---\n`.repeat(Math.ceil(20e6 / (doc.length + 4))) + doc;
  const lines = big.split('\n').length;
  const t0 = performance.now();
  const h = hover(big, { line: lines - 2, character: 4 });
  assert.ok(performance.now() - t0 < 1000);
  assert.match(md(h), /restartPolicy/);
});
