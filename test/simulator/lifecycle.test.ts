// Kubelet and controller behaviour beyond the worked examples, each stated from kubelet-semantics.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertTimes, columns, example, present, run } from './harness';

const initFails = (policy: string) => `
apiVersion: v1
kind: Pod
metadata: { name: init-${policy.toLowerCase()} }
spec:
  restartPolicy: ${policy}
  initContainers:
    - { name: setup, image: "busybox:1.36", command: ["sh", "-c", "sleep 1; exit 3"] }
  containers:
    - { name: app, image: "nginx:1.27" }
`;

test('init container failure with restartPolicy Never: the pod fails and the app never starts (§4)', () => {
  const r = run(initFails('Never'), { until: 60, scenario: present });
  assert.equal(r.pod(60).status.phase, 'Failed');
  assert.equal(columns(r, 60), '0/1 Init:Error 0');
  assert.deepEqual(
    r.events('Started').map((e) => e.message),
    ['Started container setup'],
  );
});

for (const policy of ['OnFailure', 'Always']) {
  test(`init container failure with restartPolicy ${policy}: restarted with back-off, Init:CrashLoopBackOff, Pending (§4)`, () => {
    const r = run(initFails(policy), { until: 120, scenario: present });
    assert.equal(r.pod(120).status.phase, 'Pending');
    assert.ok(r.events('Started').every((e) => e.message === 'Started container setup'));
    // Runs of 1 s: immediate first restart, then 10 s, 20 s, 40 s waits after each finish.
    assertTimes(r.times('Started'), [1, 3, 15, 36, 78], 1.5, 'init starts');
    assert.match(columns(r, 30), /^0\/1 Init:(CrashLoopBackOff|Error) 2/);
    assert.match(columns(r, 70), /^0\/1 Init:CrashLoopBackOff 3 \(/);
  });
}

test('a Job whose pods always fail: replacement after 10 s, 20 s, 40 s; BackoffLimitExceeded after backoffLimit+1 failures (§8)', () => {
  const r = run(example('job-backoff-limit.yaml'), { until: 300, scenario: present });
  const created = r.times('SuccessfulCreate');
  assert.equal(created.length, 4, 'backoffLimit 3 → 4 pods');
  // Each pod: starts ≈1 s after creation, exits 2 s later; the delay counts from that finish.
  const gaps = created.slice(1).map((t, i) => t - created[i]!);
  assertTimes(gaps, [13, 23, 43], 1.5, 'gaps between pod creations (3 s of pod life + 10/20/40 s back-off)');
  const failed = r.events('BackoffLimitExceeded');
  assert.equal(failed.length, 1);
  assert.equal(failed[0]!.message, 'Job has reached the specified backoff limit');
  assert.equal(failed[0]!.type, 'Warning');
  assert.ok(r.trace.pods.every((p) => p.status.phase === 'Failed'));
  assert.ok(r.trace.pods.every((p) => /^always-fails-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.name)));
});

test('a Job that succeeds: Completed event and pod Completed', () => {
  const r = run(
    `apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: pi, image: "busybox:1.36", command: ["sh", "-c", "sleep 5"] }]
`,
    { until: 60, scenario: present },
  );
  assert.equal(r.events('Completed').length, 1);
  assert.equal(r.events('Completed')[0]!.message, 'Job completed');
  assert.equal(columns(r, 60), '0/1 Completed 0');
  assert.equal(r.pod(60).status.phase, 'Succeeded');
});

test('graceful deletion: Terminating for the grace period, SIGKILL (137) for a shell loop, replacement at once (§5, §8)', () => {
  const r = run(example('deletion/web.yaml'), { until: 120, scenario: example('deletion/graceful.scenario.yaml') });
  const pods = r.trace.pods;
  assert.equal(pods.length, 3, 'two replicas plus one replacement');
  const deleted = pods.find((p) => p.deletedAt !== null)!;
  assert.equal(deleted.deletedAt, 60);
  assert.equal(r.at(75).pods.find((p) => p.name === deleted.name)!.kubectl.status, 'Terminating');
  assert.ok(
    deleted.removedAt !== null && Math.abs(deleted.removedAt - 90) <= 1,
    `removed at ≈90, got ${deleted.removedAt}`,
  );
  const replacement = pods.find((p) => p.createdAt === 60)!;
  assert.ok(replacement, 'the ReplicaSet creates a replacement at the deletion time');
  assert.equal(r.events('Killing').filter((e) => e.message === 'Stopping container web').length, 1);
  assert.equal(deleted.status.containerStatuses[0]!.state.terminated?.exitCode, 137);
  assert.equal(deleted.status.phase, 'Failed');
});

