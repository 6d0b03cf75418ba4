// Termination messages, as the Kubernetes node e2e tests (k/k test/e2e/common/node/runtime.go) and the kubelet
// code they exercise define them; each test names its source. Expected values come from those sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { present, run } from './harness';
import { formatDescribe } from '../../simulator/src/present/describe';

// runtime.go "when starting a container that exits … termination message" (matchTerminationMessage): busybox,
// command ["/bin/sh", "-c"], restartPolicy Never; state.terminated.message of the container once the pod is
// Succeeded/Failed. Kubelet side: kuberuntime_container.go getTerminationMessage (the file at
// terminationMessagePath) and readLastStringFromContainerLogs (FallbackToLogsOnError, non-zero exit only).
const terminationPod = (args: string, extra = '') => `
apiVersion: v1
kind: Pod
metadata: { name: termination-message }
spec:
  restartPolicy: Never
  containers:
    - name: termination-message-container
      image: "busybox:1.36"
      command: ["/bin/sh", "-c"]
      args: [${JSON.stringify(args)}]
${extra}`;

const finalMessage = (yaml: string) => {
  const r = run(yaml, { until: 30, scenario: present });
  const p = r.pod(30);
  const t = p.status.containerStatuses[0]!.state.terminated;
  assert.ok(t, 'the container is terminated');
  return { phase: p.status.phase, message: t.message ?? '' };
};

for (const [what, args, path, policy, phase, message] of [
  [
    'TerminationMessagePath is set',
    '/bin/echo -n DONE > /dev/termination-log',
    '/dev/termination-log',
    undefined,
    'Succeeded',
    'DONE',
  ],
  [
    'a non-default TerminationMessagePath',
    '/bin/echo -n DONE > /dev/termination-custom-log',
    '/dev/termination-custom-log',
    undefined,
    'Succeeded',
    'DONE',
  ],
  [
    'from log output if FallbackToLogsOnError is set (failing)',
    '/bin/echo -n DONE; /bin/false',
    '/dev/termination-log',
    'FallbackToLogsOnError',
    'Failed',
    'DONE',
  ],
  [
    'as empty when the pod succeeds with FallbackToLogsOnError',
    '/bin/echo -n DONE; /bin/true',
    '/dev/termination-log',
    'FallbackToLogsOnError',
    'Succeeded',
    '',
  ],
  [
    'from file when the pod succeeds with FallbackToLogsOnError',
    '/bin/echo -n OK > /dev/termination-log; /bin/echo DONE; /bin/true',
    '/dev/termination-log',
    'FallbackToLogsOnError',
    'Succeeded',
    'OK',
  ],
] as const) {
  test(`termination message ${what} (runtime.go)`, () => {
    const extra =
      `      terminationMessagePath: ${path}\n` + (policy ? `      terminationMessagePolicy: ${policy}\n` : '');
    assert.deepEqual(finalMessage(terminationPod(args, extra)), { phase, message });
  });
}

// Without FallbackToLogsOnError the log is never used (policy File, the default), and the log fallback keeps
// the last 80 lines (MaxContainerTerminationMessageLogLines, pkg/kubelet/container/runtime.go).
test('termination message: File policy ignores the log; the log fallback keeps the last 80 lines (kuberuntime_container.go)', () => {
  assert.deepEqual(finalMessage(terminationPod('echo failing; exit 3')), { phase: 'Failed', message: '' });
  const lines = Array.from({ length: 100 }, (_, i) => `echo l${i + 1}`).join('; ');
  const { message } = finalMessage(
    terminationPod(`${lines}; exit 1`, '      terminationMessagePolicy: FallbackToLogsOnError\n'),
  );
  const expected = Array.from({ length: 80 }, (_, i) => `l${i + 21}`).join('\n') + '\n';
  assert.equal(message, expected);
});

test('termination message: describe prints it as Message: under the terminated state (kubectl describeContainerState)', () => {
  const r = run(terminationPod('/bin/echo -n DONE > /dev/termination-log'), { until: 30, scenario: present });
  const text = formatDescribe({ pod: r.pod(30) }, 30);
  assert.match(text, /State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Message:\s+DONE\n\s+Exit Code:\s+0\n/);
});

test('explanations quote the termination message of a failed container', () => {
  const r = run(terminationPod('echo cannot read /etc/app.conf >/dev/termination-log; exit 2'), {
    until: 30,
    scenario: present,
  });
  const cs = r.pod(30).status.containerStatuses[0]!;
  assert.equal(cs.state.terminated?.message, 'cannot read /etc/app.conf\n');
  assert.match(cs.cause?.evidence ?? '', /its termination message: "cannot read \/etc\/app.conf"$/);
});
