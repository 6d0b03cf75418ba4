// The rule for objects the world does not contain, as the predictions apply it (README "The world the simulation
// sees"): a ConfigMap or Secret nowhere in the file or the scenario is unknown, so nothing is predicted about it;
// declared complete, missing means missing, with the kubelet's outcome and exact words (world-semantics §1, §2):
// CreateContainerConfigError for env, FailedMount (ContainerCreating) for a volume, each on its own line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictOutcomes, troubles, verdicts } from '../../simulator/src/index';
import { present, run } from './harness';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts:
        - { name: cfg, mountPath: /etc/cfg }
  volumes:
    - name: cfg
      configMap: { name: app-config }
`;
const COMPLETE = `${present}\nworldComplete: true`;

function outcomes(yaml: string, scenario: string) {
  const r = run(yaml, { until: 600, scenario });
  const o = predictOutcomes(r.result, { defaultCluster: true });
  return { r, o };
}

test('unknown by default: a configMap volume whose ConfigMap is nowhere mounts unknown files, nothing predicted', () => {
  const { r, o } = outcomes(POD, present);
  assert.deepEqual(o.predictions, []);
  assert.deepEqual(r.events('FailedMount'), []);
  assert.deepEqual(
    r.trace.world?.unknown.map((u) => `${u.kind}/${u.name}`),
    ['ConfigMap/app-config'],
  );
});

test('world complete: the missing ConfigMap is a FailedMount prediction on the volume, in the kubelet’s words', () => {
  const { r, o } = outcomes(POD, COMPLETE);
  const [p, ...rest] = o.predictions;
  assert.deepEqual(rest, []);
  assert.equal(p?.code, 'predicted-mount-failed');
  assert.deepEqual(p?.paths, ['spec.volumes[0]']);
  // world-semantics §2 exact strings: `MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found`
  // (note the space before the colon); STATUS ContainerCreating.
  assert.equal(p?.evidence, 'MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found');
  assert.match(p?.message ?? '', /^Predicted FailedMount: the pod stays in ContainerCreating/);
  // Every FailedMount of the run is explained by it (no trouble left unexplained).
  const mounts = troubles(r.result, o).filter((t) => t.reason === 'FailedMount');
  assert.ok(mounts.length > 0);
  assert.ok(mounts.every((t) => t.verdict.kind === 'explained' && t.verdict.prediction === p));
});

test('a ConfigMap in the file that lacks an items key is a proven miss, complete or not (world-semantics §2)', () => {
  const yaml = `apiVersion: v1
kind: ConfigMap
metadata: { name: app-config }
data: { mode: fast }
---
${POD.replace('configMap: { name: app-config }', 'configMap: { name: app-config, items: [{ key: app.yaml, path: app.yaml }] }')}`;
  const { o } = outcomes(yaml, present);
  assert.equal(o.predictions[0]?.code, 'predicted-mount-failed');
  assert.equal(
    o.predictions[0]?.evidence,
    'MountVolume.SetUp failed for volume "cfg" : configmap references non-existent config key: app.yaml',
  );
});

test('world complete: `optional: true` mounts an empty volume, nothing predicted (world-semantics §2)', () => {
  const { o } = outcomes(POD.replace('{ name: app-config }', '{ name: app-config, optional: true }'), COMPLETE);
  assert.deepEqual(o.predictions, []);
});

test('world complete: env from a Secret nowhere → CreateContainerConfigError on the env line (world-semantics §1)', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: PASS
          valueFrom: { secretKeyRef: { name: db-creds, key: password } }
`;
  assert.deepEqual(outcomes(yaml, present).o.predictions, [], 'unknown by default');
  const [p] = outcomes(yaml, COMPLETE).o.predictions;
  assert.equal(p?.code, 'predicted-config-error');
  assert.equal(p?.evidence, 'secret "db-creds" not found');
  assert.match(p?.paths[0] ?? '', /^spec\.containers\[0\]\.env\[0\]/);
});

const CLAIM_POD = `apiVersion: v1
kind: Pod
metadata: { name: db }
spec:
  containers:
    - name: db
      image: nginx:1.27
      volumeMounts:
        - { name: data, mountPath: /data }
  volumes:
    - name: data
      persistentVolumeClaim: { claimName: mongodb-pvc }
`;

test('a PVC nowhere is unknown by default: the pod schedules as before, nothing predicted, the claim listed unknown', () => {
  const { r, o } = outcomes(CLAIM_POD, present);
  assert.deepEqual(o.predictions, []);
  assert.deepEqual(r.events('FailedScheduling'), []);
  // README "The world the simulation sees": a reference to an object nowhere in the world is unknown (the cluster
  // may have it) — a claim as a ConfigMap: listed in the world's unknown references, on its volume.
  assert.deepEqual(r.trace.world?.unknown, [
    { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'mongodb-pvc', doc: 0, path: 'spec.volumes[0]' },
  ]);
  // What the run assumed decides the outcome (world-semantics §8: a missing claim keeps the pod Pending): unknown.
  const [v] = verdicts(r.result, o.predictions);
  assert.equal(v?.outcome, 'unknown');
  assert.match(v?.reason ?? '', /PersistentVolumeClaim `mongodb-pvc` is not in the file or the scenario/);
});

test('world complete: a PVC nowhere → FailedScheduling from VolumeBinding on the claimName line (world-semantics §8)', () => {
  const { r, o } = outcomes(CLAIM_POD, COMPLETE);
  // world-semantics §8: the lister error `persistentvolumeclaim "<name>" not found` replaces the histogram;
  // UnschedulableAndUnresolvable, so preemption is "not helpful" (kubelet-semantics §7 FitError format).
  assert.match(
    r.events('FailedScheduling')[0]?.message ?? '',
    /^0\/1 nodes are available: persistentvolumeclaim "mongodb-pvc" not found\. preemption: 0\/1 nodes are available: 1 Preemption is not helpful for scheduling\.\.?$/,
  );
  assert.equal(r.pod(600).status.phase, 'Pending');
  const [p] = o.predictions;
  assert.equal(p?.code, 'predicted-unschedulable', 'certain on any cluster: not left to the real nodes');
  assert.deepEqual(p?.paths, ['spec.volumes[0].persistentVolumeClaim.claimName']);
  assert.deepEqual(r.trace.world?.unknown ?? [], [], 'proven missing, not unknown');
});

test('world complete: the PVC in the file (or the scenario) exists, the pod schedules', () => {
  const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: mongodb-pvc }
spec:
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
---
`;
  assert.deepEqual(outcomes(claim + CLAIM_POD, COMPLETE).o.predictions, []);
  const scenario = `${COMPLETE}\nobjects:\n  - { apiVersion: v1, kind: PersistentVolumeClaim, metadata: { name: mongodb-pvc } }`;
  const { r, o } = outcomes(CLAIM_POD, scenario);
  assert.deepEqual(o.predictions, []);
  assert.deepEqual(
    r.trace.world?.objects.map((x) => `${x.kind}/${x.name} ${x.usedBy.join(',')}`),
    ['PersistentVolumeClaim/mongodb-pvc db'],
  );
  assert.deepEqual(r.trace.world?.unknown, [], 'found, not unknown');
});
