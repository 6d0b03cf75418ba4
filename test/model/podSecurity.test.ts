// Pod Security Admission's checks and words. Expected reasons and details are copied from the upstream unit
// tests (kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/policy/check_*_test.go, named per
// test) and from the captured kubectl output in world-semantics.md §7 "Exact strings".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  podSecurityViolations,
  violationsText,
  forbiddenPodMessage,
  type PodSecurityLevel,
} from '../../simulator/src/admission/podSecurity';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({ metadata, spec });
const text = (p: unknown, level: PodSecurityLevel) => violationsText(podSecurityViolations(p, level));
/** The one failing check's words (reason and detail) at a level. */
function only(p: unknown, level: PodSecurityLevel, check: string): string {
  const v = podSecurityViolations(p, level).filter((x) => x.check === check);
  assert.equal(v.length, 1, `${check} does not fail`);
  return v[0]!.text;
}

test('restricted, the plain nginx pod: the whole message kubectl prints (world-semantics §7 Exact strings)', () => {
  const nginx = pod({ containers: [{ name: 'nginx', image: 'nginx' }] }, { name: 'nginx' });
  assert.equal(
    forbiddenPodMessage('nginx', 'restricted:latest', text(nginx, 'restricted')),
    'pods "nginx" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  );
  // The same pod is fine at baseline, and privileged checks nothing.
  assert.equal(text(nginx, 'baseline'), '');
  assert.equal(text(pod({ hostNetwork: true }), 'privileged'), '');
});

test('a pod that meets restricted passes both levels (the restricted example of pod-security-standards.md)', () => {
  const ok = pod({
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        name: 'app',
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
        },
      },
    ],
    volumes: [
      { name: 'a', emptyDir: {} },
      { name: 'b', image: { reference: 'x' } },
    ],
  });
  assert.deepEqual(podSecurityViolations(ok, 'restricted'), []);
  assert.deepEqual(podSecurityViolations(ok, 'baseline'), []);
});

test('privileged (check_privileged.go: "%s %s must not set securityContext.privileged=true")', () => {
  const p = pod({
    initContainers: [{ name: 'init', securityContext: { privileged: true } }],
    containers: [
      { name: 'a', securityContext: { privileged: true } },
      { name: 'b', securityContext: { privileged: false } },
    ],
  });
  assert.equal(
    only(p, 'baseline', 'privileged'),
    'privileged (containers "init", "a" must not set securityContext.privileged=true)',
  );
});

test('host namespaces (check_hostNamespaces.go, latest: name=true)', () => {
  assert.equal(
    only(pod({ hostNetwork: true, hostIPC: true }), 'baseline', 'hostNamespaces'),
    'host namespaces (hostNetwork=true, hostIPC=true)',
  );
});

test('hostPort (check_hostPorts_test.go "multiple containers, multiple host port")', () => {
  const p = pod({
    containers: [
      { name: 'a', ports: [{ hostPort: 0 }] },
      { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 10 }, { hostPort: 20 }] },
      { name: 'c', ports: [{ hostPort: 0 }, { hostPort: 10 }, { hostPort: 30 }] },
    ],
  });
  assert.equal(only(p, 'baseline', 'hostPorts'), 'hostPort (containers "b", "c" use hostPorts 10, 20, 30)');
  const one = pod({
    containers: [
      { name: 'a', ports: [{ hostPort: 0 }] },
      { name: 'b', ports: [{ hostPort: 20 }] },
    ],
  });
  assert.equal(only(one, 'baseline', 'hostPorts'), 'hostPort (container "b" uses hostPort 20)');
});

test('capabilities: baseline allows the default set; restricted wants drop ALL and adds only NET_BIND_SERVICE (check_capabilities_restricted_test.go)', () => {
  const p = pod({
    containers: [
      { name: 'a', securityContext: { capabilities: { add: ['FOO', 'BAR'] } } },
      { name: 'b', securityContext: { capabilities: { add: ['BAR', 'BAZ'] } } },
      { name: 'c', securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } } },
    ],
  });
  assert.equal(
    only(p, 'restricted', 'capabilities_restricted'),
    'unrestricted capabilities (containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add)',
  );
  // Restricted overrides the baseline capability check (registry.go OverrideCheckIDs): one reason, not two.
  assert.ok(!podSecurityViolations(p, 'restricted').some((v) => v.check === 'capabilities_baseline'));
  // CHOWN is in the default set (check_capabilities_baseline.go), so container c passes baseline.
  assert.equal(
    only(p, 'baseline', 'capabilities_baseline'),
    'non-default capabilities (containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add)',
  );
});
