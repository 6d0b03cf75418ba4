// The advisory rules: resources-missing, image-latest, bare-pod, web-and-database-in-one-pod.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barePod } from '../../../server/src/rules/bare-pod';
import { imageLatest } from '../../../server/src/rules/image-latest';
import { resourcesMissing } from '../../../server/src/rules/resources-missing';
import { webAndDatabaseInOnePod } from '../../../server/src/rules/web-and-database-in-one-pod';
import { applyFix, none, one, range, run, yaml } from './helpers';

const pod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: web
        image: nginx
        ports:
          - containerPort: 80
`;

test("resources-missing: a skeleton is inserted at the container keys' indentation", () => {
  const f = one(resourcesMissing, pod);
  assert.equal(f.severity, undefined);
  assert.deepEqual(f.range, range(6, 12, 6, 15));
  assert.equal(
    f.message,
    "web sets no resource requests or limits: the scheduler places it as if it needed nothing, it is evicted first when the node runs short, and it may use all of the node's memory",
  );
  const fixed = applyFix(resourcesMissing, pod, f, 'Add resource requests and a memory limit (100m CPU, 128Mi memory)');
  assert.match(
    fixed,
    /        - containerPort: 80\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          memory: 128Mi\n$/,
  );
});

test('resources-missing: `resources: {}` is replaced by the skeleton', () => {
  const text = pod.replace('    ports:', '    resources: {}\n      ports:');
  const f = one(resourcesMissing, text);
  const fixed = applyFix(resourcesMissing, text, f, /^Add resource requests/);
  assert.match(
    fixed,
    /      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          memory: 128Mi\n      ports:/,
  );
});

test('resources-missing: a container with requests or limits is fine', () => {
  none(resourcesMissing, pod.replace('    ports:', '    resources:\n        limits: { memory: 64Mi }\n      ports:'));
});

test('image-latest: an untagged image, :latest, and pinned images', () => {
  const f = one(imageLatest, pod);
  assert.deepEqual(f.range, range(7, 13, 7, 18));
  assert.equal(
    f.message,
    '"nginx" has no tag, so it means nginx:latest: the pull policy defaults to Always, and each new pod may run a different version of the image (pin a version tag or a digest)',
  );
  const latest = one(
    imageLatest,
    pod.replace('image: nginx', 'image: nginx:latest\n      imagePullPolicy: IfNotPresent'),
  );
  assert.equal(
    latest.message,
    '"nginx:latest" uses the tag latest: each new pod may run a different version of the image (pin a version tag or a digest)',
  );
  none(imageLatest, pod.replace('image: nginx', 'image: nginx:1.27'));
  none(
    imageLatest,
    pod.replace('image: nginx', 'image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000'),
  );
  none(imageLatest, pod.replace('image: nginx', 'image: localhost:5000/app:1.0'));
});

test('bare-pod: a Pod without a controller; workloads are fine', () => {
  const f = one(barePod, pod);
  assert.deepEqual(f.range, range(1, 6, 1, 9));
  assert.equal(
    f.message,
    'A bare Pod is not recreated when it is deleted, evicted or its node fails: run it from a Deployment (or a Job for work that finishes)',
  );
  none(
    barePod,
    yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      selector: { matchLabels: { app: d } }
      template:
        metadata: { labels: { app: d } }
        spec:
          containers: [{ name: c, image: nginx:1.27 }]
  `,
  );
});

test('web-and-database-in-one-pod: WordPress and MySQL in one pod', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: wordpress
    spec:
      selector: { matchLabels: { app: wordpress } }
      template:
        metadata: { labels: { app: wordpress } }
        spec:
          containers:
            - name: wordpress
              image: wordpress:6.5-apache
            - name: mysql
              image: mysql:8.4
  `;
  const f = one(webAndDatabaseInOnePod, text);
  assert.deepEqual(f.range, range(13, 17, 13, 26));
  assert.equal(
    f.message,
    'This pod runs a database (mysql:8.4 in mysql) next to a web server (wordpress:6.5-apache in wordpress): they are scheduled, scaled and restarted together, so scaling the web tier also duplicates the database and its data. Run the database in its own StatefulSet (or Deployment) behind a Service',
  );
  assert.deepEqual(f.related, [{ range: range(11, 17, 11, 37), message: 'the web server wordpress' }]);
  // A database alone, or with a non-web helper (an exporter), is fine.
  assert.deepEqual(
    run(webAndDatabaseInOnePod, text.replace('wordpress:6.5-apache', 'prom/mysqld-exporter:v0.15.1')),
    [],
  );
});
