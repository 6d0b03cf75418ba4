// The defaulted types (model/defaulted.ts) claim no more than the defaulting does, and a manifest that leaves the
// defaulted fields out runs exactly like one that writes the defaults down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILLED, defaultedJobSpec, JobSpecSchema } from '../../simulator/src/model';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';

function loaded(yaml: string) {
  const m = loadManifest(yaml);
  assert.deepEqual(
    m.issues.filter((i) => i.severity === 'error').map((i) => i.message),
    [],
  );
  return m.objects;
}

const missing = (o: unknown, keys: readonly string[]) =>
  keys.filter((k) => (o as Record<string, unknown>)[k] === undefined);

test('every field a defaulted type makes required is filled by the loader, for every workload kind', () => {
  const container = (
    name: string,
    sidecar = false,
  ) => `{ name: ${name}, image: nginx, ports: [{ containerPort: 80 }],${sidecar ? ' restartPolicy: Always,' : ''}
      env: [{ name: P, valueFrom: { fieldRef: { fieldPath: metadata.name } } }],
      livenessProbe: { httpGet: { port: 80 } }, readinessProbe: { tcpSocket: { port: 80 } },
      lifecycle: { preStop: { httpGet: { port: 80 } } } }`;
  const podSpec = `{ containers: [${container('app')}], initContainers: [${container('side', true)}],
      volumes: [{ name: t, projected: { sources: [{ serviceAccountToken: { path: token } }] } }] }`;
  const template = `{ metadata: { labels: { app: a } }, spec: ${podSpec} }`;
  const objects = loaded(
    [
      `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: ${podSpec}`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec: { selector: { matchLabels: { app: a } }, template: ${template} }`,
      `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: { name: r }\nspec: { selector: { matchLabels: { app: a } }, template: ${template} }`,
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: s }\nspec: { serviceName: s, selector: { matchLabels: { app: a } }, template: ${template} }`,
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: ds }\nspec: { selector: { matchLabels: { app: a } }, template: ${template} }`,
      `apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec: { template: { spec: { restartPolicy: Never, containers: [${container('app')}] } } }`,
      `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: Never, containers: [${container('app')}] } } } } }`,
    ].join('\n---\n'),
  );
  assert.equal(objects.length, 7);
  for (const o of objects) {
    const spec = o.value.spec as Record<string, unknown>;
    const specKey = `${o.kind[0]!.toLowerCase()}${o.kind.slice(1)}Spec` as keyof typeof FILLED;
    if (specKey in FILLED) assert.deepEqual(missing(spec, FILLED[specKey]), [], `${o.kind}.spec`);
    const pods =
      o.kind === 'Pod'
        ? [o.value.spec]
        : o.kind === 'CronJob'
          ? [o.value.spec.jobTemplate.spec!.template.spec!]
          : [o.value.spec.template!.spec!];
    for (const ps of pods) {
      assert.deepEqual(missing(ps, FILLED.podSpec), [], `${o.kind} pod spec`);
      for (const c of [...ps.containers, ...(ps.initContainers ?? [])]) {
        assert.deepEqual(missing(c, FILLED.container), [], `${o.kind} container`);
        for (const p of [c.livenessProbe, c.readinessProbe]) assert.deepEqual(missing(p, FILLED.probe), []);
        assert.deepEqual(missing(c.livenessProbe!.httpGet, FILLED.httpGet), []);
        assert.deepEqual(missing(c.lifecycle!.preStop!.httpGet, FILLED.httpGet), []);
        assert.deepEqual(missing(c.ports![0], FILLED.port), []);
        assert.deepEqual(missing(c.env![0]!.valueFrom!.fieldRef, FILLED.fieldRef), []);
      }
      for (const v of ps.volumes ?? [])
        for (const s of v.projected?.sources ?? [])
          assert.deepEqual(missing(s.serviceAccountToken, FILLED.serviceAccountToken), []);
    }
  }
  // A CronJob's Jobs are defaulted when they are made (SetDefaults_Job runs on the new Job object).
  const job = defaultedJobSpec(
    JobSpecSchema.parse({ template: { spec: { containers: [{ name: 'a', image: 'b' }] } } }),
  );
  assert.deepEqual(missing(job, FILLED.jobSpec), []);
  assert.deepEqual([job.backoffLimit, job.parallelism, job.completions], [6, 1, 1]);
});

// The same workloads twice: once leaving every defaulted field out, once writing the defaults of
// k8s.io/kubernetes pkg/apis/{core,batch}/v1/defaults.go down (see test/model/defaultValues.test.ts).
const container = (explicit: boolean) =>
  explicit
    ? `
      - name: app
        image: nginx:1.25
        imagePullPolicy: IfNotPresent
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        ports: [{ containerPort: 80, protocol: TCP }]
        livenessProbe:
          httpGet: { port: 8080, path: /, scheme: HTTP }
          initialDelaySeconds: 0
          timeoutSeconds: 1
          periodSeconds: 10
          successThreshold: 1
          failureThreshold: 3
        readinessProbe:
          tcpSocket: { port: 80 }
          timeoutSeconds: 1
          periodSeconds: 10
          successThreshold: 1
          failureThreshold: 3`
    : `
      - name: app
        image: nginx:1.25
        ports: [{ containerPort: 80 }]
        livenessProbe:
          httpGet: { port: 8080 }
        readinessProbe:
          tcpSocket: { port: 80 }`;
const podSpec = (explicit: boolean, indent: string) =>
  (explicit
    ? `restartPolicy: Always
terminationGracePeriodSeconds: 30
dnsPolicy: ClusterFirst
schedulerName: default-scheduler
containers:${container(true)}`
    : `containers:${container(false)}`
  )
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
const job = (explicit: boolean) => `
      - name: work
        image: busybox:1.36
        command: [sh, -c, "sleep 3; exit 1"]${explicit ? '\n        terminationMessagePolicy: File' : ''}`;
const manifest = (explicit: boolean) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:${explicit ? '\n  replicas: 1\n  revisionHistoryLimit: 10\n  progressDeadlineSeconds: 600' : ''}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
${podSpec(explicit, '      ')}
---
apiVersion: batch/v1
kind: Job
metadata: { name: batch }
spec:${explicit ? '\n  backoffLimit: 6\n  parallelism: 1\n  completions: 1\n  completionMode: NonIndexed' : ''}
  template:
    spec:
      restartPolicy: Never
      containers:${job(explicit)}
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "*/2 * * * *"${explicit ? '\n  concurrencyPolicy: Allow\n  successfulJobsHistoryLimit: 3\n  failedJobsHistoryLimit: 1' : ''}
  jobTemplate:
    spec:${explicit ? '\n      backoffLimit: 6' : ''}
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: once
            image: busybox:1.36
            command: [sh, -c, "exit 1"]
`;

test('a manifest without the defaulted fields behaves exactly like one with the defaults written down', () => {
  const until = 900;
  const trace = (explicit: boolean) => simulate(loaded(manifest(explicit)), { until }).traceAt(until);
  const implicit = trace(false);
  const explicit = trace(true);
  // Something happened worth comparing: the liveness probe kills, the Job backs off, the CronJob keeps history.
  assert.ok(implicit.events.some((e) => e.reason === 'Killing'));
  assert.ok(implicit.events.some((e) => e.reason === 'BackoffLimitExceeded'));
  assert.ok(implicit.events.some((e) => e.reason === 'SawCompletedJob'));
  assert.deepEqual(explicit, implicit);
});
