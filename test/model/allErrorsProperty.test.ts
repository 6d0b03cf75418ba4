// Decoding in part (model/partialParse.ts) must hold for any document, not only the cases of allErrors.test.ts:
// whatever field is dropped or retyped, at any depth, validation never throws and never reports one field twice
// (the API server appends one error per field: k8s.io/apimachinery/pkg/util/validation/field).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatIssue, validateObject } from '../../simulator/src/model';

// Property: decoding in part never throws, whatever field is dropped or retyped, at any depth.
const BASE: object[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels: { app: 'web', tier: 'a' } },
        spec: {
          volumes: [{ name: 'data', emptyDir: {} }],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Gt', values: ['1'] }] }],
              },
              preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchFields: [] } }],
            },
          },
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }],
          tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoExecute', tolerationSeconds: 5 }],
          containers: [
            {
              name: 'app',
              image: 'nginx:1.27',
              ports: [{ name: 'http', containerPort: 80 }],
              env: [
                { name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'B', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' } } },
                { name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
              ],
              resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
              livenessProbe: { httpGet: { port: 'http', httpHeaders: [{ name: 'X', value: 'y' }] } },
              readinessProbe: { tcpSocket: { port: 80 } },
              startupProbe: { grpc: { port: 9000 } },
              lifecycle: { preStop: { sleep: { seconds: 5 } } },
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
              volumeDevices: [{ name: 'data', devicePath: '/dev/x' }],
            },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http', nodePort: 30080 },
        { name: 'https', port: 443, targetPort: 8443 },
      ],
    },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c' },
    spec: {
      schedule: '*/5 * * * *',
      timeZone: 'Etc/UTC',
      jobTemplate: {
        spec: {
          completionMode: 'Indexed',
          completions: 3,
          podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } }] },
          template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } },
        },
      },
    },
  },
];

type Json = unknown;

/** Every path to a value inside `v` (object keys and array indices). */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...prefix, i], ...paths(x, [...prefix, i])]);
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...paths(x, [...prefix, k])]);
  return [];
}

/** A copy of `doc` with the value at `path` removed (`undefined`) or replaced. */
function mutated(doc: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(doc)) {
    const copy = [...doc];
    if (rest.length === 0 && replacement === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = mutated(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = { ...(doc as Record<string, Json>) };
  if (rest.length === 0 && replacement === undefined) delete copy[String(head)];
  else copy[String(head)] = mutated(copy[String(head)], rest, replacement);
  return copy;
}

const junk = fc.constantFrom<Json>(undefined, null, 0, -1, 1.5, 70000, '', 'x', '25%', true, [], {}, [null], [1], {
  a: 1,
});

test('property: dropping or retyping any fields never throws, and never reports one field twice', () => {
  const doc = fc
    .integer({ min: 0, max: BASE.length - 1 })
    .chain((i) => {
      const base = BASE[i] as object;
      const all = paths(base);
      return fc.tuple(
        fc.constant(base),
        fc.array(fc.tuple(fc.integer({ min: 0, max: all.length - 1 }), junk), { minLength: 1, maxLength: 4 }),
      );
    })
    .map(([base, edits]) => {
      let d: Json = base;
      for (const [at, value] of edits) {
        const all = paths(d);
        const path = all[at % Math.max(all.length, 1)];
        if (path) d = mutated(d, path, value);
      }
      return d as object;
    });
  fc.assert(
    fc.property(doc, (d) => {
      const issues = validateObject(d as Record<string, unknown>, { warnings: true });
      const structural = issues.filter((i) => i.code.startsWith('schema-')).map((i) => i.path.join('.'));
      for (const i of issues) {
        if (i.code.startsWith('schema-')) continue;
        const p = i.path.join('.');
        assert.ok(
          !structural.some((s) => p === s || p.startsWith(`${s}.`)),
          `${formatIssue(i)} duplicates a structural error`,
        );
      }
    }),
    { seed: 20261204, numRuns: 400 },
  );
});
