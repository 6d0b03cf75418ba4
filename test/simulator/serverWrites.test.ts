// Servers that write at startup, under securityContext (world-semantics §6 "Facts: readOnlyRootFilesystem" table and
// "Facts: nginx as a non-root user"): stock nginx makes /var/cache/nginx/client_temp first (ngx_create_paths) and
// exits 1 — `mkdir() … failed (30: Read-only file system)` on a read-only root, `(13: Permission denied)` as uid
// 101 after the `user` directive warning; the fix is an emptyDir at /var/cache/nginx and at the pid directory
// (/var/run, a symlink to /run). nginx-unprivileged keeps pid and temp paths in /tmp. httpd cannot create its pid
// file under /usr/local/apache2/logs (AH00099, then AH00100, exit 1). Exit 1 → Error → CrashLoopBackOff (§0).
// FallbackToLogsOnError makes the log's tail the termination message (kubelet-semantics §0).
// The pid path moved from /var/run/nginx.pid to /run/nginx.pid in nginx 1.27.5 (nginx/pkg-oss#26, cited by
// nginx/docker-nginx-unprivileged#303); its open() error format is nginx's own (docker-nginx issue #95:
// `nginx: [emerg] open() "/var/run/nginx.pid" failed (13: Permission denied)`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, present, run } from './harness';

const USER_WARNING =
  'nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2';

function pod(opts: { image: string; podSec?: string; ctrSec?: string; mounts?: string[]; args?: string }): string {
  const mounts = opts.mounts ?? [];
  return `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  ${opts.podSec !== undefined ? `securityContext: ${opts.podSec}` : ''}
  containers:
    - name: web
      image: ${opts.image}
      terminationMessagePolicy: FallbackToLogsOnError
      ${opts.args !== undefined ? `args: ${opts.args}` : ''}
      ${opts.ctrSec !== undefined ? `securityContext: ${opts.ctrSec}` : ''}
      ${mounts.length > 0 ? `volumeMounts: [${mounts.map((m, i) => `{ name: v${i}, mountPath: "${m}" }`).join(', ')}]` : ''}
  ${mounts.length > 0 ? `volumes: [${mounts.map((_, i) => `{ name: v${i}, emptyDir: {} }`).join(', ')}]` : ''}
`;
}

function outcome(yaml: string) {
  const r = run(yaml, { until: 120, scenario: present });
  const s = r.pod(120).status.containerStatuses?.[0];
  assert.ok(s !== undefined);
  const t = s.state.terminated ?? s.lastState.terminated;
  return { running: s.state.running !== undefined && s.restartCount === 0, reason: s.state.waiting?.reason, t };
}

const RO = '{ readOnlyRootFilesystem: true }';

test('§6: stock nginx on a read-only root fails creating client_temp (30), exit 1, CrashLoopBackOff', () => {
  const o = outcome(pod({ image: 'nginx:1.27.4', ctrSec: RO }));
  assert.equal(o.t?.exitCode, 1);
  assert.equal(o.t?.reason, 'Error');
  assert.equal(o.reason, 'CrashLoopBackOff');
  assert.equal(
    o.t?.message?.trim(),
    'nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)',
  );
});

test('§6: the documented fix — emptyDirs at /var/cache/nginx and /var/run — keeps nginx running on a read-only root', () => {
  assert.ok(outcome(pod({ image: 'nginx:1.27.4', ctrSec: RO, mounts: ['/var/cache/nginx', '/var/run'] })).running);
  // /var/run is a symlink to /run: a mount at either name covers the pid file of 1.27.5+ too.
  assert.ok(outcome(pod({ image: 'nginx:1.29', ctrSec: RO, mounts: ['/var/cache/nginx', '/var/run'] })).running);
  assert.ok(outcome(pod({ image: 'nginx:1.29', ctrSec: RO, mounts: ['/var/cache/nginx', '/run'] })).running);
});

