// Servers started from a shell script (image-catalog.md §3): which ports they open and when, and how the
// container's life follows the script (foreground, background, daemonising).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { model } from './helpers';

test('servers started from a shell', () => {
  const py = model({ image: 'python:3.12', command: ['python', '-m', 'http.server', '8080'] });
  assert.deepEqual(py.listen, [{ port: 8080, afterSeconds: 0, bind: { program: 'python3', musl: false } }]);
  assert.equal(py.http.routes['/'], 200);
  assert.equal(py.http.defaultStatus, 404);
  assert.deepEqual(py.onStop, { action: 'ignore' }, 'python installs no SIGTERM handler');
  assert.deepEqual(
    model({ image: 'python:3.12', command: ['python3', '-m', 'http.server'] }).listen.map((l) => l.port),
    [8000],
  );
  assert.deepEqual(
    model({ image: 'python:2.7', command: ['python', '-m', 'SimpleHTTPServer', '9000'] }).listen.map((l) => l.port),
    [9000],
  );
  assert.equal(
    model({ image: 'python:3.12', command: ['python', '-m', 'SimpleHTTPServer'] }).exit?.code,
    1,
    'no such module in Python 3',
  );
  const nc = model({ image: 'busybox', command: ['sh', '-c', 'nc -l -p 8080'] });
  assert.deepEqual(
    nc.listen.map((l) => l.port),
    [8080],
  );
  assert.equal(nc.exitOnFirstConnection, 8080);
  const nck = model({ image: 'busybox', command: ['nc', '-lk', '-p', '8080'] });
  assert.equal(nck.exitOnFirstConnection, undefined);
  assert.deepEqual(
    nck.listen.map((l) => l.port),
    [8080],
  );
  assert.deepEqual(
    model({ image: 'alpine', command: ['sh', '-c', 'nc -l 9000'] }).listen.map((l) => l.port),
    [9000],
  );
  const httpd = model({ image: 'busybox', command: ['httpd', '-f', '-p', '8080', '-h', '/www'] });
  assert.deepEqual(
    httpd.listen.map((l) => l.port),
    [8080],
  );
  assert.deepEqual(
    model({ image: 'httpd:2.4', command: ['httpd-foreground'] }).listen.map((l) => l.port),
    [80],
  );
  assert.deepEqual(
    model({ image: 'redis', command: ['redis-server', '--port', '7000'] }).listen.map((l) => l.port),
    [7000],
  );
  const node = model({ image: 'node:22', command: ['node', 'server.js'], ports: [{ containerPort: 3000 }] });
  assert.deepEqual(
    node.listen.map((l) => l.port),
    [3000],
  );
  assert.ok(node.notes.some((n) => n.includes('server.js')));
  const ag = model({
    image: 'registry.k8s.io/e2e-test-images/agnhost:2.45',
    command: ['/agnhost', 'netexec', '--http-port', '8080'],
  });
  assert.deepEqual(
    ag.listen.map((l) => l.port),
    [8080],
  );
});

test('nginx without "daemon off;" forks away: the container ends at once', () => {
  assert.deepEqual(model({ image: 'nginx', command: ['nginx'] }).exit, { afterSeconds: 0, code: 0 });
  const bg = model({ image: 'nginx', command: ['sh', '-c', 'nginx; sleep 100'] });
  assert.deepEqual(
    bg.listen.map((l) => l.port),
    [80],
  );
  assert.equal(bg.exit?.afterSeconds, 100);
});

test('background servers listen while the script goes on; the container ends with the script', () => {
  const m = model({
    image: 'python:3.12',
    command: ['sh', '-c', 'python -m http.server 8000 & sleep 20; touch /tmp/ready; wait'],
  });
  // A background job's failed bind would not end the script: no binder (world-semantics §4 concerns the process).
  assert.deepEqual(m.listen, [{ port: 8000, afterSeconds: 0 }]);
  assert.deepEqual(m.files, [{ at: 20, op: 'touch', path: '/tmp/ready' }]);
  assert.equal(m.exit, undefined, 'wait blocks on the server');
});
