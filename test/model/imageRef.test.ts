// Image references against the real grammar: the tables of github.com/distribution/reference
// (normalize_test.go, reference_test.go), which the kubelet and the API server use through
// ParseNormalizedNamed, and Kubernetes' imagePullPolicy defaulting (pkg/apis/core/v1/defaults.go
// SetDefaults_Container with pkg/util/parsers.ParseImageName).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultImagePullPolicy,
  imageRepository,
  normalizeImageRef,
  parseImageRef,
  parseImageReference,
  type ImageReference,
} from '../../simulator/src/model/imageRef';
import { run } from '../simulator/harness';

const ok = (image: string): ImageReference => {
  const p = parseImageReference(image);
  assert.ok('ref' in p, `${image}: ${'error' in p ? p.error : ''}`);
  return p.ref;
};
const error = (image: string): string => {
  const p = parseImageReference(image);
  assert.ok('error' in p, `${image} should not parse`);
  return p.error;
};
const F64 = 'f'.repeat(64);

test('normalize_test.go TestValidateReferenceName and TestValidateRemoteName: valid and invalid names', () => {
  const valid = [
    'docker/docker',
    'library/debian',
    'debian',
    'docker.io/docker/docker',
    'docker.io/library/debian',
    'docker.io/debian',
    'index.docker.io/docker/docker',
    'index.docker.io/library/debian',
    'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker',
    '127.0.0.1:5000/library/debian',
    '127.0.0.1:5000/debian',
    '192.168.0.1',
    '192.168.0.1:80',
    '192.168.0.1:8/debian',
    '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    '[fc00::1]:5000/docker',
    '[fc00::1]:5000/docker/docker',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'Docker/docker',
    'DOCKER/docker',
    // TestValidateRemoteName
    'docker-rules/docker',
    'docker---rules/docker',
    'doc/docker',
    'd/docker',
    'jess/t',
    'dock__er/docker',
  ];
  const invalid = [
    'https://github.com/docker/docker',
    'docker/Docker',
    '-docker',
    '-docker/docker',
    '-docker.io/docker/docker',
    'docker///docker',
    'docker.io/docker/Docker',
    'docker.io/docker///docker',
    '[fc00::1]',
    '[fc00::1]:5000',
    'fc00::1:5000/debian',
    '[fe80::1%eth0]:5000/debian',
    '[2001:db8:3:4::192.0.2.33]:5000/debian',
    '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    // TestValidateRemoteName
    'docker-/docker',
    '-docker-/docker',
    '____/____',
    '_docker/_docker',
    'dock..er/docker',
    'dock_.er/docker',
    'dock-.er/docker',
    'docker/',
    `${'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_'.repeat(4)}/docker`,
  ];
  for (const name of valid) ok(name);
  for (const name of invalid) error(name);
});

test('normalize_test.go TestParseRepositoryInfo and TestNormalizedSplitHostname: full name, domain, path', () => {
  const cases: [string[], string, string][] = [
    // inputs (familiar, full, ambiguous), domain, remote name
    [['fooo/bar', 'docker.io/fooo/bar', 'index.docker.io/fooo/bar'], 'docker.io', 'fooo/bar'],
    [['ubuntu', 'docker.io/library/ubuntu', 'library/ubuntu'], 'docker.io', 'library/ubuntu'],
    [['nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu'], 'docker.io', 'nonlibrary/ubuntu'],
    [['other/library', 'docker.io/other/library'], 'docker.io', 'other/library'],
    [['127.0.0.1:8000/private/moonbase'], '127.0.0.1:8000', 'private/moonbase'],
    [['127.0.0.1:8000/privatebase'], '127.0.0.1:8000', 'privatebase'],
    [['example.com/private/moonbase'], 'example.com', 'private/moonbase'],
    [['example.com:8000/privatebasee'], 'example.com:8000', 'privatebasee'],
    [
      ['ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base', 'index.docker.io/library/ubuntu-12.04-base'],
      'docker.io',
      'library/ubuntu-12.04-base',
    ],
    [['foo', 'docker.io/library/foo', 'docker.io/foo'], 'docker.io', 'library/foo'],
    [['library/foo/bar', 'docker.io/library/foo/bar'], 'docker.io', 'library/foo/bar'],
    [['store/foo/bar', 'docker.io/store/foo/bar'], 'docker.io', 'store/foo/bar'],
    [['Foo/bar'], 'Foo', 'bar'],
    [['FOO/bar'], 'FOO', 'bar'],
    // TestNormalizedSplitHostname
    [['test.com/foo'], 'test.com', 'foo'],
    [['test_com/foo'], 'docker.io', 'test_com/foo'],
    [['docker/migrator'], 'docker.io', 'docker/migrator'],
    [['test.com:8080/foo'], 'test.com:8080', 'foo'],
    [['test-com:8080/foo'], 'test-com:8080', 'foo'],
    [['xn--n3h.com/foo'], 'xn--n3h.com', 'foo'],
    [['xn--n3h.com:18080/foo'], 'xn--n3h.com:18080', 'foo'],
  ];
  for (const [inputs, domain, path] of cases) {
    for (const input of inputs) {
      assert.deepEqual(ok(input), { domain, path }, input);
      assert.equal(imageRepository(input), `${domain}/${path}`, input);
    }
  }
});

