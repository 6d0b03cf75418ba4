import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, type NodeModel } from '../../simulator/src/cluster/nodes';
import {
  effectivePodRequest,
  firstUntoleratedTaint,
  nodeAdmits,
  schedulePod,
  toleratesTaint,
  type AssignedPod,
  type ContainerInput,
  type PodSpecInput,
} from '../../simulator/src/cluster/scheduler';

const Gi = 1024 ** 3;
const Mi = 1024 ** 2;

const c = (
  name: string,
  requests?: Record<string, string | number>,
  extra: Partial<ContainerInput> = {},
): ContainerInput => ({
  name,
  ...(requests ? { resources: { requests } } : {}),
  ...extra,
});
const pod = (spec: PodSpecInput, owner?: string) => ({ spec, ...(owner ? { owner } : {}) });
const on = (nodeName: string, spec: PodSpecInput, extra: Partial<AssignedPod> = {}): AssignedPod => ({
  nodeName,
  spec,
  ...extra,
});

function failure(result: ReturnType<typeof schedulePod>) {
  assert.equal(result.ok, false, 'expected the pod not to fit');
  if (result.ok) throw new Error('unreachable');
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// FailedScheduling messages

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
  const cordoned = makeNode('a', 0, { unschedulable: true });
  const busy = makeNode('b', 1);
  const spec: PodSpecInput = { containers: [c('web', undefined, { ports: [{ containerPort: 80, hostPort: 8080 }] })] };
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
    on('b', { containers: [c('o', undefined, { ports: [{ containerPort: 1, hostPort: 9000, hostIP: '10.0.0.1' }] })] }),
  ];
  const wantB: PodSpecInput = {
    containers: [c('w', undefined, { ports: [{ containerPort: 1, hostPort: 9000, hostIP: '10.0.0.2' }] })],
  };
  const wantAll: PodSpecInput = { containers: [c('w', undefined, { ports: [{ containerPort: 1, hostPort: 9000 }] })] };
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

test('toleration matching rules', () => {
  const taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' };
  assert.equal(toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }, taint), true);
  assert.equal(
    toleratesTaint({ key: 'dedicated', value: 'db' }, taint),
    true,
    'operator defaults to Equal, empty effect matches all',
  );
  assert.equal(toleratesTaint({ key: 'dedicated', value: 'web' }, taint), false, 'value mismatch');
  assert.equal(toleratesTaint({ key: 'dedicated', operator: 'Exists' }, taint), true, 'Exists ignores the value');
  assert.equal(toleratesTaint({ operator: 'Exists' }, taint), true, 'empty key with Exists tolerates everything');
  assert.equal(
    toleratesTaint({ operator: 'Exists', effect: 'NoExecute' }, taint),
    false,
    'effect must match when given',
  );
  assert.equal(toleratesTaint({ key: 'other', operator: 'Exists' }, taint), false);
  assert.equal(toleratesTaint({ key: 'dedicated', operator: 'Bogus' }, taint), false);
  assert.equal(
    toleratesTaint({ key: 'k', operator: 'Equal' }, { key: 'k', effect: 'NoSchedule' }),
    true,
    'empty value equals absent value',
  );
});

test('only NoSchedule and NoExecute taints filter; PreferNoSchedule only steers the choice', () => {
  const taints = [
    { key: 'soft', effect: 'PreferNoSchedule' },
    { key: 'a', value: '1', effect: 'NoExecute' },
    { key: 'b', effect: 'NoSchedule' },
  ];
  assert.deepEqual(firstUntoleratedTaint(taints, []), { key: 'a', value: '1', effect: 'NoExecute' });
  assert.deepEqual(firstUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }]), {
    key: 'b',
    effect: 'NoSchedule',
  });
  assert.equal(
    firstUntoleratedTaint(taints, [
      { key: 'a', operator: 'Exists' },
      { key: 'b', operator: 'Exists' },
    ]),
    undefined,
  );

  const soft = makeNode('a-soft', 0, { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] });
  const plain = makeNode('b-plain', 1);
  assert.equal(schedulePod(pod({ containers: [c('x')] }), [soft]).ok, true, 'PreferNoSchedule does not filter');
  const r = schedulePod(pod({ containers: [c('x')] }), [soft, plain]);
  assert.equal(r.ok && r.node, 'b-plain', 'the untainted node is preferred');
});

// ---------------------------------------------------------------------------------------------------------------
// Node affinity

