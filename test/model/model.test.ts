// The model's small public helpers: null normalisation, introspection, metadata, kinds, selectors, cron, YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  DEPRECATED_API_VERSIONS,
  KIND_SCHEMAS,
  KUBERNETES_YAML_OPTIONS,
  PodSchema,
  ProbeSchema,
  findDeprecatedApiVersion,
  getFieldMeta,
  labelSelectorMatches,
  objectKeys,
  schemaAtPath,
  validate,
  schemaFor,
  unwrap,
} from '../../simulator/src/model';

test('null is accepted where the API accepts it and normalised away', () => {
  const pod = PodSchema.parse({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { a: null }, creationTimestamp: null },
    spec: { containers: [{ name: 'c', image: null, args: ['x', null], ports: null }, null] },
  });
  assert.deepEqual(pod.metadata?.labels, { a: '' });
  assert.equal(pod.metadata?.creationTimestamp, undefined);
  assert.equal(pod.spec?.containers.length, 1, 'null list items of objects are dropped');
  assert.equal(pod.spec?.containers[0]?.image, undefined);
  assert.deepEqual(pod.spec?.containers[0]?.args, ['x', '']);
  // but not where the API does not: required fields, int-or-string and quantities
  assert.equal(PodSchema.safeParse({ spec: { containers: [{ name: null }] } }).success, false);
  assert.equal(ProbeSchema.safeParse({ httpGet: { port: null } }).success, false);
  assert.equal(
    PodSchema.safeParse({ spec: { containers: [{ name: 'c', resources: { limits: { cpu: null } } }] } }).success,
    false,
  );
  assert.equal(PodSchema.safeParse({ apiVersion: null }).success, false);
});

test('strictness and integer checks', () => {
  assert.equal(ProbeSchema.safeParse({ periodSecond: 1 }).success, false);
  assert.equal(ProbeSchema.safeParse({ periodSeconds: 1.5 }).success, false);
  assert.equal(ProbeSchema.safeParse({ periodSeconds: '10' }).success, false);
  assert.equal(
    ProbeSchema.safeParse({ periodSeconds: 1e308 }).success,
    true,
    'range is a semantic check (validate.ts)',
  );
  assert.equal(ProbeSchema.safeParse({ httpGet: { port: 'http' } }).success, true);
  assert.equal(ProbeSchema.safeParse({ httpGet: { port: 80.5 } }).success, false);
});

test('introspection: schemaAtPath, unwrap, objectKeys and field metadata', () => {
  const period = schemaAtPath(PodSchema, ['spec', 'containers', 0, 'livenessProbe', 'periodSeconds']);
  assert.ok(period);
  assert.equal(unwrap(period).def.type, 'number');
  assert.deepEqual(getFieldMeta(period), { format: 'int32', default: 10, unit: 'seconds' });
  const restart = schemaAtPath(PodSchema, ['spec', 'restartPolicy']);
  assert.deepEqual(restart && getFieldMeta(restart).values, ['Always', 'OnFailure', 'Never']);
  const sa = schemaAtPath(PodSchema, ['spec', 'serviceAccount']);
  assert.equal(sa && typeof getFieldMeta(sa).deprecated, 'string');
  const uid = schemaAtPath(PodSchema, ['metadata', 'uid']);
  assert.deepEqual(uid && [getFieldMeta(uid).readOnly, getFieldMeta(uid).setBy], [true, 'api-server']);
  const status = schemaAtPath(PodSchema, ['status']);
  assert.equal(status && getFieldMeta(status).readOnly, true);
  const label = schemaAtPath(PodSchema, ['metadata', 'labels', 'app']);
  assert.equal(label && unwrap(label).def.type, 'string');
  assert.equal(schemaAtPath(PodSchema, ['spec', 'nope']), undefined);
  assert.ok(objectKeys(PodSchema)?.includes('spec'));
  assert.equal(
    objectKeys(schemaAtPath(PodSchema, ['spec', 'containers', 0]) ?? PodSchema)?.includes('livenessProbe'),
    true,
  );
});

test('KIND_SCHEMAS and deprecated apiVersions', () => {
  assert.deepEqual(Object.keys(KIND_SCHEMAS).sort(), [
    'apps/v1/DaemonSet',
    'apps/v1/Deployment',
    'apps/v1/ReplicaSet',
    'apps/v1/StatefulSet',
    'batch/v1/CronJob',
    'batch/v1/Job',
    'v1/ConfigMap',
    'v1/Pod',
    'v1/Secret',
    'v1/Service',
  ]);
  for (const [key, e] of Object.entries(KIND_SCHEMAS)) assert.equal(key, `${e.apiVersion}/${e.kind}`);
  assert.equal(schemaFor('apps/v1', 'Deployment')?.kind, 'Deployment');
  assert.equal(schemaFor('extensions/v1beta1', 'Deployment'), undefined);
  assert.equal(schemaFor('v1', 'toString'), undefined);
  assert.equal(findDeprecatedApiVersion('extensions/v1beta1', 'Deployment')?.replacement, 'apps/v1');
  assert.equal(findDeprecatedApiVersion('batch/v1beta1', 'CronJob')?.replacement, 'batch/v1');
  assert.equal(findDeprecatedApiVersion('batch/v1beta1', 'Deployment'), undefined);
  assert.deepEqual(
    DEPRECATED_API_VERSIONS.map((d) => d.apiVersion),
    ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2', 'batch/v1beta1', 'batch/v2alpha1'],
  );
});

test('label selectors', () => {
  const labels = { app: 'web', tier: 'front' };
  assert.equal(labelSelectorMatches({ matchLabels: { app: 'web' } }, labels), true);
  assert.equal(labelSelectorMatches({ matchLabels: { app: 'db' } }, labels), false);
  assert.equal(
    labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, labels),
    true,
  );
  assert.equal(
    labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, labels),
    false,
  );
  assert.equal(labelSelectorMatches({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels), true);
  assert.equal(labelSelectorMatches({ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, labels), false);
  assert.equal(labelSelectorMatches({}, labels), true);
  assert.equal(labelSelectorMatches(undefined, labels), false);
});

test("CronJob schedules are validated with the API server's messages", () => {
  const cron = (schedule: string) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c' },
    spec: {
      schedule,
      jobTemplate: {
        spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'a', image: 'busybox' }] } } },
      },
    },
  });
  const messages = (schedule: string) =>
    validate(cron(schedule))
      .filter((i) => i.path.join('.') === 'spec.schedule')
      .map((i) => i.message);
  assert.deepEqual(messages('*/15 9-17 * * MON-FRI'), []);
  assert.deepEqual(messages('@weekly'), []);
  assert.ok(messages('0 0 * * 7').some((m) => m.includes('end of range (7) above maximum (6): 7')));
  assert.ok(
    messages('TZ=UTC 0 0 * * *').some((m) =>
      m.includes('cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
    ),
  );
});

test('YAML is read as kubectl reads it (YAML 1.1 octal and booleans, time stamps as strings)', () => {
  const doc = parse('mode: 0644\nflag: yes\nt: 2024-01-01T00:00:00Z\n', KUBERNETES_YAML_OPTIONS) as Record<
    string,
    unknown
  >;
  assert.deepEqual(doc, { mode: 420, flag: true, t: '2024-01-01T00:00:00Z' });
});