test('normalize_test.go TestParseAnyReference and TestParseReferenceWithTagAndDigest: the fully qualified form (with TagNameOnly)', () => {
  const d = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
  const cases: [string, string][] = [
    ['redis', 'docker.io/library/redis:latest'],
    ['redis:latest', 'docker.io/library/redis:latest'],
    ['docker.io/library/redis:latest', 'docker.io/library/redis:latest'],
    [`redis@${d}`, `docker.io/library/redis@${d}`],
    [`docker.io/library/redis@${d}`, `docker.io/library/redis@${d}`],
    ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp:latest'],
    ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest'],
    ['docker.io/mcgowan/myapp:latest', 'docker.io/mcgowan/myapp:latest'],
    [`dmcgowan/myapp@${d}`, `docker.io/dmcgowan/myapp@${d}`],
    [
      'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
      'docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9:latest',
    ],
    ['dbcc1', 'docker.io/library/dbcc1:latest'],
    [
      'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa',
      'docker.io/library/busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa',
    ],
  ];
  for (const [input, full] of cases) {
    ok(input);
    assert.equal(normalizeImageRef(input), full, input);
  }
});

test('reference_test.go TestReferenceParse: tags, digests and errors', () => {
  const good: [string, { domain?: string; tag?: string; digest?: string }][] = [
    ['test.com:tag', { tag: 'tag' }],
    ['test.com:5000', { tag: '5000' }],
    ['test.com/repo:tag', { domain: 'test.com', tag: 'tag' }],
    ['test:5000/repo', { domain: 'test:5000' }],
    ['test:5000/repo:tag', { domain: 'test:5000', tag: 'tag' }],
    [`test:5000/repo@sha256:${F64}`, { domain: 'test:5000', digest: `sha256:${F64}` }],
    [`test:5000/repo:tag@sha256:${F64}`, { domain: 'test:5000', tag: 'tag', digest: `sha256:${F64}` }],
    ['lowercase:Uppercase', { tag: 'Uppercase' }],
    [`${'a/'.repeat(127)}a:tag-puts-this-over-max`, { tag: 'tag-puts-this-over-max' }],
    ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', { domain: 'sub-dom1.foo.com', tag: 'some-long-tag' }],
    ['b.gcr.io/test.example.com/my-app:test.example.com', { domain: 'b.gcr.io', tag: 'test.example.com' }],
    ['xn--n3h.com/myimage:xn--n3h.com', { domain: 'xn--n3h.com', tag: 'xn--n3h.com' }],
    [
      `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${'f'.repeat(128)}`,
      { domain: 'xn--7o8h.com', tag: 'xn--7o8h.com', digest: `sha512:${'f'.repeat(128)}` },
    ],
    ['foo_bar.com:8080', { tag: '8080' }],
    ['192.168.1.1:5000/repo:5050', { domain: '192.168.1.1:5000', tag: '5050' }],
    ['[2001:db8::1]/repo', { domain: '[2001:db8::1]' }],
    ['[2001:db8:1:2:3:4:5:6]/repo:tag', { domain: '[2001:db8:1:2:3:4:5:6]', tag: 'tag' }],
    [
      `[2001:db8::1]:5000/repo:tag@sha256:${F64}`,
      { domain: '[2001:db8::1]:5000', tag: 'tag', digest: `sha256:${F64}` },
    ],
    ['[::1]:5000/repo', { domain: '[::1]:5000' }],
  ];
  for (const [input, want] of good) {
    const ref = ok(input);
    if (want.domain !== undefined) assert.equal(ref.domain, want.domain, input);
    assert.equal(ref.tag, want.tag, input);
    assert.equal(ref.digest, want.digest, input);
  }
  const bad: [string, string][] = [
    ['', 'invalid reference format'],
    [':justtag', 'invalid reference format'],
    [`@sha256:${F64}`, 'invalid reference format'],
    [`repo@sha256:${'f'.repeat(34)}`, 'invalid checksum digest length'],
    [`validname@invaliddigest:${F64}`, 'unsupported digest algorithm'],
    ['Uppercase:tag', 'invalid reference format: repository name (library/Uppercase) must be lowercase'],
    [
      'test:5000/Uppercase/lowercase:tag',
      'invalid reference format: repository name (Uppercase/lowercase) must be lowercase',
    ],
    [`${'a/'.repeat(128)}a:tag`, 'repository name must not be more than 255 characters'],
    ['aa/asdf$$^/aa', 'invalid reference format'],
    ['[2001:db8::1]', 'invalid reference format'],
    ['[2001:db8::1]:5000', 'invalid reference format'],
    ['[fe80::1%eth0]:5000/repo', 'invalid reference format'],
    [F64.replace(/f/g, 'a'), `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
  ];
  for (const [input, message] of bad) assert.equal(error(input), message, input);
});

test('imagePullPolicy defaulting: Always for the tag latest, or with neither tag nor digest (defaults.go, parsers.ParseImageName)', () => {
  const digest = `sha256:${F64}`;
  const cases: [string, 'Always' | 'IfNotPresent'][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/team/app', 'Always'],
    ['localhost:5000/team/app:v2', 'IfNotPresent'],
    [`nginx@${digest}`, 'IfNotPresent'],
    // a tag and a digest: the tag is read, so latest means Always (before: IfNotPresent whenever `@` appeared)
    [`nginx:latest@${digest}`, 'Always'],
    [`nginx:1.25@${digest}`, 'IfNotPresent'],
    // tags are case-sensitive
    ['nginx:LATEST', 'IfNotPresent'],
    // a reference that does not parse has an empty tag (before: Always, as if it were nginx:latest)
    ['Nginx', 'IfNotPresent'],
    ['nginx@sha256:0123abcd', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ];
  for (const [image, policy] of cases) assert.equal(defaultImagePullPolicy(image), policy, image);
});

test('the catalogue view reads what was written: registry as written, Docker Hub mirrors, lower case', () => {
  assert.deepEqual(parseImageRef('docker.io/library/NGINX:1.27-Alpine'), {
    raw: 'docker.io/library/NGINX:1.27-Alpine',
    registry: 'docker.io',
    path: 'nginx',
    name: 'nginx',
    tag: '1.27-alpine',
    tagGiven: true,
  });
  assert.deepEqual(parseImageRef(' mirror.gcr.io/library/redis '), {
    raw: 'mirror.gcr.io/library/redis',
    registry: 'mirror.gcr.io',
    path: 'redis',
    name: 'redis',
    tag: 'latest',
    tagGiven: false,
  });
  assert.equal(parseImageRef('public.ecr.aws/docker/library/postgres:16')?.path, 'postgres');
  assert.equal(parseImageRef(`registry.k8s.io/e2e-test-images/agnhost@sha256:${F64}`)?.digest, `sha256:${F64}`);
  assert.equal(parseImageRef('   '), undefined);
});

test("the kubelet reports an invalid image with the parser's own error (kuberuntime_image.go applyDefaultImageTag)", () => {
  const pod =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: c, image: "Nginx:1.27" }] }\n';
  const r = run(pod, { until: 30 });
  const [event] = r.events('InspectFailed');
  assert.equal(
    event?.message,
    'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image reference "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase',
  );
  assert.equal(r.pod(30).status.containerStatuses[0]?.state.waiting?.reason, 'InvalidImageName');
});
