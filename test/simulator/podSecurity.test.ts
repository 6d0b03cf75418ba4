// Pod Security Admission in the simulation (world-semantics.md §0 and §7): a namespace that enforces a level
// keeps the pods that break it from existing. A workload is accepted and its controller's creations fail with
// FailedCreate, retried with the workqueue back-off (client-go DefaultControllerRateLimiter: 5 ms doubling);
// a bare Pod is an API-server error of the manifest. Event wording: replicaset/job/daemonset controllers record
// `Error creating: <err>` (controller_utils.go CreatePods); the StatefulSet controller
// `create Pod <name> in StatefulSet <set> failed error: <err>` (stateful_pod_control.go recordPodEvent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { run } from './harness';

const namespace = (level: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n---\n`;

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: prod
spec:
  replicas: 2
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      hostNetwork: true
      containers:
        - name: api
          image: nginx:1.27
`;

test('a Deployment in a namespace that enforces baseline: no pod, FailedCreate with the API server message, retried', () => {
  const r = run(namespace('baseline') + deployment, { until: 60 });
  assert.deepEqual(r.trace.pods, []);
  const failed = r.events('FailedCreate');
  assert.ok(failed.length >= 10, `${failed.length} FailedCreate events`);
  for (const e of failed) {
    assert.equal(e.type, 'Warning');
    assert.equal(e.source, 'replicaset-controller');
    assert.match(e.object, /^ReplicaSet\/api-[a-z0-9]+$/);
    assert.match(
      e.message,
      /^Error creating: pods "api-[a-z0-9]+-[a-z0-9]{5}" is forbidden: violates PodSecurity "baseline:latest": host namespaces \(hostNetwork=true\)$/,
    );
  }
  // The per-item back-off doubles from 5 ms: 0, 0.005, 0.015, 0.035 s …
  assert.deepEqual(
    failed.slice(0, 4).map((e) => e.t),
    [0, 0.005, 0.015, 0.035],
  );
  assert.equal(r.events('SuccessfulCreate').length, 0);
});

test('the same Deployment where nothing is enforced (another namespace, or privileged) runs its pods', () => {
  for (const text of [
    namespace('privileged') + deployment,
    namespace('baseline') + deployment.replace('namespace: prod', 'namespace: dev'),
  ]) {
    const r = run(text, { until: 30 });
    assert.equal(r.events('FailedCreate').length, 0);
    assert.equal(r.trace.pods.length, 2);
  }
});

test('StatefulSet, DaemonSet and Job words (restricted: the plain nginx message of world-semantics §7)', () => {
  const detail =
    'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "web" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "web" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "web" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
  const template = `    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
  const sts = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  serviceName: web\n  selector:\n    matchLabels: { app: web }\n  template:\n${template}`;
  const s = run(namespace('restricted') + sts, { until: 10 }).events('FailedCreate');
  assert.equal(s[0]!.source, 'statefulset-controller');
  assert.equal(s[0]!.message, `create Pod web-0 in StatefulSet web failed error: pods "web-0" is forbidden: ${detail}`);
  const ds = sts.replace('kind: StatefulSet', 'kind: DaemonSet').replace('  serviceName: web\n', '');
  const d = run(namespace('restricted') + ds, { until: 10 }).events('FailedCreate');
  assert.equal(d[0]!.source, 'daemonset-controller');
  assert.match(d[0]!.message, new RegExp(`^Error creating: pods "web-[a-z0-9]{5}" is forbidden: ${escape(detail)}$`));
  const job = `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  template:\n${template.replace('    spec:\n', '    spec:\n      restartPolicy: Never\n')}`;
  const j = run(namespace('restricted') + job, { until: 10 }).events('FailedCreate');
  assert.equal(j[0]!.source, 'job-controller');
  assert.match(j[0]!.message, new RegExp(`^Error creating: pods "web-[a-z0-9]{5}" is forbidden: ${escape(detail)}$`));
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a bare Pod there is an API-server error of the manifest, on the first field that breaks the level', () => {
  const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  hostPID: true\n  containers:\n    - name: web\n      image: nginx:1.27\n`;
  const m = loadManifest(namespace('baseline') + pod);
  assert.deepEqual(m.objects, []);
  const [issue, ...rest] = m.issues;
  assert.equal(rest.length, 0);
  assert.equal(issue!.code, 'pod-security');
  assert.equal(issue!.severity, 'error');
  assert.equal(
    issue!.message,
    'pods "web" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true)',
  );
  assert.equal(issue!.range.start.line, 13); // `hostPID: true`, line 7 of the Pod's document
  // Without the Namespace in the file nothing is known to be enforced: the Pod loads.
  assert.equal(loadManifest(pod).objects.length, 1);
});
