import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../simulator/src/cluster/rng';
import {
  SAFE_ALPHABET,
  canonicalJson,
  fnv32a,
  generateName,
  generateUid,
  jobNameForCronJob,
  ownedPodName,
  podTemplateHash,
  replicaSetName,
  safeEncodeString,
  statefulSetPodName,
  utf8Bytes,
} from '../../simulator/src/cluster/names';

test('safeEncodeString maps code points onto the apimachinery alphabet', () => {
  assert.equal(SAFE_ALPHABET, 'bcdfghjklmnpqrstvwxz2456789');
  // '0'..'9' are 48..57 → indexes 21..26, 0..3
  assert.equal(safeEncodeString('0123456789'), '456789bcdf');
  assert.equal(safeEncodeString(''), '');
});

test('FNV-32a matches the reference vectors', () => {
  assert.equal(fnv32a(utf8Bytes('')), 0x811c9dc5);
  assert.equal(fnv32a(utf8Bytes('a')), 0xe40c292c);
  assert.equal(fnv32a(utf8Bytes('foobar')), 0xbf9cf968);
});

test('utf8Bytes encodes multi-byte characters', () => {
  assert.deepEqual(utf8Bytes('é'), [0xc3, 0xa9]);
  assert.deepEqual(utf8Bytes('€'), [0xe2, 0x82, 0xac]);
  assert.deepEqual(utf8Bytes('😀'), [0xf0, 0x9f, 0x98, 0x80]);
});

const template = {
  metadata: { labels: { app: 'web', tier: 'frontend' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
};
const reordered = {
  spec: { containers: [{ ports: [{ containerPort: 80 }], image: 'nginx:1.27', name: 'web' }] },
  metadata: { labels: { tier: 'frontend', app: 'web' } },
};

test('pod-template-hash is stable, independent of key order, and looks like a real one', () => {
  const h = podTemplateHash(template);
  assert.equal(h, podTemplateHash(reordered));
  assert.equal(h, podTemplateHash(JSON.parse(JSON.stringify(template))));
  assert.match(h, /^[456789bcdf]{1,10}$/, 'the decimal hash passed through SafeEncodeString');
  // null and absent are the same for Kubernetes
  assert.equal(podTemplateHash({ ...template, spec: { ...template.spec, nodeSelector: null } }), h);
  // content changes the hash
  const other = { ...template, spec: { containers: [{ ...template.spec.containers[0], image: 'nginx:1.28' }] } };
  assert.notEqual(podTemplateHash(other), h);
  // array order matters (containers are ordered)
  assert.notEqual(podTemplateHash({ a: [1, 2] }), podTemplateHash({ a: [2, 1] }));
  // collisionCount is mixed in
  assert.notEqual(podTemplateHash(template, 1), h);
  assert.equal(podTemplateHash(template, 1), podTemplateHash(reordered, 1));
});

test('canonicalJson sorts keys and drops null/undefined members', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [1, null, 'x'], c: undefined, e: null } }),
    '{"a":{"d":[1,null,"x"]},"b":1}',
  );
  assert.equal(canonicalJson({}), '{}');
  assert.equal(canonicalJson([]), '[]');
});

test('ReplicaSet names are <deployment>-<hash>', () => {
  const rs = replicaSetName('web', template);
  assert.equal(rs, `web-${podTemplateHash(template)}`);
  assert.equal(replicaSetName({ metadata: { name: 'web' } }, reordered), rs);
});

test('generated names: base cut to 58 characters plus 5 characters of the alphabet', () => {
  const rng = createRng(1);
  const name = generateName('web-5d8f7c9b6d-', rng);
  assert.match(name, /^web-5d8f7c9b6d-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  const long = 'a'.repeat(70);
  const cut = generateName(long, createRng(1));
  assert.equal(cut.length, 63);
  assert.equal(cut.slice(0, 58), 'a'.repeat(58));
  assert.match(ownedPodName('pi', createRng(3)), /^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('generated names are deterministic per seed and differ across seeds', () => {
  const names = (seed: number) => {
    const rng = createRng(seed).fork('ReplicaSet/web-abc');
    return Array.from({ length: 5 }, () => ownedPodName('web-abc', rng));
  };
  assert.deepEqual(names(42), names(42));
  assert.notDeepEqual(names(42), names(43));
  assert.equal(new Set(names(42)).size, 5);
});

test('adding a pod elsewhere does not change a pod name drawn from its own fork', () => {
  const run = (extra: boolean) => {
    const root = createRng(7);
    if (extra) ownedPodName('other', root.fork('ReplicaSet/other'));
    return ownedPodName('web', root.fork('ReplicaSet/web'));
  };
  assert.equal(run(false), run(true));
});

test('UIDs are RFC 4122 version 4 and deterministic', () => {
  const uid = generateUid(createRng(9));
  assert.match(uid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(uid, generateUid(createRng(9)));
  assert.notEqual(uid, generateUid(createRng(10)));
});

test('CronJob jobs are <cronjob>-<minutes since the epoch>; StatefulSet pods <name>-<ordinal>', () => {
  // 2023-11-14T22:13:00Z = 1700000000 s − 20 s
  assert.equal(jobNameForCronJob('hello', 1_699_999_980), 'hello-28333333');
  // 2025-01-01T00:00:00Z = 1735689600 s = 28928160 min
  assert.equal(jobNameForCronJob({ metadata: { name: 'hello' } }, Date.UTC(2025, 0, 1) / 1000), 'hello-28928160');
  assert.equal(statefulSetPodName('web', 0), 'web-0');
  assert.equal(statefulSetPodName({ metadata: { name: 'db' } }, 2), 'db-2');
});
