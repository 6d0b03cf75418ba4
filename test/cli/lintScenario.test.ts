// `podlab lint --scenario FILE`: the same scenario format as `podlab run --scenario` (README "Command line");
// its cluster, objects and worldComplete make certain what the default cluster leaves unknown. Expected texts
// come from the references, not from the engine: the scheduler's FitError format and filter reasons
// (kubelet-semantics §7 table and "Scheduler filter reason strings"), the image manager's ErrImageNeverPull
// message (kubelet-semantics §1.4), and the kubelet's env and volume errors (world-semantics §1, §2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { dir, file, podlab } from './podlab';

interface Linted {
  file: string;
  diagnostics: { range: { start: { line: number } }; code: string; message: string }[];
}

function predictions(...args: string[]): Linted['diagnostics'] {
  const r = podlab('lint', ...args, '--format', 'json');
  assert.notEqual(r.code, 2, r.err);
  const [only] = JSON.parse(r.out) as Linted[];
  return only!.diagnostics.filter((d) => d.code.startsWith('predicted-'));
}

const POD = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}`;

const SELECTOR = file(
  'selector.yaml',
  POD(`  nodeSelector:
    disktype: ssd
  containers:
    - name: web
      image: nginx:1.27
      resources: { requests: { cpu: 100m, memory: 64Mi } }
`),
);

const TWO_NODES = file(
  'two-nodes.scenario.yaml',
  `cluster:
  nodes:
    - { name: a, capacity: { cpu: "2", memory: 4Gi, pods: 110 }, labels: { disktype: hdd } }
    - { name: b, capacity: { cpu: "2", memory: 4Gi, pods: 110 }, taints: [{ key: dedicated, value: db, effect: NoSchedule }] }
`,
);

test('lint: without a scenario a nodeSelector is the real cluster’s business (unknown, no prediction)', () => {
  assert.deepEqual(predictions(SELECTOR), []);
});

test('lint --scenario: a declared cluster predicts FailedScheduling on the nodeSelector line, in the scheduler’s words', () => {
  const found = predictions(SELECTOR, '--scenario', TWO_NODES);
  const p = found.find((d) => d.code === 'predicted-unschedulable');
  assert.ok(p, JSON.stringify(found));
  // FitError: "0/<N> nodes are available: <histogram>." with entries sorted as strings (kubelet-semantics §7).
  assert.match(
    p.message,
    /0\/2 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector, 1 node\(s\) had untolerated taint \{dedicated: db\}\./,
  );
  assert.equal(p.range.start.line, 5, 'on nodeSelector (line 6)');
});

test('lint --scenario: requests beyond every node that tolerates it → Insufficient cpu (filters: TaintToleration before NodeResourcesFit)', () => {
  const big = file(
    'big.yaml',
    POD(`  containers:
    - name: web
      image: nginx:1.27
      resources: { requests: { cpu: "3", memory: 64Mi } }
`),
  );
  assert.deepEqual(predictions(big), [], 'the default node is not the real cluster: unknown');
  const p = predictions(big, '--scenario', TWO_NODES).find((d) => d.code === 'predicted-unschedulable');
  // Node b fails on its taint first, node a on cpu; histogram entries sorted as strings.
  assert.match(
    p?.message ?? '',
    /0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint \{dedicated: db\}\./,
  );
});

test('lint --scenario: imagePullPolicy Never is certain once the nodes are declared', () => {
  const never = file(
    'never.yaml',
    POD(`  containers:
    - name: web
      image: nginx:1.27
      imagePullPolicy: Never
`),
  );
  assert.deepEqual(predictions(never), [], 'the real node may hold the image');
  const without = file('node.scenario.yaml', 'cluster:\n  nodes:\n    - { name: n, images: [redis:7] }\n');
  const p = predictions(never, '--scenario', without).find((d) => d.code === 'predicted-image-pull');
  // kubelet-semantics §1.4: the waiting reason ErrImageNeverPull when the image is not on the node.
  assert.match(p?.message ?? '', /^Predicted ErrImageNeverPull: web never starts\. .*"nginx:1\.27"/);
  assert.equal(p?.range.start.line, 8, 'on imagePullPolicy (line 9)');
  const withImage = file('node-image.scenario.yaml', 'cluster:\n  nodes:\n    - { name: n, images: [nginx:1.27] }\n');
  assert.deepEqual(predictions(never, '--scenario', withImage), []);
});

test('lint --scenario with worldComplete: a ConfigMap nowhere is missing (world-semantics §1)', () => {
  const env = file(
    'env.yaml',
    POD(`  containers:
    - name: web
      image: nginx:1.27
      envFrom:
        - configMapRef: { name: app-config }
`),
  );
  assert.deepEqual(predictions(env), [], 'unknown by default: the cluster may have it');
  const complete = file('complete.scenario.yaml', 'worldComplete: true\n');
  const p = predictions(env, '--scenario', complete).find((d) => d.code === 'predicted-config-error');
  assert.match(p?.message ?? '', /configmap "app-config" not found/);
  const has = file(
    'has.scenario.yaml',
    'worldComplete: true\nobjects:\n  - { apiVersion: v1, kind: ConfigMap, metadata: { name: app-config }, data: { A: b } }\n',
  );
  assert.deepEqual(predictions(env, '--scenario', has), [], 'the scenario’s objects are part of the world');
});

test('lint --scenario: a bad scenario is FILE:LINE:COL on stderr and exit 2, as for run', () => {
  const bad = file('bad.scenario.yaml', 'cluster:\n  nodes:\n    - { name: n, capacity: { cpu: lots } }\n');
  const r = podlab('lint', SELECTOR, '--scenario', bad);
  assert.equal(r.code, 2);
  assert.match(r.err, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:\\d+: error: `));
  assert.equal(r.out, '');
  const missing = podlab('lint', SELECTOR, '--scenario', join(dir, 'nope.yaml'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.yaml: no such file/);
});
