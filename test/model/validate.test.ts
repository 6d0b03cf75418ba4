import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_SCHEMAS, formatIssue, validate, validateObject, type ValidationIssue } from '../../simulator/src/model';
import { corpusAvailable, loadCorpusDocs } from './helpers';

type Doc = Record<string, unknown>;
const errors = (doc: Doc): string[] =>
  validate(doc, { warnings: true })
    .filter((i) => i.severity === 'error')
    .map(formatIssue);
const warnings = (doc: Doc): string[] =>
  validate(doc, { warnings: true })
    .filter((i) => i.severity === 'warning')
    .map(formatIssue);

const c = (extra: Doc = {}): Doc => ({ name: 'app', image: 'nginx:1.25', ...extra });
const pod = (spec: Doc, metadata: Doc = { name: 'web' }): Doc => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const podWith = (container: Doc, spec: Doc = {}): Doc => pod({ containers: [c(container)], ...spec });
const probe = (p: Doc): Doc => podWith({ livenessProbe: { httpGet: { port: 8080 }, ...p } });
const tpl = (spec: Doc, labels: Doc = { app: 'a' }): Doc => ({
  metadata: { labels },
  spec: { containers: [c()], ...spec },
});
const deployment = (spec: Doc): Doc => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'a' } }, template: tpl({}), ...spec },
});
const job = (spec: Doc, metadata: Doc = { name: 'j' }): Doc => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata,
  spec,
});

test('a minimal valid pod, deployment and job have no issues', () => {
  assert.deepEqual(validate(podWith({})), []);
  assert.deepEqual(validate(deployment({})), []);
  assert.deepEqual(validate(job({ template: tpl({ restartPolicy: 'Never' }) })), []);
});

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

test('numbers that do not fit their Go type are rejected', () => {
  assert.deepEqual(errors(probe({ periodSeconds: 1e308 })), [
    'spec.containers[0].livenessProbe.periodSeconds: Invalid value: 1e+308: must fit in an int32 (-2147483648 to 2147483647); the API server cannot decode it',
  ]);
  assert.deepEqual(errors(podWith({}, { terminationGracePeriodSeconds: 2 ** 40 })), []);
  assert.equal(errors(podWith({}, { terminationGracePeriodSeconds: 1e20 })).length, 1);
});

test('structural errors come first and are reported as such', () => {
  const issues: ValidationIssue[] = validate(podWith({ livenessProbe: { httpGet: { port: 80 }, periodSecond: 5 } }));
  assert.deepEqual(
    issues.map((i) => [formatIssue(i), i.code]),
    [
      [
        'spec.containers[0].livenessProbe.periodSecond: unknown field "spec.containers[0].livenessProbe.periodSecond"',
        'schema-unknown-field',
      ],
    ],
  );
  assert.deepEqual(
    validate(pod({})).map((i) => [formatIssue(i), i.code]),
    [['spec.containers: Required value', 'schema-required']],
  );
  assert.deepEqual(validate({ apiVersion: 'v1', kind: 'ConfigMap' }), []);
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

// Documents of the real corpus that the official schema accepts but that `kubectl apply` would still reject.
// Each entry was checked by hand; any other issue on a schema-valid corpus document is a false positive.
const REVIEWED_CORPUS_ERRORS: Record<string, string> = {
  'gke-samples/autoscaling__custom-compute-classes__reservations__deployment-gpu.yaml#0 quantity-syntax':
    'an unexpanded ${ACCELERATOR_QUANTITY} placeholder',
  'k8s-examples/_archived__volumes__aws_ebs__aws-ebs-web.yaml#0 unsupported-value': 'protocol: tcp (lower case)',
  'k8s-examples/_archived__volumes__cinder__cinder-web.yaml#0 unsupported-value': 'protocol: tcp (lower case)',
  'k8s-website/content__en__examples__controllers__job-success-policy-example.yaml#0 metadata-name':
    'a docs fragment without metadata.name',
  'k8s-website/content__en__examples__controllers__job-success-policy-example.yaml#0 template-restart-policy':
    'a Job without restartPolicy',
  'k8s-website/content__en__examples__pods__pod-with-numeric-toleration.yaml#0 unsupported-value':
    'operator "Gt" on a toleration is an alpha feature newer than 1.32',
};

test(
  'validate raises no false positives on the schema-valid real corpus',
  { skip: corpusAvailable() ? false : 'reference corpus not found in ../shared/corpus/real' },
  () => {
    const { docs } = loadCorpusDocs(Object.keys(KIND_SCHEMAS));
    let valid = 0;
    const unexpected: string[] = [];
    const seen = new Set<string>();
    for (const d of docs) {
      if (!KIND_SCHEMAS[d.key]?.schema.safeParse(d.doc).success) continue;
      valid++;
      for (const i of validate(d.doc)) {
        if (i.severity !== 'error') continue;
        const key = `${d.file}#${d.index} ${i.code}`;
        seen.add(key);
        if (!(key in REVIEWED_CORPUS_ERRORS)) unexpected.push(`${d.file}#${d.index}: ${formatIssue(i)} (${i.code})`);
      }
    }
    console.log(
      `validate: ${valid} schema-valid corpus documents, ${seen.size} reviewed true positives, ${unexpected.length} unexpected`,
    );
    for (const u of unexpected) console.log(`  UNEXPECTED ${u}`);
    assert.ok(valid > 400);
    assert.deepEqual(unexpected, []);
    assert.deepEqual(
      [...seen].sort(),
      Object.keys(REVIEWED_CORPUS_ERRORS).sort(),
      'every reviewed error is still found',
    );
  },
);

test('validateObject takes raw documents, returns errors only unless warnings are asked for', () => {
  const raw = podWith({
    env: [null, { name: 'A', value: 'b' }],
    livenessProbe: { exec: { command: ['true'] }, periodSeconds: 0 },
  });
  assert.deepEqual(validateObject(raw), []);
  assert.deepEqual(
    validateObject(raw, { warnings: true }).map((i) => i.code),
    ['probe-zero-defaulted'],
  );
  assert.deepEqual(validateObject(podWith({ ports: [{ containerPort: 0 }] })).map(formatIssue), [
    'spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive',
  ]);
  // a document that fails its schema gets the structural issues
  assert.deepEqual(
    validateObject(podWith({ ports: 'http' })).map((i) => i.code),
    ['schema-invalid-type'],
  );
});
