// The scheduler (cluster/scheduler.ts): FailedScheduling messages in the scheduler's words and preemption.
// Tolerations, node affinity, node choice and DaemonSet placement: schedulerPlacement.test.ts; effective
// requests: schedulerRequests.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode } from '../../simulator/src/cluster/nodes';
import { schedulePod, type PodSpecInput } from '../../simulator/src/cluster/scheduler';
import { Gi, c, failure, on, pod } from './schedulerFixtures';

test('insufficient memory because other pods use it: no preemption victims', () => {
  const nodes = [makeNode('node-1')];
  const r = failure(
    schedulePod(pod({ containers: [c('app', { memory: '4Gi' })] }), nodes, [
      on('node-1', { containers: [c('big', { memory: '6Gi' })] }),
    ]),
  );
  assert.equal(
    r.message,
    '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
  );
  assert.deepEqual(r.reasons, ['Insufficient memory']);
  assert.deepEqual(r.histogram, ['1 Insufficient memory']);
  const f = r.failures[0]!;
  assert.equal(f.plugin, 'NodeResourcesFit');
  assert.deepEqual(f.insufficient?.[0], {
    resource: 'memory',
    reason: 'Insufficient memory',
    requested: 4 * Gi,
    used: 6 * Gi,
    capacity: 8 * Gi,
    unresolvable: false,
  });
});

test('a request larger than the whole node: preemption is not helpful (current releases), options for older texts', () => {
  const nodes = [makeNode('node-1')];
  const p = pod({ containers: [c('app', { memory: '10Gi' })] });
  assert.equal(
    failure(schedulePod(p, nodes)).message,
    '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
  );
  assert.equal(
    failure(schedulePod(p, nodes, [], { resourceUnresolvable: false })).message,
    '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
  );
  assert.equal(
    failure(schedulePod(p, nodes, [], { preemption: false })).message,
    '0/1 nodes are available: 1 Insufficient memory.',
  );
});

test('untolerated taint names key and value', () => {
  const nodes = [makeNode('worker1', 0, { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] })];
  const r = failure(schedulePod(pod({ containers: [c('app')] }), nodes));
  assert.equal(
    r.message,
    '0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: db}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
  );
  assert.deepEqual(r.failures[0]?.taint, { key: 'dedicated', value: 'db', effect: 'NoSchedule' });
  // a taint without value prints an empty value
  const bare = [makeNode('n', 0, { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })];
  assert.match(
    failure(schedulePod(pod({ containers: [c('app')] }), bare)).message,
    /1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}\./,
  );
});

test('nodeSelector mismatch', () => {
  const r = failure(
    schedulePod(pod({ containers: [c('app')], nodeSelector: { disktype: 'ssd' } }), [makeNode('node-1')]),
  );
  assert.equal(
    r.message,
    "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..",
  );
});

test('several nodes with mixed reasons: one reason per node (first failing plugin), histogram sorted as strings', () => {
  const nodes = [
    makeNode('worker1', 0, {
      taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
      labels: { disk: 'ssd' },
    }),
    makeNode('worker2', 1),
    makeNode('worker3', 2, { labels: { disk: 'ssd' } }),
  ];
  const spec: PodSpecInput = { containers: [c('app', { cpu: '2' })], nodeSelector: { disk: 'ssd' } };
  // worker1 is tainted AND would fit: only the taint counts (filtering stops at TaintToleration)
  const r = failure(schedulePod(pod(spec), nodes, [on('worker3', { containers: [c('x', { cpu: '3' })] })]));
  assert.equal(
    r.message,
    "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: db}." +
      ' preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..',
  );
  assert.deepEqual(
    r.failures.map((f) => f.plugin),
    ['TaintToleration', 'NodeAffinity', 'NodeResourcesFit'],
  );
});

test('histogram sorting is by string, so "10 …" comes before "2 …"', () => {
  const tainted = Array.from({ length: 10 }, (_, i) =>
    makeNode(`t${i}`, i, { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] }),
  );
  const small = [0, 1].map((i) =>
    makeNode(`s${i}`, 10 + i, {
      allocatable: { cpuMillis: 500, memoryBytes: 8 * Gi, pods: 110, ephemeralBytes: 10 * Gi },
    }),
  );
  const r = failure(
    schedulePod(pod({ containers: [c('app', { cpu: '1' })] }), [...tainted, ...small], [], { preemption: false }),
  );
  assert.equal(r.message, '0/12 nodes are available: 10 node(s) had untolerated taint {k: v}, 2 Insufficient cpu.');
});

test('one node can report several resource reasons, in the order pods, cpu, memory, ephemeral-storage, extended', () => {
  const node = makeNode('n', 0, {
    allocatable: { cpuMillis: 1000, memoryBytes: 1 * Gi, pods: 1, ephemeralBytes: 1 * Gi },
  });
  const spec: PodSpecInput = {
    containers: [
      c('app', { cpu: '2', memory: '2Gi', 'ephemeral-storage': '2Gi', 'nvidia.com/gpu': 1, 'example.com/foo': 1 }),
    ],
  };
  const r = failure(schedulePod(pod(spec), [node], [on('n', { containers: [c('x')] })], { preemption: false }));
  assert.deepEqual(r.failures[0]?.reasons, [
    'Too many pods',
    'Insufficient cpu',
    'Insufficient memory',
    'Insufficient ephemeral-storage',
    'Insufficient example.com/foo',
    'Insufficient nvidia.com/gpu',
  ]);
  assert.equal(
    r.message,
    '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient ephemeral-storage, 1 Insufficient example.com/foo, 1 Insufficient memory, 1 Insufficient nvidia.com/gpu, 1 Too many pods.',
  );
});