test('required node affinity operators and matchFields', () => {
  const node = makeNode('node-7', 0, { labels: { zone: 'a', gen: '5', gpu: 'true' } });
  const fits = (expr: { key: string; operator: string; values?: string[] }, field = false) =>
    schedulePod(
      pod({
        containers: [c('x')],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [field ? { matchFields: [expr] } : { matchExpressions: [expr] }],
            },
          },
        },
      }),
      [node],
    ).ok;
  assert.equal(fits({ key: 'zone', operator: 'In', values: ['a', 'b'] }), true);
  assert.equal(fits({ key: 'zone', operator: 'In', values: ['b'] }), false);
  assert.equal(fits({ key: 'zone', operator: 'NotIn', values: ['b'] }), true);
  assert.equal(fits({ key: 'missing', operator: 'NotIn', values: ['b'] }), true, 'NotIn matches an absent label');
  assert.equal(fits({ key: 'gpu', operator: 'Exists' }), true);
  assert.equal(fits({ key: 'gpu', operator: 'DoesNotExist' }), false);
  assert.equal(fits({ key: 'gen', operator: 'Gt', values: ['4'] }), true);
  assert.equal(fits({ key: 'gen', operator: 'Gt', values: ['5'] }), false);
  assert.equal(fits({ key: 'gen', operator: 'Lt', values: ['6'] }), true);
  assert.equal(fits({ key: 'zone', operator: 'Gt', values: ['1'] }), false, 'non-numeric label never matches Gt');
  assert.equal(fits({ key: 'zone', operator: 'In', values: [] }), false, 'invalid requirement matches nothing');
  assert.equal(fits({ key: 'metadata.name', operator: 'In', values: ['node-7'] }, true), true);
  assert.equal(fits({ key: 'metadata.name', operator: 'NotIn', values: ['node-7'] }, true), false);
});

test('terms are ORed, expressions within a term ANDed, and nodeSelector must hold as well', () => {
  const a = makeNode('a', 0, { labels: { zone: 'a', disk: 'hdd' } });
  const b = makeNode('b', 1, { labels: { zone: 'b', disk: 'ssd' } });
  const spec: PodSpecInput = {
    containers: [c('x')],
    nodeSelector: { disk: 'ssd' },
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
            {
              matchExpressions: [
                { key: 'zone', operator: 'In', values: ['b'] },
                { key: 'disk', operator: 'Exists' },
              ],
            },
          ],
        },
      },
    },
  };
  assert.deepEqual(schedulePod(pod(spec), [a, b]), { ok: true, node: 'b', feasible: ['b'] });
});

test('matchFields metadata.name In restricts the candidates in PreFilter (DaemonSet-style pinning)', () => {
  const nodes = [
    makeNode('n1', 0),
    makeNode('n2', 1),
    makeNode('n3', 2, { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }),
  ];
  const spec: PodSpecInput = {
    containers: [c('x')],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n3'] }] }],
        },
      },
    },
  };
  assert.equal(
    failure(schedulePod(pod(spec), nodes, [], { preemption: false })).message,
    "0/3 nodes are available: 1 node(s) had untolerated taint {k: v}, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
  );
});

test('preferred node affinity steers the choice', () => {
  const nodes = [makeNode('a', 0), makeNode('b', 1, { labels: { fast: 'yes' } })];
  const spec: PodSpecInput = {
    containers: [c('x')],
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 10, preference: { matchExpressions: [{ key: 'fast', operator: 'Exists' }] } },
        ],
      },
    },
  };
  const r = schedulePod(pod(spec), nodes);
  assert.equal(r.ok && r.node, 'b');
});

// ---------------------------------------------------------------------------------------------------------------
// Choosing a node

test('replicas of one owner spread over nodes; otherwise the least allocated node wins; name breaks ties', () => {
  const nodes = [makeNode('node-a', 0), makeNode('node-b', 1), makeNode('node-c', 2)];
  const owner = 'ReplicaSet/web-5d8f7c9b6d';
  const placed: AssignedPod[] = [];
  const chosen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const r = schedulePod(pod({ containers: [c('web', { cpu: '100m' })] }, owner), nodes, placed);
    assert.ok(r.ok);
    chosen.push(r.node);
    placed.push(on(r.node, { containers: [c('web', { cpu: '100m' })] }, { owner }));
  }
  assert.deepEqual(chosen, ['node-a', 'node-b', 'node-c', 'node-a', 'node-b', 'node-c']);

  // a busy node is avoided
  const busy = [on('node-a', { containers: [c('hog', { cpu: '3', memory: '6Gi' })] })];
  const r = schedulePod(pod({ containers: [c('x')] }), nodes, busy);
  assert.equal(r.ok && r.node, 'node-b');
  // and the result is deterministic
  assert.deepEqual(schedulePod(pod({ containers: [c('x')] }), nodes, busy), r);
});

