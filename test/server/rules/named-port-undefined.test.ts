import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namedPortUndefined as rule } from '../../../server/src/rules/named-port-undefined';
import { applyFix, none, one, range, yaml } from './helpers';

const text = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: web
        image: nginx:1.27
        ports:
          - name: web
            containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: http
`;

test('named-port-undefined: a probe names a port the container does not define', () => {
  const f = one(rule, text);
  assert.deepEqual(f.range, range(14, 16, 14, 20));
  assert.equal(
    f.message,
    'Readiness probe uses port name "http", but web defines no port of that name (its port names: web (80))',
  );
  assert.deepEqual(f.related, [{ range: range(9, 16, 9, 19), message: 'web names port 80 "web" here' }]);
  assert.deepEqual(
    f.fixes?.map((x) => [x.title, x.preferred]),
    [['Use port name "web" (80)', true]],
  );
  const fixed = applyFix(rule, text, f, 'Use port name "web" (80)');
  assert.match(fixed, /port: web\n$/);
});

test('named-port-undefined: the name belongs to another container (the kubelet only looks in the probed one)', () => {
  const t = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          lifecycle:
            preStop:
              httpGet:
                path: /drain
                port: admin
        - name: sidecar
          image: acme/sidecar:1
          ports:
            - name: admin
              containerPort: 9000
  `;
  const f = one(rule, t);
  assert.deepEqual(f.range, range(12, 18, 12, 23));
  assert.equal(
    f.message,
    'preStop hook uses port name "admin", but app defines no port of that name (it declares no ports); "admin" is a port of sidecar, but the kubelet looks names up only in the probed container\'s own ports',
  );
  applyFix(rule, t, f, 'Use port number 9000');
});

test('named-port-undefined: defined names, numbers and other handlers are fine', () => {
  none(rule, text.replace('port: http', 'port: web'));
  none(rule, text.replace('port: http', 'port: 80'));
  none(
    rule,
    yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          livenessProbe:
            exec:
              command: ["true"]
  `,
  );
});