test('extended resources fit when the node has them', () => {
  const gpu = makeNode('gpu', 0, {
    allocatable: {
      cpuMillis: 4000,
      memoryBytes: 8 * Gi,
      pods: 110,
      ephemeralBytes: 10 * Gi,
      extended: { 'nvidia.com/gpu': 1 },
    },
  });
  const plain = makeNode('plain', 1);
  const r = schedulePod(pod({ containers: [c('train', { 'nvidia.com/gpu': 1 })] }), [plain, gpu]);
  assert.deepEqual(r, { ok: true, node: 'gpu', feasible: ['gpu'] });
});

test('too many pods', () => {
  const node = makeNode('n', 0, {
    allocatable: { cpuMillis: 4000, memoryBytes: 8 * Gi, pods: 2, ephemeralBytes: 10 * Gi },
  });
  const placed = [on('n', { containers: [c('a')] }), on('n', { containers: [c('b')] })];
  assert.equal(
    failure(schedulePod(pod({ containers: [c('app')] }), [node], placed)).message,
    '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
  );
  // completed pods do not count
  const done = placed.map((p) => ({ ...p, phase: 'Succeeded' }));
  assert.equal(schedulePod(pod({ containers: [c('app')] }), [node], done).ok, true);
});

test('cordoned node and host port clash', () => {
  // Ports as the API server stores them: protocol defaulted (TCP) when the manifest leaves it out.
  const cordoned = makeNode('a', 0, { unschedulable: true });
  const busy = makeNode('b', 1);
  const spec: PodSpecInput = {
    containers: [c('web', undefined, { ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] })],
  };
  const placed = [
    on('b', {
      containers: [c('other', undefined, { ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }] })],
    }),
  ];
  const r = failure(schedulePod(pod(spec), [cordoned, busy], placed));
  assert.equal(
    r.message,
    "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) were unschedulable." +
      ' preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling..',
  );
  // UDP on the same port does not clash; a pod tolerating the cordon taint may use the cordoned node
  const udp = [
    on('b', {
      containers: [c('other', undefined, { ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'UDP' }] })],
    }),
  ];
  assert.equal(schedulePod(pod(spec), [busy], udp).ok, true);
  const tolerant: PodSpecInput = {
    ...spec,
    tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
  };
  assert.equal(schedulePod(pod(tolerant), [cordoned]).ok, true);
  // specific host IPs only clash with the same IP or 0.0.0.0
  const ipA = [
    on('b', {
      containers: [
        c('o', undefined, { ports: [{ containerPort: 1, hostPort: 9000, hostIP: '10.0.0.1', protocol: 'TCP' }] }),
      ],
    }),
  ];
  const wantB: PodSpecInput = {
    containers: [
      c('w', undefined, { ports: [{ containerPort: 1, hostPort: 9000, hostIP: '10.0.0.2', protocol: 'TCP' }] }),
    ],
  };
  const wantAll: PodSpecInput = {
    containers: [c('w', undefined, { ports: [{ containerPort: 1, hostPort: 9000, protocol: 'TCP' }] })],
  };
  assert.equal(schedulePod(pod(wantB), [busy], ipA).ok, true);
  assert.equal(schedulePod(pod(wantAll), [busy], ipA).ok, false);
});

test('no nodes at all', () => {
  const r = failure(schedulePod(pod({ containers: [c('app')] }), []));
  assert.equal(r.message, 'no nodes available to schedule pods');
});

test('preemptionPolicy Never', () => {
  const r = failure(
    schedulePod(pod({ containers: [c('app', { cpu: '8' })], preemptionPolicy: 'Never' }), [makeNode('n')]),
  );
  assert.equal(
    r.message,
    '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..',
  );
});

test('a higher-priority pod preempts lower-priority ones (nominated, no preemption text)', () => {
  const nodes = [makeNode('n')];
  const placed = [
    on('n', { containers: [c('a', { memory: '3Gi' })], priority: 0 }, { name: 'low-a' }),
    on('n', { containers: [c('b', { memory: '3Gi' })], priority: 0 }, { name: 'low-b' }),
    on('n', { containers: [c('c', { memory: '1Gi' })], priority: 2000 }, { name: 'high' }),
  ];
  const r = failure(schedulePod(pod({ containers: [c('app', { memory: '4Gi' })], priority: 1000 }), nodes, placed));
  assert.equal(r.message, '0/1 nodes are available: 1 Insufficient memory.');
  assert.equal(r.preemption?.node, 'n');
  assert.deepEqual(
    r.preemption?.victims.map((v) => v.name),
    ['low-b'],
    'one victim is enough; the other is reprieved',
  );
});

test('a failed node carries the unreachable taint', () => {
  const n = makeNode('n', 0, { failed: true });
  assert.match(
    failure(schedulePod(pod({ containers: [c('app')] }), [n])).message,
    /1 node\(s\) had untolerated taint \{node\.kubernetes\.io\/unreachable: \}/,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Tolerations