test('nginx source: with only the cache covered, the pid file fails next — /var/run before 1.27.5, /run after', () => {
  assert.equal(
    outcome(pod({ image: 'nginx:1.25.3', ctrSec: RO, mounts: ['/var/cache/nginx'] })).t?.message?.trim(),
    'nginx: [emerg] open() "/var/run/nginx.pid" failed (30: Read-only file system)',
  );
  assert.equal(
    outcome(pod({ image: 'nginx:1.27.5', ctrSec: RO, mounts: ['/var/cache/nginx'] })).t?.message?.trim(),
    'nginx: [emerg] open() "/run/nginx.pid" failed (30: Read-only file system)',
  );
});

test('§6: stock nginx as uid 101 warns about `user`, then mkdir() fails with 13: Permission denied', () => {
  const o = outcome(pod({ image: 'nginx:1.27', podSec: '{ runAsUser: 101 }' }));
  assert.equal(o.t?.exitCode, 1);
  assert.equal(
    o.t?.message?.trim(),
    `${USER_WARNING}\nnginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)`,
  );
  // As root (the image's default) nothing is refused.
  assert.ok(outcome(pod({ image: 'nginx:1.27' })).running);
});

test('§6: nginx-unprivileged runs as its own user; on a read-only root it needs an emptyDir at /tmp', () => {
  assert.ok(outcome(pod({ image: 'nginxinc/nginx-unprivileged:1.27' })).running);
  const ro = outcome(pod({ image: 'nginxinc/nginx-unprivileged:1.27', ctrSec: RO }));
  assert.equal(ro.t?.message?.trim(), 'nginx: [emerg] mkdir() "/tmp/client_temp" failed (30: Read-only file system)');
  assert.ok(outcome(pod({ image: 'nginxinc/nginx-unprivileged:1.27', ctrSec: RO, mounts: ['/tmp'] })).running);
});

test('§6: httpd on a read-only root cannot log its pid (AH00099, AH00100), exit 1; an emptyDir at logs/ fixes it', () => {
  const o = outcome(pod({ image: 'httpd:2.4', ctrSec: RO }));
  assert.equal(o.t?.exitCode, 1);
  const lines = (o.t?.message ?? '').trim().split('\n');
  assert.match(
    lines[0] ?? '',
    /^\[core:error\] \[pid 1:tid 1\] \(30\)Read-only file system: AH00099: could not create \/usr\/local\/apache2\/logs\/httpd\.pid\.\w{6}$/,
  );
  assert.equal(
    lines[1],
    '[core:error] [pid 1:tid 1] AH00100: httpd: could not log pid to file /usr/local/apache2/logs/httpd.pid',
  );
  assert.ok(outcome(pod({ image: 'httpd:2.4', ctrSec: RO, mounts: ['/usr/local/apache2/logs'] })).running);
  // As non-root the owner of logs/ is not in the references: not judged.
  assert.ok(outcome(pod({ image: 'httpd:2.4', podSec: '{ runAsUser: 1000 }' })).running);
});

test('certain vs unknown: a configuration of its own, or an nginx outside the stock layout, is not judged', () => {
  // `-c` names a configuration the model cannot read: its paths may all be writable.
  assert.ok(
    outcome(
      pod({ image: 'nginx:1.27', ctrSec: RO, args: '["nginx", "-c", "/config/nginx.conf", "-g", "daemon off;"]' }),
    ).running,
  );
  assert.ok(outcome(pod({ image: 'registry.k8s.io/nginx-slim:0.27', ctrSec: RO })).running);
});

test('examples/nginx-hardened.yaml: uid 101 on a read-only root crash-loops; emptyDirs at the cache and /var/run fix it', () => {
  const r = run(example('nginx-hardened.yaml'), { until: 180, scenario: present });
  const broken = r.pod(180, 'broken').status.containerStatuses?.[0];
  assert.equal(broken?.state.waiting?.reason, 'CrashLoopBackOff');
  assert.equal(
    broken?.lastState.terminated?.message?.trim(),
    `${USER_WARNING}\nnginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)`,
  );
  const fixed = r.pod(180, 'fixed').status.containerStatuses?.[0];
  assert.ok(fixed?.state.running !== undefined && fixed.restartCount === 0);
});
