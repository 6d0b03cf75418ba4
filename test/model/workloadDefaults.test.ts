// API-server defaulting of the workload kinds (pkg/apis/{apps,batch}/v1/defaults.go): Deployment, ReplicaSet,
// StatefulSet, DaemonSet, Job and CronJob. Split from defaults.test.ts (pods, containers, probes, volumes, Services).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyDefaults,
  CronJobSchema,
  DaemonSetSchema,
  DeploymentSchema,
  JobSchema,
  ReplicaSetSchema,
  StatefulSetSchema,
  type CronJob,
  type DaemonSet,
  type Deployment,
  type Job,
  type ReplicaSet,
  type StatefulSet,
} from '../../simulator/src/model';

const container = { name: 'app', image: 'nginx:1.25' };
const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [container] } };

test('Deployment defaults', () => {
  const d: Deployment = applyDefaults(
    DeploymentSchema.parse({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'a' } }, template },
    }),
  );
  assert.equal(d.spec?.replicas, 1);
  assert.deepEqual(d.spec?.strategy, {
    type: 'RollingUpdate',
    rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
  });
  assert.equal(d.spec?.revisionHistoryLimit, 10);
  assert.equal(d.spec?.progressDeadlineSeconds, 600);
  assert.equal(d.spec?.template.spec?.restartPolicy, 'Always');
  assert.equal(d.spec?.template.spec?.containers[0]?.imagePullPolicy, 'IfNotPresent');
  const r: Deployment = applyDefaults(
    DeploymentSchema.parse({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 0, strategy: { type: 'Recreate' }, selector: { matchLabels: { app: 'a' } }, template },
    }),
  );
  assert.equal(r.spec?.replicas, 0);
  assert.deepEqual(r.spec?.strategy, { type: 'Recreate' });
});

test('ReplicaSet, StatefulSet and DaemonSet defaults', () => {
  const rs: ReplicaSet = applyDefaults(
    ReplicaSetSchema.parse({ apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { selector: {}, template } }),
  );
  assert.equal(rs.spec?.replicas, 1);
  const ss: StatefulSet = applyDefaults(
    StatefulSetSchema.parse({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      spec: {
        serviceName: 's',
        selector: {},
        template,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      },
    }),
  );
  assert.equal(ss.spec?.replicas, 1);
  assert.equal(ss.spec?.podManagementPolicy, 'OrderedReady');
  assert.deepEqual(ss.spec?.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.equal(ss.spec?.revisionHistoryLimit, 10);
  assert.deepEqual(ss.spec?.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.equal(ss.spec?.volumeClaimTemplates?.[0]?.spec?.volumeMode, 'Filesystem');
  assert.equal(ss.spec?.volumeClaimTemplates?.[0]?.status?.phase, 'Pending');
  const ds: DaemonSet = applyDefaults(
    DaemonSetSchema.parse({ apiVersion: 'apps/v1', kind: 'DaemonSet', spec: { selector: {}, template } }),
  );
  assert.deepEqual(ds.spec?.updateStrategy, {
    type: 'RollingUpdate',
    rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
  });
  assert.equal(ds.spec?.revisionHistoryLimit, 10);
});

test('Job defaults depend on what is set', () => {
  const job = (spec: Record<string, unknown>): Job =>
    applyDefaults(JobSchema.parse({ apiVersion: 'batch/v1', kind: 'Job', spec: { template, ...spec } }));
  const j = job({});
  assert.equal(j.spec?.completions, 1);
  assert.equal(j.spec?.parallelism, 1);
  assert.equal(j.spec?.backoffLimit, 6);
  assert.equal(j.spec?.completionMode, 'NonIndexed');
  assert.equal(j.spec?.suspend, false);
  assert.equal(j.spec?.podReplacementPolicy, 'TerminatingOrFailed');
  const queue = job({ parallelism: 3 });
  assert.equal(queue.spec?.completions, undefined, 'a work queue keeps completions unset');
  assert.equal(queue.spec?.parallelism, 3);
  assert.equal(job({ completions: 5 }).spec?.parallelism, 1);
  assert.equal(
    job({ completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1 }).spec?.backoffLimit,
    2147483647,
  );
  assert.equal(job({ podFailurePolicy: { rules: [] } }).spec?.podReplacementPolicy, 'Failed');
  // the template's restartPolicy is defaulted to Always like any pod spec (validation then rejects it)
  assert.equal(j.spec?.template.spec?.restartPolicy, 'Always');
});

test('CronJob defaults (the job template itself is defaulted only when the Job is created)', () => {
  const cj: CronJob = applyDefaults(
    CronJobSchema.parse({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container] } } } },
      },
    }),
  );
  assert.equal(cj.spec?.concurrencyPolicy, 'Allow');
  assert.equal(cj.spec?.suspend, false);
  assert.equal(cj.spec?.successfulJobsHistoryLimit, 3);
  assert.equal(cj.spec?.failedJobsHistoryLimit, 1);
  assert.equal(cj.spec?.jobTemplate.spec?.backoffLimit, undefined);
  assert.equal(cj.spec?.jobTemplate.spec?.template.spec?.containers[0]?.terminationMessagePolicy, 'File');
});
