// Pod Security Admission's restricted checks, the order of reasons, offenders, namespace labels and bad input.
// Expected reasons and details are copied from the upstream unit tests (kubernetes/kubernetes
// staging/src/k8s.io/pod-security-admission/policy/check_*_test.go, named per test) and world-semantics.md §7.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  namespacePolicies,
  namespacePolicy,
  podSecurityViolations,
  type PodSecurityLevel,
} from '../../simulator/src/admission/podSecurity';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({ metadata, spec });
/** The one failing check's words (reason and detail) at a level. */
function only(p: unknown, level: PodSecurityLevel, check: string): string {
  const v = podSecurityViolations(p, level).filter((x) => x.check === check);
  assert.equal(v.length, 1, `${check} does not fail`);
  return v[0]!.text;
}

test('restricted volume types (check_restrictedVolumes_test.go "host path volumes"; image is allowed)', () => {
  const allowed = [
    'emptyDir',
    'secret',
    'persistentVolumeClaim',
    'downwardAPI',
    'configMap',
    'projected',
    'csi',
    'ephemeral',
    'image',
  ];
  const restricted = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos']; // prettier-ignore
  const volumes = [
    ...allowed.map((t, i) => ({ name: `a${i + 1}`, [t]: {} })),
    ...restricted.map((t, i) => ({ name: `b${i + 1}`, [t]: {} })),
    { name: 'c1' },
  ];
  assert.equal(
    only(pod({ volumes }), 'restricted', 'restrictedVolumes'),
    'restricted volume types (volumes ' +
      '"b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b21", "c1"' +
      ' use restricted volume types ' +
      '"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", ' +
      '"hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "unknown", "vsphereVolume")',
  );
  // At baseline the hostPath check speaks instead (check_hostPathVolumes.go), and restricted replaces it.
  assert.equal(only(pod({ volumes }), 'baseline', 'hostPathVolumes'), 'hostPath volumes (volume "b1")');
  assert.ok(!podSecurityViolations(pod({ volumes }), 'restricted').some((v) => v.check === 'hostPathVolumes'));
});

test('runAsNonRoot: explicit false first, else the containers not covered (check_runAsNonRoot_test.go)', () => {
  const c = (name: string, sc?: Record<string, unknown>) => (sc ? { name, securityContext: sc } : { name });
  assert.equal(
    only(pod({ containers: [c('a')] }), 'restricted', 'runAsNonRoot'),
    'runAsNonRoot != true (pod or container "a" must set securityContext.runAsNonRoot=true)',
  );
  assert.equal(
    only(pod({ securityContext: { runAsNonRoot: false }, containers: [c('a')] }), 'restricted', 'runAsNonRoot'),
    'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)',
  );
  const mixed = pod({
    securityContext: { runAsNonRoot: true },
    containers: [
      c('a'),
      c('b', {}),
      c('c', { runAsNonRoot: false }),
      c('d', { runAsNonRoot: false }),
      c('e', { runAsNonRoot: true }),
    ],
  });
  assert.equal(
    only(mixed, 'restricted', 'runAsNonRoot'),
    'runAsNonRoot != true (containers "c", "d" must not set securityContext.runAsNonRoot=false)',
  );
  const fallthrough = pod({
    containers: [c('a'), c('b', {}), c('d', { runAsNonRoot: true }), c('e', { runAsNonRoot: true })],
  });
  assert.equal(
    only(fallthrough, 'restricted', 'runAsNonRoot'),
    'runAsNonRoot != true (pod or containers "a", "b" must set securityContext.runAsNonRoot=true)',
  );
});

test('runAsUser=0 and seccomp (check_runAsUser.go, check_seccompProfile_restricted.go)', () => {
  const p = pod({
    securityContext: { runAsUser: 0, seccompProfile: { type: 'Unconfined' } },
    containers: [
      { name: 'a', securityContext: { runAsUser: 0 } },
      { name: 'b', securityContext: { runAsUser: 1000 } },
    ],
  });
  assert.equal(only(p, 'restricted', 'runAsUser'), 'runAsUser=0 (pod and container "a" must not set runAsUser=0)');
  assert.equal(
    only(p, 'restricted', 'seccompProfile_restricted'),
    'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
  );
  // Baseline forbids only an explicit Unconfined; restricted replaces that check.
  assert.equal(
    only(p, 'baseline', 'seccompProfile_baseline'),
    'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
  );
  assert.ok(!podSecurityViolations(p, 'restricted').some((v) => v.check === 'seccompProfile_baseline'));
});