// ---------------------------------------------------------------------------------------------------------------
// Effective requests

test('effective request: regular containers summed, the largest init container wins if larger, overhead added', () => {
  const spec: PodSpecInput = {
    initContainers: [c('migrate', { cpu: '2', memory: '128Mi' }), c('warm', { cpu: '500m', memory: '1Gi' })],
    containers: [c('app', { cpu: '500m', memory: '256Mi' }), c('log', { cpu: '250m', memory: '64Mi' })],
    overhead: { cpu: '100m', memory: '10Mi' },
  };
  const r = effectivePodRequest(spec);
  assert.equal(r.cpuMillis, 2000 + 100, 'max(2000, 750) + 100');
  assert.equal(r.memoryBytes, 1 * Gi + 10 * Mi, 'max(1Gi, 320Mi) + 10Mi, per resource');
  assert.equal(r.ephemeralBytes, 0);
});

test('effective request with sidecars: sidecars add to the containers and to later init containers', () => {
  const sidecar = (name: string, req: Record<string, string>) => c(name, req, { restartPolicy: 'Always' });
  const spec: PodSpecInput = {
    initContainers: [sidecar('proxy', { cpu: '300m', memory: '100Mi' }), c('setup', { cpu: '1', memory: '50Mi' })],
    containers: [c('app', { cpu: '200m', memory: '200Mi' })],
  };
  const r = effectivePodRequest(spec);
  // containers + sidecars = 500m / 300Mi; setup runs beside the proxy: 1300m / 150Mi
  assert.equal(r.cpuMillis, 1300);
  assert.equal(r.memoryBytes, 300 * Mi);
  // a sidecar declared after the init container does not run beside it
  const later: PodSpecInput = {
    initContainers: [c('setup', { cpu: '1' }), sidecar('proxy', { cpu: '300m' })],
    containers: [c('app', { cpu: '200m' })],
  };
  assert.equal(effectivePodRequest(later).cpuMillis, 1000);
  const small: PodSpecInput = {
    initContainers: [c('setup', { cpu: '100m' }), sidecar('proxy', { cpu: '300m' })],
    containers: [c('app', { cpu: '200m' })],
  };
  assert.equal(effectivePodRequest(small).cpuMillis, 500);
});

test('effective request: quantities round up; pod-level requests replace the sum; non-zero defaults for scoring', () => {
  assert.equal(effectivePodRequest({ containers: [c('a', { cpu: '0.1' }), c('b', { cpu: 0.0005 })] }).cpuMillis, 101);
  assert.equal(effectivePodRequest({ containers: [c('a', { memory: '1.5' })] }).memoryBytes, 2);
  assert.equal(
    effectivePodRequest({ containers: [c('a', { cpu: '1' })], resources: { requests: { cpu: '3' } } }).cpuMillis,
    3000,
  );
  const nz = effectivePodRequest({ containers: [c('a'), c('b', { cpu: '1' })] }, { nonZero: true });
  assert.equal(nz.cpuMillis, 1100);
  assert.equal(nz.memoryBytes, 400 * Mi);
});

test('init containers count when fitting: a big init container blocks scheduling', () => {
  const spec: PodSpecInput = {
    initContainers: [c('load', { memory: '9Gi' })],
    containers: [c('app', { memory: '1Gi' })],
  };
  assert.match(
    failure(schedulePod(pod(spec), [makeNode('n')])).message,
    /^0\/1 nodes are available: 1 Insufficient memory\./,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// DaemonSet placement

test('nodeAdmits: selector, taints (with the DaemonSet default tolerations), cordoned nodes allowed', () => {
  const spec: PodSpecInput = { containers: [c('agent')], nodeSelector: { 'kubernetes.io/os': 'linux' } };
  assert.equal(nodeAdmits(spec, makeNode('n')), true);
  assert.equal(nodeAdmits(spec, makeNode('w', 0, { labels: { 'kubernetes.io/os': 'windows' } })), false);
  assert.equal(
    nodeAdmits(spec, makeNode('t', 0, { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] })),
    false,
  );
  assert.equal(
    nodeAdmits(
      { ...spec, tolerations: [{ operator: 'Exists' }] },
      makeNode('t', 0, { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
    ),
    true,
  );
  assert.equal(
    nodeAdmits(
      spec,
      makeNode('c', 0, {
        unschedulable: true,
        taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
      }),
    ),
    true,
  );
  const nodes: NodeModel[] = [makeNode('f', 0, { failed: true })];
  assert.equal(nodeAdmits(spec, nodes[0]!), false, 'the unreachable NoSchedule taint is not tolerated by default');
});
