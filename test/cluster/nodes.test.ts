import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClusterSpecError,
  DEFAULT_ALLOCATABLE,
  addImage,
  buildCluster,
  checkClusterSpec,
  defaultCluster,
  effectiveTaints,
  makeNode,
  nodeHasImage,
  podIP,
} from '../../simulator/src/cluster/nodes';
import { normalizeImageRef } from '../../simulator/src/model/imageRef';

const Gi = 1024 ** 3;
const Mi = 1024 ** 2;

test('the default cluster is one node-1 with 4 CPU, 8Gi, 110 pods and the standard labels', () => {
  const nodes = defaultCluster();
  assert.equal(nodes.length, 1);
  const n = nodes[0]!;
  assert.equal(n.name, 'node-1');
  assert.deepEqual(n.allocatable, { cpuMillis: 4000, memoryBytes: 8 * Gi, pods: 110, ephemeralBytes: 100 * Gi });
  assert.equal(n.labels['kubernetes.io/hostname'], 'node-1');
  assert.equal(n.labels['kubernetes.io/os'], 'linux');
  assert.equal(n.labels['kubernetes.io/arch'], 'amd64');
  assert.deepEqual(n.taints, []);
  assert.equal(n.unschedulable, false);
  assert.equal(n.images.size, 0);
  assert.equal(n.podCIDR, '10.244.0.0/24');
  // fresh objects each time
  defaultCluster()[0]!.images.add('x');
  assert.equal(defaultCluster()[0]!.images.size, 0);
});

test('buildCluster: nodes from the scenario block, with standard labels and defaults for missing capacity', () => {
  const nodes = buildCluster({
    nodes: [
      {
        name: 'worker1',
        capacity: { cpu: '2', memory: '2500Mi', pods: 110 },
        labels: { hostname: 'worker1' },
        taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
      },
      {
        name: 'worker2',
        capacity: { cpu: '500m', 'ephemeral-storage': '20Gi', 'nvidia.com/gpu': 2 },
        unschedulable: true,
        images: ['nginx', 'busybox:1.36'],
      },
    ],
  });
  assert.deepEqual(
    nodes.map((n) => n.name),
    ['worker1', 'worker2'],
  );
  const [w1, w2] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
  assert.deepEqual(w1.allocatable, {
    cpuMillis: 2000,
    memoryBytes: 2500 * Mi,
    pods: 110,
    ephemeralBytes: DEFAULT_ALLOCATABLE.ephemeralBytes,
  });
  assert.equal(w1.labels.hostname, 'worker1');
  assert.equal(w1.labels['kubernetes.io/hostname'], 'worker1');
  assert.deepEqual(w1.taints, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
  assert.equal(w2.allocatable.cpuMillis, 500);
  assert.equal(w2.allocatable.memoryBytes, 8 * Gi);
  assert.equal(w2.allocatable.ephemeralBytes, 20 * Gi);
  assert.deepEqual(w2.allocatable.extended, { 'nvidia.com/gpu': 2 });
  assert.equal(w2.unschedulable, true);
  assert.deepEqual(
    w2.taints,
    [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    'cordoned nodes carry the unschedulable taint',
  );
  assert.equal(w2.podCIDR, '10.244.1.0/24');
  assert.equal(nodeHasImage(w2, 'docker.io/library/nginx:latest'), true);
  assert.equal(nodeHasImage(w2, 'busybox:1.36'), true);
  assert.equal(nodeHasImage(w2, 'busybox'), false);
});

test('buildCluster: no nodes → default node; nodes: [] → no nodes; imagesPresent marks every node', () => {
  assert.deepEqual(
    buildCluster(undefined).map((n) => n.name),
    ['node-1'],
  );
  assert.deepEqual(
    buildCluster({}).map((n) => n.name),
    ['node-1'],
  );
  assert.deepEqual(buildCluster({ nodes: [] }), []);
  const [n] = buildCluster({ imagesPresent: true });
  assert.equal(nodeHasImage(n!, 'anything:1'), true);
});

test('buildCluster rejects bad quantities, names and duplicates, naming the path', () => {
  const spec = {
    nodes: [
      { name: 'a', capacity: { cpu: 'two', memory: '1 GB' } },
      { name: 'a', taints: [{ key: 'k', effect: 'Sometimes' }] },
      { name: 'Bad_Name', capacity: { pods: 1.5 } },
    ],
  };
  const issues = checkClusterSpec(spec);
  assert.deepEqual(
    issues.map((i) => i.path),
    [
      'cluster.nodes[0].capacity.cpu',
      'cluster.nodes[0].capacity.memory',
      'cluster.nodes[1].name',
      'cluster.nodes[1].taints[0].effect',
      'cluster.nodes[2].name',
      'cluster.nodes[2].capacity.pods',
    ],
  );
  assert.match(issues[0]!.message, /expected a CPU quantity.*got "two"/);
  assert.throws(
    () => buildCluster(spec),
    (e: unknown) =>
      e instanceof ClusterSpecError && e.issues.length === 6 && /cluster\.nodes\[0\]\.capacity\.cpu/.test(e.message),
  );
  assert.deepEqual(checkClusterSpec({ nodes: [{ name: 'ok', capacity: { cpu: 1, memory: '1e9' } }] }), []);
});

test('image references are normalised as the runtime records them', () => {
  assert.equal(normalizeImageRef('nginx'), 'docker.io/library/nginx:latest');
  assert.equal(normalizeImageRef('nginx:1.27'), 'docker.io/library/nginx:1.27');
  assert.equal(normalizeImageRef('bitnami/redis:7'), 'docker.io/bitnami/redis:7');
  assert.equal(normalizeImageRef('docker.io/nginx'), 'docker.io/library/nginx:latest');
  assert.equal(normalizeImageRef('ghcr.io/acme/api'), 'ghcr.io/acme/api:latest');
  assert.equal(normalizeImageRef('localhost:5000/app:dev'), 'localhost:5000/app:dev');
  assert.equal(normalizeImageRef('nginx@sha256:abc'), 'docker.io/library/nginx@sha256:abc');
  const n = makeNode('n');
  addImage(n, 'nginx');
  assert.equal(nodeHasImage(n, 'docker.io/library/nginx'), true);
});

test('failed nodes show the unreachable taints; pod IPs come from the podCIDR', () => {
  assert.deepEqual(effectiveTaints(makeNode('n', 0, { failed: true })), [
    { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
  ]);
  assert.equal(podIP(makeNode('n', 1), 3), '10.244.1.5');
});
