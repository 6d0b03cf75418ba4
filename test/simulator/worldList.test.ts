// `kind: List` (what `kubectl get -o yaml` writes): kubectl's FlattenListVisitor applies each item as if it were
// its own document, in item order (world-semantics §9, cli-runtime pkg/resource/visitor.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { present, run } from './harness';

const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: app-config }
    data: { mode: fast }
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web }
    spec:
      selector: { matchLabels: { app: web } }
      template:
        metadata: { labels: { app: web } }
        spec:
          containers:
            - name: app
              image: busybox:1.36
              envFrom: [{ configMapRef: { name: app-config } }]
              command: ['sh', '-c', 'test "$mode" = fast && sleep 3600; exit 3']
`;

test('§9: the items of a List are objects of the world: the Deployment runs and reads the ConfigMap of the same List', () => {
  const m = loadManifest(LIST);
  assert.deepEqual(m.issues, []);
  assert.deepEqual(
    m.objects.map((o) => [o.kind, o.doc, o.at]),
    [['Deployment', 0, 'items[1].']],
  );
  assert.deepEqual(
    m.world.map((o) => [o.kind, o.name, o.from]),
    [['ConfigMap', 'app-config', { kind: 'file', doc: 0, path: 'items[0]' }]],
  );
  assert.deepEqual(m.skipped, []);
  const r = run(LIST, { until: 30, scenario: present });
  assert.equal(r.pod(30).kubectl.status, 'Running');
  assert.deepEqual(r.events('BackOff'), []);
});

test("§9: an item's problems are reported at the item's own range and path", () => {
  const bad = LIST.replace('name: app\n', 'name: App_1\n').replace('data: { mode: fast }', 'data: { "a/b": fast }');
  const m = loadManifest(bad);
  const byPath = m.issues.map((i) => [i.path.join('.'), i.range.start.line]);
  assert.deepEqual(byPath, [
    ['items.0.data.a/b', 6],
    ['items.1.spec.template.spec.containers.0.name', 16], // the line of `- name: App_1`
  ]);
});

test('§9: an item without apiVersion/kind is skipped with a note naming it', () => {
  const m = loadManifest('apiVersion: v1\nkind: List\nitems:\n  - { metadata: { name: x } }\n  - 42\n');
  assert.deepEqual(
    m.skipped.map((s) => s.message),
    [
      'items[0] of document 1 has no apiVersion/kind: not a Kubernetes object',
      'items[1] of document 1 is not a Kubernetes object',
    ],
  );
});
