// Value completion: enum values from the model's metadata, booleans, apiVersion and kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt, item, labels, newText } from './helpers';

const POD = (body: string): string => `apiVersion: v1\nkind: Pod\nspec:\n${body}`;

test('enum values of the model', () => {
  const cases: [string, string[]][] = [
    [POD('  restartPolicy: |\n'), ['Always', 'OnFailure', 'Never']],
    [POD('  dnsPolicy: |\n'), ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']],
    [POD('  containers:\n    - name: a\n      imagePullPolicy: |\n'), ['Always', 'IfNotPresent', 'Never']],
    [
      POD('  containers:\n    - name: a\n      ports:\n        - containerPort: 53\n          protocol: |\n'),
      ['SCTP', 'TCP', 'UDP'],
    ],
    ['apiVersion: v1\nkind: Service\nspec:\n  type: |\n', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']],
    ['apiVersion: batch/v1\nkind: CronJob\nspec:\n  concurrencyPolicy: |\n', ['Allow', 'Forbid', 'Replace']],
    ['apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  podManagementPolicy: |\n', ['OrderedReady', 'Parallel']],
    ['apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    type: |\n', ['Recreate', 'RollingUpdate']],
  ];
  for (const [src, want] of cases) assert.deepEqual(labels(completeAt(src)), want, src);
});

test('enum items explain the value and mark the default', () => {
  const items = completeAt(POD('  restartPolicy: |\n'));
  const never = item(items, 'Never');
  assert.match((never.documentation as { value: string }).value, /Never restart/);
  assert.match(String(item(items, 'Always').detail), /default/);
});

test('a half-typed value is replaced', () => {
  const src = POD('  containers:\n    - name: a\n      imagePullPolicy: IfN|\n');
  const it = item(completeAt(src), 'IfNotPresent');
  const r = (it.textEdit as { range: { start: { character: number }; end: { character: number } } }).range;
  assert.deepEqual([r.start.character, r.end.character], [23, 26]);
});

test('right after the colon the value gets a space', () => {
  const it = item(completeAt(POD('  restartPolicy:|\n')), 'Never');
  assert.equal(newText(it), ' Never');
});

test('booleans', () => {
  assert.deepEqual(labels(completeAt(POD('  hostNetwork: |\n'))), ['true', 'false']);
});

test('apiVersion values, the one serving the written kind first', () => {
  const items = completeAt('apiVersion: |\nkind: CronJob\n');
  assert.deepEqual(labels(items).sort(), ['apps/v1', 'batch/v1', 'v1']);
  assert.equal(item(items, 'batch/v1').preselect, true);
});

test('kind values follow the written apiVersion', () => {
  assert.deepEqual(labels(completeAt('apiVersion: apps/v1\nkind: |\n')), [
    'Deployment',
    'ReplicaSet',
    'StatefulSet',
    'DaemonSet',
  ]);
  assert.deepEqual(labels(completeAt('apiVersion: batch/v1\nkind: C|\n')), ['Job', 'CronJob']);
  assert.equal(labels(completeAt('kind: |\n')).length, 10); // the modelled kinds, ConfigMap and Secret included
});

test('well-known values: downward API field paths, resource names, capabilities, schedules', () => {
  const env = POD(
    '  containers:\n    - name: a\n      env:\n        - name: X\n          valueFrom:\n            fieldRef:\n              fieldPath: |\n',
  );
  assert.ok(labels(completeAt(env)).includes('status.podIP'));
  const res = POD(
    '  containers:\n    - name: a\n      env:\n        - name: X\n          valueFrom:\n            resourceFieldRef:\n              resource: |\n',
  );
  assert.ok(labels(completeAt(res)).includes('limits.memory'));
  const caps = POD(
    '  containers:\n    - name: a\n      securityContext:\n        capabilities:\n          drop:\n            - |\n',
  );
  assert.ok(labels(completeAt(caps)).includes('ALL'));
  assert.ok(labels(completeAt('apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: |\n')).includes('"@daily"'));
});

test('no values for free text fields', () => {
  assert.deepEqual(completeAt(POD('  containers:\n    - name: a\n      image: ngi|\n')), []);
  assert.deepEqual(completeAt(POD('  containers:\n    - name: a\n      command: sh -c |\n')), []);
});
