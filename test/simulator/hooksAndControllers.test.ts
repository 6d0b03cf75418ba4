// Hooks, termination order, CronJob, deadlines, node failure and what-if endpoints (kubelet-semantics.md §4, §5, §8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertTimes, columns, present, run } from './harness';

test('preStop runs before the stop signal and counts against the grace period; 2 s minimum after it (§5)', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  terminationGracePeriodSeconds: 10
  containers:
    - name: web
      image: nginx:1.27
      lifecycle:
        preStop: { exec: { command: ["sh", "-c", "sleep 15"] } }
`,
    { until: 60, scenario: `${present}\nevents: [{ at: 20s, delete: { pod: web } }]` },
  );
  assert.equal(r.events('Killing')[0]!.message, 'Stopping container web');
  const pod = r.pod(60);
  // preStop is cut at the 10 s grace; then nginx gets its stop signal with the 2 s minimum and exits 0 at once.
  assert.ok(pod.removedAt !== null && pod.removedAt >= 30 && pod.removedAt <= 31, `removed at ${pod.removedAt}`);
  assert.equal(pod.status.containerStatuses[0]!.state.terminated?.exitCode, 0);
  assert.equal(pod.status.phase, 'Succeeded');
});

test('a failing postStart hook kills the container: FailedPostStartHook, then restart with back-off', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: hook }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
      lifecycle:
        postStart: { exec: { command: ["sh", "-c", "exit 3"] } }
`,
    { until: 60, scenario: present },
  );
  assert.ok(r.events('FailedPostStartHook').length >= 2);
  assert.equal(r.events('FailedPostStartHook')[0]!.message, 'PostStartHook failed');
  assert.ok(r.pod(60).status.containerStatuses[0]!.restartCount >= 2);
});

test('sidecars stop after the regular containers, in reverse order, when the pod is deleted (§4)', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: sc }
spec:
  initContainers:
    - { name: proxy, image: "nginx:1.27", restartPolicy: Always }
    - { name: logs, image: "nginx:1.27", restartPolicy: Always }
  containers:
    - { name: app, image: "nginx:1.27" }
`,
    { until: 60, scenario: `${present}\nevents: [{ at: 20s, delete: { pod: sc } }]` },
  );
  const stops = r.events('Killing').map((e) => e.message);
  assert.deepEqual(stops, ['Stopping container app', 'Stopping container logs', 'Stopping container proxy']);
  const times = r.events('Killing').map((e) => e.t);
  assert.ok(times[0]! <= times[1]! && times[1]! <= times[2]!);
});

test('a readiness probe that never passes never kills: Running 0/1, no restarts', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: never-ready }
spec:
  containers:
    - name: web
      image: nginx:1.27
      readinessProbe: { httpGet: { path: /healthz, port: 80 }, periodSeconds: 5 }
`,
    { until: 120, scenario: `${present}\ncontainers: { web: { http: { /healthz: 503 } } }` },
  );
  assert.equal(columns(r, 120), '0/1 Running 0');
  assert.equal(r.events('Killing').length, 0);
  assert.match(r.events('Unhealthy')[0]!.message, /^Readiness probe failed: HTTP probe failed with statuscode: 503$/);
});

test('what-if: an endpoint that recovers makes the pod Ready; one that fails takes it out of rotation', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: flap }
spec:
  containers:
    - name: web
      image: nginx:1.27
      readinessProbe: { httpGet: { path: /healthz, port: 80 }, periodSeconds: 5 }
`,
    {
      until: 120,
      scenario: `${present}
containers: { web: { http: { /healthz: 500 } } }
events:
  - { at: 30s, http: { container: web, path: /healthz, status: 200 } }
  - { at: 80s, endpoint: { container: web, port: 80, state: fail } }`,
    },
  );
  assert.equal(columns(r, 25), '0/1 Running 0');
  assert.equal(columns(r, 60), '1/1 Running 0');
  assert.equal(columns(r, 110), '0/1 Running 0');
});

test('CronJob every minute: one Job per minute, old Jobs deleted beyond successfulJobsHistoryLimit', () => {
  const r = run(
    `apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 2
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: tick, image: "busybox:1.36", command: ["sh", "-c", "date; sleep 5"] }]
`,
    { until: 330, scenario: present },
  );
  const created = r.events('SuccessfulCreate', 'CronJob/').map((e) => e.t);
  assertTimes(created, [60, 120, 180, 240, 300], 0.01, 'jobs at each minute (t=0 is 00:00:00 UTC)');
  assert.match(r.events('SuccessfulCreate', 'CronJob/')[0]!.message, /^Created job tick-\d+$/);
  assert.ok(r.events('SuccessfulDelete', 'CronJob/').length >= 2, 'older finished jobs deleted');
  const live = r.at(330).pods.filter((p) => p.removedAt === null);
  assert.ok(live.length <= 3, `live pods: ${live.map((p) => p.name).join(', ')}`);
});

test('Job activeDeadlineSeconds: running pods are deleted and the Job fails with DeadlineExceeded', () => {
  const r = run(
    `apiVersion: batch/v1
kind: Job
metadata: { name: slow }
spec:
  activeDeadlineSeconds: 30
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: slow, image: "busybox:1.36", command: ["sh", "-c", "sleep 600"] }]
`,
    { until: 120, scenario: present },
  );
  const d = r.events('DeadlineExceeded', 'Job/');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.t, 30);
  assert.equal(d[0]!.message, 'Job was active longer than specified deadline');
  assert.ok(r.trace.pods[0]!.deletedAt === 30);
});

test('node failure: pods go not ready after ~40 s, are evicted after 300 s more and replaced on another node', () => {
  const r = run(
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      nodeSelector: {}
      containers: [{ name: web, image: "nginx:1.27" }]
`,
    {
      until: 600,
      scenario: `cluster:
  imagesPresent: true
  nodes: [{ name: a }, { name: b }]
events: [{ at: 60s, nodeFailure: { node: a } }]`,
    },
  );
  const first = r.trace.pods[0]!;
  assert.equal(first.node, 'a', 'equal nodes: the scheduler picks by name');
  assert.equal(r.pod(120, first.name).kubectl.ready, '0/1');
  assert.equal(r.pod(120, first.name).status.conditions.find((c) => c.type === 'Ready')?.status, 'False');
  assert.equal(r.events('TaintManagerEviction').length, 1);
  const replacement = r.trace.pods.find((p) => p.name !== first.name)!;
  assert.equal(replacement.node, 'b');
  assert.ok(Math.abs(replacement.createdAt - 400) <= 1, `replaced at ${replacement.createdAt}`);
  assert.equal(r.pod(600, first.name).kubectl.status, 'Terminating');
});

test('a graceful stop returns as soon as the container is gone: a process killed during the grace ends the termination then', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: stubborn }
spec:
  containers:
    - { name: app, image: "busybox:1.36", command: ["sh", "-c", "while true; do sleep 1; done"] }
`,
    {
      until: 120,
      scenario: `${present}\nevents:\n  - { at: 20s, delete: { pod: stubborn } }\n  - { at: 25s, kill: { container: app, exitCode: 137 } }`,
    },
  );
  // The shell ignores SIGTERM, so without the kill the pod would be removed at ≈50 s (30 s grace).
  const pod = r.pod(120);
  assert.equal(pod.removedAt, 25);
  assert.equal(pod.status.containerStatuses[0]!.state.terminated?.exitCode, 137);
});
