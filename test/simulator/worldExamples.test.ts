// The world examples do what their comments promise (world-semantics §1, §2, §9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columns, example, present, run } from './harness';

test('configmap-env: envFrom with prefix and a configMapKeyRef reach the script; a missing key stops the start (§1)', () => {
  const r = run(example('configmap-env.yaml'), { until: 60, scenario: present });
  assert.match(columns(r, 60), /^1\/1 Running 0$/);
  const broken = run(example('configmap-env.yaml').replace('key: greeting\n', 'key: salutation\n'), {
    until: 60,
    scenario: present,
  });
  assert.match(columns(broken, 60), /^0\/1 CreateContainerConfigError 0$/);
  assert.equal(
    broken.pod(60).status.containerStatuses[0]!.state.waiting?.message,
    "couldn't find key salutation in ConfigMap default/app-config",
  );
});

test('configmap-volume: Ready from the key it has, restarted by the liveness probe on the key it lacks (§2)', () => {
  const r = run(example('configmap-volume.yaml'), { until: 120, scenario: present });
  assert.equal(r.pod(20).status.containerStatuses[0]!.ready, true);
  const unhealthy = r.events('Unhealthy');
  assert.match(unhealthy[0]!.message, /^Liveness probe failed: cat: can't open '\/etc\/config\/feature-flags'/);
  assert.equal(r.events('Killing').length >= 1, true);
  assert.ok(unhealthy.every((e) => !e.message.startsWith('Readiness')));
});

test('list: both pods of the Deployment in the List read the Secret of the same List (§9)', () => {
  const r = run(example('list.yaml'), { until: 60, scenario: present });
  assert.equal(r.trace.pods.length, 2);
  for (const p of r.trace.pods) assert.equal(p.kubectl.status, 'Running');
  assert.deepEqual(r.trace.world?.objects[0]?.usedBy.length, 2);
});
