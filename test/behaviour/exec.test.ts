// Exec probes and hooks: exit codes and words of the real tools (image-catalog.md §3), runtime errors (§0.6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runExec } from '../../simulator/src/behaviour/exec';
import { inferHook } from '../../simulator/src/behaviour/infer';
import type { ExecResult } from '../../simulator/src/behaviour/types';
import { BUSYBOX, DEBIAN, ctx, model } from './helpers';

function exited(r: ExecResult): { exitCode: number; output: string; seconds: number } {
  assert.equal(r.kind, 'exited', JSON.stringify(r));
  return r;
}

test('cat /tmp/healthy: 0 when present, 1 with the busybox / GNU message when not', () => {
  assert.equal(
    exited(runExec(['cat', '/tmp/healthy'], ctx({ flavour: BUSYBOX, files: { '/tmp/healthy': '' } }))).exitCode,
    0,
  );
  const missing = exited(runExec(['cat', '/tmp/healthy'], ctx({ flavour: BUSYBOX })));
  assert.equal(missing.exitCode, 1);
  assert.equal(missing.output, "cat: can't open '/tmp/healthy': No such file or directory\n");
  assert.equal(
    exited(runExec(['cat', '/tmp/healthy'], ctx({ flavour: DEBIAN }))).output,
    'cat: /tmp/healthy: No such file or directory\n',
  );
  assert.equal(exited(runExec(['cat', '/etc/msg'], ctx({ files: { '/etc/msg': 'hello\n' } }))).output, 'hello\n');
});

test('without ctx.flavour, the tool list decides the wording', () => {
  const m = model({ image: 'busybox:1.36' });
  assert.match(
    exited(runExec(['cat', '/tmp/healthy'], { ...ctx(), tools: m.tools, hasShell: m.hasShell })).output,
    /can't open/,
  );
  const d = model({ image: 'debian' });
  assert.equal(
    exited(runExec(['cat', '/tmp/healthy'], { ...ctx(), tools: d.tools, hasShell: d.hasShell })).output,
    'cat: /tmp/healthy: No such file or directory\n',
  );
});

