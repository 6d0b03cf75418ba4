import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceSelectorUnmatched } from '../../../server/src/rules/service-selector-unmatched';
import { serviceTargetPortNotExposed } from '../../../server/src/rules/service-target-port-not-exposed';
import { applyFix, none, one, range, yaml } from './helpers';

const file = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: acme/web:1
            ports:
              - name: http
                containerPort: 8080
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector:
      app: website
    ports:
      - port: 80
        targetPort: 8080
`;

test('service-selector-unmatched: a Service selecting labels that no pod template has', () => {
  const f = one(serviceSelectorUnmatched, file);
  assert.equal(f.doc, 1);
  assert.deepEqual(f.range, range(25, 2, 25, 10));
  assert.equal(
    f.message,
    'This Service selects app=website, but no pod template in this file has these labels (Deployment web has app=web): it gets no endpoints, and connections to it are refused',
  );
  assert.deepEqual(f.related, [{ range: range(11, 8, 12, 0), message: 'the pod labels of Deployment web', doc: 0 }]);
  const fixed = applyFix(serviceSelectorUnmatched, file, f, 'Select the pods of Deployment web (app: web)');
  assert.match(fixed, /  selector:\n    app: web\n/);
});

test('service-selector-unmatched: labels the controller adds count; other namespaces do not', () => {
  none(serviceSelectorUnmatched, file.replace('app: website', 'app: web'));
  none(
    serviceSelectorUnmatched,
    yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector: { matchLabels: { app: db } }
      template:
        metadata: { labels: { app: db } }
        spec:
          containers: [{ name: db, image: postgres:16 }]
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: db-0
    spec:
      selector:
        statefulset.kubernetes.io/pod-name: db-0
      ports: [{ port: 5432 }]
  `,
  );
  const other = file
    .replace('app: website', 'app: web')
    .replace(
      '  name: web\nspec:\n  selector:\n    app: web',
      '  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web',
    );
  const f = one(serviceSelectorUnmatched, other);
  assert.equal(
    f.message,
    'This Service selects app=web, but no pod template in this file has these labels; Deployment web has them, but in namespace default, and a Service only selects pods in its own namespace (shop): it gets no endpoints, and connections to it are refused',
  );
});

test('service-selector-unmatched: a file of Services only is not judged', () => {
  none(serviceSelectorUnmatched, file.slice(file.indexOf('---')));
});

test('service-target-port-not-exposed: targetPort defaults to port (80), the app is on 8080', () => {
  const text = file.replace('app: website', 'app: web').replace(/^ *targetPort: 8080\n/m, '');
  const f = one(serviceTargetPortNotExposed, text);
  assert.equal(f.doc, 1);
  assert.deepEqual(f.range, range(28, 12, 28, 14));
  assert.equal(
    f.message,
    'This Service sends traffic to port 80 (targetPort defaults to port), but the pods it selects do not expose it (web exposes 8080): connections will be refused',
  );
  assert.deepEqual(f.related, [
    { range: range(18, 29, 18, 33), message: 'Deployment web: web exposes 8080 here', doc: 0 },
  ]);
  const fixed = applyFix(serviceTargetPortNotExposed, text, f, 'Set targetPort to 8080');
  assert.match(fixed, /    - port: 80\n      targetPort: 8080\n$/);
});

test('service-target-port-not-exposed: a named targetPort that no selected container defines', () => {
  const text = file.replace('app: website', 'app: web').replace('targetPort: 8080', 'targetPort: web');
  const f = one(serviceTargetPortNotExposed, text);
  assert.deepEqual(f.range, range(29, 18, 29, 21));
  assert.equal(
    f.message,
    'This Service targets the port name "web", but no container of the pods it selects defines a port of that name (their port names: http (8080)): the Service gets no endpoints for this port',
  );
  applyFix(serviceTargetPortNotExposed, text, f, 'Use targetPort "http"');
});

test('service-target-port-not-exposed: matching numbers and names are fine; unselected Services are left to the selector rule', () => {
  none(serviceTargetPortNotExposed, file.replace('app: website', 'app: web'));
  none(
    serviceTargetPortNotExposed,
    file.replace('app: website', 'app: web').replace('targetPort: 8080', 'targetPort: http'),
  );
  none(serviceTargetPortNotExposed, file);
});

test('service selectors: template labels alone decide, even before the workload has a pod spec', () => {
  // A Service selects pods by their labels only (core/v1 ServiceSpec.selector); the labels of a workload's
  // pods are its template's metadata.labels, so a template without `spec` yet already answers the question.
  const halfWritten = (labels: string) =>
    yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
    spec:
      template:
        metadata:
          labels:
            app: ${labels}
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: api
    spec:
      selector:
        app: api
      ports:
        - port: 80
  `;
  none(serviceSelectorUnmatched, halfWritten('api'));
  const f = one(serviceSelectorUnmatched, halfWritten('apii'));
  assert.equal(f.doc, 1);
  assert.match(
    f.message,
    /This Service selects app=api, but no pod template in this file has these labels \(Deployment api has app=apii\)/,
  );
  // Its containers are not written yet: nothing to say about target ports.
  none(serviceTargetPortNotExposed, halfWritten('api'));
});

test('service selectors: a workload with no labels written yet leaves "selects nothing" undecided', () => {
  // `file` alone gets service-selector-unmatched (first test); a second Deployment still being typed may yet
  // carry app=website.
  none(serviceSelectorUnmatched, `${file}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\n`);
});
