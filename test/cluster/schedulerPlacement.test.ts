// Where the scheduler places a pod (cluster/scheduler.ts): tolerations, node affinity, the choice among nodes
// that fit, and DaemonSet placement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode, type NodeModel } from '../../simulator/src/cluster/nodes';
import {
  firstUntoleratedTaint,
  nodeAdmits,
  schedulePod,
  toleratesTaint,
  type AssignedPod,
  type PodSpecInput,
} from '../../simulator/src/cluster/scheduler';
import { c, failure, on, pod } from './schedulerFixtures';

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
