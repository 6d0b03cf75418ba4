// Writes under securityContext (world-semantics §6 "Facts: readOnlyRootFilesystem": only the root filesystem becomes
// read-only, volumes stay writable; §2 "Facts: emptyDir": created with mode 0777; §0: read-only FS and non-root
// permission errors are the application's own, after Started → Error → CrashLoopBackOff). The shell's own words for
// a redirection it cannot open: busybox ash `can't create F: <strerror>`, status 1 (shell/ash.c openredirect,
// redirectsafe); dash `cannot create F: <strerror>`, status 2 (dash src/redir.c).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, present, run } from './harness';

function last(r: ReturnType<typeof run>, t: number, name: string) {
  const s = r.pod(t).status.containerStatuses?.find((c) => c.name === name);
  return s?.state.terminated ?? s?.lastState.terminated;
}

test('§6: a read-only root makes busybox sh refuse the redirection; an emptyDir over /tmp fixes it', () => {
  const r = run(example('read-only-root.yaml'), { until: 120, scenario: present });
  const app = last(r, 120, 'app')!;
  assert.equal(app.exitCode, 1);
  assert.equal(app.message, "sh: can't create /tmp/app.log: Read-only file system\n");
  const fixed = (r.pod(120).status.containerStatuses ?? []).find((c) => c.name === 'fixed')!;
  assert.ok(fixed.state.running !== undefined && fixed.restartCount === 0);
  assert.equal(r.pod(120).kubectl.ready, '1/2');
});

test('§6: `date >> /root/x` as uid 1000 — busybox and dash wording and status; root and emptyDir writes work', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsUser: 1000 }
  containers:
    - name: bb
      image: busybox:1.36
      command: ["sh", "-c", "date >> /root/x"]
      terminationMessagePolicy: FallbackToLogsOnError
    - name: deb
      image: debian:12
      command: ["sh", "-c", "date >> /root/x"]
      terminationMessagePolicy: FallbackToLogsOnError
    - name: ok
      image: busybox:1.36
      command: ["sh", "-c", "date >> /data/x && date >> /tmp/x && exec sleep 3600"]
      volumeMounts: [{ name: data, mountPath: /data }]
    - name: root
      image: busybox:1.36
      securityContext: { runAsUser: 0 }
      command: ["sh", "-c", "date >> /root/x && exec sleep 3600"]
  volumes:
    - name: data
      emptyDir: {}
`;
  const r = run(yaml, { until: 60, scenario: present });
  assert.deepEqual(
    [last(r, 60, 'bb')?.exitCode, last(r, 60, 'bb')?.message],
    [1, "sh: can't create /root/x: Permission denied\n"],
  );
  assert.deepEqual(
    [last(r, 60, 'deb')?.exitCode, last(r, 60, 'deb')?.message],
    [2, 'sh: 1: cannot create /root/x: Permission denied\n'],
  );
  for (const name of ['ok', 'root']) {
    const s = (r.pod(60).status.containerStatuses ?? []).find((c) => c.name === name)!;
    assert.ok(s.state.running !== undefined && s.restartCount === 0, name);
  }
});

test('certain vs unknown: an image outside the catalogue, or a hostPath, is not assumed to refuse a write', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsUser: 1000 }
  containers:
    - name: a
      image: example.com/team/tools:1
      command: ["sh", "-c", "date >> /root/x && exec sleep 3600"]
      securityContext: { readOnlyRootFilesystem: true }
    - name: b
      image: busybox:1.36
      command: ["sh", "-c", "date >> /host/x && exec sleep 3600"]
      volumeMounts: [{ name: host, mountPath: /host }]
  volumes:
    - name: host
      hostPath: { path: /var/log }
`;
  const r = run(yaml, { until: 60, scenario: present });
  assert.equal(r.pod(60).kubectl.status, 'Running');
  assert.equal(r.pod(60).kubectl.restarts, '0');
});