test('forced deletion: the API object disappears at once, the replacement is created at once', () => {
  const r = run(example('deletion/web.yaml'), { until: 120, scenario: example('deletion/force.scenario.yaml') });
  const deleted = r.trace.pods.find((p) => p.deletedAt !== null)!;
  assert.equal(deleted.removedAt, 60);
  assert.equal(r.at(61).pods.filter((p) => p.removedAt === null).length, 2);
  assert.ok(r.trace.pods.some((p) => p.createdAt === 60));
});

test('a Deployment pod whose process is killed is restarted in place, not replaced', () => {
  const r = run(example('deletion/web.yaml'), {
    until: 120,
    scenario: 'events: [{ at: 30s, kill: { container: web, exitCode: 1 } }]',
  });
  assert.equal(r.trace.pods.length, 2);
  assert.equal(r.trace.pods.filter((p) => p.kubectl.restarts.startsWith('1')).length, 1);
});

test('OOMKilled: 250M of memory against a 100Mi limit is killed with 137 and crash-loops', () => {
  const r = run(example('oom-killed.yaml'), { until: 120 });
  const s = r.pod(120).status.containerStatuses[0]!;
  const t = s.state.terminated ?? s.lastState.terminated;
  assert.equal(t?.reason, 'OOMKilled');
  assert.equal(t?.exitCode, 137);
  assert.ok(s.restartCount >= 2);
  assert.match(columns(r, 120), /^0\/1 (CrashLoopBackOff|OOMKilled) /);
});

test('FailedScheduling: a request larger than any node, with the scheduler message', () => {
  const r = run(example('failed-scheduling.yaml'), { until: 60 });
  assert.equal(columns(r, 60), '0/1 Pending 0');
  assert.equal(
    r.events('FailedScheduling')[0]!.message,
    '0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
  );
  const cond = r.pod(60).status.conditions.find((c) => c.type === 'PodScheduled')!;
  assert.equal(cond.status, 'False');
  assert.equal(cond.reason, 'Unschedulable');
});

test('mysql without a root password exits 1: Error, then CrashLoopBackOff', () => {
  const r = run(example('mysql-missing-password.yaml'), { until: 120 });
  assert.equal(r.pod(120).name, 'db-0');
  assert.match(columns(r, 120), /^0\/1 (CrashLoopBackOff|Error) [3-9]/);
  assert.equal(
    r.pod(120).status.containerStatuses[0]!.lastState.terminated?.exitCode ??
      r.pod(120).status.containerStatuses[0]!.state.terminated?.exitCode,
    1,
  );
});

test('image pull: a missing image gives ErrImagePull then ImagePullBackOff, retried with back-off (§1.4)', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: typo }
spec:
  containers: [{ name: app, image: "nginx:1.277" }]
`,
    { until: 120, scenario: 'cluster: { missingImages: ["nginx:1.277"] }' },
  );
  const pulls = r.times('Pulling');
  assert.ok(pulls.length >= 3);
  assert.match(columns(r, 120), /^0\/1 (ImagePullBackOff|ErrImagePull) 0$/);
  assert.ok(r.events('Failed').some((e) => e.message === 'Error: ErrImagePull'));
  assert.ok(r.events('Failed').some((e) => e.message === 'Error: ImagePullBackOff'));
  assert.ok(r.events('BackOff').some((e) => e.message === 'Back-off pulling image "nginx:1.277"'));
});

test('imagePullPolicy Never with an image that is not on the node: ErrImageNeverPull', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: local }
spec:
  containers: [{ name: app, image: "myapp:dev", imagePullPolicy: Never }]
`,
    { until: 30 },
  );
  assert.equal(columns(r, 30), '0/1 ErrImageNeverPull 0');
  assert.equal(
    r.events('ErrImageNeverPull')[0]!.message,
    'Container image "myapp:dev" is not present with pull policy of Never',
  );
});

