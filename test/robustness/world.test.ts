// Bad input around the world (issue 9, "Done when"): a 1 MB ConfigMap, 10,000 keys, binary data, invalid base64
// and a List of 10,000 items get a clear message or a normal run, in bounded time, without a throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';

function timed<T>(bound: number, what: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  assert.ok(ms < bound, `${what}: ${Math.round(ms)} ms (bound ${bound} ms)`);
  return out;
}

const POD = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: busybox:1.36
      envFrom: [{ configMapRef: { name: big } }]
      command: ['sh', '-c', 'cat /cfg/k1 && sleep 3600']
      volumeMounts: [{ name: cfg, mountPath: /cfg }]
  volumes: [{ name: cfg, configMap: { name: big } }]
`;

function runAll(yaml: string) {
  const m = loadManifest(yaml);
  const r = simulate(m.objects, { until: 60, world: m.world, services: m.services });
  return { m, trace: r.traceAt(60) };
}

test('a ConfigMap just over 1 MiB: "Too long" at the object, nothing simulated against it', () => {
  const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\ndata:\n  k1: "${'x'.repeat(1024 * 1024 + 1)}"\n---\n${POD}`;
  const { m } = timed(10_000, '1 MiB ConfigMap', () => runAll(yaml));
  assert.deepEqual(
    m.issues.map((i) => [i.code, i.message, i.range.start.line]),
    [['config-too-long', 'Too long: may not be more than 1048576 bytes', 0]],
  );
  assert.deepEqual(m.world, []);
});

// Most of this time is the YAML parser's duplicate-key check (quadratic in the keys of one mapping).
test('10,000 keys read through envFrom and a volume: the pod runs, in bounded time', () => {
  const keys = Array.from({ length: 10_000 }, (_, i) => `  k${i}: v${i}`).join('\n');
  const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\ndata:\n${keys}\n---\n${POD}`;
  const { m, trace } = timed(30_000, '10,000 keys', () => runAll(yaml));
  assert.deepEqual(m.issues, []);
  assert.equal(trace.pods[0]!.kubectl.status, 'Running');
});

test('binaryData becomes a file with unknown (not guessed) content; invalid base64 is a clear error at the value', () => {
  const bin = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\nbinaryData:\n  k1: /w==\n---\n${POD}`;
  const { m, trace } = runAll(bin);
  assert.deepEqual(m.issues, []);
  assert.equal(m.world[0]!.files.has('k1'), true);
  assert.equal(m.world[0]!.files.get('k1'), undefined);
  assert.deepEqual(m.world[0]!.env.size, 0, 'binaryData is not env (makeEnvironmentVariables reads data only)');
  assert.equal(trace.pods[0]!.kubectl.status, 'Running');
  const bad = loadManifest(`apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata:\n  password: hunter2\n`);
  assert.equal(bad.issues.length, 1);
  assert.equal(bad.issues[0]!.range.start.line, 4);
  assert.match(bad.issues[0]!.message, /illegal base64 data at input byte 4/);
});

test('a List of 10,000 items loads and simulates in bounded time', () => {
  const items = Array.from(
    { length: 10_000 },
    (_, i) => `  - apiVersion: v1\n    kind: ConfigMap\n    metadata: { name: c${i} }\n    data: { k1: "v${i}" }`,
  ).join('\n');
  const pod = POD.replace(/^/gm, '    ')
    .replace(/^ {4}apiVersion/, '  - apiVersion')
    .replace(/name: big/g, 'name: c9999');
  const yaml = `apiVersion: v1\nkind: List\nitems:\n${items}\n${pod}`;
  const { m, trace } = timed(30_000, 'List of 10,001 items', () => runAll(yaml));
  assert.deepEqual(m.issues, []);
  assert.equal(m.world.length, 10_000);
  assert.equal(trace.pods[0]!.kubectl.status, 'Running');
  assert.deepEqual(trace.world?.objects.find((o) => o.name === 'c9999')?.usedBy, ['p']);
});
