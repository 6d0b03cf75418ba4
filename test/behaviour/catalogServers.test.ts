// What server, database and test images do (image-catalog.md §1, §4): databases that need their env, entrypoints
// that pass flags to the server, the catalogue's servers, agnhost's subcommands, stress and perl. Split from
// catalog.test.ts (shells, nginx, hello-app, unknown images).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { model } from './helpers';

test('databases: exit 1 without the required env, listen late with it', () => {
  const mysql = model({ image: 'mysql:8.4' });
  assert.equal(mysql.exit?.code, 1);
  assert.match(mysql.exit?.message ?? '', /Database is uninitialized and password option is not specified/);
  assert.deepEqual(mysql.listen, []);
  for (const name of ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD']) {
    const ok = model({ image: 'mysql:8.4', env: [{ name, value: 'yes' }] });
    assert.equal(ok.exit, undefined, name);
    assert.ok(
      ok.listen.some((l) => l.port === 3306 && l.afterSeconds >= 10),
      name,
    );
    assert.ok(ok.memoryMi >= 300);
  }
  const fromSecret = model({
    image: 'mysql',
    env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
  });
  assert.equal(fromSecret.exit, undefined, 'a password from a Secret counts as set');
  assert.equal(model({ image: 'postgres:16' }).exit?.code, 1);
  assert.equal(
    model({ image: 'postgres:16', env: [{ name: 'POSTGRES_HOST_AUTH_METHOD', value: 'trust' }] }).exit,
    undefined,
  );
  const pg = model({ image: 'postgres:16', env: [{ name: 'POSTGRES_PASSWORD', value: 'x' }] });
  assert.ok(pg.listen[0]!.port === 5432 && pg.listen[0]!.afterSeconds > 1);
  assert.equal(pg.stopSignal, 'SIGINT');
  assert.equal(model({ image: 'mariadb' }).exit?.code, 1);
  assert.equal(
    model({ image: 'mariadb', env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'x' }] }).exit,
    undefined,
    'MYSQL_* twins are accepted',
  );
  assert.equal(model({ image: 'mongo' }).exit, undefined, 'mongo runs without auth');
  assert.equal(model({ image: 'mongo', env: [{ name: 'MONGO_INITDB_ROOT_USERNAME', value: 'root' }] }).exit?.code, 1);
  // `command:` bypasses the entrypoint and its checks
  assert.equal(model({ image: 'postgres:15', command: ['sleep', '360000'] }).exit?.afterSeconds, 360000);
});

test('entrypoint rewrites: args starting with - go to the server', () => {
  assert.equal(
    model({ image: 'mysql:8', args: ['--default-authentication-plugin=mysql_native_password'] }).exit?.code,
    1,
    'still checked: mysqld is prepended',
  );
  const redis = model({ image: 'redis', args: ['--port', '6380'] });
  assert.deepEqual(
    redis.listen.map((l) => l.port),
    [6380],
  );
  const conf = model({ image: 'redis:5', args: ['/usr/local/etc/redis/redis.conf'] });
  assert.deepEqual(
    conf.listen.map((l) => l.port),
    [6379],
  );
  const node = model({ image: 'node:22', args: ['server.js'], ports: [{ containerPort: 3000 }] });
  assert.deepEqual(
    node.listen.map((l) => l.port),
    [3000],
    'node server.js: unknown app on its declared port',
  );
  assert.deepEqual(node.onStop, { action: 'ignore' }, 'node as PID 1 without a handler');
  assert.equal(
    model({ image: 'node:22', args: ['sleep', '5'] }).exit?.afterSeconds,
    5,
    'a command on PATH is run as is',
  );
});

