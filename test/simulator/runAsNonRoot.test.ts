// runAsNonRoot (world-semantics §6 "Facts: users, groups, volume ownership" and "Exact strings"): the kubelet's
// verifyRunAsNonRoot runs in generateContainerConfig after the env is made (§0: "runAsNonRoot violation |
// kubelet startContainer → generateContainerConfig | every sync, after the image step | CreateContainerConfigError,
// Failed"). Container-level fields override the pod's (§6, k/website security-context.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, present, run } from './harness';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import { predict } from '../../simulator/src/predict';
import { causeRange } from '../../simulator/src/sourceRanges';

function pod(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n${spec}`;
}

function waiting(r: ReturnType<typeof run>, t: number, name: string) {
  return r.pod(t).status.containerStatuses?.find((c) => c.name === name)?.state.waiting;
}

test('§6: stock nginx (no USER, UID 0) under runAsNonRoot → CreateContainerConfigError with the kubelet text', () => {
  const r = run(example('run-as-non-root.yaml'), { until: 120, scenario: present });
  const uid = r.result.pods[0]!.uid;
  const ref = `run-as-non-root_default(${uid})`;
  const root = `container has runAsNonRoot and image will run as root (pod: "${ref}", container: web)`;
  const named = `container has runAsNonRoot and image has non-numeric user (memcache), cannot verify user is non-root (pod: "${ref}", container: cache)`;
  assert.deepEqual(waiting(r, 120, 'web'), { reason: 'CreateContainerConfigError', message: root });
  assert.deepEqual(waiting(r, 120, 'cache'), { reason: 'CreateContainerConfigError', message: named });
  const failed = r.events('Failed').map((e) => e.message);
  assert.ok(failed.includes(`Error: ${root}`), failed.join('\n'));
  assert.ok(failed.includes(`Error: ${named}`));
  // Retried on every sync, never started; the numeric non-root image (USER 101) passes the check and runs.
  assert.ok(failed.filter((m) => m.endsWith('container: web)')).length > 3);
  assert.deepEqual(
    r.events('Started').map((e) => e.message),
    ['Started container unprivileged'],
  );
  assert.equal(r.pod(120).kubectl.status, 'CreateContainerConfigError');
  assert.equal(r.pod(120).kubectl.ready, '1/3');
});

test('§6: runAsUser 0 with runAsNonRoot → "runAsUser breaks non-root policy", without looking at the image', () => {
  const r = run(
    pod(`  securityContext: { runAsNonRoot: true }
  containers:
    - name: app
      image: example.com/team/app:1.0
      securityContext: { runAsUser: 0 }
`),
    { until: 30, scenario: present },
  );
  assert.equal(
    waiting(r, 30, 'app')?.message,
    `container's runAsUser breaks non-root policy (pod: "web_default(${r.result.pods[0]!.uid})", container: app)`,
  );
});

test('§6: container fields override the pod: runAsUser 1000 passes; runAsNonRoot false turns the check off', () => {
  for (const sc of ['{ runAsUser: 1000 }', '{ runAsNonRoot: false }']) {
    const r = run(
      pod(`  securityContext: { runAsNonRoot: true, runAsUser: 0 }
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      securityContext: ${sc}
`),
      { until: 30, scenario: present },
    );
    assert.equal(r.pod(30).kubectl.status, 'Running', sc);
    assert.deepEqual(r.events('Failed'), [], sc);
  }
});

test('certain vs unknown: an image whose user the catalogue does not know starts, with a note and no prediction', () => {
  const yaml = pod(`  securityContext: { runAsNonRoot: true }
  containers:
    - name: app
      image: example.com/team/app:1.0
`);
  const r = run(yaml, { until: 30, scenario: present });
  assert.equal(r.pod(30).kubectl.status, 'Running');
  assert.ok(
    r.trace.notes.some((n) =>
      /runAsNonRoot without runAsUser: the user of image `example.com\/team\/app:1.0` is not known/.test(n.message),
    ),
  );
  const m = loadManifest(yaml);
  assert.deepEqual(predict(simulate(m.objects, { until: 120 }), { defaultCluster: true }), []);
});

test('§0: the env error comes first (GenerateRunContainerOptions runs before verifyRunAsNonRoot)', () => {
  const r = run(
    `apiVersion: v1
kind: ConfigMap
metadata: { name: cfg }
data: { other: "1" }
---
${pod(`  securityContext: { runAsNonRoot: true }
  containers:
    - name: web
      image: nginx:1.27
      env:
        - name: MODE
          valueFrom: { configMapKeyRef: { name: cfg, key: mode } }
`)}`,
    { until: 30, scenario: present },
  );
  assert.equal(waiting(r, 30, 'web')?.message, "couldn't find key mode in ConfigMap default/cfg");
});

test('predicted-config-error on the image line of each refused container', () => {
  const yaml = example('run-as-non-root.yaml');
  const m = loadManifest(yaml);
  const ps = predict(simulate(m.objects, { until: 600, services: m.services }), { defaultCluster: true });
  const lines = yaml.split('\n');
  const at = (p: (typeof ps)[number]) => lines[causeRange(m, p.doc, p.paths[0]!).start.line]!.trim();
  assert.deepEqual(
    ps.map((p) => [p.code, p.container, at(p)]),
    [
      ['predicted-config-error', 'web', 'image: nginx:1.27'],
      ['predicted-config-error', 'cache', 'image: memcached:1.6'],
    ],
  );
  assert.match(
    ps[0]!.message,
    /^Predicted CreateContainerConfigError: web never starts\. container has runAsNonRoot and image will run as root/,
  );
});
