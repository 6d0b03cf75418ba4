// Workload hygiene checks users of kube-score and kube-linter rely on. Expected behaviour from the
// Kubernetes documentation and sources cited per test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronJobStartingDeadline } from '../../../server/src/rules/cronjob-starting-deadline';
import { jobTtlMissing } from '../../../server/src/rules/job-ttl-missing';
import { statefulSetServiceHeadless } from '../../../server/src/rules/statefulset-service-headless';
import { applyFix, none, one, range, yaml } from './helpers';

const cron = yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: nightly
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers:
              - name: backup
                image: acme/backup:1
`;

test('cronjob-starting-deadline: no deadline; the fix sets one well above the 10 s controller check (cron-jobs.md)', () => {
  const f = one(cronJobStartingDeadline, cron);
  assert.deepEqual(f.range, range(5, 2, 5, 10));
  const fixed = applyFix(cronJobStartingDeadline, cron, f, /startingDeadlineSeconds: 60/);
  assert.match(fixed, /\n  startingDeadlineSeconds: 60\n/);
  none(cronJobStartingDeadline, cron.replace('spec:\n  schedule', 'spec:\n  suspend: true\n  schedule'));
});

const job = yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: migrate
  spec:
    template:
      spec:
        restartPolicy: Never
        containers:
          - name: migrate
            image: acme/migrate:1
`;

test('job-ttl-missing: a Job of its own without ttlSecondsAfterFinished (k/website ttlafterfinished.md)', () => {
  const f = one(jobTtlMissing, job);
  assert.match(f.message, /^This Job sets no ttlSecondsAfterFinished/);
  const fixed = applyFix(jobTtlMissing, job, f, /ttlSecondsAfterFinished: 86400/);
  assert.match(fixed, /\n  ttlSecondsAfterFinished: 86400\n/);
  // A CronJob's Jobs are cleaned up by its history limits: not this rule's business.
  none(jobTtlMissing, cron);
});

const sts = (clusterIP: string, app = 'db') => yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: db
  spec:
    serviceName: db
    selector:
      matchLabels:
        app: db
    template:
      metadata:
        labels:
          app: db
      spec:
        containers:
          - name: db
            image: postgres:16
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: db
  spec:
    ${clusterIP}
    selector:
      app: ${app}
    ports:
      - port: 5432
`;

test('statefulset-service-headless: a ClusterIP Service gives the pods no names of their own (dns-pod-service.md; world-semantics §3)', () => {
  const text = sts('type: ClusterIP');
  const f = one(statefulSetServiceHeadless, text);
  assert.equal(f.doc, 0);
  assert.deepEqual(f.range, range(5, 15, 5, 17));
  assert.equal(
    f.message,
    "Service db is not headless (no clusterIP: None): DNS gives the pods of StatefulSet db no names of their own (db-0.db.default.svc …), only the Service's virtual IP",
  );
  const fixed = applyFix(statefulSetServiceHeadless, text, f, 'Make Service db headless (clusterIP: None)');
  assert.match(fixed, /\n  clusterIP: None\n/);
  none(statefulSetServiceHeadless, fixed);
});

test('statefulset-service-headless: a headless Service that selects other pods; a Service not in the file is not judged', () => {
  const f = one(statefulSetServiceHeadless, sts('clusterIP: None', 'cache'));
  assert.equal(
    f.message,
    'Headless Service db does not select the pods of StatefulSet db, so DNS has no records for them',
  );
  none(statefulSetServiceHeadless, sts('clusterIP: None'));
  none(statefulSetServiceHeadless, sts('type: ClusterIP').split('---')[0]!);
});
