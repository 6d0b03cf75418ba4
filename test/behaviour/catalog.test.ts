// What well-known images do with no command/args (image-catalog.md §1, §4) and how references are matched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageRef } from '../../simulator/src/model/imageRef';
import { lookupImage } from '../../simulator/src/behaviour/catalog';
import { model } from './helpers';

test('image references: registries, library/, tags, digests', () => {
  const r = parseImageRef('docker.io/library/nginx:1.29-alpine@sha256:abc')!;
  assert.equal(r.path, 'nginx');
  assert.equal(r.tag, '1.29-alpine');
  assert.equal(r.digest, 'sha256:abc');
  assert.equal(parseImageRef('localhost:5000/team/app')!.registry, 'localhost:5000');
  assert.equal(parseImageRef('localhost:5000/team/app')!.tag, 'latest');
  for (const ref of [
    'nginx',
    'nginx:1.14.2',
    'docker.io/nginx',
    'docker.io/library/nginx:latest',
    'mirror.gcr.io/library/nginx',
    'nginx@sha256:0123',
  ]) {
    assert.equal(lookupImage(ref)?.key, 'nginx', ref);
  }
  assert.equal(lookupImage('bitnami/nginx'), undefined, 'a different image with the same name is not nginx');
  assert.equal(lookupImage('registry.k8s.io/e2e-test-images/agnhost:2.45')?.key, 'agnhost');
  assert.equal(lookupImage('us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0')?.key, 'hello-app');
  assert.equal(lookupImage('gcr.io/google-samples/hello-app:2.0')?.key, 'hello-app');
  assert.equal(lookupImage('k8s.gcr.io/pause:3.1')?.key, 'pause');
  assert.equal(lookupImage('gke.gcr.io/pause:3.8@sha256:880e63f94b145e46f')?.key, 'pause');
  assert.equal(lookupImage('registry.k8s.io/busybox:1.27.2')?.oldBusybox, true);
  assert.equal(lookupImage('busybox:1.28')?.oldBusybox, true);
  assert.equal(lookupImage('busybox:1.36')?.oldBusybox, false);
  assert.equal(lookupImage('python:2.7')?.python, 2);
});

test('variants change the tools: alpine is busybox, slim has no curl', () => {
  assert.equal(lookupImage('python:3.12')!.tools.includes('curl'), true);
  assert.equal(lookupImage('python:3.12-slim')!.tools.includes('curl'), false);
  const alpine = lookupImage('python:3.11-alpine')!;
  assert.equal(alpine.userland, 'busybox');
  assert.equal(alpine.tools.includes('wget'), true);
  assert.equal(alpine.tools.includes('curl'), false);
  assert.equal(lookupImage('nginx:alpine')!.tools.includes('curl'), true, 'nginx adds curl in both variants');
  assert.equal(lookupImage('memcached')!.tools.includes('nc'), false, 'memcached has no nc');
  assert.equal(lookupImage('debian')!.tools.includes('ps'), false, 'debian has no procps');
  assert.equal(lookupImage('ubuntu')!.tools.includes('ps'), true);
});

test('busybox, alpine, ubuntu, debian, python, node, netshoot: the shell/REPL reads EOF and exits 0 at once', () => {
  for (const image of [
    'busybox',
    'alpine:3.20',
    'ubuntu:24.04',
    'debian',
    'python:3.12',
    'python:2.7',
    'node:22',
    'nicolaka/netshoot',
    'perl',
  ]) {
    const m = model({ image });
    assert.deepEqual(m.exit, { afterSeconds: 0, code: 0 }, image);
    assert.equal(m.source, 'image', image);
    assert.deepEqual(m.listen, [], image);
  }
});

test('stdin: true keeps a shell running; it ignores SIGTERM', () => {
  const m = model({ image: 'busybox', stdin: true, tty: true });
  assert.equal(m.exit, undefined);
  assert.deepEqual(m.onStop, { action: 'ignore' });
});

