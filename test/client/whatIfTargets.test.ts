// What-ifs name workloads, not generated pods (issue 13 item 6): a template edit changes the pod-template-hash
// and so every generated pod name (k/k pkg/controller/deployment: the ReplicaSet is `<name>-<hash>`, its pods
// `<rs>-<suffix>`), but not the Deployment's name, which the scenario's `pod` reaches through the pods' owner
// (README "Scenario files": "optional pod: a pod, or the workload that made it").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import { whatIfTarget } from '../../simulator/src/scenarioTargets';
import { panelSimulation } from '../../client/src/panel/panelModel';
import { effectTime, whatIfEvent, actionOf } from '../../client/src/panel/whatIfs';
import type { WhatIfAction } from '../../client/src/panel/protocol';
import { example } from '../simulator/harness';

function runOf(yaml: string, whatIf: WhatIfAction[] = []) {
  const m = loadManifest(yaml);
  assert.deepEqual(
    m.issues.filter((i) => i.severity === 'error'),
    [],
  );
  return simulate(m.objects, {
    until: 120,
    services: m.services,
    scenario: { cluster: { imagesPresent: true }, events: whatIf.map(whatIfEvent) },
  });
}

const original = example('liveness-wrong-port.yaml');
// The fix itself, an edit of the pod template: the probe on the port the app listens on.
const edited = original.replace('port: 8081', 'port: 8080');

test('a what-if on a Deployment pod names the Deployment, and an edit of the template keeps it', () => {
  const before = panelSimulation('t', runOf(original), [], null);
  const pod = before.pods[0]!;
  assert.equal(pod.target, 'hello-world');
  assert.match(pod.name, /^hello-world-[a-z0-9]+-[a-z0-9]{5}$/);
  const kill: WhatIfAction = { kind: 'kill', at: 30, pod: pod.target, container: 'hello-world', exitCode: 3 };

  const after = runOf(edited, [kill]);
  assert.equal(after.pods.length, 1);
  assert.notEqual(after.pods[0]!.name, pod.name, 'the edit changed the generated name');
  const killed = after.pods[0]!.containers[0]!.instances.find((i) => i.endedBy === 'scenario');
  assert.ok(killed, 'the kill reached the new pod');
  assert.equal(killed.exitCode, 3);
  assert.equal(killed.finishedAt, 30_000);

  // Named by the generated pod, as before, the same what-if is orphaned by the edit.
  const orphan = runOf(edited, [{ ...kill, pod: pod.name }]);
  assert.equal(
    orphan.pods[0]!.containers[0]!.instances.some((i) => i.endedBy === 'scenario'),
    false,
  );
});

test('the kill shows at once: the panel moves to the status the kubelet publishes after it (PLEG, ≤ 1 s)', () => {
  const kill: WhatIfAction = { kind: 'kill', at: 30, pod: 'hello-world', container: 'hello-world', exitCode: 3 };
  const result = runOf(edited, [kill]);
  const t = effectTime(result, kill);
  // kubelet-semantics.md: "PLEG notices an exit ≤ 1 s after it happens".
  assert.ok(t >= 30 && t <= 31, `effect at ${t}`);
  const status = result.pods[0]!.history.filter((h) => h.t <= t * 1000).at(-1)!.status;
  const c = status.containerStatuses.find((x) => x.name === 'hello-world')!;
  assert.equal(c.state.running, undefined, 'the container is no longer shown running');
  assert.equal((c.state.terminated ?? c.lastState.terminated)?.exitCode, 3);
});

test('names that do not change with the template are kept: a bare Pod, a StatefulSet replica', () => {
  const objects = [
    { kind: 'Pod', doc: 0, value: { metadata: { name: 'solo' } } },
    { kind: 'StatefulSet', doc: 1, value: { metadata: { name: 'db' } } },
    { kind: 'Job', doc: 2, value: { metadata: { name: 'pi' } } },
    { kind: 'Pod', doc: 3, value: { metadata: { generateName: 'gen-' } } },
  ];
  assert.equal(whatIfTarget(objects, { name: 'solo', doc: 0 }), 'solo');
  // StatefulSet pods are `<name>-<ordinal>` whatever the template (k/k pkg/controller/statefulset).
  assert.equal(whatIfTarget(objects, { name: 'db-1', doc: 1 }), 'db-1');
  assert.equal(whatIfTarget(objects, { name: 'pi-x7k2p', doc: 2 }), 'pi');
  assert.equal(whatIfTarget(objects, { name: 'gen-abcde', doc: 3 }), 'gen');
});

test('panel actions and scenario events convert both ways', () => {
  const actions: WhatIfAction[] = [
    { kind: 'kill', at: 60, pod: 'web', container: 'app', exitCode: 137 },
    { kind: 'kill', at: 61, container: 'app', exitCode: 1 },
    { kind: 'oom', at: 62, container: 'app' },
    { kind: 'delete', at: 63, pod: 'web', force: true },
    { kind: 'delete', at: 64, pod: 'web', force: false, gracePeriodSeconds: 5 },
    { kind: 'http', at: 65, pod: 'web', container: 'app', path: '/healthz', status: 500 },
    { kind: 'endpoint', at: 66, container: 'app', port: 8080, state: 'recover' },
    { kind: 'nodeFailure', at: 67, node: 'node-1' },
  ];
  assert.deepEqual(
    actions.map((a) => actionOf(whatIfEvent(a))),
    actions,
  );
  // A forced delete is written as kubectl --force --grace-period=0 would be.
  assert.deepEqual(whatIfEvent(actions[3]!).delete, { pod: 'web', force: true, gracePeriodSeconds: 0 });
});
