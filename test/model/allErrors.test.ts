// All API-server errors at once. The API server validates every branch of an object and appends each field
// error to one ErrorList (pkg/apis/core/validation/validation.go: ValidatePodSpec, validateContainers,
// validateContainerPorts, ValidateService/validateServicePort; pkg/apis/apps/validation: ValidateDeploymentSpec;
// pkg/apis/batch/validation: ValidateJobSpec): a missing required field or a value of the wrong type in one
// branch is one error, and the other branches are still checked. Expected messages are the field errors of
// k8s.io/apimachinery/pkg/util/validation/field with the details of the functions named in each test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatIssue, validate, validateObject } from '../../simulator/src/model';
import { loadManifest } from '../../simulator/src/manifest';

const errors = (doc: object) => validate(doc).map(formatIssue).sort();

test('Service: a port without `port` does not hide a bad targetPort or a bad port name elsewhere', () => {
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: {
      selector: { app: 'web' },
      ports: [
        { name: 'http', targetPort: 123456 },
        { name: 'Metrics_Port', port: 9090, targetPort: 'metrics' },
      ],
    },
  };
  assert.deepEqual(errors(svc), [
    // validatePorts → validateServicePort: IsValidPortNum(targetPort) on the first port.
    'spec.ports[0].port: Required value',
    'spec.ports[0].targetPort: Invalid value: 123456: must be between 1 and 65535, inclusive',
    // validateServicePort: the name is a DNS label (IsDNS1123Label).
    "spec.ports[1].name: Invalid value: \"Metrics_Port\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  ]);
});

test('Pod: a container port of the wrong type, a missing container name, a 16-character port name and an undefined volume', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      containers: [
        { image: 'nginx:1.27', ports: [{ containerPort: 'eighty' }] },
        {
          name: 'sidecar',
          image: 'busybox:1.36',
          ports: [{ name: 'metrics-exporter', containerPort: 9100 }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
    },
  };
  const got = errors(pod);
  assert.deepEqual(got, [
    // validateContainers: the name is required (one error: the structural one).
    'spec.containers[0].name: Required value',
    // The wrong type is one error; the API server's decoder reports it on the field.
    'spec.containers[0].ports[0].containerPort: Invalid input: expected number, received string',
    // validateContainerPorts: IsValidPortName (IANA_SVC_NAME, at most 15 characters).
    'spec.containers[1].ports[0].name: Invalid value: "metrics-exporter": must be no more than 15 characters',
    // validateVolumeMounts: the mount must name a volume of the pod.
    'spec.containers[1].volumeMounts[0].name: Not found: "data"',
  ]);
});

test('Deployment without a selector: the template, the replicas and the containers are still checked', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: -1,
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          restartPolicy: 'OnFailure',
          containers: [{ name: 'app', image: 'nginx:1.27' }],
        },
      },
    },
  };
  assert.deepEqual(errors(deployment), [
    // ValidateDeploymentSpec: ValidateNonnegativeField(replicas).
    'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    // The selector is required: one error (not also ValidateDeploymentSpec's own "Required value").
    'spec.selector: Required value',
    // ValidatePodTemplateSpecForReplicaSet: only restartPolicy Always.
    'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  ]);
});

test('Job: a container without a name and a probe-less init container mistake are both reported', () => {
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j' },
    spec: {
      backoffLimit: -2,
      template: {
        spec: {
          containers: [{ image: 'busybox:1.36' }],
          initContainers: [{ name: 'init', image: 'busybox:1.36', readinessProbe: { exec: { command: ['true'] } } }],
        },
      },
    },
  };
  assert.deepEqual(
    errors(job),
    [
      // ValidateJobSpec: ValidateNonnegativeField(backoffLimit).
      'spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0',
      // validateInitContainers: probes only on sidecars.
      'spec.template.spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      // ValidateJobSpec on the defaulted template: restartPolicy defaults to Always, which a Job may not use.
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
      'spec.template.spec.containers[0].name: Required value',
    ].sort(),
  );
});

test('one error per field: a missing required field is not also reported by the API-server check of that field', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ targetPort: 80 }] } };
  const paths = validateObject(svc).map((i) => i.path.join('.'));
  assert.deepEqual(paths, ['spec.ports.0.port']);
  const cron = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c' },
    spec: { timeZone: 'Mars/Olympus', jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
  };
  // ValidateCronJobSpec: the schedule is required (one error); the time zone is still checked (validateTimeZone).
  const cronIssues = validateObject(cron).map(formatIssue);
  assert.deepEqual(
    cronIssues.filter((m) => m.startsWith('spec.schedule') || m.startsWith('spec.timeZone')),
    ['spec.schedule: Required value', 'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus'],
  );
});

test('the loader reports the API-server errors of a document that fails its structural schema, each on its line', () => {
  const text = [
    'apiVersion: v1', //             1
    'kind: Service', //              2
    'metadata:', //                  3
    '  name: web', //                4
    'spec:', //                      5
    '  ports:', //                   6
    '    - name: http', //           7
    '      targetPort: 123456', //   8
    '',
  ].join('\n');
  const m = loadManifest(text);
  const found = m.issues.map((i) => `${i.range.start.line + 1} ${i.code}`).sort();
  assert.deepEqual(found, ['7 missing-required', '8 port-number']);
  assert.equal(m.objects.length, 0, 'a document with a structural error is not simulated');
});

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
