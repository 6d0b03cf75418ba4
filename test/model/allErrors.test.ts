// All API-server errors at once. The API server validates every branch of an object and appends each field
// error to one ErrorList (pkg/apis/core/validation/validation.go: ValidatePodSpec, validateContainers,
// validateContainerPorts, ValidateService/validateServicePort; pkg/apis/apps/validation: ValidateDeploymentSpec;
// pkg/apis/batch/validation: ValidateJobSpec): a missing required field or a value of the wrong type in one
// branch is one error, and the other branches are still checked. Expected messages are the field errors of
// k8s.io/apimachinery/pkg/util/validation/field with the details of the functions named in each test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
