// The API server's validation of containers: probes, lifecycle handlers, ports and names (validation.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../simulator/src/model';
import { c, errors, pod, podWith, probe, warnings, type Doc } from './validateBuilders';

test('probe numbers', () => {
  assert.deepEqual(errors(probe({ periodSeconds: -1 })), [
    'spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
  ]);
  assert.deepEqual(errors(probe({ initialDelaySeconds: -5 })), [
    'spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0',
  ]);
  assert.deepEqual(errors(probe({ failureThreshold: -2 })), [
    'spec.containers[0].livenessProbe.failureThreshold: Invalid value: -2: must be greater than or equal to 0',
  ]);
  // 0 is accepted by the API server but replaced by the default: a warning, not an error
  assert.deepEqual(errors(probe({ timeoutSeconds: 0 })), []);
  assert.deepEqual(validate(probe({ timeoutSeconds: 0 })), [], 'warnings only on request');
  assert.deepEqual(warnings(probe({ timeoutSeconds: 0 })), [
    'spec.containers[0].livenessProbe.timeoutSeconds: Invalid value: 0: must be greater than or equal to 1; the API server treats 0 as unset and uses 1',
  ]);
  assert.deepEqual(errors(probe({ successThreshold: 2 })), [
    'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
  ]);
  assert.deepEqual(errors(podWith({ readinessProbe: { exec: { command: ['true'] }, successThreshold: 2 } })), []);
  assert.deepEqual(errors(podWith({ startupProbe: { exec: { command: ['true'] }, successThreshold: 3 } })), [
    'spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
  ]);
  assert.deepEqual(
    errors(podWith({ readinessProbe: { exec: { command: ['true'] }, terminationGracePeriodSeconds: 5 } })),
    [
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes',
    ],
  );
});

test('exactly one probe handler', () => {
  assert.deepEqual(errors(podWith({ livenessProbe: { periodSeconds: 5 } })), [
    'spec.containers[0].livenessProbe: Required value: must specify a handler type',
  ]);
  assert.deepEqual(errors(podWith({ livenessProbe: { httpGet: { port: 80 }, tcpSocket: { port: 80 } } })), [
    'spec.containers[0].livenessProbe: Forbidden: may not specify more than 1 handler type',
  ]);
  assert.deepEqual(errors(podWith({ livenessProbe: { exec: {} } })), [
    'spec.containers[0].livenessProbe.exec.command: Required value',
  ]);
  assert.deepEqual(errors(podWith({ lifecycle: { preStop: {} } })), [
    'spec.containers[0].lifecycle.preStop: Required value: must specify a handler type',
  ]);
  assert.deepEqual(errors(podWith({ lifecycle: { preStop: { sleep: { seconds: 40 } } } })), [
    'spec.containers[0].lifecycle.preStop.sleep.seconds: Invalid value: 40: must be non-negative and less than terminationGracePeriodSeconds (30)',
  ]);
});

// KEP-4818 (PodLifecycleSleepActionAllowZero: alpha 1.32, beta 1.33, locked on in 1.34 per k/k
// pkg/features/versioned_kube_features.go): validateSleepAction accepts 0 and rejects only values
// below 0 or above the grace period, "must be non-negative and less than terminationGracePeriodSeconds (%d)".
test('a sleep hook of 0 seconds is valid; negative is not (KEP-4818)', () => {
  assert.deepEqual(errors(podWith({ lifecycle: { preStop: { sleep: { seconds: 0 } } } })), []);
  assert.deepEqual(errors(podWith({ lifecycle: { postStart: { sleep: { seconds: 0 } } } })), []);
  assert.deepEqual(errors(podWith({ lifecycle: { preStop: { sleep: { seconds: 30 } } } })), []);
  assert.deepEqual(errors(podWith({ lifecycle: { preStop: { sleep: { seconds: -1 } } } })), [
    'spec.containers[0].lifecycle.preStop.sleep.seconds: Invalid value: -1: must be non-negative and less than terminationGracePeriodSeconds (30)',
  ]);
});

