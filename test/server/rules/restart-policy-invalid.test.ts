import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restartPolicyInvalid as rule } from '../../../server/src/rules/restart-policy-invalid';
import { applyFix, loaderCodes, none, one, range, yaml } from './helpers';

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels: { app: web }
    template:
      metadata:
        labels: { app: web }
      spec:
        restartPolicy: Never
        containers:
          - name: web
            image: nginx:1.27
`;

test('restart-policy-invalid: a Deployment with restartPolicy Never', () => {
  assert.ok(loaderCodes(deployment).includes('template-restart-policy'), 'the API validation agrees');
  const f = one(rule, deployment);
  assert.deepEqual(f.range, range(11, 21, 11, 26));
  assert.equal(
    f.message,
    'A Deployment only accepts restartPolicy Always in its pod template, not Never: the API server rejects it (for pods that run to completion, use a Job)',
  );
  const fixed = applyFix(rule, deployment, f, 'Set restartPolicy to Always');
  assert.deepEqual(loaderCodes(fixed), []);
});

const job = yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: pi
  spec:
    template:
      spec:
        containers:
          - name: pi
            image: perl:5.34
            command: ["perl", "-e", "print 1"]
`;

test('restart-policy-invalid: a Job without restartPolicy (the default Always is rejected)', () => {
  assert.ok(loaderCodes(job).includes('template-restart-policy'), 'the API validation agrees');
  const f = one(rule, job);
  assert.deepEqual(f.range, range(6, 4, 6, 8));
  assert.equal(
    f.message,
    "A Job's pod template must set restartPolicy to OnFailure or Never: without it the pod default Always applies, which the API server rejects for a Job",
  );
  assert.deepEqual(
    f.fixes?.map((x) => [x.title, x.preferred]),
    [
      ['Set restartPolicy to Never', true],
      ['Set restartPolicy to OnFailure', undefined],
    ],
  );
  const fixed = applyFix(rule, job, f, 'Set restartPolicy to Never');
  assert.match(fixed, /        command: \["perl", "-e", "print 1"\]\n      restartPolicy: Never\n$/);
  assert.deepEqual(loaderCodes(fixed), []);
  applyFix(rule, job, f, 'Set restartPolicy to OnFailure');
});

test('restart-policy-invalid: a CronJob with restartPolicy Always', () => {
  const text = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: c
    spec:
      schedule: "*/5 * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Always
              containers:
                - name: c
                  image: busybox:1.36
  `;
  const f = one(rule, text);
  assert.deepEqual(f.range, range(10, 25, 10, 31));
  assert.equal(
    f.message,
    "A CronJob's pods must use restartPolicy OnFailure or Never, not Always: the API server rejects it",
  );
  applyFix(rule, text, f, 'Set restartPolicy to OnFailure');
});

test('restart-policy-invalid: allowed policies and bare Pods are fine', () => {
  none(rule, deployment.replace('restartPolicy: Never', 'restartPolicy: Always'));
  none(rule, deployment.replace('    restartPolicy: Never\n', ''));
  none(rule, job.replace('    containers:', '    restartPolicy: OnFailure\n      containers:'));
  none(
    rule,
    yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox:1.36
  `,
  );
});

test('restart-policy-invalid: a Job with a podFailurePolicy needs Never', () => {
  const text = job
    .replace(
      '  template:',
      '  podFailurePolicy:\n    rules:\n      - action: FailJob\n        onExitCodes: { operator: In, values: [42] }\n  template:',
    )
    .replace('    containers:', '    restartPolicy: OnFailure\n      containers:');
  assert.ok(loaderCodes(text).includes('job-pod-failure-policy'), 'the API validation agrees');
  const f = one(rule, text);
  assert.equal(
    f.message,
    'A Job with a podFailurePolicy must use restartPolicy Never, not OnFailure: the API server rejects it (the policy judges failed pods, which OnFailure would restart in place)',
  );
  assert.deepEqual(
    f.fixes?.map((x) => x.title),
    ['Set restartPolicy to Never'],
  );
  const fixed = applyFix(rule, text, f, 'Set restartPolicy to Never');
  assert.deepEqual(loaderCodes(fixed), []);
});
