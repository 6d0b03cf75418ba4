// Key completion: the keys valid at the cursor, from the schema at the path of the enclosing mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat } from 'vscode-languageserver';
import { completeAt, item, labels, newText } from './helpers';

const POD = (body: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
${body}`;

const keyLabels = (src: string): string[] => labels(completeAt(src).filter((i) => i.kind === 10 /* Property */));

test('top level: apiVersion, kind, metadata, spec — never status', () => {
  const got = keyLabels('apiVersion: apps/v1\nkind: Deployment\n|\n');
  assert.deepEqual(got.sort(), ['metadata', 'spec']);
  const empty = keyLabels('metadata:\n  name: x\n|\n');
  assert.ok(empty.includes('apiVersion') && empty.includes('kind'));
  assert.ok(!empty.includes('status'));
});

test('top level keys are ordered apiVersion, kind, metadata, spec', () => {
  const items = completeAt('|\nmetadata: {}\n').filter((i) => i.kind === 10);
  const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.deepEqual(labels(sorted).slice(0, 2), ['apiVersion', 'kind']);
});

test('metadata keys leave out what the API server sets', () => {
  const got = keyLabels('apiVersion: v1\nkind: Pod\nmetadata:\n  |\n');
  for (const k of ['name', 'namespace', 'labels', 'annotations', 'generateName']) assert.ok(got.includes(k), k);
  for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'generation'])
    assert.ok(!got.includes(k), k);
});

test('container keys, without the ones already present (above and below the cursor)', () => {
  const got = keyLabels(POD('      |\n      imagePullPolicy: Always\n'));
  for (const k of [
    'command',
    'args',
    'env',
    'ports',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'resources',
    'volumeMounts',
  ])
    assert.ok(got.includes(k), k);
  for (const k of ['name', 'image', 'imagePullPolicy']) assert.ok(!got.includes(k), k);
});

test('a new list item offers the item keys, required ones first', () => {
  const items = completeAt('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - |\n').filter((i) => i.kind === 10);
  assert.ok(labels(items).includes('image'));
  const first = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
  assert.equal(first?.label, 'name');
  assert.match(String(first?.detail), /required/);
});

test('required keys sort first in a Deployment spec', () => {
  const items = completeAt('apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n').filter((i) => i.kind === 10);
  const sorted = labels([...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')));
  assert.deepEqual(sorted.slice(0, 2).sort(), ['selector', 'template']);
});

test('probe and handler keys', () => {
  const probe = keyLabels(POD('      livenessProbe:\n        |\n'));
  assert.deepEqual(probe.sort(), [
    'exec',
    'failureThreshold',
    'grpc',
    'httpGet',
    'initialDelaySeconds',
    'periodSeconds',
    'successThreshold',
    'tcpSocket',
    'terminationGracePeriodSeconds',
    'timeoutSeconds',
  ]);
  const handler = keyLabels(POD('      livenessProbe:\n        httpGet:\n          port: 80\n          |\n'));
  assert.deepEqual(handler.sort(), ['host', 'httpHeaders', 'path', 'scheme']);
  const hook = keyLabels(POD('      lifecycle:\n        preStop:\n          |\n'));
  assert.deepEqual(hook.sort(), ['exec', 'httpGet', 'sleep', 'tcpSocket']);
});

test('keys deep inside a CronJob jobTemplate', () => {
  const src = `apiVersion: batch/v1
kind: CronJob
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      |
`;
  const got = keyLabels(src);
  for (const k of [
    'backoffLimit',
    'completions',
    'parallelism',
    'template',
    'ttlSecondsAfterFinished',
    'podFailurePolicy',
  ])
    assert.ok(got.includes(k), k);
});

test('insert texts: scalar, object (indented block), list, enum choice', () => {
  const items = completeAt(POD('      |\n'));
  assert.equal(newText(item(items, 'workingDir')), 'workingDir: ');
  assert.equal(item(items, 'workingDir').insertTextFormat, InsertTextFormat.PlainText);
  assert.equal(newText(item(items, 'livenessProbe')), 'livenessProbe:\n        $0');
  assert.equal(newText(item(items, 'ports')), 'ports:\n        - $0');
  assert.equal(newText(item(items, 'imagePullPolicy')), 'imagePullPolicy: ${1|Always,IfNotPresent,Never|}');
  assert.equal(newText(item(items, 'tty')), 'tty: ${1|true,false|}');
  assert.equal(item(items, 'livenessProbe').insertTextFormat, InsertTextFormat.Snippet);
});

test('items carry the type and the hover text', () => {
  const it = item(completeAt(POD('      livenessProbe:\n        |\n')), 'periodSeconds');
  assert.equal(it.detail, 'integer');
  const doc = it.documentation as { kind: string; value: string };
  assert.equal(doc.kind, 'markdown');
  assert.match(doc.value, /How often the kubelet runs the probe/);
});

test('the word being typed is replaced; an existing colon is kept', () => {
  const c = completeAt(POD('      livenessProbe:\n        period|Seconds: 5\n'));
  const it = item(c, 'periodSeconds');
  assert.equal(newText(it), 'periodSeconds');
  const range = (it.textEdit as { range: { start: { character: number }; end: { character: number } } }).range;
  assert.deepEqual([range.start.character, range.end.character], [8, 21]);
});

test('deprecated fields are tagged', () => {
  const it = item(completeAt('apiVersion: v1\nkind: Pod\nspec:\n  |\n'), 'serviceAccount');
  assert.deepEqual(it.tags, [1]);
});

test('free-form maps offer well-known keys (resources, nodeSelector, annotations)', () => {
  assert.deepEqual(
    labels(completeAt(POD('      resources:\n        limits:\n          memory: 1Gi\n          |\n'))).sort(),
    ['cpu', 'ephemeral-storage'],
  );
  assert.ok(
    labels(completeAt('apiVersion: v1\nkind: Pod\nspec:\n  nodeSelector:\n    |\n')).includes('kubernetes.io/os'),
  );
  assert.ok(
    labels(completeAt('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    |\n')).includes(
      'kubectl.kubernetes.io/default-container',
    ),
  );
});

test('unknown kinds and unknown paths give no keys', () => {
  assert.deepEqual(completeAt('apiVersion: v1\nkind: ConfigMap\ndata:\n  |\n'), []);
  assert.deepEqual(completeAt(POD('      nosuchfield:\n        |\n')), []);
});