test('servers from the catalogue', () => {
  const redis = model({ image: 'redis:7.2' });
  // world-semantics §4: the listen names the program whose bind failure is known (redis 7+).
  assert.deepEqual(redis.listen, [{ port: 6379, afterSeconds: 0, bind: { program: 'redis', musl: false } }]);
  assert.deepEqual(redis.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
  assert.deepEqual(
    model({ image: 'memcached' }).listen.map((l) => l.port),
    [11211],
  );
  assert.ok(model({ image: 'rabbitmq:3-management' }).listen.some((l) => l.port === 15672));
  assert.ok(!model({ image: 'rabbitmq:3' }).listen.some((l) => l.port === 15672));
  const pause = model({ image: 'registry.k8s.io/pause:3.9' });
  assert.deepEqual(pause.listen, []);
  assert.deepEqual(pause.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
  assert.equal(pause.hasShell, false);
  const whoami = model({ image: 'traefik/whoami' });
  assert.deepEqual(
    whoami.listen.map((l) => l.port),
    [80],
  );
  assert.deepEqual(whoami.onStop, { action: 'exit', code: 2, afterSeconds: 0 });
  assert.deepEqual(
    model({ image: 'traefik/whoami', args: ['--port', '8080'] }).listen.map((l) => l.port),
    [8080],
  );
  assert.deepEqual(
    model({ image: 'hashicorp/http-echo:1.0' }).listen.map((l) => l.port),
    [5678],
  );
  assert.equal(model({ image: 'hashicorp/http-echo:0.2.3' }).exit?.code, 127, 'old http-echo needs -text');
  assert.deepEqual(
    model({ image: 'hashicorp/http-echo:0.2.3', args: ['-text=hi', '-listen=:8080'] }).listen.map((l) => l.port),
    [8080],
  );
  const curl = model({ image: 'curlimages/curl' });
  assert.equal(curl.exit?.code, 2, 'curl with no URL');
  assert.equal(
    model({ image: 'curlimages/curl', args: ['-sS', 'http://svc:8080/'] }, { services: ['svc'] }).exit?.code,
    0,
  );
  const noSvc = model({ image: 'curlimages/curl', args: ['-sS', 'http://svc:8080/'] });
  assert.deepEqual(
    noSvc.exit,
    { afterSeconds: 0, code: 6, message: 'curl: (6) Could not resolve host: svc' },
    'no Service named svc',
  );
});

test('agnhost and its subcommands', () => {
  const pause = model({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.45' });
  assert.deepEqual(pause.listen, []);
  assert.deepEqual(pause.onStop, { action: 'exit', code: 2, afterSeconds: 0 });
  const netexec = model({
    image: 'registry.k8s.io/e2e-test-images/agnhost:2.45',
    args: ['netexec', '--http-port=8081'],
  });
  assert.deepEqual(
    netexec.listen.map((l) => l.port),
    [8081],
  );
  assert.deepEqual(netexec.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
  const hostname = model({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.45', args: ['serve-hostname'] });
  assert.deepEqual(
    hostname.listen.map((l) => l.port),
    [9376],
  );
  assert.deepEqual(
    hostname.onStop,
    { action: 'exit', code: 0, afterSeconds: 60 },
    'sleeps 60 s: with a 30 s grace it is SIGKILLed',
  );
  const liveness = model({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'] });
  assert.equal(liveness.http.routes['/healthz'], 200);
  assert.deepEqual(liveness.httpTimeline, [{ at: 10, routes: { '/healthz': 500 } }]);
  const old = model({ image: 'k8s.gcr.io/liveness', args: ['/server'] });
  assert.deepEqual(old.httpTimeline, [{ at: 10, routes: { '/healthz': 500 } }]);
  assert.deepEqual(
    old.listen.map((l) => l.port),
    [8080],
  );
});

test('polinux/stress: --vm-bytes is the memory; perl bpi Job exits 0 after a few seconds', () => {
  const s = model({
    image: 'polinux/stress',
    command: ['stress'],
    args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
  });
  assert.ok(s.memoryMi > 250 && s.memoryMi < 260);
  assert.equal(s.exit, undefined);
  const pi = model({ image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] });
  assert.equal(pi.exit?.code, 0);
  assert.ok(pi.exit.afterSeconds >= 1 && pi.exit.afterSeconds <= 30);
});
