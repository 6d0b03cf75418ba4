// Snippets for whole blocks and documents: offered where they fit, with tab stops, and valid once the
// placeholders are filled (the result passes the model's schema and validation, not just the YAML parser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { loadManifest } from '../../../simulator/src/manifest';
import { complete } from '../../../server/src/features/completion';
import { accept, cursor, item, labels } from './helpers';

function errors(text: string): string[] {
  return loadManifest(text)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => `${i.code}: ${i.message} @${JSON.stringify(i.path)}`);
}

function acceptAll(
  src: string,
  pick: (items: CompletionItem[]) => CompletionItem[],
  marker = '|',
): { label: string; text: string }[] {
  const c = cursor(src, marker);
  const items = pick(complete(c.text, c.position));
  assert.ok(items.length > 0, 'no snippet offered');
  return items.map((it) => {
    assert.equal(it.insertTextFormat, InsertTextFormat.Snippet, it.label);
    return { label: it.label, text: accept(c, it) };
  });
}

const snippetsOnly = (items: CompletionItem[]): CompletionItem[] =>
  items.filter((i) => i.kind === CompletionItemKind.Snippet);

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: acme/web:1.0
      ports:
        - name: http
          containerPort: 8080
      |
`;

test('document skeletons are valid objects of their kind', () => {
  const got = acceptAll('|', (items) => items.filter((i) => !i.label.startsWith('apiVersion/kind')));
  assert.deepEqual(got.map((g) => g.label).sort(), [
    'CronJob',
    'DaemonSet',
    'Deployment',
    'Job',
    'Pod',
    'Service',
    'StatefulSet',
  ]);
  for (const { label, text } of got) {
    assert.deepEqual(errors(text), [], `${label}:\n${text}`);
    const m = loadManifest(text);
    assert.equal(m.docs[0]?.kind, label);
    if (label !== 'Service') assert.equal(m.objects.length, 1, label);
  }
});

test('skeletons in the second document of a file', () => {
  const got = acceptAll(
    'apiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec: { ports: [{ port: 80 }] }\n---\n|\n',
    (items) => items.filter((i) => i.label === 'Deployment'),
  );
  assert.deepEqual(errors(got[0]?.text ?? ''), []);
});

test('probe snippets: liveness, readiness and startup with each handler, using the named port', () => {
  const got = acceptAll(POD, (items) => snippetsOnly(items).filter((i) => /Probe \(/.test(i.label)));
  assert.equal(got.length, 12);
  for (const h of ['httpGet', 'tcpSocket', 'exec', 'grpc'])
    for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe'])
      assert.ok(
        got.some((g) => g.label === `${p} (${h})`),
        `${p} ${h}`,
      );
  for (const { label, text } of got) assert.deepEqual(errors(text), [], `${label}:\n${text}`);
  assert.match(got.find((g) => g.label === 'livenessProbe (httpGet)')?.text ?? '', /port: http\n/);
  assert.match(got.find((g) => g.label === 'startupProbe (grpc)')?.text ?? '', /port: 8080\n/);
});

test('probes already present are not offered again', () => {
  const items = snippetsOnly(
    complete(
      cursor(POD.replace('      |', '      livenessProbe: { tcpSocket: { port: 8080 } }\n      |')).text,
      cursor(POD.replace('      |', '      livenessProbe: { tcpSocket: { port: 8080 } }\n      |')).position,
    ),
  );
  assert.ok(!labels(items).some((l) => l.startsWith('livenessProbe')));
  assert.ok(labels(items).some((l) => l.startsWith('readinessProbe')));
});

test('resources snippet', () => {
  const [r] = acceptAll(POD, (items) => [item(items, 'resources (requests, limits)')]);
  assert.deepEqual(errors(r?.text ?? ''), []);
  assert.match(r?.text ?? '', /      resources:\n        requests:\n          cpu: 100m\n/);
});

test('a volume and its mount: the mount at the cursor, the volume in the pod spec', () => {
  const [fresh] = acceptAll(POD, (items) => [item(items, 'volumeMounts + volume (emptyDir)')]);
  assert.deepEqual(errors(fresh?.text ?? ''), []);
  assert.match(fresh?.text ?? '', /volumeMounts:\n {8}- name: data\n {10}mountPath: \/data\n/);
  assert.match(fresh?.text ?? '', /\n {2}volumes:\n {4}- name: data\n {6}emptyDir: \{\}/);
  const withVolumes = `${POD}  volumes:\n    - name: data\n      emptyDir: {}\n  restartPolicy: Always\n`;
  const [more] = acceptAll(withVolumes, (items) => [item(items, 'volumeMounts + volume (emptyDir)')]);
  assert.deepEqual(errors(more?.text ?? ''), []);
  assert.match(more?.text ?? '', /- name: data-2\n {10}mountPath/);
  assert.match(more?.text ?? '', /emptyDir: \{\}\n {4}- name: data-2\n {6}emptyDir: \{\}\n {2}restartPolicy/);
  // the cursor on the last line of the file, which is also the end of the pod spec
  const [atEnd] = acceptAll(POD.replace('      |\n', '      |'), (items) => [
    item(items, 'volumeMounts + volume (emptyDir)'),
  ]);
  assert.deepEqual(errors(atEnd?.text ?? ''), []);
  assert.match(atEnd?.text ?? '', /mountPath: \/data\n {2}volumes:\n {4}- name: data\n {6}emptyDir: \{\}$/);
});

test('container, init container and sidecar as list items', () => {
  const base =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: main\n      image: nginx\n';
  const [c] = acceptAll(`${base}    |\n`, (items) => [item(items, '- container')]);
  assert.deepEqual(errors(c?.text ?? ''), []);
  const init = acceptAll(`${base}  initContainers:\n    |\n`, (items) => [
    item(items, '- init container'),
    item(items, '- sidecar'),
  ]);
  for (const { label, text } of init) assert.deepEqual(errors(text), [], `${label}:\n${text}`);
  assert.match(init[1]?.text ?? '', /restartPolicy: Always/);
});

test('container body in an empty `- ` item, and pod spec blocks when the keys are missing', () => {
  const base = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n';
  const [body] = acceptAll(`${base}  containers:\n    - |\n`, (items) => [item(items, 'container')]);
  assert.deepEqual(errors(body?.text ?? ''), []);
  const blocks = acceptAll(`${base}  |\n`, (items) => snippetsOnly(items));
  assert.ok(blocks.some((b) => b.label === 'containers: container'));
  assert.ok(blocks.some((b) => b.label === 'initContainers: sidecar'));
  const [withContainers] = acceptAll(`${base}  |\n`, (items) => [item(items, 'containers: container')]);
  assert.deepEqual(errors(withContainers?.text ?? ''), []);
  const sidecar = acceptAll(`${base}  containers: [{ name: a, image: nginx }]\n  |\n`, (items) => [
    item(items, 'initContainers: sidecar'),
    item(items, 'volumes: volume: emptyDir'),
  ]);
  for (const { label, text } of sidecar) assert.deepEqual(errors(text), [], `${label}:\n${text}`);
});

test('list items: volumes, env, ports, tolerations, service ports', () => {
  const pod = (list: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: main\n      image: nginx\n${list}`;
  const cases: [string, RegExp][] = [
    [pod('  volumes:\n    |\n'), /^- volume: /],
    [pod('      env:\n        |\n'), /^- env: /],
    [pod('      ports:\n        |\n'), /^- port$/],
    [pod('  tolerations:\n    |\n'), /^- toleration$/],
    ['apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec:\n  ports:\n    |\n', /^- service port$/],
  ];
  for (const [src, label] of cases) {
    const got = acceptAll(src, (items) => items.filter((i) => label.test(i.label)));
    for (const { label: l, text } of got) assert.deepEqual(errors(text), [], `${l}:\n${text}`);
  }
});

test('generic list items fill the required keys', () => {
  const src =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: a, image: nginx }]\n  hostAliases:\n    |\n';
  const it = item(complete(cursor(src).text, cursor(src).position), '- HostAlias');
  assert.equal((it.textEdit as { newText: string }).newText, '- ip: ${1}');
});
