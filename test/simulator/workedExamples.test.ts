// The worked timelines of kubelet-semantics.md ("Worked example timelines"), asserted event by event.
// Shared assumptions there: images already present, the first container starts at ≈1 s, PLEG ≤ 1 s,
// default gates, pre-1.35 requeue rules, nominal (jitter-free) times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertTimes, columns, run } from './harness';

const deployment = (port: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: hello }
spec:
  replicas: 1
  selector: { matchLabels: { app: hello } }
  template:
    metadata: { labels: { app: hello } }
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.0
          ports: [{ containerPort: 8080 }]
          livenessProbe:
            tcpSocket: { port: ${port} }
            initialDelaySeconds: 10
            periodSeconds: 5
`;

test('(a1) liveness on the wrong port, app exits promptly on SIGTERM: kills, restarts and CrashLoopBackOff windows', () => {
  const r = run(deployment(8081), {
    until: 300,
    scenario: 'cluster: { imagesPresent: true }\ncontainers: { app: { listen: [8080], stopExitCode: 143 } }',
  });
  assertTimes(r.times('Killing'), [25, 50, 75, 100, 125, 190, 295], 1, 'kills');
  assertTimes(r.times('Started'), [1, 25, 50, 75, 100, 166, 271], 1.5, 'starts');
  for (const e of r.events('Killing'))
    assert.equal(e.message, 'Container app failed liveness probe, will be restarted');
  // CrashLoopBackOff shown from ≈126–166, ≈191–271, and from ≈296 on.
  for (const t of [130, 160, 195, 265, 298]) assert.match(columns(r, t), /^0\/1 CrashLoopBackOff /, `t=${t}`);
  for (const t of [20, 60, 110, 170, 280]) assert.match(columns(r, t), /^1\/1 Running /, `t=${t}`);
  assert.equal(columns(r, 300), '0/1 CrashLoopBackOff 6 (4s ago)');
  assert.equal(r.pod(300).kubectl.age, '5m');
  assert.equal(r.pod(300).status.phase, 'Running');
  const last = r.pod(300).status.containerStatuses[0]!;
  assert.equal(last.lastState.terminated?.exitCode, 143);
  assert.match(last.state.waiting?.message ?? '', /^back-off 2m40s restarting failed container=app pod=hello-/);
  // Unhealthy: one per failed probe, 21 by 295 s; the ReplicaSet never replaces the pod.
  assert.equal(r.events('Unhealthy').length, 21);
  assert.match(
    r.events('Unhealthy')[0]!.message,
    /^Liveness probe failed: dial tcp 10\.244\.0\.\d+:8081: connect: connection refused$/,
  );
  assert.equal(r.trace.pods.length, 1);
  assert.ok(r.events('BackOff').length >= 3, 'BackOff events during the waits');
});

test('(a2) the app ignores SIGTERM: every kill waits the 30 s grace, ends in 137, and no CrashLoopBackOff within 5 min', () => {
  const r = run(deployment(8081), {
    until: 300,
    scenario: 'cluster: { imagesPresent: true }\ncontainers: { app: { listen: [8080], ignoreSigterm: true } }',
  });
  assertTimes(r.times('Killing'), [25, 80, 135, 190, 245, 300], 1, 'kills');
  assertTimes(r.times('Started'), [1, 55, 110, 165, 220, 275], 1.5, 'starts');
  assert.equal(r.events('BackOff').length, 0);
  assert.equal(columns(r, 40), '1/1 Running 0', 'during the kill the status still shows Running 1/1');
  assert.match(columns(r, 300), /^1\/1 Running 5 /);
  assert.equal(r.pod(300).status.containerStatuses[0]!.lastState.terminated?.exitCode, 137);
});

test('(b) restartPolicy OnFailure, exit 1 two seconds after each start: starts at 1, 4, 17, 40, 83, 166, 329', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: crasher }
spec:
  restartPolicy: OnFailure
  containers:
    - name: c
      image: busybox:1.36
      command: ["sh", "-c", "sleep 2; exit 1"]
`,
    { until: 600, scenario: 'cluster: { imagesPresent: true }' },
  );
  assertTimes(r.times('Started'), [1, 4, 17, 40, 83, 166, 329], 1, 'starts');
  assert.equal(r.pod(600).status.phase, 'Running');
  assert.match(columns(r, 600), /^0\/1 CrashLoopBackOff 6 \(/);
  assert.equal(columns(r, 2), '1/1 Running 0');
  // Between the crash and the sync that refuses the restart the status is Error, then CrashLoopBackOff.
  assert.match(columns(r, 25), /^0\/1 Error 2 /);
  assert.match(columns(r, 35), /^0\/1 CrashLoopBackOff 2 /);
  assert.equal(r.events('Killing').length, 0);
  assert.equal(r.events('Unhealthy').length, 0);
  assert.ok(
    r
      .events('BackOff')
      .every((e) => /^Back-off restarting failed container c in pod crasher_default\(/.test(e.message)),
  );
});

test('(b) with the 1.35 kubelet the restart comes right at the back-off expiry', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: crasher }
spec:
  restartPolicy: OnFailure
  containers: [{ name: c, image: "busybox:1.36", command: ["sh", "-c", "sleep 2; exit 1"] }]
`,
    { until: 200, scenario: "cluster: { imagesPresent: true }\nkubelet: { version: '1.35' }" },
  );
  assertTimes(r.times('Started'), [1, 4, 16, 38, 80, 162], 1, 'starts');
});
