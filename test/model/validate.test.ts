// The API server's validation (model/validate.ts): the entry points, structural errors, and no false positives
// on the real corpus. Containers: validateContainers.test.ts; pod and workload fields: validateObjects.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_SCHEMAS, formatIssue, validate, validateObject, type ValidationIssue } from '../../simulator/src/model';
import { corpusAvailable, loadCorpusDocs } from './helpers';
import { deployment, errors, job, pod, podWith, probe, tpl } from './validateBuilders';

test('a minimal valid pod, deployment and job have no issues', () => {
  assert.deepEqual(validate(podWith({})), []);
  assert.deepEqual(validate(deployment({})), []);
  assert.deepEqual(validate(job({ template: tpl({ restartPolicy: 'Never' }) })), []);
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
  assert.deepEqual(validate({ apiVersion: 'v1', kind: 'Namespace' }), []); // a kind PodLab does not model
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
