// The API server's validation of pod and workload fields: restart policies, selectors, replicas and updates,
// labels and resources, tolerations, affinity, CronJobs and Services (validation.go, apps and batch validation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { c, deployment, errors, job, pod, podWith, tpl, type Doc } from './validateBuilders';

test('restart policies', () => {
  assert.deepEqual(errors(pod({ restartPolicy: 'Sometimes', containers: [c()] })), [
    'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  ]);
  assert.deepEqual(errors(deployment({ template: tpl({ restartPolicy: 'OnFailure' }) })), [
    'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  ]);
  assert.deepEqual(errors(job({ template: tpl({}) })), [
    'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
  ]);
  assert.deepEqual(errors(podWith({ restartPolicy: 'Always' })), [
    'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
  ]);
});

test('selectors must exist and match the template labels', () => {
  assert.deepEqual(errors(deployment({ selector: { matchLabels: { app: 'b' } } })), [
    'spec.template.metadata.labels: Invalid value: {"app":"a"}: `selector` does not match template `labels`',
  ]);
  assert.deepEqual(errors(deployment({ selector: {} })), [
    'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
  ]);
  assert.deepEqual(errors(deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'In' }] } })), [
    "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    'spec.template.metadata.labels: Invalid value: {"app":"a"}: `selector` does not match template `labels`',
  ]);
  assert.deepEqual(
    errors(job({ selector: { matchLabels: { app: 'a' } }, template: tpl({ restartPolicy: 'Never' }) })),
    ['spec.selector: Invalid value: {"matchLabels":{"app":"a"}}: `selector` not auto-generated'],
  );
  assert.deepEqual(
    errors(
      job({ manualSelector: true, selector: { matchLabels: { app: 'a' } }, template: tpl({ restartPolicy: 'Never' }) }),
    ),
    [],
  );
});

test('replicas, grace periods and rolling updates', () => {
  assert.deepEqual(errors(deployment({ replicas: -1 })), [
    'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  ]);
  assert.deepEqual(errors(podWith({}, { terminationGracePeriodSeconds: -3 })), [
    'spec.terminationGracePeriodSeconds: Invalid value: -3: must be greater than or equal to 0',
  ]);
  assert.deepEqual(errors(deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } })), [
    'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
  ]);
  assert.deepEqual(errors(deployment({ strategy: { rollingUpdate: { maxSurge: '150%' } } })), [
    'spec.strategy.rollingUpdate.maxSurge: Invalid value: "150%": must not be greater than 100%',
  ]);
  assert.deepEqual(errors(deployment({ strategy: { type: 'Recreate', rollingUpdate: {} } })), [
    "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
  ]);
});

test('labels, quantities and resources', () => {
  assert.deepEqual(errors(pod({ containers: [c()] }, { name: 'p', labels: { app: 'my app' } })).length, 1);
  assert.match(
    errors(pod({ containers: [c()] }, { name: 'p', labels: { 'bad key!': 'x' } }))[0] ?? '',
    /^metadata\.labels\.bad key!: Invalid value: "bad key!": name part must consist/,
  );
  assert.deepEqual(errors(podWith({ resources: { limits: { memory: '1Gb' } } })), [
    'spec.containers[0].resources.limits.memory: Invalid value: "1Gb": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
  ]);
  assert.deepEqual(errors(podWith({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })), [
    'spec.containers[0].resources.requests.cpu: Invalid value: "2": must be less than or equal to cpu limit of 1',
  ]);
  assert.deepEqual(errors(podWith({ resources: { requests: { memory: '-1Mi' } } })), [
    'spec.containers[0].resources.requests.memory: Invalid value: "-1Mi": must be greater than or equal to 0',
  ]);
  // requests are defaulted from limits on a Pod, so both are reported (as by the API server)
  assert.deepEqual(errors(podWith({ resources: { limits: { gpu: 1 } } })), [
    'spec.containers[0].resources.limits.gpu: Invalid value: "gpu": must be a standard resource type or fully qualified',
    'spec.containers[0].resources.requests.gpu: Invalid value: "gpu": must be a standard resource type or fully qualified',
  ]);
  assert.deepEqual(
    errors(podWith({ resources: { limits: { 'nvidia.com/gpu': 1 }, requests: { 'nvidia.com/gpu': 2 } } })),
    [
      'spec.containers[0].resources.requests.nvidia.com/gpu: Invalid value: 2: must be equal to nvidia.com/gpu limit of 1',
    ],
  );
});

test('tolerations, affinity, cron jobs and services', () => {
  assert.deepEqual(errors(podWith({}, { tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] })), [
    'spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'',
  ]);
  assert.deepEqual(
    errors(
      podWith(
        {},
        {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 0, podAffinityTerm: { topologyKey: 'zone' } },
              ],
            },
          },
        },
      ),
    ),
    [
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
    ],
  );
  const cron = (schedule: string, name = 'c'): Doc => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: { schedule, jobTemplate: { spec: { template: tpl({ restartPolicy: 'OnFailure' }) } } },
  });
  assert.deepEqual(errors(cron('*/5 * * * *')), []);
  assert.deepEqual(errors(cron('@hourly')), []);
  assert.deepEqual(errors(cron('* * *')), [
    'spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]',
  ]);
  assert.deepEqual(errors(cron('61 * * * *')), [
    'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
  ]);
  assert.deepEqual(errors(cron('0 * * * *', 'c'.repeat(53))), [
    `metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`,
  ]);
  const svc = (spec: Doc, name = 's'): Doc => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
  assert.deepEqual(errors(svc({ selector: { app: 'a' }, ports: [{ port: 80 }] })), []);
  assert.deepEqual(errors(svc({ type: 'Internal', ports: [{ port: 80 }] })), [
    'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
  ]);
  assert.deepEqual(errors(svc({ ports: [{ port: 80 }, { port: 81 }] })), [
    'spec.ports[0].name: Required value',
    'spec.ports[1].name: Required value',
  ]);
  assert.deepEqual(errors(svc({ ports: [{ port: 80, nodePort: 30080 }] })), [
    "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
  ]);
  assert.match(
    errors(svc({ ports: [{ port: 80 }] }, '1web'))[0] ?? '',
    /^metadata\.name: Invalid value: "1web": a DNS-1035 label/,
  );
});
