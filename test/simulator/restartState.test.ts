// State that survives restarts: an emptyDir lives as long as the pod, so a script that counts its own runs in a
// file there behaves differently on each run; the container's own root filesystem is new for each instance.
// Expected values come from the Kubernetes conformance test and ../shared/kubelet-semantics.md, named per test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { present, run } from './harness';

// k/k test/e2e/common/node/runtime.go, "Container Runtime blackbox test when starting a container that exits should
// run with the expected status" [Conformance]: busybox, command ["sh", "-c", cmdScripts] with the file on an emptyDir
// (medium Memory) mounted at /restart-count; "It failed at the 1st run, then succeeded at 2nd run, then run forever".
const script = `
f=/restart-count/restartCount
count=$(echo 'hello' >> $f ; wc -l $f | awk {'print $1'})
if [ $count -eq 1 ]; then
\texit 1
fi
if [ $count -eq 2 ]; then
\texit 0
fi
while true; do sleep 1; done
`;

const conformancePod = (name: string, policy: string, cmd = script, mountPath = '/restart-count') => `
apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  restartPolicy: ${policy}
  containers:
    - name: ${name}
      image: "busybox:1.36"
      command: ["sh", "-c", ${JSON.stringify(cmd)}]
      volumeMounts:
        - { name: restart-count, mountPath: ${mountPath} }
  volumes:
    - name: restart-count
      emptyDir: { medium: Memory }
`;

// The test's table: {"terminate-cmd-rpa", Always, PodRunning, ContainerStateRunning, 2, true},
// {"terminate-cmd-rpof", OnFailure, PodSucceeded, ContainerStateTerminated, 1, false},
// {"terminate-cmd-rpn", Never, PodFailed, ContainerStateTerminated, 0, false}. It polls for 5 minutes
// (ContainerStatusRetryTimeout); the values must hold at the end of that window.
for (const [name, policy, phase, state, restartCount, ready] of [
  ['terminate-cmd-rpa', 'Always', 'Running', 'running', 2, true],
  ['terminate-cmd-rpof', 'OnFailure', 'Succeeded', 'terminated', 1, false],
  ['terminate-cmd-rpn', 'Never', 'Failed', 'terminated', 0, false],
] as const) {
  test(`runtime.go restart-count script under ${policy}: RestartCount ${restartCount}, ${phase}, Ready ${ready}`, () => {
    const r = run(conformancePod(name, policy), { until: 300, scenario: present });
    const p = r.pod(300);
    const cs = p.status.containerStatuses[0]!;
    assert.equal(cs.restartCount, restartCount);
    assert.equal(p.status.phase, phase);
    assert.equal(cs.ready, ready);
    assert.ok(cs.state[state], `state ${JSON.stringify(cs.state)}`);
    const readyCondition = p.status.conditions.find((c) => c.type === 'Ready');
    assert.equal(readyCondition?.status, ready ? 'True' : 'False');
  });
}

// kubelet-semantics.md §1.2: the first restart is immediate; back-off (10 s) first delays the restart after the
// second crash, and the restart happens at the first sync at or after finishedAt + 10 s (a pre-#133066 sync comes
// every 10–15 s after a back-off error). The runs end with exit 1, then exit 0 (Error, then Completed).
test('runtime.go script under Always: exit 1, immediate restart, exit 0, CrashLoopBackOff for 10 s, then runs (kubelet-semantics.md §1.2)', () => {
  const r = run(conformancePod('terminate-cmd-rpa', 'Always'), { until: 120, scenario: present });
  const p = r.pod(120);
  const cs = p.status.containerStatuses[0]!;
  assert.equal(cs.lastState.terminated?.exitCode, 0, 'the second run exited 0');
  assert.equal(cs.lastState.terminated?.reason, 'Completed');
  const [s1, s2, s3] = r.times('Started');
  assert.ok(s1 !== undefined && s2 !== undefined && s3 !== undefined, 'three starts');
  assert.ok(s2 - s1 <= 3, `first restart immediate (${s1} → ${s2})`);
  assert.ok(s3 - s2 >= 10 && s3 - s2 <= 17, `second restart after the 10 s back-off (${s2} → ${s3})`);
  assert.equal(r.times('BackOff').length >= 1, true, 'a BackOff event while waiting');
  assert.equal(r.times('Started').length, 3, 'no fourth start: the third run never ends');
});

// The emptyDir outlives the container but the container's root filesystem does not (k/website
// content/en/docs/concepts/storage/volumes.md: "During a crash, kubelet restarts the container with a clean state";
// "The data in an emptyDir volume is safe across container crashes"). The same script counting in /tmp (no volume)
// sees 1 on every run: under OnFailure it fails forever, a crash loop.
test('the same counter in the container root filesystem restarts from zero each run: crash loop (emptyDir docs)', () => {
  const r = run(conformancePod('counter-tmp', 'OnFailure', script.replace('/restart-count/', '/tmp/')), {
    until: 120,
    scenario: present,
  });
  const cs = r.pod(120).status.containerStatuses[0]!;
  assert.ok(cs.restartCount >= 4, `restarts ${cs.restartCount}`);
  assert.equal(cs.lastState.terminated?.exitCode, 1);
  assert.equal(r.pod(120).status.phase, 'Running');
});

// Counters written with cat and $((…)), read back with cut, and line counts from stdin: the nth run exits 0 only
// when the count reaches 3 (OnFailure: restarted after exit 1 only, ShouldContainerBeRestarted).
for (const [what, cmd] of [
  ['cat and $((…))', 'n=$(( $(cat /data/n 2>/dev/null || echo 0) + 1 )); echo $n > /data/n; [ $n -ge 3 ] || exit 1'],
  ['wc -l < file', 'echo run >> /data/runs; n=$(wc -l < /data/runs); test "$n" -eq 3 || exit 1'],
  [
    'cut -d: -f2',
    'echo "runs:$(( $(cut -d: -f2 /data/state 2>/dev/null || echo 0) + 1 ))" > /data/state; [ "$(cut -d: -f2 /data/state)" = 3 ] || exit 1',
  ],
  ['awk END{print NR}', 'echo run >> /data/log; [ "$(awk \'END{print NR}\' /data/log)" -ge 3 ] || exit 7'],
] as const) {
  test(`a counter on an emptyDir read with ${what}: two failures, then success on the third run`, () => {
    const r = run(conformancePod('counter', 'OnFailure', cmd, '/data'), { until: 200, scenario: present });
    const p = r.pod(200);
    const cs = p.status.containerStatuses[0]!;
    assert.equal(p.status.phase, 'Succeeded');
    assert.equal(cs.restartCount, 2);
    assert.equal(cs.state.terminated?.exitCode, 0);
  });
}

// Two containers share the emptyDir: what one wrote before the other starts is there when it starts.
test('an init container writes to the shared emptyDir; the app container reads it at its start', () => {
  const yaml = `
apiVersion: v1
kind: Pod
metadata: { name: shared }
spec:
  restartPolicy: Never
  initContainers:
    - { name: init, image: "busybox:1.36", command: ["sh", "-c", "echo 2 > /work/expected"], volumeMounts: [{ name: w, mountPath: /work }] }
  containers:
    - { name: app, image: "busybox:1.36", command: ["sh", "-c", "exit $(cat /in/expected)"], volumeMounts: [{ name: w, mountPath: /in }] }
  volumes:
    - { name: w, emptyDir: {} }
`;
  const r = run(yaml, { until: 60, scenario: present });
  assert.equal(r.pod(60).status.containerStatuses[0]!.state.terminated?.exitCode, 2);
});
