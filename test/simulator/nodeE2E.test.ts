// Pods built like the Kubernetes node end-to-end tests (k/k test/e2e/common/node/) and the kubelet code they
// exercise; each test names its source. Expected values come from those sources, not from the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columns, present, run } from './harness';

// k/k pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses: with len(pod.Spec.InitContainers) > 0 the
// default waiting state of every container not yet created is PodInitializing (generateAPIPodStatus passes
// the same flag for init and regular containers; kubelet_pods_test.go TestGenerateAPIPodStatusWithReasonCache
// expects initWaitingReason "PodInitializing" for both). kubectl printPod shows an init container waiting with
// PodInitializing as `Init:<i>/<n>`, and a regular container waiting with it as `PodInitializing`.
const withInit = `
apiVersion: v1
kind: Pod
metadata: { name: init-wait }
spec:
  restartPolicy: Never
  initContainers:
    - { name: init1, image: "busybox:1.36", command: ["sh", "-c", "sleep 5"] }
    - { name: init2, image: "busybox:1.36", command: ["sh", "-c", "sleep 5"] }
  containers:
    - { name: run1, image: "busybox:1.36", command: ["sh", "-c", "sleep 600"] }
`;

test('every container of a pod with init containers waits as PodInitializing, init containers included (kubelet_pods.go)', () => {
  const r = run(withInit, { until: 20, scenario: present });
  const s0 = r.pod(0).status;
  assert.deepEqual(
    [...s0.initContainerStatuses, ...s0.containerStatuses].map((c) => c.state.waiting?.reason),
    ['PodInitializing', 'PodInitializing', 'PodInitializing'],
  );
  assert.equal(columns(r, 0), '0/1 Init:0/2 0');
  // init1 runs (≈1–6 s): init2 still waits as PodInitializing → Init:0/2; then init2 runs → Init:1/2.
  const s3 = r.pod(3).status;
  assert.ok(s3.initContainerStatuses[0]!.state.running);
  assert.equal(s3.initContainerStatuses[1]!.state.waiting?.reason, 'PodInitializing');
  assert.equal(columns(r, 3), '0/1 Init:0/2 0');
  assert.equal(columns(r, 9), '0/1 Init:1/2 0');
  assert.ok(r.pod(20).status.containerStatuses[0]!.state.running);
});

test('a pod whose only init container is a sidecar: the app waits as PodInitializing too (kubelet_pods.go)', () => {
  const r = run(
    `
apiVersion: v1
kind: Pod
metadata: { name: sidecar-wait }
spec:
  initContainers:
    - { name: proxy, image: "nginx:1.27", restartPolicy: Always }
  containers:
    - { name: app, image: "nginx:1.27" }
`,
    { until: 10, scenario: present },
  );
  const s0 = r.pod(0).status;
  assert.equal(s0.containerStatuses[0]!.state.waiting?.reason, 'PodInitializing');
  assert.equal(s0.initContainerStatuses[0]!.state.waiting?.reason, 'PodInitializing');
});

// container_probe.go "should be ready immediately after startupProbe succeeds": the startup probe passes once
// /tmp/startup exists (written at ≈33 s), i.e. on its tick at 35 s; the readiness probe (period 30 s) must not
// wait for its next tick at 60 s. Mechanism: prober_manager.go UpdatePodStatus sends on manualTriggerCh for a
// started container whose readiness result is not Success, during the sync that the startup result change
// triggers; worker.go's run loop then probes at once.
test('readiness is probed at once when the startup probe succeeds (container_probe.go, prober_manager.go)', () => {
  const r = run(
    `
apiVersion: v1
kind: Pod
metadata: { name: startup-then-ready }
spec:
  containers:
    - name: busybox
      image: "busybox:1.36"
      command: ["/bin/sh", "-c", "echo ok >/tmp/health; sleep 32; echo ok >/tmp/startup; sleep 600"]
      readinessProbe: { exec: { command: ["/bin/cat", "/tmp/health"] }, initialDelaySeconds: 0, periodSeconds: 30 }
      startupProbe: { exec: { command: ["/bin/cat", "/tmp/startup"] }, initialDelaySeconds: 0, failureThreshold: 120, periodSeconds: 5 }
`,
    { until: 70, scenario: present },
  );
  const startedAt = r.trace.probes.find((p) => p.probe === 'startup' && p.result === 'success')?.t;
  assert.ok(
    startedAt !== undefined && startedAt >= 33 && startedAt <= 36,
    `startup success at ≈35 s, got ${startedAt}`,
  );
  const ready = r.pod(70).status.conditions.find((c) => c.type === 'Ready')!;
  assert.equal(ready.status, 'True');
  assert.ok(
    ready.lastTransitionTime - startedAt <= 1,
    `Ready at ${ready.lastTransitionTime}s, startup succeeded at ${startedAt}s`,
  );
  assert.equal(
    r.pod(startedAt - 1).status.containerStatuses[0]!.ready,
    false,
    'not ready before the startup probe passed',
  );
});

