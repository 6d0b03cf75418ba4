import { test } from 'node:test';
import assert from 'node:assert/strict';
import { volumeMountUndefined as rule } from '../../../server/src/rules/volume-mount-undefined';
import { applyFix, none, one, range, yaml } from './helpers';

const typo = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
      - name: app
        image: acme/app:1
        volumeMounts:
          - name: config-volum
            mountPath: /etc/app
    volumes:
      - name: config-volume
        configMap:
          name: app-config
`;

test('volume-mount-undefined: a mount with a typo in the volume name', () => {
  const f = one(rule, typo);
  assert.deepEqual(f.range, range(9, 16, 9, 28));
  assert.equal(
    f.message,
    'Volume mount "config-volum" in app refers to no volume (the pod\'s volumes: config-volume); did you mean "config-volume"?',
  );
  assert.deepEqual(f.related, [{ range: range(12, 12, 12, 25), message: 'volume "config-volume" is defined here' }]);
  assert.deepEqual(
    f.fixes?.map((x) => [x.title, x.preferred]),
    [
      ['Rename to "config-volume"', true],
      ['Add an emptyDir volume named "config-volum"', undefined],
    ],
  );
  applyFix(rule, typo, f, 'Rename to "config-volume"');
  const added = applyFix(rule, typo, f, 'Add an emptyDir volume named "config-volum"');
  assert.match(
    added,
    /    - name: config-volume\n      configMap:\n        name: app-config\n    - name: config-volum\n      emptyDir: \{\}\n$/,
  );
});

test('volume-mount-undefined: no volumes at all: the fix adds a volumes list to the pod spec', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      selector:
        matchLabels: { app: d }
      template:
        metadata:
          labels: { app: d }
        spec:
          containers:
            - name: app
              image: acme/app:1
              volumeMounts:
                - name: cache
                  mountPath: /cache
          restartPolicy: Always
  `;
  const f = one(rule, text);
  assert.deepEqual(f.range, range(15, 20, 15, 25));
  assert.equal(f.message, 'Volume mount "cache" in app refers to no volume (the pod defines no volumes)');
  const fixed = applyFix(rule, text, f, 'Add an emptyDir volume named "cache"');
  assert.match(
    fixed,
    /      restartPolicy: Always\n      volumes:\n        - name: cache\n          emptyDir: \{\}\n$/,
  );
});

test('volume-mount-undefined: StatefulSet volumeClaimTemplates count as volumes', () => {
  none(
    rule,
    yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector:
        matchLabels: { app: db }
      template:
        metadata:
          labels: { app: db }
        spec:
          containers:
            - name: db
              image: postgres:16
              volumeMounts:
                - name: data
                  mountPath: /var/lib/postgresql/data
      volumeClaimTemplates:
        - metadata:
            name: data
          spec:
            accessModes: [ReadWriteOnce]
            resources:
              requests:
                storage: 1Gi
  `,
  );
});
