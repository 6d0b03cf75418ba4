// Checks about how a workload serves and is placed. Expected behaviour from the Kubernetes sources and docs
// cited per test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probesMissing } from '../../../server/src/rules/probes-missing';
import { replicasNotSpread } from '../../../server/src/rules/replicas-not-spread';
import { requestsFromLimits } from '../../../server/src/rules/requests-from-limits';
import { applyFix, none, one, range, yaml } from './helpers';

const web = (extra = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 3
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:${extra}
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
      app: web
    ports:
      - port: 80
        targetPort: http
`;

test('probes-missing: the container behind a Service has no probe; the fix probes the port the Service targets', () => {
  const text = web();
  const f = one(probesMissing, text);
  assert.equal(f.doc, 0);
  assert.deepEqual(f.range, range(15, 16, 15, 19));
  assert.match(f.message, /^web has no probes, but Service web sends traffic to it/);
  const fixed = applyFix(probesMissing, text, f, 'Add a readiness probe (tcpSocket on http)');
  assert.match(fixed, /readinessProbe:\n\s+tcpSocket:\n\s+port: http\n/);
  // Without the Service, nothing says it serves.
  none(probesMissing, text.split('---')[0]!);
});

test('replicas-not-spread: 3 replicas, nothing spreads them (topology-spread-constraints.md: the default is ScheduleAnyway)', () => {
  const text = web();
  const f = one(replicasNotSpread, text);
  assert.deepEqual(f.range, range(5, 12, 5, 13));
  const fixed = applyFix(replicasNotSpread, text, f, /topologySpreadConstraints/);
  assert.match(
    fixed,
    /topologyKey: kubernetes\.io\/hostname\n\s+whenUnsatisfiable: ScheduleAnyway\n\s+labelSelector:\n\s+matchLabels:\n\s+app: web\n/,
  );
  none(replicasNotSpread, text.replace('replicas: 3', 'replicas: 1'));
  none(
    replicasNotSpread,
    web(
      '\n        affinity:\n          podAntiAffinity:\n            preferredDuringSchedulingIgnoredDuringExecution: []',
    ),
  );
});

test('requests-from-limits: a limit without a request becomes the request (core/v1 defaults.go SetDefaults_Pod)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          resources:
            requests:
              memory: 64Mi
            limits:
              cpu: "4"
              memory: 128Mi
  `;
  const f = one(requestsFromLimits, text);
  assert.equal(
    f.message,
    'app limits cpu to 4 but requests none: the API server sets the cpu request to the limit, so the scheduler reserves the whole 4 on a node for it',
  );
  assert.deepEqual(f.range, range(12, 10, 12, 13));
});
