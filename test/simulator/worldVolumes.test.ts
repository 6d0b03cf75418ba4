// configMap, secret, downwardAPI and projected volumes as files (world-semantics §2): one file per key, items
// with path and mode, subPath mounts, optional; exec probes and scripts see exactly those files; a volume whose
// object the world proves missing never mounts (FailedMount on the 0.5 s doubling back-off, ContainerCreating).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertTimes, columns, present, run } from './harness';

const OBJECTS = `apiVersion: v1
kind: ConfigMap
metadata: { name: app-config }
data: { app.yaml: "port: 80", mode: fast }
---
apiVersion: v1
kind: Secret
metadata: { name: db-creds }
data: { password: c2VjcmV0, user: YWRtaW4= }   # "secret", "admin"
---
`;

function pod(script: string, mounts: string, volumes: string, probe = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web, tier: front } }
spec:
  restartPolicy: Never
  containers:
    - name: app
      image: busybox:1.36
      terminationMessagePolicy: FallbackToLogsOnError
      command: ['sh', '-c', '${script}; exit 1']
      volumeMounts:
${mounts}
${probe}
  volumes:
${volumes}`;
}

function message(yaml: string, scenario = present): string | undefined {
  return run(yaml, { until: 30, scenario }).pod(30).status.containerStatuses[0]!.state.terminated?.message;
}

test('§2: a secret volume has one file per key, base64-decoded; items select and rename (path)', () => {
  const yaml = pod(
    'cat /etc/db/pw; test -f /etc/db/password || echo " no-password-file"; cat /etc/all/user',
    `        - { name: db, mountPath: /etc/db }
        - { name: all, mountPath: /etc/all }`,
    `    - name: db
      secret: { secretName: db-creds, items: [{ key: password, path: pw, mode: 0400 }] }
    - name: all
      secret: { secretName: db-creds }`,
  );
  assert.equal(message(OBJECTS + yaml), 'secret no-password-file\nadmin');
});

test('§2: a configMap volume: keys as files, items paths with directories, subPath mounts one file, ..data layout', () => {
  const yaml = pod(
    'cat /etc/cfg/app.yaml; echo; cat /etc/sub/conf/mode; echo; cat /app/mode.txt; echo; cat /etc/cfg/..data/mode',
    `        - { name: cfg, mountPath: /etc/cfg }
        - { name: sub, mountPath: /etc/sub }
        - { name: cfg, mountPath: /app/mode.txt, subPath: mode }`,
    `    - name: cfg
      configMap: { name: app-config }
    - name: sub
      configMap: { name: app-config, items: [{ key: mode, path: conf/mode }] }`,
  );
  assert.equal(message(OBJECTS + yaml), 'port: 80\nfast\nfast\nfast');
});

test('§2: downwardAPI and projected volumes: labels (FormatMap), name, and sources side by side', () => {
  const yaml = pod(
    'cat /etc/pod/labels; echo; cat /etc/pod/name; echo; cat /etc/all/mode /etc/all/password; test -f /etc/all/token && echo " token"',
    `        - { name: pod, mountPath: /etc/pod }
        - { name: all, mountPath: /etc/all }`,
    `    - name: pod
      downwardAPI:
        items:
          - { path: labels, fieldRef: { fieldPath: metadata.labels } }
          - { path: name, fieldRef: { fieldPath: metadata.name } }
    - name: all
      projected:
        sources:
          - configMap: { name: app-config, items: [{ key: mode, path: mode }] }
          - secret: { name: db-creds, items: [{ key: password, path: password }] }
          - serviceAccountToken: { path: token }`,
  );
  // fieldpath.FormatMap: sorted key="value" lines without a final newline.
  assert.equal(message(OBJECTS + yaml), 'app="web"\ntier="front"\nweb\nfastsecret token\n');
});

test('§2: an exec probe `cat /etc/config/<key>` passes for a key the ConfigMap has and fails for one it lacks', () => {
  const make = (key: string) =>
    OBJECTS +
    pod(
      'sleep 3600',
      '        - { name: cfg, mountPath: /etc/config }',
      '    - name: cfg\n      configMap: { name: app-config }',
      `      readinessProbe:\n        exec: { command: [cat, /etc/config/${key}] }\n        periodSeconds: 5`,
    );
  const good = run(make('mode'), { until: 30, scenario: present });
  assert.equal(good.pod(30).status.containerStatuses[0]!.ready, true);
  const bad = run(make('missing'), { until: 30, scenario: present });
  assert.equal(bad.pod(30).status.containerStatuses[0]!.ready, false);
  assert.match(
    bad.events('Unhealthy')[0]!.message,
    /^Readiness probe failed: cat: can't open '\/etc\/config\/missing': No such file or directory/,
  );
});

test('§2 timeline and exact strings: a missing ConfigMap in a complete world → FailedMount at 0, 0.5, 1.5, 3.5 … s, ContainerCreating', () => {
  const yaml = pod(
    'echo hi',
    '        - { name: cfg, mountPath: /etc/cfg }',
    '    - name: cfg\n      configMap: { name: app-config }',
  );
  const r = run(yaml, { until: 130, scenario: `${present}\nworldComplete: true` });
  const mounts = r.events('FailedMount');
  assert.ok(
    mounts.every((e) => e.message === 'MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found'),
  );
  assertTimes(r.times('FailedMount'), [0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5, 63.5, 127.5], 0.01, 'FailedMount');
  assert.match(columns(r, 130), /^0\/1 ContainerCreating 0$/);
  assert.equal(r.pod(130).status.phase, 'Pending');
  assert.deepEqual(r.events('Pulled'), [], 'no sandbox, no image step');
  // 1.28+: no "Unable to attach or mount volumes" event after the 2 min 3 s wait.
  assert.ok(r.trace.events.every((e) => !e.message.startsWith('Unable to attach or mount volumes')));
});

test('§2 exact strings: an items key the Secret lacks → "references non-existent secret key"; optional: true mounts what exists', () => {
  const vol = (optional: boolean) =>
    `    - name: creds\n      secret: { secretName: db-creds, optional: ${optional}, items: [{ key: token, path: token }] }`;
  const r = run(OBJECTS + pod('echo hi', '        - { name: creds, mountPath: /c }', vol(false)), {
    until: 5,
    scenario: present,
  });
  assert.equal(
    r.events('FailedMount')[0]?.message,
    'MountVolume.SetUp failed for volume "creds" : references non-existent secret key: token',
  );
  const ok = message(
    OBJECTS + pod('test -f /c/token || echo absent', '        - { name: creds, mountPath: /c }', vol(true)),
  );
  assert.equal(ok, 'absent\n');
});

test('certain vs unknown: a configMap volume of an object nowhere in the file is unknown — no FailedMount, no failing probe', () => {
  const yaml = pod(
    'sleep 3600',
    '        - { name: cfg, mountPath: /etc/config }',
    '    - name: cfg\n      configMap: { name: elsewhere }',
    '      readinessProbe:\n        exec: { command: [cat, /etc/config/key] }',
  );
  const r = run(yaml, { until: 30, scenario: present });
  assert.deepEqual(r.events('FailedMount'), []);
  assert.deepEqual(r.events('Unhealthy'), []);
  assert.equal(r.trace.world?.unknown[0]?.name, 'elsewhere');
});
