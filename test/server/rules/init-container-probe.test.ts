import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initContainerProbe as rule } from '../../../server/src/rules/init-container-probe';
import { applyFix, loaderCodes, none, one, range, yaml } from './helpers';

const text = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    initContainers:
      - name: wait-db
        image: busybox:1.36
        command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]
        readinessProbe:
          tcpSocket:
            port: 5432
    containers:
      - name: app
        image: acme/app:1
`;

test('init-container-probe: a readiness probe on a regular init container', () => {
  assert.ok(loaderCodes(text).includes('probe-on-init-container'), 'the API validation agrees');
  const f = one(rule, text);
  assert.deepEqual(f.range, range(9, 6, 9, 20));
  assert.equal(
    f.message,
    'Init container wait-db cannot have a readiness probe: it runs to completion before the app starts, so the API server rejects it. Remove readinessProbe, or make wait-db a sidecar that keeps running (restartPolicy: Always)',
  );
  const removed = applyFix(rule, text, f, 'Remove readinessProbe');
  assert.match(removed, /done"\]\n  containers:/);
  assert.deepEqual(loaderCodes(removed), []);
  const sidecar = applyFix(rule, text, f, 'Make wait-db a sidecar (restartPolicy: Always)');
  assert.match(sidecar, /          port: 5432\n      restartPolicy: Always\n  containers:/);
  assert.deepEqual(loaderCodes(sidecar), []);
});

test('init-container-probe: lifecycle hooks on an init container', () => {
  const t = text.replace(
    /readinessProbe:\n.*\n.*\n/,
    'lifecycle:\n        postStart:\n          exec:\n            command: ["true"]\n',
  );
  const f = one(rule, t);
  assert.equal(
    f.message,
    'Init container wait-db cannot have lifecycle hooks: it runs to completion before the app starts, so the API server rejects it. Remove lifecycle, or make wait-db a sidecar that keeps running (restartPolicy: Always)',
  );
  applyFix(rule, t, f, 'Remove lifecycle');
});

test('init-container-probe: sidecars may have probes', () => {
  none(rule, text.replace('      readinessProbe:', '      restartPolicy: Always\n      readinessProbe:'));
});