// activeDeadlineSeconds. k/k pkg/kubelet/kubelet.go getPodsToSync asks activeDeadlineHandler.ShouldSync at every
// syncTicker (1 s), so the pod is synced at its deadline; generateAPIPodStatus then reports phase Failed,
// reason DeadlineExceeded (active_deadline.go) while the containers are being stopped (`sleep` as PID 1
// ignores SIGTERM: SIGKILL after the 30 s grace, exit 137). kubectl printPod (pkg/printers/internalversion/
// printers.go) starts from status.reason and lets container reasons override it: DeadlineExceeded while the
// container still runs, then the terminated container's reason `Error` (the behaviour reported in
// kubernetes/kubernetes#105467; the kubectl change proposed in PR #105722 was closed unmerged).
test('activeDeadlineSeconds: synced at the deadline; STATUS DeadlineExceeded while stopping, then the container reason (printPod)', () => {
  const r = run(
    `
apiVersion: v1
kind: Pod
metadata: { name: deadline }
spec:
  activeDeadlineSeconds: 10
  restartPolicy: Never
  containers:
    - { name: app, image: "busybox:1.36", command: ["sh", "-c", "sleep 600"] }
`,
    { until: 60, scenario: present },
  );
  const at = r.times('DeadlineExceeded');
  assert.equal(at.length, 1);
  assert.ok(at[0]! >= 10 && at[0]! <= 11, `DeadlineExceeded at ≈10 s, got ${at[0]}`);
  const during = r.pod(20);
  assert.equal(during.status.phase, 'Failed');
  assert.equal(during.status.reason, 'DeadlineExceeded');
  assert.equal(during.kubectl.status, 'DeadlineExceeded');
  const after = r.pod(60);
  assert.equal(after.status.phase, 'Failed');
  assert.equal(after.status.containerStatuses[0]!.state.terminated?.exitCode, 137);
  assert.equal(columns(r, 60), '0/1 Error 0');
});

// container_probe.go livenessPodSpec: agnhost `liveness` (args ["liveness"]) with an httpGet liveness probe on
// 8080, initialDelaySeconds 15, failureThreshold 1. agnhost's /redirect?loc=<url> answers 302 to <url>
// (test/images/agnhost/liveness/server.go); /healthz answers 500 once the server has run 10 s.
const livenessPod = (path: string) => `
apiVersion: v1
kind: Pod
metadata: { name: liveness-redirect }
spec:
  containers:
    - name: agnhost-container
      image: registry.k8s.io/e2e-test-images/agnhost:2.53
      args: ["liveness"]
      livenessProbe: { httpGet: { path: "${path}", port: 8080 }, initialDelaySeconds: 15, failureThreshold: 1 }
`;

// "should be restarted with a local redirect http liveness probe": RedirectChecker (pkg/probe/http/http.go)
// follows a redirect to the same host, so the probe reads /healthz (500 after 10 s) and the container restarts.
test('a local redirect is followed: /redirect?loc=/healthz fails like /healthz and the container restarts (container_probe.go)', () => {
  const r = run(livenessPod('/redirect?loc=' + encodeURIComponent('/healthz')), { until: 60, scenario: present });
  assert.ok(r.pod(60).status.containerStatuses[0]!.restartCount >= 1, 'restarted at least once');
  assert.ok(
    r.events('Unhealthy').some((e) => e.message === 'Liveness probe failed: HTTP probe failed with statuscode: 500'),
  );
  assert.equal(r.events('ProbeWarning').length, 0);
});

// "should *not* be restarted with a non-local redirect http liveness probe": a redirect to another host
// (http://0.0.0.0/) ends the request with the 302 (http.ErrUseLastResponse); DoHTTPProbe returns probe.Warning
// with "Probe terminated redirects, Response body: <body>", and prober.go records a ProbeWarning event
// ("<Type> probe warning: <output>") and counts Success. The e2e test waits for an event whose message
// contains `Probe terminated redirects, Response body: <a href="http://0.0.0.0/">Found</a>.`
test('a redirect to another host counts as success with a ProbeWarning event; no restart (container_probe.go)', () => {
  const r = run(livenessPod('/redirect?loc=' + encodeURIComponent('http://0.0.0.0/')), {
    until: 120,
    scenario: present,
  });
  assert.equal(r.pod(120).status.containerStatuses[0]!.restartCount, 0);
  const warnings = r.events('ProbeWarning');
  assert.ok(warnings.length >= 1);
  assert.equal(warnings[0]!.type, 'Warning');
  assert.ok(warnings[0]!.message.startsWith('Liveness probe warning: '));
  assert.ok(
    warnings[0]!.message.includes('Probe terminated redirects, Response body: <a href="http://0.0.0.0/">Found</a>.'),
    warnings[0]!.message,
  );
  assert.equal(r.events('Unhealthy').length, 0);
  const probe = r.trace.probes.find((p) => p.probe === 'liveness');
  assert.equal(probe?.result, 'success');
  assert.match(probe?.warning ?? '', /^Probe terminated redirects/);
});

// lifecycle_hook.go "Lifecycle sleep action zero value" / "prestop hook using sleep action with zero duration":
// a pause pod with preStop sleep 0 is deleted well within its 30 s grace period (the hook returns at once and
// pause exits on SIGTERM). Accepted by the API since KEP-4818 (locked on in 1.34).
test('preStop sleep of 0 seconds: the deletion does not wait (lifecycle_hook.go)', () => {
  const r = run(
    `apiVersion: v1
kind: Pod
metadata: { name: pod-with-prestop-sleep-hook-zero-duration }
spec:
  containers:
    - name: pod-with-prestop-sleep-hook-zero-duration
      image: registry.k8s.io/pause:3.10
      lifecycle:
        preStop: { sleep: { seconds: 0 } }
`,
    {
      until: 60,
      scenario: `${present}\nevents: [{ at: 20s, delete: { pod: pod-with-prestop-sleep-hook-zero-duration } }]`,
    },
  );
  const removed = r.pod(60).removedAt;
  assert.ok(removed !== null && removed >= 20 && removed < 25, `removed at ${removed}`);
});
