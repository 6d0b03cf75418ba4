// A shell trap on SIGTERM during a pod's graceful deletion (issue 14 item 6). Expected values:
// - kubelet-semantics.md §5: on deletion a Normal `Killing` event "Stopping container <name>", no preStop here,
//   then the stop signal (SIGTERM) at once, and SIGKILL (137) when the grace period runs out;
// - §2.2: on deletion only the liveness and startup workers stop; readiness keeps probing every periodSeconds,
//   and an exec probe fails when the command exits non-zero (§2.3), with one Warning `Unhealthy` per failure;
//   with failureThreshold 1 the first failure sets Ready to false;
// - POSIX XCU 2.11: a trapped signal interrupts `wait` at once and the action runs (rm, then `sleep 10`, then
//   `exit 0`); exit 0 → reason Completed (§3.2); all containers exited 0 → the deleted pod ends Succeeded (§3.1,
//   "pods being deleted are moved to a terminal phase");
// - docs/image-behaviour.md rule 3: a trap that ignores the signal ('') leaves PID 1 to the SIGKILL (137).
// The pod mirrors the one Kubernetes' node e2e tests build for graceful termination (a busybox shell that
// traps SIGTERM and sleeps in `sleep & wait`), with a readiness file added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from './harness';

const present = 'cluster: { imagesPresent: true }';

function pod(script: string): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: trap }
spec:
  terminationGracePeriodSeconds: 30
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", ${JSON.stringify(script)}]
      readinessProbe:
        exec: { command: ["cat", "/tmp/ready"] }
        periodSeconds: 5
        failureThreshold: 1
`;
}

const deleteAt20 = `${present}\nevents: [{ at: 20s, delete: { pod: trap } }]`;

test('trap on SIGTERM removes the readiness file: not Ready at the next probe, still running; exit 0 after the action', () => {
  const r = run(pod("touch /tmp/ready; trap 'rm -f /tmp/ready; sleep 10; exit 0' TERM; sleep infinity & wait"), {
    until: 60,
    scenario: deleteAt20,
  });
  const before = r.pod(19).status.containerStatuses[0]!;
  assert.equal(before.ready, true, 'Ready before the deletion');
  assert.deepEqual(r.times('Killing'), [20]);
  assert.equal(r.events('Killing')[0]!.message, 'Stopping container app');
  // The first readiness probe after SIGTERM (at most one period, 5 s, later) fails: the file is gone.
  const unhealthy = r.events('Unhealthy').filter((e) => e.t >= 20);
  assert.ok(unhealthy.length >= 1, 'a readiness failure after SIGTERM');
  assert.ok(unhealthy[0]!.t > 20 && unhealthy[0]!.t <= 25, `first failure at ${unhealthy[0]!.t}`);
  assert.match(unhealthy[0]!.message, /^Readiness probe failed: cat: can't open '\/tmp\/ready': No such file/);
  const during = r.pod(unhealthy[0]!.t + 1).status.containerStatuses[0]!;
  assert.equal(during.ready, false, 'not Ready once the probe fails');
  assert.ok(during.state.running !== undefined, 'the container is still terminating (running)');
  // The action's `sleep 10` ends at 30; the container exits 0 (the runtime reaps it within a moment).
  const end = r.pod(60);
  const term = end.status.containerStatuses[0]!.state.terminated;
  assert.equal(term?.exitCode, 0);
  assert.equal(term?.reason, 'Completed');
  assert.equal(end.status.phase, 'Succeeded');
  assert.ok(end.removedAt !== null && end.removedAt >= 30 && end.removedAt < 31, `removed at ${end.removedAt}`);
});

test("trap '' TERM: the signal is ignored, SIGKILL at the end of the 30 s grace period (137)", () => {
  const r = run(pod("touch /tmp/ready; trap '' TERM; sleep infinity & wait"), { until: 90, scenario: deleteAt20 });
  const end = r.pod(90);
  assert.equal(end.status.containerStatuses[0]!.state.terminated?.exitCode, 137);
  assert.equal(end.status.phase, 'Failed');
  assert.ok(end.removedAt !== null && end.removedAt >= 50 && end.removedAt < 51, `removed at ${end.removedAt}`);
  assert.equal(r.pod(45).status.containerStatuses[0]!.ready, true, 'the file stays: still Ready while terminating');
});
