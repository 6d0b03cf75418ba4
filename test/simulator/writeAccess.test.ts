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

test('§6: touch, mkdir, cp and tee as uid 1000 in /root fail in the tool’s own words, exit 1; /tmp works', () => {
  // GNU coreutils: touch.c "cannot touch %s", mkdir.c "cannot create directory %s", copy.c "cannot create regular
  // file %s", tee.c "%s" (quotef); busybox: touch.c bb_simple_perror_msg(file), libbb/make_directory.c "can't
  // create directory '%s'", libbb/copy_file.c "can't create '%s'", tee.c bb_simple_perror_msg(file). strerror(13).
  const cases: [string, string, string][] = [
    ['touch /root/x', 'touch: /root/x: Permission denied\n', "touch: cannot touch '/root/x': Permission denied\n"],
    [
      'mkdir /root/d',
      "mkdir: can't create directory '/root/d': Permission denied\n",
      "mkdir: cannot create directory '/root/d': Permission denied\n",
    ],
    [
      'cp /etc/hostname /root/',
      "cp: can't create '/root/hostname': Permission denied\n",
      "cp: cannot create regular file '/root/hostname': Permission denied\n",
    ],
    ['echo hi | tee /root/x', 'hi\ntee: /root/x: Permission denied\n', 'hi\ntee: /root/x: Permission denied\n'],
  ];
  const containers = cases.flatMap(([cmd], i) =>
    ['busybox:1.36', 'debian:12'].map(
      (image, j) => `    - name: c${i}-${j}
      image: ${image}
      command: ["sh", "-c", "${cmd} && exec sleep 3600"]
      terminationMessagePolicy: FallbackToLogsOnError`,
    ),
  );
  const yaml = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsUser: 1000 }
  containers:
${containers.join('\n')}
    - name: ok
      image: busybox:1.36
      command: ["sh", "-c", "touch /tmp/x && mkdir -p /tmp/d && cp /etc/hostname /tmp/d/ && echo hi | tee /tmp/y && exec sleep 3600"]
`;
  const r = run(yaml, { until: 60, scenario: present });
  cases.forEach(([cmd, busybox, gnu], i) => {
    for (const [j, text] of [busybox, gnu].entries()) {
      const t = last(r, 60, `c${i}-${j}`);
      assert.deepEqual([t?.exitCode, t?.message], [1, text], `${cmd} in ${j === 0 ? 'busybox' : 'debian'}`);
    }
  });
  const ok = (r.pod(60).status.containerStatuses ?? []).find((c) => c.name === 'ok')!;
  assert.ok(ok.state.running !== undefined && ok.restartCount === 0);
});

test('§6: groups decide on a group-writable image directory — runAsGroup, the root primary group, fsGroup', () => {
  // nginx-unprivileged's /var/cache/nginx is owned by 101, group 0, mode 775 (world-semantics §6, its Dockerfile).
  // "If this field [runAsGroup] is omitted, the primary group ID of the containers will be root(0)"; with fsGroup
  // "all processes of the container are also part of the supplementary group ID" (security-context.md).
  const yaml = (podSec: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: ${podSec}
  containers:
    - name: c
      image: nginxinc/nginx-unprivileged:1.27
      command: ["sh", "-c", "touch /var/cache/nginx/x && exec sleep 3600"]
      terminationMessagePolicy: FallbackToLogsOnError
`;
  const outcome = (podSec: string) => {
    const r = run(yaml(podSec), { until: 60, scenario: present });
    const s = r.pod(60).status.containerStatuses?.[0];
    return s?.state.running !== undefined && s.restartCount === 0 ? 'runs' : last(r, 60, 'c')?.message;
  };
  assert.equal(
    outcome('{ runAsUser: 1000, runAsGroup: 3000 }'),
    "touch: cannot touch '/var/cache/nginx/x': Permission denied\n",
  );
  assert.equal(outcome('{ runAsUser: 1000 }'), 'runs', 'primary group root (0) has the group bits');
  assert.equal(
    outcome('{ runAsUser: 1000, runAsGroup: 3000, fsGroup: 0 }'),
    'runs',
    'fsGroup 0 is a supplementary group',
  );
  assert.equal(outcome('{ runAsUser: 101, runAsGroup: 3000 }'), 'runs', 'the owner has the user bits');
});
