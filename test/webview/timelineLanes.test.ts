// The timeline's overview (client/webview/model/workloads.ts): pods grouped by workload, one lane per pod (a Job's
// attempts, a ReplicaSet's replacements), workload summary rows, and the pod selected first. Expected values come
// from /work/shared/kubelet-semantics.md §8 (Job pod-failure back-off 10 s × 2^(n−1) from the last failed pod's
// finish; the Job fails with condition reason BackoffLimitExceeded when failed pods > backoffLimit; a
// crash-looping Deployment pod stays Running and is not replaced) and from the manifests' own fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import type { PanelSimulation } from '../../client/src/panel/protocol';
import { m, pod } from './renderFixtures';
import * as workloads from '../../client/webview/model/workloads';

const root = join(__dirname, '..', '..');

function run(yaml: string, until: number): PanelSimulation {
  const manifest = loadManifest(yaml);
  const result = simulate(manifest.objects, { until, seed: 1, services: manifest.services });
  return m.panelModel.panelSimulation('t.yaml', result, []);
}

test('a failing Job: one lane per attempt, back-off gaps of 10 s, 20 s, 40 s, then Failed: BackoffLimitExceeded', () => {
  // examples/job-backoff-limit.yaml: backoffLimit 3, restartPolicy Never, every pod exits 1 after ~2 s.
  const sim = run(readFileSync(join(root, 'examples', 'job-backoff-limit.yaml'), 'utf8'), 600);
  const [group, ...rest] = workloads.workloadGroups(sim);
  assert.equal(rest.length, 0);
  assert.ok(group);
  assert.equal(group.workload.object, 'Job/always-fails');
  // Failed pods > backoffLimit (3) → 4 attempts.
  assert.deepEqual(
    group.lanes.map((l) => l.attempt),
    [1, 2, 3, 4],
  );
  const gaps = group.lanes.slice(1).map((l) => (l.gap ? Math.round((l.gap.to - l.gap.from) * 10) / 10 : null));
  assert.deepEqual(gaps, [10, 20, 40]);
  for (const lane of group.lanes) {
    assert.equal(lane.segments[lane.segments.length - 1]?.kind, 'failed', `${lane.pod.name} ends Failed`);
    assert.ok(
      lane.marks.some((mk) => mk.kind === 'exit' && mk.exit === 'error'),
      'its container exits with an error',
    );
  }
  const before = workloads.workloadSummary(sim, group, group.lanes[1]!.pod.createdAt);
  assert.equal(before.condition, undefined);
  assert.equal(before.tone, 'bad', 'a failed attempt already');
  const after = workloads.workloadSummary(sim, group, 600);
  assert.equal(after.condition?.type, 'Failed');
  assert.equal(after.condition?.reason, 'BackoffLimitExceeded');
  assert.equal(after.condition?.message, 'Job has reached the specified backoff limit');
  assert.equal(after.tone, 'bad');
  assert.match(
    after.text,
    /^Failed: BackoffLimitExceeded at .* · 0 active · 0\/1 succeeded · 4 failed · backoffLimit 3$/,
  );
});

test('a Job that succeeds: Complete, 1/1 succeeded, one attempt, no gap', () => {
  const sim = run(
    `apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - { name: task, image: busybox:1.36, command: ["sh", "-c", "sleep 3; exit 0"] }
`,
    120,
  );
  const group = workloads.workloadGroups(sim)[0]!;
  assert.equal(group.lanes.length, 1);
  assert.equal(group.lanes[0]?.gap, undefined);
  const s = workloads.workloadSummary(sim, group, 120);
  assert.equal(s.condition?.type, 'Complete');
  assert.equal(s.condition?.reason, undefined);
  assert.equal(s.tone, 'good');
  assert.match(
    s.text,
    /^Complete at .* · 0 active · 1\/1 succeeded · 0 failed · backoffLimit 6$/,
    'backoffLimit defaults to 6',
  );
});

test('a healthy redis and a crash-looping web: ready replicas per Deployment, web selected first, the CodeLens picks its document', () => {
  const sim = run(readFileSync(join(root, 'test', 'fixtures', 'redis-and-web.yaml'), 'utf8'), 300);
  const groups = workloads.workloadGroups(sim);
  assert.deepEqual(
    groups.map((g) => [g.workload.object, g.lanes.length]),
    [
      ['Deployment/redis', 1],
      ['Deployment/web', 2], // a crash-looping pod stays Running and is not replaced
    ],
  );
  const [redis, web] = groups.map((g) => workloads.workloadSummary(sim, g, 300));
  assert.deepEqual([redis?.text, redis?.tone], ['1/1 ready', 'good']);
  assert.deepEqual([web?.text, web?.tone], ['0/2 ready', 'bad']);
  assert.ok(groups[1]!.lanes.every((l) => l.segments.some((s) => s.kind === 'backoff')));
  const selected = m.pods.chooseSelection(sim, null, 0);
  assert.ok(selected?.startsWith('web-'), `selected ${selected}`);
  assert.ok(m.pods.podOfDocument(sim, 0)?.startsWith('redis-'));
  assert.ok(m.pods.podOfDocument(sim, 1)?.startsWith('web-'));
  assert.equal(m.pods.podOfDocument(sim, 7), null);
});

test('pod states come from the typed status: phase, container waiting reasons, the Ready condition', () => {
  const p = pod('p', { deletedAt: 30 });
  const base = { phase: 'Running' as const, conditions: [], initContainerStatuses: [], containerStatuses: [] };
  const waiting = (reason: string) => ({
    name: 'c',
    ready: false,
    restartCount: 1,
    image: 'i',
    imageID: '',
    started: false,
    state: { waiting: { reason } },
    lastState: {},
  });
  assert.equal(workloads.podStateKind(p, null, 0), 'waiting');
  assert.equal(workloads.podStateKind(p, { ...base, phase: 'Succeeded' }, 40), 'completed');
  assert.equal(workloads.podStateKind(p, { ...base, phase: 'Failed' }, 40), 'failed');
  assert.equal(workloads.podStateKind(p, base, 31), 'terminating');
  assert.equal(workloads.podStateKind(p, { ...base, containerStatuses: [waiting('CrashLoopBackOff')] }, 5), 'backoff');
  assert.equal(workloads.podStateKind(p, { ...base, containerStatuses: [waiting('ContainerCreating')] }, 5), 'waiting');
  assert.equal(
    workloads.podStateKind(
      p,
      { ...base, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: 1 }] } as never,
      5,
    ),
    'ready',
  );
});
