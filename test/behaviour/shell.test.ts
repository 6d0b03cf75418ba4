// command/args interpreted as real shells do (image-catalog.md §0.2, §0.3, §3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandKubeVars, resolveEnv } from '../../simulator/src/behaviour/infer';
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

test('$(VAR) is expanded the Kubernetes way before the shell runs: sleep $(DELAY_START) delays the server', () => {
  const m = model({
    image: 'nginx',
    command: ['sh', '-c', 'sleep $(DELAY_START); nginx -g "daemon off;"'],
    env: [{ name: 'DELAY_START', value: '45' }],
  });
  assert.deepEqual(m.listen, [{ port: 80, afterSeconds: 45 }]);
  assert.ok(m.paths.includes('env[0].value'));
  // nginx is the last simple command: the shell execs it, so nginx is PID 1 and handles the stop signal
  assert.deepEqual(m.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
});

test('$$(VAR) escapes, unknown references stay literally, env values reference earlier ones', () => {
  assert.equal(expandKubeVars('a $(X) $$(X) $(Y) $$ $Z', { X: '1' }), 'a 1 $(X) $(Y) $ $Z');
  assert.equal(expandKubeVars('$(X', { X: '1' }), '$(X');
  const env = resolveEnv({
    env: [
      { name: 'A', value: 'x' },
      { name: 'B', value: '$(A)-$(C)' },
      { name: 'C', value: 'c' },
      { name: 'S', valueFrom: {} },
    ],
  });
  assert.deepEqual(env, { A: 'x', B: 'x-$(C)', C: 'c' });
});

test('$VAR and ${VAR:-default} inside sh -c come from the container env', () => {
  const m = model({
    image: 'busybox',
    command: ['sh', '-c', 'sleep ${WAIT:-5}; echo ready > $OUT; sleep ${NAP}m'],
    env: [
      { name: 'OUT', value: '/tmp/state' },
      { name: 'NAP', value: '2' },
    ],
  });
  assert.deepEqual(m.files, [{ at: 5, op: 'write', path: '/tmp/state', content: 'ready\n' }]);
  assert.deepEqual(m.exit, { afterSeconds: 125, code: 0 });
});

test('a value from valueFrom is unknown: noted, sleep assumed 0 s', () => {
  const m = model({
    image: 'busybox',
    command: ['sleep', '$(DELAY)'],
    env: [{ name: 'DELAY', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }],
  });
  assert.equal(m.exit?.code, 0);
  assert.ok(m.notes.some((n) => n.includes('valueFrom')));
  assert.ok(m.paths.includes('env[0].valueFrom'));
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

test('endless loops run until stopped, their file writes repeat, and PID 1 ignores SIGTERM', () => {
  const m = model({
    image: 'nginx',
    command: ['/bin/sh', '-c', 'while true; do echo $(date) >> /mnt/out; sleep 1; done'],
  });
  assert.equal(m.exit, undefined);
  assert.deepEqual(m.files, [{ at: 0, op: 'append', path: '/mnt/out', every: 1 }]);
  assert.deepEqual(m.onStop, { action: 'ignore' });
  const colon = model({ image: 'busybox', command: ['sh', '-c', 'while :; do echo tick >> /tmp/t; sleep 5; done'] });
  assert.deepEqual(colon.files, [{ at: 0, op: 'append', path: '/tmp/t', content: 'tick\n', every: 5 }]);
  const counter = model({
    image: 'busybox:1.28',
    args: ['/bin/sh', '-c', 'i=0; while true; do\n  echo "$i" >> /var/log/1.log;\n  i=$((i+1));\n  sleep 1;\ndone\n'],
  });
  assert.equal(counter.files.length, 1);
  assert.equal(counter.files[0]!.every, 1);
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', 'while true; do sleep 3600; done'] }).exit, undefined);
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', 'until false; do sleep 2; done'] }).exit, undefined);
  assert.equal(
    model({ image: 'busybox', command: ['sh', '-c', 'while true; do :; done'] }).exit,
    undefined,
    'a busy loop runs forever too',
  );
  assert.deepEqual(
    model({ image: 'busybox', command: ['sh', '-c', 'for i in 1 2 3; do sleep 10; done; exit 4'] }).exit,
    { afterSeconds: 30, code: 4 },
  );
  assert.deepEqual(
    model({ image: 'busybox', command: ['sh', '-c', 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); sleep 2; done'] }).exit,
    { afterSeconds: 6, code: 0 },
  );
});

test('tail -f /dev/null and exec tail -f: run forever, ignore SIGTERM as PID 1', () => {
  for (const command of [
    ['tail', '-f', '/dev/null'],
    ['sh', '-c', 'exec tail -f /dev/null'],
    ['sh', '-c', 'tail -F /opt/logs.txt'],
  ]) {
    const m = model({ image: 'alpine', command });
    assert.equal(m.exit, undefined, command.join(' '));
    assert.deepEqual(m.onStop, { action: 'ignore' }, command.join(' '));
  }
});

test('trap: `sleep & wait` exits at once with the trap code; a foreground sleep delays it', () => {
  const wait = model({
    image: 'ubuntu:24.04',
    command: ['bash', '-c'],
    args: ["export; trap 'exit 0' TERM; sleep 9999 & wait"],
  });
  assert.deepEqual(wait.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
  assert.deepEqual(wait.exit, { afterSeconds: 9999, code: 0 });
  const fg = model({ image: 'busybox', command: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600"] });
  assert.deepEqual(
    fg.onStop,
    { action: 'exit', code: 0, afterSeconds: 3600 },
    'the trap runs only after the 3600 s sleep: with a 30 s grace, SIGKILL comes first',
  );
  const loop = model({
    image: 'busybox',
    command: ['sh', '-c', "trap 'exit 3' SIGTERM; while true; do sleep 1; done"],
  });
  assert.deepEqual(loop.onStop, { action: 'exit', code: 3, afterSeconds: 1 });
  const ignore = model(
    { image: 'busybox', command: ['sh', '-c', "trap '' TERM; sleep 5 & wait"] },
    { shareProcessNamespace: true },
  );
  assert.deepEqual(ignore.onStop, { action: 'ignore' });
});

test('PID 1: exec and the last simple command replace the shell', () => {
  assert.deepEqual(model({ image: 'nginx', command: ['sh', '-c', 'echo hi; exec nginx -g "daemon off;"'] }).onStop, {
    action: 'exit',
    code: 0,
    afterSeconds: 0,
  });
  assert.deepEqual(
    model({ image: 'nginx', command: ['sh', '-c', 'nginx -g "daemon off;"; echo done'] }).onStop,
    { action: 'ignore' },
    'nginx is a child: the shell gets the signal',
  );
  assert.deepEqual(model({ image: 'busybox', command: ['sh', '-c', 'sleep 30'] }).onStop, { action: 'ignore' });
  assert.deepEqual(
    model({ image: 'busybox', command: ['sh', '-c', 'sleep 30'] }, { shareProcessNamespace: true }).onStop,
    { action: 'exit', code: 143, afterSeconds: 0 },
  );
  // the image's STOPSIGNAL applies to whatever runs: a shell loop in the nginx image gets SIGQUIT (default action: 131)
  assert.deepEqual(
    model({ image: 'nginx', command: ['sh', '-c', 'while true; do sleep 1; done'] }, { shareProcessNamespace: true })
      .onStop,
    { action: 'exit', code: 131, afterSeconds: 0 },
  );
  assert.deepEqual(
    model(
      { image: 'nginx', command: ['sh', '-c', 'while true; do sleep 1; done'], lifecycle: { stopSignal: 'SIGTERM' } },
      { shareProcessNamespace: true },
    ).onStop,
    { action: 'exit', code: 143, afterSeconds: 0 },
  );
});

test('servers started from a shell', () => {
  const py = model({ image: 'python:3.12', command: ['python', '-m', 'http.server', '8080'] });
  assert.deepEqual(py.listen, [{ port: 8080, afterSeconds: 0 }]);
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
  assert.deepEqual(m.listen, [{ port: 8000, afterSeconds: 0 }]);
  assert.deepEqual(m.files, [{ at: 20, op: 'touch', path: '/tmp/ready' }]);
  assert.equal(m.exit, undefined, 'wait blocks on the server');
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
  assert.deepEqual(late.listen, [{ port: 80, afterSeconds: 20 }]);
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