test('ports and port names', () => {
  assert.deepEqual(errors(probe({ httpGet: { port: 0 } })), [
    'spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
  ]);
  assert.deepEqual(errors(podWith({ ports: [{ containerPort: 70000 }] })), [
    'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  ]);
  assert.deepEqual(errors(podWith({ ports: [{ containerPort: 80, hostPort: 65536 }] })), [
    'spec.containers[0].ports[0].hostPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
  ]);
  assert.deepEqual(errors(podWith({ ports: [{ containerPort: 80, name: 'http-web-server-main' }] })), [
    'spec.containers[0].ports[0].name: Invalid value: "http-web-server-main": must be no more than 15 characters',
  ]);
  assert.deepEqual(errors(podWith({ ports: [{ containerPort: 80, name: 'web_1' }] })), [
    'spec.containers[0].ports[0].name: Invalid value: "web_1": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  ]);
  // like the API server, every failed rule of a name is reported
  assert.deepEqual(errors(podWith({ ports: [{ containerPort: 80, name: 'HTTP' }] })), [
    'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
  ]);
  assert.deepEqual(
    errors(
      podWith({
        ports: [
          { containerPort: 80, name: 'web' },
          { containerPort: 81, name: 'web' },
        ],
      }),
    ),
    ['spec.containers[0].ports[1].name: Duplicate value: "web"'],
  );
  assert.deepEqual(errors(podWith({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })), [
    'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
  ]);
  assert.deepEqual(errors(probe({ httpGet: { port: '8080' } })), [
    'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "8080": must contain at least one letter (a-z)',
  ]);
});

test('container and volume names', () => {
  assert.deepEqual(errors(pod({ containers: [c({ name: 'Web_1' })] })), [
    `spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
  ]);
  assert.deepEqual(errors(pod({ initContainers: [c({ name: 'app' })], containers: [c({ name: 'app' })] })), [
    'spec.containers[0].name: Duplicate value: "app"',
  ]);
  assert.deepEqual(
    errors(
      pod({
        containers: [c()],
        volumes: [
          { name: 'data', emptyDir: {} },
          { name: 'data', emptyDir: {} },
        ],
      }),
    ),
    ['spec.volumes[1].name: Duplicate value: "data"'],
  );
  assert.deepEqual(
    errors(pod({ containers: [c()], volumes: [{ name: 'data', emptyDir: {}, hostPath: { path: '/x' } }] })),
    ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
  );
  assert.deepEqual(errors(podWith({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })), [
    'spec.containers[0].volumeMounts[0].name: Not found: "data"',
  ]);
  assert.deepEqual(errors(pod({ containers: [c()] }, {})), [
    'metadata.name: Required value: name or generateName is required',
  ]);
  assert.equal(
    errors(pod({ containers: [c()] }, { name: 'Web.Server' }))[0]?.startsWith(
      'metadata.name: Invalid value: "Web.Server": a lowercase RFC 1123 subdomain',
    ),
    true,
  );
  assert.deepEqual(errors(pod({ containers: [c()] }, { name: 'a'.repeat(254) })).length > 0, true);
  assert.deepEqual(
    errors(pod({ containers: [c()] }, { name: 'a'.repeat(100) })),
    [],
    'pod names may be longer than 63 characters',
  );
  assert.deepEqual(errors(pod({ containers: [] })), ['spec.containers: Required value']);
});

test('probes on init containers: forbidden unless sidecar', () => {
  const init = (extra: Doc): Doc => pod({ initContainers: [c({ name: 'init', ...extra })], containers: [c()] });
  assert.deepEqual(errors(init({ readinessProbe: { tcpSocket: { port: 80 } } })), [
    'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
  ]);
  assert.deepEqual(errors(init({ restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 80 } } })), []);
  assert.deepEqual(errors(init({ restartPolicy: 'OnFailure' })), [
    'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  ]);
});