test('the flavour comes from the model: busybox image → busybox wording', () => {
  const m = model({ image: 'registry.k8s.io/busybox:1.27.2' });
  const r = exited(
    runExec(['cat', '/tmp/healthy'], { ...ctx(), tools: m.tools, hasShell: m.hasShell, flavour: m.flavour! }),
  );
  assert.match(r.output, /can't open/);
});

test('no shell in the image: sh -c cannot start (rpc error as the kubelet logs it)', () => {
  const r = runExec(['sh', '-c', 'cat /tmp/healthy'], ctx({ hasShell: false, tools: ['hello-app'] }));
  assert.equal(r.kind, 'error');
  assert.match(
    (r as { message: string }).message,
    /^rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown$/,
  );
  const path = runExec(['/bin/grpc_health_probe', '-addr=:8080'], ctx({ hasShell: false, tools: ['server'] }));
  assert.match(
    (path as { message: string }).message,
    /exec: "\/bin\/grpc_health_probe": stat \/bin\/grpc_health_probe: no such file or directory: unknown$/,
  );
  const whole = runExec(['cat /tmp/healthy'], ctx());
  assert.equal(whole.kind, 'error', 'a whole command line in one element');
  assert.match((whole as { message: string }).message, /stat cat \/tmp\/healthy: no such file or directory/);
  assert.equal(runExec(['curl', 'localhost'], ctx({ tools: ['sh', 'cat'] })).kind, 'error', 'curl not in the image');
});

test('test -f, [ -f ], ls, && || ; !', () => {
  const c = ctx({ files: { '/tmp/a': 'x' } });
  assert.equal(exited(runExec(['test', '-f', '/tmp/a'], c)).exitCode, 0);
  assert.equal(exited(runExec(['test', '-e', '/tmp/b'], c)).exitCode, 1);
  assert.equal(exited(runExec(['sh', '-c', '[ -f /tmp/a ] && [ -e /tmp/b ] || exit 3'], c)).exitCode, 3);
  assert.equal(exited(runExec(['sh', '-c', '! test -f /tmp/b'], c)).exitCode, 0);
  assert.equal(exited(runExec(['sh', '-c', 'true; false'], c)).exitCode, 1);
  assert.equal(exited(runExec(['sh', '-c', 'exit 7'], c)).exitCode, 7);
  const gnu = exited(runExec(['ls', '/nope'], ctx({ flavour: DEBIAN })));
  assert.deepEqual([gnu.exitCode, gnu.output], [2, "ls: cannot access '/nope': No such file or directory\n"]);
  const bb = exited(runExec(['ls', '/nope'], ctx({ flavour: BUSYBOX })));
  assert.deepEqual([bb.exitCode, bb.output], [1, 'ls: /nope: No such file or directory\n']);
  assert.equal(exited(runExec(['true'], c)).exitCode, 0);
  assert.equal(exited(runExec(['false'], c)).exitCode, 1);
  assert.equal(exited(runExec(['echo', 'hi'], c)).output, 'hi\n');
});

test('grep: real content matches or not; unknown content is assumed to match', () => {
  const c = ctx({ files: { '/tmp/status': 'state: not ready\n', '/tmp/unknown': '' } });
  assert.equal(exited(runExec(['grep', '-q', 'ready', '/tmp/status'], c)).exitCode, 0);
  assert.equal(exited(runExec(['grep', '-q', '^ready', '/tmp/status'], c)).exitCode, 1);
  assert.equal(exited(runExec(['grep', 'ok', '/tmp/unknown'], c)).exitCode, 0);
  assert.equal(exited(runExec(['grep', 'ok', '/tmp/missing'], c)).exitCode, 2);
  assert.equal(exited(runExec(['sh', '-c', 'cat /tmp/status | grep -q "not ready"'], c)).exitCode, 0);
});

test('grep BRE: \\( \\| \\+ are operators, bare ( | + are literals; -E the other way round', () => {
  // GNU grep manual, "Basic vs Extended Regular Expressions": in basic regular expressions ?, +, {, |, ( and )
  // lose their special meaning; the backslashed versions \?, \+, \{, \|, \( and \) are the operators.
  const c = ctx({ files: { '/tmp/s': 'state: ready\n', '/tmp/p': 'a|b (c)\n' } });
  const code = (...argv: string[]) => exited(runExec(['grep', '-q', ...argv], c)).exitCode;
  assert.equal(code('state: \\(ready\\|up\\)', '/tmp/s'), 0);
  assert.equal(code('re\\+ady', '/tmp/s'), 0);
  assert.equal(code('a|b (c)', '/tmp/p'), 0);
  assert.equal(code('state: (ready|up)', '/tmp/s'), 1);
  assert.equal(code('-E', 'state: (ready|up)', '/tmp/s'), 0);
});

test('curl: 404 without -f is 0, with -f 22; refused is 7 (silent with -s)', () => {
  const c = ctx({ ports: { 8080: { '/healthz': 404 } } });
  assert.equal(exited(runExec(['curl', 'http://localhost:8080/healthz'], c)).exitCode, 0);
  const f = exited(runExec(['curl', '-f', 'http://127.0.0.1:8080/healthz'], c));
  assert.deepEqual([f.exitCode, f.output], [22, 'curl: (22) The requested URL returned error: 404\n']);
  const refused = exited(runExec(['curl', 'http://localhost:9090/'], c));
  assert.equal(refused.exitCode, 7);
  assert.match(refused.output, /Failed to connect to localhost port 9090/);
  assert.equal(exited(runExec(['curl', '-s', 'http://localhost:9090/'], c)).output, '');
  assert.equal(exited(runExec(['curl', '-fsS', 'localhost:8080/'], c)).exitCode, 0);
  assert.equal(exited(runExec(['sh', '-c', 'curl -sf http://localhost:8080/healthz || exit 1'], c)).exitCode, 1);
});

test('wget: busybox exits 1 on HTTP errors and refusals, GNU 8 and 4', () => {
  const c = (flavour = BUSYBOX) => ctx({ flavour, ports: { 8080: { '/healthz': 500 } } });
  const e = exited(runExec(['wget', '-q', '-O-', 'http://localhost:8080/healthz'], c()));
  assert.deepEqual([e.exitCode, e.output], [1, 'wget: server returned error: HTTP/1.1 500 Internal Server Error\n']);
  const r = exited(runExec(['wget', '-qO-', 'http://localhost:80/'], c()));
  assert.deepEqual([r.exitCode, r.output], [1, "wget: can't connect to remote host (127.0.0.1): Connection refused\n"]);
  assert.equal(exited(runExec(['wget', '--spider', '-q', 'http://localhost:8080/'], c())).exitCode, 0);
  assert.equal(exited(runExec(['wget', '-q', '--spider', 'http://localhost:8080/healthz'], c(DEBIAN))).exitCode, 8);
  assert.equal(exited(runExec(['wget', '-q', '--spider', 'http://localhost:80/'], c(DEBIAN))).exitCode, 4);
});

test('nc -z, database clients, grpc_health_probe', () => {
  const up = ctx({ ports: { 6379: 200, 5432: 200, 3306: 200, 27017: 200, 8080: 200 } });
  const down = ctx();
  assert.equal(exited(runExec(['nc', '-z', 'localhost', '6379'], up)).exitCode, 0);
  assert.equal(exited(runExec(['nc', '-z', '127.0.0.1', '6379'], down)).exitCode, 1);
  assert.deepEqual(exited(runExec(['redis-cli', 'ping'], up)).output, 'PONG\n');
  assert.equal(
    exited(runExec(['redis-cli', 'ping'], down)).output,
    'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n',
  );
  assert.equal(
    exited(runExec(['pg_isready', '-U', 'postgres'], up)).output,
    '/var/run/postgresql:5432 - accepting connections\n',
  );
  assert.equal(exited(runExec(['pg_isready', '-h', 'localhost'], down)).exitCode, 2);
  assert.equal(exited(runExec(['mysqladmin', 'ping'], up)).output, 'mysqld is alive\n');
  assert.equal(exited(runExec(['mysqladmin', 'ping', '-h', '127.0.0.1'], down)).exitCode, 1);
  const auth = ctx({ env: { MYSQL_ROOT_PASSWORD: 's3cret' }, ports: { 3306: 200 } });
  assert.equal(
    exited(runExec(['mysql', '-h', '127.0.0.1', '-e', 'SELECT 1'], auth)).exitCode,
    1,
    'root has a password: access denied',
  );
  assert.equal(
    exited(runExec(['bash', '-c', 'mysql -h127.0.0.1 -uroot -p$MYSQL_ROOT_PASSWORD -e"SELECT 1"'], auth)).exitCode,
    0,
  );
  assert.equal(exited(runExec(['mongosh', '--eval', "db.adminCommand('ping')"], up)).exitCode, 0);
  assert.equal(exited(runExec(['/bin/grpc_health_probe', '-addr=:8080'], up)).output, 'status: SERVING\n');
  assert.equal(exited(runExec(['/bin/grpc_health_probe', '-addr=:8080'], down)).exitCode, 2);
  assert.equal(
    exited(
      runExec(
        ['grpc_health_probe', '-addr=localhost:8080'],
        ctx({ ports: { 8080: 200 }, grpc: { 8080: 'NOT_SERVING' } }),
      ),
    ).exitCode,
    4,
  );
});

test('sleep takes its time (the engine compares with timeoutSeconds); unknown commands succeed with a note', () => {
  assert.equal(exited(runExec(['sleep', '5'], ctx())).seconds, 5);
  assert.equal(exited(runExec(['sh', '-c', 'sleep 2; sleep 3'], ctx())).seconds, 5);
  assert.equal(exited(runExec(['sh', '-c', 'sleep infinity'], ctx())).seconds, Infinity);
  const u = exited(runExec(['nodetool', 'status'], ctx()));
  assert.equal(u.exitCode, 0);
  assert.match(u.output, /not modelled/);
});

test('hooks: sleep, echo into a file, nginx -s quit with a killall loop', () => {
  assert.deepEqual(inferHook({ sleep: { seconds: 5 } }, { container: { name: 'n', image: 'nginx' } }).seconds, 5);
  const s = inferHook(
    { exec: { command: ['/bin/sh', '-c', 'sleep 20'] } },
    { container: { name: 'n', image: 'nginx' } },
  );
  assert.deepEqual([s.seconds, s.failed], [20, false]);
  const echo = inferHook(
    { exec: { command: ['/bin/sh', '-c', 'echo Hello from the postStart handler > /usr/share/message'] } },
    { container: { name: 'n', image: 'nginx' } },
  );
  assert.deepEqual([echo.seconds, echo.failed], [0, false]);
  // Debian nginx has no killall: the loop ends at once (127 inside the condition), nginx quits gracefully
  const deb = inferHook(
    { exec: { command: ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'] } },
    { container: { name: 'n', image: 'nginx' } },
  );
  assert.equal(deb.failed, false);
  assert.equal(deb.seconds, 0);
  assert.deepEqual(deb.stopsMain, { afterSeconds: 0.5, code: 0 });
  // Alpine nginx has busybox killall: the loop waits until nginx has gone
  const alp = inferHook(
    { exec: { command: ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'] } },
    { container: { name: 'n', image: 'nginx:alpine' } },
  );
  assert.equal(alp.seconds, 1);
  const fail = inferHook({ exec: { command: ['sh', '-c', 'exit 2'] } }, { container: { name: 'n', image: 'busybox' } });
  assert.equal(fail.failed, true);
  const noShell = inferHook(
    { exec: { command: ['sh', '-c', 'true'] } },
    { container: { name: 'h', image: 'gcr.io/google-samples/hello-app:1.0' } },
  );
  assert.equal(noShell.failed, true);
  assert.match(noShell.message, /executable file not found/);
  const http = inferHook(
    { httpGet: { path: '/shutdown', port: 8080 } },
    { container: { name: 'n' }, context: ctx({ ports: { 8080: { '/shutdown': 500 } } }) },
  );
  assert.equal(http.failed, true);
  const named = inferHook(
    { tcpSocket: { port: 'web' } },
    { container: { name: 'n', ports: [{ containerPort: 80, name: 'web' }] }, context: ctx({ ports: { 80: 200 } }) },
  );
  assert.equal(named.failed, false);
});