test('StatefulSet OrderedReady: web-1 is created only once web-0 is Running and Ready', () => {
  const r = run(
    `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: web
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          readinessProbe: { httpGet: { port: 80, path: / }, periodSeconds: 5 }
`,
    { until: 60, scenario: present },
  );
  const names = r.trace.pods.map((p) => p.name);
  assert.deepEqual(names, ['web-0', 'web-1', 'web-2']);
  const created = r.trace.pods.map((p) => p.createdAt);
  assert.ok(created[1]! > created[0]! + 1 && created[2]! > created[1]! + 1, `created at ${created.join(', ')}`);
  assert.equal(r.events('SuccessfulCreate')[0]!.message, 'create Pod web-0 in StatefulSet web successful');
});

test('DaemonSet: one pod per node that admits it (taints filter)', () => {
  const r = run(
    `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: agent, image: "nginx:1.27" }]
`,
    {
      until: 30,
      scenario: `cluster:
  imagesPresent: true
  nodes:
    - { name: a }
    - { name: b }
    - { name: c, taints: [{ key: dedicated, value: db, effect: NoSchedule }] }`,
    },
  );
  assert.deepEqual(r.trace.pods.map((p) => p.node).sort(), ['a', 'b']);
});

test('startup probe gates liveness: liveness does not run until the startup probe succeeds', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: slow }
spec:
  containers:
    - name: app
      image: nginx:1.27
      command: ["sh", "-c", "sleep 40; exec nginx -g 'daemon off;'"]
      startupProbe: { httpGet: { port: 80, path: / }, periodSeconds: 10, failureThreshold: 30 }
      livenessProbe: { httpGet: { port: 80, path: / }, periodSeconds: 5, failureThreshold: 1 }
`,
    { until: 120, scenario: present },
  );
  assert.equal(r.events('Killing').length, 0, 'liveness never killed the slow starter');
  assert.ok(r.trace.probes.filter((p) => p.probe === 'liveness').every((p) => p.t > 40));
  assert.equal(columns(r, 120), '1/1 Running 0');
});

test('equal inputs give equal traces; another seed changes generated names but not the timeline', () => {
  const a = run(example('liveness-wrong-port.yaml'), { until: 200, seed: 7 });
  const b = run(example('liveness-wrong-port.yaml'), { until: 200, seed: 7 });
  const c = run(example('liveness-wrong-port.yaml'), { until: 200, seed: 8 });
  assert.equal(JSON.stringify(a.trace), JSON.stringify(b.trace));
  assert.notEqual(a.trace.pods[0]!.name, c.trace.pods[0]!.name);
  assert.deepEqual(a.times('Killing'), c.times('Killing'));
});

test('a pod that does not fit is scheduled as soon as a finished pod frees the node (not 5 minutes later)', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: first }
spec:
  restartPolicy: Never
  containers: [{ name: work, image: "busybox:1.36", command: ["sh", "-c", "sleep 30"], resources: { requests: { memory: 6Gi } } }]
---
apiVersion: v1
kind: Pod
metadata: { name: waiting }
spec:
  containers: [{ name: app, image: "nginx:1.27", resources: { requests: { memory: 4Gi } } }]
`,
    { until: 120, scenario: present },
  );
  const failed = r.events('FailedScheduling')[0]!;
  assert.equal(failed.object, 'Pod/waiting');
  assert.match(failed.message, /^0\/1 nodes are available: 1 Insufficient memory\./);
  const scheduled = r.events('Scheduled').find((e) => e.object === 'Pod/waiting')!;
  // `first` runs 30 s from ≈1 s and is Succeeded at the next sync; the scheduler retries 1 s later.
  assert.ok(scheduled.t > 30 && scheduled.t < 40, `scheduled at ${scheduled.t}`);
});
