import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateEnv } from '../../../server/src/rules/duplicate-env';
import { duplicateName } from '../../../server/src/rules/duplicate-name';
import { duplicatePort } from '../../../server/src/rules/duplicate-port';
import { applyFix, none, one, range, run, yaml } from './helpers';

test('duplicate-name: container names are one namespace across init and regular containers', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      initContainers:
        - name: app
          image: busybox:1.36
      containers:
        - name: app
          image: acme/app:1
  `;
  const f = one(duplicateName, text);
  assert.deepEqual(f.range, range(9, 12, 9, 15));
  assert.equal(
    f.message,
    'Container name "app" is already used by the init container on line 7: names must be unique across containers, initContainers and ephemeralContainers',
  );
  assert.deepEqual(f.related, [{ range: range(6, 12, 6, 15), message: '"app" is first used here' }]);
  const fixed = applyFix(duplicateName, text, f, 'Rename to "app-2"');
  assert.match(fixed, /- name: app-2\n/);
});

test('duplicate-name: port names within a container, volume names', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          ports:
            - name: http
              containerPort: 8080
            - name: http
              containerPort: 8443
      volumes:
        - name: data
          emptyDir: {}
        - name: data
          emptyDir: {}
  `;
  const found = run(duplicateName, text);
  assert.equal(found.length, 2);
  const [port, volume] = found as [(typeof found)[0], (typeof found)[0]];
  assert.deepEqual(port.range, range(11, 16, 11, 20));
  assert.equal(
    port.message,
    'Port name "http" is used twice in app (first on line 10): port names must be unique within a container',
  );
  applyFix(duplicateName, text, port, 'Rename to "http-2"');
  assert.deepEqual(volume.range, range(16, 12, 16, 16));
  assert.equal(
    volume.message,
    'Volume name "data" is used twice (first on line 15): volume names must be unique in a pod; both definitions are identical',
  );
  const fixed = applyFix(duplicateName, text, volume, 'Remove this duplicate volume');
  assert.match(fixed, /volumes:\n    - name: data\n      emptyDir: \{\}\n$/);
});

test('duplicate-name: unique names are fine', () => {
  none(
    duplicateName,
    yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: a
          image: x:1
          ports: [{ name: http, containerPort: 80 }, { name: https, containerPort: 443 }]
        - name: b
          image: x:1
  `,
  );
});

test('duplicate-env: the last value wins; the fix removes the earlier definition', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          env:
            - name: MODE
              value: dev
            - name: LEVEL
              value: info
            - name: MODE
              value: prod
  `;
  const f = one(duplicateEnv, text);
  assert.deepEqual(f.range, range(13, 16, 13, 20));
  assert.equal(
    f.message,
    'Environment variable "MODE" is already set in app on line 10: the container sees only this last value, and kubectl apply may drop one of the two',
  );
  const fixed = applyFix(duplicateEnv, text, f, 'Remove the earlier definition (line 10)');
  assert.match(
    fixed,
    /env:\n        - name: LEVEL\n          value: info\n        - name: MODE\n          value: prod\n$/,
  );
});

test('duplicate-env: a later value that builds on the earlier one is intentional', () => {
  none(
    duplicateEnv,
    yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          env:
            - { name: PATH, value: /bin }
            - { name: PATH, value: "$(PATH):/opt/bin" }
  `,
  );
});

test('duplicate-port: the same port in two containers cannot be bound twice', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: nginx1
          image: nginx:1.27
          ports:
            - containerPort: 80
        - name: nginx2
          image: nginx:1.27
          ports:
            - containerPort: 80
  `;
  const f = one(duplicatePort, text);
  assert.deepEqual(f.range, range(13, 25, 13, 27));
  assert.equal(
    f.message,
    'Port 80/TCP is declared by both nginx1 and nginx2: containers of a pod share one network namespace, so only one of them can listen on it (the other fails to bind)',
  );
  assert.deepEqual(f.fixes, undefined);
});

test('duplicate-port: the same port twice in one container; other protocols are distinct', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: dns
    spec:
      containers:
        - name: dns
          image: coredns/coredns:1.11.1
          ports:
            - containerPort: 53
              protocol: UDP
            - containerPort: 53
              protocol: TCP
            - containerPort: 53
              protocol: UDP
  `;
  const f = one(duplicatePort, text);
  assert.deepEqual(f.range, range(13, 25, 13, 27));
  assert.equal(f.message, 'Port 53/UDP is declared twice in dns (first on line 10)');
  applyFix(duplicatePort, text, f, 'Remove this duplicate port');
});
