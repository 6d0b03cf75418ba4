// command/args interpreted as real shells do (image-catalog.md §0.2, §0.3, §3): sequences, files, control flow,
// missing and unknown commands. Variables: shellEnv.test.ts; SIGTERM and PID 1: shellSignals.test.ts; servers
// started from a script: shellServers.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { model } from './helpers';

test('touch; sleep 30; rm -f; sleep 600: files at 0 and 30, exit 0 at 630, SIGTERM ignored', () => {
  const m = model({
    image: 'registry.k8s.io/busybox:1.27.2',
    args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
  });
  assert.deepEqual(m.files, [
    { at: 0, op: 'touch', path: '/tmp/healthy' },
    { at: 30, op: 'rm', path: '/tmp/healthy' },
  ]);
  assert.deepEqual(m.exit, { afterSeconds: 630, code: 0 });
  assert.deepEqual(m.onStop, { action: 'ignore' });
  assert.equal(m.source, 'command');
  assert.ok(m.paths.includes('args[2]'));
  assert.equal(m.description, 'shell: touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
});

test('sleep: suffixes, floats, sums, infinity (busybox old vs new, GNU)', () => {
  assert.equal(model({ image: 'busybox', command: ['sleep', '1h'] }).exit?.afterSeconds, 3600);
  assert.equal(model({ image: 'debian', command: ['sleep', '1m', '30s'] }).exit?.afterSeconds, 90);
  assert.equal(model({ image: 'debian', command: ['sleep', '0.5d'] }).exit?.afterSeconds, 43200);
  assert.equal(model({ image: 'debian', command: ['sleep', 'infinity'] }).exit, undefined);
  assert.equal(model({ image: 'fedora', command: ['sleep', 'inf'] }).exit, undefined);
  assert.equal(model({ image: 'busybox:1.36', command: ['sleep', 'infinity'] }).exit, undefined);
  const old = model({ image: 'registry.k8s.io/busybox:1.27.2', command: ['sleep', 'infinity'] });
  assert.equal(old.exit?.code, 1, 'busybox < 1.31 has no sleep infinity');
  assert.match(old.exit?.message ?? '', /invalid number 'infinity'/);
  assert.equal(
    model({ image: 'debian', command: ['sleep', 'abc'] }).exit?.message,
    "sleep: invalid time interval 'abc'",
  );
});

test('sequences with ; && || and exit codes', () => {
  assert.deepEqual(model({ image: 'busybox', command: ['sh', '-c', 'sleep 60; exit 88'] }).exit, {
    afterSeconds: 60,
    code: 88,
  });
  assert.deepEqual(
    model({ image: 'bash:5', command: ['bash'], args: ['-c', 'echo "Hello world!" && sleep 5 && exit 42'] }).exit,
    { afterSeconds: 5, code: 42 },
  );
  assert.deepEqual(model({ image: 'busybox', command: ['sh', '-c', 'false || exit 3'] }).exit?.code, 3);
  assert.deepEqual(model({ image: 'busybox', command: ['sh', '-c', 'false && exit 3'] }).exit?.code, 1);
  assert.deepEqual(
    model({ image: 'busybox', command: ['sh', '-ec', 'false; sleep 10'] }).exit,
    { afterSeconds: 0, code: 1 },
    'sh -e stops at the first failure',
  );
  assert.deepEqual(model({ image: 'busybox', command: ['sh', '-c', 'set -e\nfalse\nsleep 10'] }).exit, {
    afterSeconds: 0,
    code: 1,
  });
  assert.deepEqual(
    model({ image: 'busybox', command: ['sh', '-c', 'sleep 10\nsleep 5\n'] }).exit,
    { afterSeconds: 15, code: 0 },
    'newlines separate commands',
  );
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', 'echo setting up'] }).exit?.afterSeconds, 0);
});

test('files: echo > and >>, mkdir -p, cat into a file, heredoc', () => {
  const m = model({
    image: 'busybox',
    command: [
      'sh',
      '-c',
      'mkdir -p /data/x && echo "greeting=hello" > /config/app.conf; echo more >> /config/app.conf; cat /config/app.conf > /data/x/copy; cat > /data/h <<EOF\nline1\nEOF\nsleep 1',
    ],
  });
  assert.deepEqual(
    m.files.map((f) => [f.op, f.path, f.content]),
    [
      ['mkdir', '/data/x', undefined],
      ['write', '/config/app.conf', 'greeting=hello\n'],
      ['append', '/config/app.conf', 'more\n'],
      ['write', '/data/x/copy', 'greeting=hello\nmore\n'],
      ['write', '/data/h', 'line1\n'],
    ],
  );
  const term = model({
    image: 'debian',
    command: ['/bin/sh'],
    args: ['-c', 'sleep 10 && echo Sleep expired > /dev/termination-log'],
  });
  assert.deepEqual(term.files, [{ at: 10, op: 'write', path: '/dev/termination-log', content: 'Sleep expired\n' }]);
});

test('if / case / functions / command substitution', () => {
  assert.equal(
    model({
      image: 'busybox',
      command: ['sh', '-c', 'if [ "$MODE" = "fast" ]; then sleep 1; else sleep 9; fi'],
      env: [{ name: 'MODE', value: 'fast' }],
    }).exit?.afterSeconds,
    1,
  );
  assert.equal(
    model({
      image: 'busybox',
      command: ['sh', '-c', 'case "$MODE" in f*) sleep 2;; *) sleep 8;; esac'],
      env: [{ name: 'MODE', value: 'fast' }],
    }).exit?.afterSeconds,
    2,
  );
  assert.equal(
    model({ image: 'bash', command: ['bash', '-c', 'nap() { sleep $1; }; nap 3; nap 4'] }).exit?.afterSeconds,
    7,
  );
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', 'N=$(echo 12); sleep $N'] }).exit?.afterSeconds, 12);
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', 'sleep $((2 * 3 + 1))'] }).exit?.afterSeconds, 7);
  // a file the script did not create: /tmp is assumed empty, /etc (image / ConfigMap) assumed present
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', '[ -f /tmp/stop ] && exit 5; sleep 1'] }).exit?.code, 0);
  assert.equal(
    model({ image: 'busybox', command: ['sh', '-c', '[ -f /etc/config/app ] && exit 5; sleep 1'] }).exit?.code,
    5,
  );
});

test('commands the image lacks: the shell says "not found" (127)', () => {
  const m = model({ image: 'debian', command: ['sh', '-c', 'curl -s http://x/ && sleep 5'] });
  assert.deepEqual(m.exit, { afterSeconds: 0, code: 127, message: 'sh: 1: curl: not found' });
  const bb = model({ image: 'busybox', command: ['sh', '-c', 'curl http://x/'] });
  assert.equal(bb.exit?.message, 'sh: curl: not found');
});

test('unrecognised commands: a note and a sensible assumption', () => {
  const mid = model({ image: 'python:3.10-slim', command: ['sh', '-c', 'pip install foo && sleep 3'] });
  assert.deepEqual(mid.exit, { afterSeconds: 3, code: 0 });
  assert.ok(mid.notes.some((n) => n.includes('`pip` is not modelled')));
  const last = model({ image: 'busybox', command: ['/app/server', '--port=9898'], ports: [{ containerPort: 9797 }] });
  assert.equal(last.exit, undefined);
  assert.deepEqual(last.listen.map((l) => l.port).sort(), [9797, 9898]);
  assert.equal(last.source, 'unknown');
  assert.ok(last.notes.some((n) => n.includes('assumed to run until stopped')));
});

test('scenario overrides win field by field', () => {
  const m = model(
    { image: 'nginx' },
    { override: { listen: [8080], startupSeconds: 5, http: { '/healthz': 500 }, memoryMi: 300 } },
  );
  assert.equal(m.source, 'scenario');
  assert.deepEqual(m.listen, [{ port: 8080, afterSeconds: 5 }]);
  assert.equal(m.http.routes['/healthz'], 500);
  assert.equal(m.http.routes['/'], 200, 'the rest of nginx stays');
  assert.equal(m.memoryMi, 300);
  assert.deepEqual(m.onStop, { action: 'exit', code: 0, afterSeconds: 0 }, 'not overridden');
  const late = model({ image: 'nginx' }, { override: { startupSeconds: 20 } });
  assert.deepEqual(late.listen, [{ port: 80, afterSeconds: 20, bind: { program: 'nginx', musl: false } }]);
  assert.deepEqual(model({ image: 'busybox' }, { override: { exit: { afterSeconds: 30, code: 1 } } }).exit, {
    afterSeconds: 30,
    code: 1,
    message: 'scenario override',
  });
  assert.deepEqual(model({ image: 'nginx' }, { override: { ignoreSigterm: true } }).onStop, { action: 'ignore' });
  assert.deepEqual(model({ image: 'busybox', command: ['sleep', '9'] }, { override: { stopExitCode: 0 } }).onStop, {
    action: 'exit',
    code: 0,
    afterSeconds: 0,
  });
});

test('init containers waiting for a Service: only Services that exist resolve (none by default)', () => {
  const wait = {
    image: 'busybox:1.28',
    command: [
      'sh',
      '-c',
      'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done',
    ],
  };
  const never = model(wait);
  assert.equal(never.exit, undefined, 'NXDOMAIN forever: the init container never finishes');
  assert.deepEqual(model(wait, { services: ['myservice'] }).exit, { afterSeconds: 0, code: 0 });
  assert.equal(
    model({ image: 'busybox', command: ['sh', '-c', 'until nc -z db 5432; do sleep 1; done'] }).exit,
    undefined,
  );
  assert.equal(
    model({ image: 'busybox', command: ['sh', '-c', 'until nc -z db 5432; do sleep 1; done'] }, { services: ['db'] })
      .exit?.code,
    0,
  );
  assert.equal(
    model({ image: 'busybox', command: ['wget', '-O', '/work-dir/index.html', 'http://info.cern.ch'] }).exit?.code,
    0,
    'names outside the cluster resolve',
  );
  // busybox ≥ 1.29 nslookup cannot use search domains: a short name fails even when the Service exists
  assert.equal(model({ image: 'busybox:1.36', command: ['nslookup', 'kubernetes.default'] }).exit?.code, 1);
  assert.equal(model({ image: 'busybox:1.28', command: ['nslookup', 'kubernetes.default'] }).exit?.code, 0);
});

test('comparisons with unknown values assume the check passes', () => {
  const eq = 'S=$(wget -qO- http://frontend/ | head -1); if [ "$S" -eq 200 ]; then exit 0; fi; exit 1';
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', eq] }, { services: ['frontend'] }).exit?.code, 0);
  const ne = 'S=$(wget -qO- http://frontend/ | head -1); if test $S -ne 200; then exit 1; fi; sleep 3';
  assert.deepEqual(model({ image: 'busybox', command: ['sh', '-c', ne] }, { services: ['frontend'] }).exit, {
    afterSeconds: 3,
    code: 0,
  });
});