test('seLinuxOptions (check_seLinuxOptions_test.go "invalid pod and containers", "bad user")', () => {
  const p = pod({
    securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
    containers: [
      { name: 'a', securityContext: { seLinuxOptions: { type: 'container_t' } } },
      { name: 'd', securityContext: { seLinuxOptions: { type: 'container_engine_t' } } },
      { name: 'e', securityContext: { seLinuxOptions: { type: 'bar' } } },
      { name: 'f', securityContext: { seLinuxOptions: { user: 'bar' } } },
      { name: 'g', securityContext: { seLinuxOptions: { role: 'baz' } } },
    ],
  });
  assert.equal(
    only(p, 'baseline', 'seLinuxOptions'),
    'seLinuxOptions (pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set)',
  );
  assert.equal(
    only(pod({ securityContext: { seLinuxOptions: { user: 'bad' } } }), 'baseline', 'seLinuxOptions'),
    'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: user may not be set)',
  );
});

test('AppArmor, procMount, sysctls, hostProcess, probe hosts (check_appArmorProfile.go, check_procMount.go, check_sysctls.go, check_windowsHostProcess.go, check_hostProbesAndhostLifecycle.go)', () => {
  const p = pod(
    {
      securityContext: {
        sysctls: [
          { name: 'kernel.shm_rmid_forced', value: '0' },
          { name: 'kernel.msgmax', value: '1' },
          { name: 'net.core.somaxconn', value: '1' },
        ],
        windowsOptions: { hostProcess: true },
      },
      containers: [
        {
          name: 'a',
          securityContext: { appArmorProfile: { type: 'Unconfined' }, procMount: 'Unmasked' },
          livenessProbe: { httpGet: { host: 'example.com', port: 80 } },
          lifecycle: { preStop: { tcpSocket: { host: '10.0.0.1', port: 80 } } },
        },
      ],
    },
    { annotations: { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' } },
  );
  assert.equal(
    only(p, 'baseline', 'appArmorProfile'),
    'forbidden AppArmor profiles (container "a" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined"")',
  );
  assert.equal(
    only(p, 'baseline', 'procMount_baseline'),
    'procMount (container "a" must not set securityContext.procMount to "Unmasked")',
  );
  assert.equal(only(p, 'baseline', 'sysctls'), 'forbidden sysctls (kernel.msgmax, net.core.somaxconn)');
  assert.equal(
    only(p, 'baseline', 'windowsHostProcess'),
    'hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)',
  );
  assert.equal(
    only(p, 'baseline', 'hostProbesAndHostLifecycle'),
    'probe or lifecycle host (container "a" uses probe or lifecycle hosts "10.0.0.1", "example.com")',
  );
});

test('the reasons come in registry order: baseline checks by ID, then restricted ones (registry.go populate)', () => {
  const p = pod({
    hostPID: true,
    containers: [{ name: 'a', securityContext: { privileged: true, runAsUser: 0 }, ports: [{ hostPort: 80 }] }],
  });
  assert.deepEqual(
    podSecurityViolations(p, 'restricted').map((v) => v.check),
    [
      'hostNamespaces',
      'hostPorts',
      'privileged',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ],
  );
});

test('each offender carries the check words for it alone, on its own field', () => {
  const p = pod({
    containers: [
      { name: 'a', securityContext: { privileged: true } },
      { name: 'b', securityContext: { privileged: true } },
    ],
  });
  const [v] = podSecurityViolations(p, 'baseline');
  assert.deepEqual(
    v!.offenders.map((o) => [o.offender.path, o.text]),
    [
      [
        ['spec', 'containers', 0, 'securityContext', 'privileged'],
        'privileged (container "a" must not set securityContext.privileged=true)',
      ],
      [
        ['spec', 'containers', 1, 'securityContext', 'privileged'],
        'privileged (container "b" must not set securityContext.privileged=true)',
      ],
    ],
  );
});

test('Linux-only restricted checks skip pods with os.name windows (policy 1.25+)', () => {
  const p = pod({ os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] });
  assert.deepEqual(podSecurityViolations(p, 'restricted'), []);
});

test('namespace labels: warn defaults to enforce; versions are kept; bad values are ignored (api/helpers.go)', () => {
  assert.deepEqual(namespacePolicy({ 'pod-security.kubernetes.io/enforce': 'restricted' }), {
    enforce: { level: 'restricted', version: 'latest' },
    warn: { level: 'restricted', version: 'latest' },
  });
  assert.deepEqual(
    namespacePolicy({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/enforce-version': 'v1.30',
      'pod-security.kubernetes.io/warn': 'restricted',
    }),
    { enforce: { level: 'baseline', version: 'v1.30' }, warn: { level: 'restricted', version: 'latest' } },
  );
  assert.deepEqual(namespacePolicy({ 'pod-security.kubernetes.io/enforce': 'strict' }), {});
  const byName = namespacePolicies([
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'prod', labels: { 'pod-security.kubernetes.io/audit': 'baseline' } },
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
    'not an object',
  ]);
  assert.deepEqual([...byName], [['prod', { audit: { level: 'baseline', version: 'latest' } }]]);
});

test('bad input: any shape checks without throwing', () => {
  for (const v of [
    null,
    1,
    'x',
    [],
    { spec: [] },
    { spec: { containers: 'x', volumes: [null, 1], securityContext: 5 } },
  ])
    assert.doesNotThrow(() => podSecurityViolations(v, 'restricted'));
});