test('nginx listens on 80 at once, 404 for unknown paths, exits 0 on stop (SIGQUIT)', () => {
  const m = model({ image: 'nginx:1.29' });
  assert.deepEqual(m.listen, [{ port: 80, afterSeconds: 0, bind: { program: 'nginx', musl: false } }]);
  assert.equal(m.http.routes['/'], 200);
  assert.equal(m.http.defaultStatus, 404);
  assert.deepEqual(m.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
  assert.equal(m.stopSignal, 'SIGQUIT');
  assert.equal(m.exit, undefined);
  assert.equal(m.tools === 'any' ? true : m.tools.includes('curl'), true);
  assert.deepEqual(m.paths, ['image']);
});

test('nginx declares another containerPort: still 80, with a note', () => {
  const m = model({ image: 'nginx', ports: [{ containerPort: 8080 }] });
  assert.deepEqual(
    m.listen.map((l) => l.port),
    [80],
  );
  assert.ok(m.notes.some((n) => n.includes('listens on 80') && n.includes('8080')));
});

test('hello-app listens on $PORT (8080 by default), answers 200 everywhere, exits 2 on SIGTERM, has no shell', () => {
  const m = model({ image: 'us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0' });
  // image-catalog §2.18: log.Fatal(http.ListenAndServe(…)) — Go's bind error (world-semantics §4).
  assert.deepEqual(m.listen, [{ port: 8080, afterSeconds: 0, bind: { program: 'go' } }]);
  assert.equal(m.http.defaultStatus, 200);
  assert.deepEqual(m.onStop, { action: 'exit', code: 2, afterSeconds: 0 });
  assert.equal(m.hasShell, false);
  const p = model({ image: 'gcr.io/google-samples/hello-app:2.0', env: [{ name: 'PORT', value: '9000' }] });
  assert.deepEqual(
    p.listen.map((l) => l.port),
    [9000],
  );
  assert.ok(p.paths.includes('env[0].value'));
});

test('shareProcessNamespace: the app is not PID 1, the default SIGTERM action applies (143)', () => {
  assert.deepEqual(model({ image: 'gcr.io/google-samples/hello-app:1.0' }, { shareProcessNamespace: true }).onStop, {
    action: 'exit',
    code: 143,
    afterSeconds: 0,
  });
  assert.deepEqual(model({ image: 'busybox', command: ['sleep', '3600'] }, { shareProcessNamespace: true }).onStop, {
    action: 'exit',
    code: 143,
    afterSeconds: 0,
  });
  // nginx handles its stop signal either way
  assert.deepEqual(model({ image: 'nginx' }, { shareProcessNamespace: true }).onStop, {
    action: 'exit',
    code: 0,
    afterSeconds: 0,
  });
});

test('a command that is not in the image cannot start (StartError, 128)', () => {
  const m = model({ image: 'gcr.io/google-samples/hello-app:1.0', command: ['sh', '-c', 'sleep 10'] });
  assert.equal(m.exit?.code, 128);
  assert.match(m.exit?.message ?? '', /exec: "sh": executable file not found in \$PATH/);
  assert.equal(model({ image: 'busybox', command: ['bash', '-c', 'sleep 1'] }).exit?.code, 128, 'busybox has no bash');
  // through an entrypoint script, its `exec "$@"` fails instead: 127 with the script's words
  const viaScript = model({ image: 'nginx', args: ['stress', '--vm', '1'] });
  assert.deepEqual(viaScript.exit, {
    afterSeconds: 0,
    code: 127,
    message: '/docker-entrypoint.sh: exec: line 1: stress: not found',
  });
});

test('unknown image: runs until stopped on its declared ports, with the assumption in notes', () => {
  const m = model({
    image: 'acme/api:1.2',
    ports: [{ containerPort: 8080 }, { containerPort: 9090, name: 'metrics' }],
  });
  assert.equal(m.source, 'unknown');
  assert.equal(m.exit, undefined);
  assert.deepEqual(m.listen, [
    { port: 8080, afterSeconds: 0 },
    { port: 9090, afterSeconds: 0 },
  ]);
  assert.equal(m.http.defaultStatus, 200);
  assert.deepEqual(m.onStop, { action: 'exit', code: 143, afterSeconds: 0 });
  assert.equal(m.tools, 'any');
  assert.ok(
    m.notes.some((n) => n.startsWith('unknown image `acme/api:1.2`: assumed to run until stopped')),
    m.notes.join('\n'),
  );
  const udp = model({ image: 'acme/dns', ports: [{ containerPort: 53, protocol: 'UDP' }] });
  assert.deepEqual(udp.listen, [], 'UDP ports are not TCP listeners');
  const mem = model({ image: 'acme/api', resources: { requests: { memory: '128Mi' }, limits: { memory: '256Mi' } } });
  assert.equal(mem.memoryMi, 128);
});
