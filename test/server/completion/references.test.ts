// Named ports and container/volume names where a field refers to them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt, item, labels } from './helpers';

const DEPLOYMENT = (probe: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
${probe}
        - name: other
          image: redis:7
          ports: [{ name: redis, containerPort: 6379 }]
`;

test('probe port: the names and numbers of the enclosing container only', () => {
  const items = completeAt(
    DEPLOYMENT('          livenessProbe:\n            httpGet:\n              path: /\n              port: |'),
  );
  assert.deepEqual(labels(items), ['http', '8080', 'metrics', '9090']);
  assert.match(String(item(items, 'http').detail), /8080/);
  const tcp = completeAt(DEPLOYMENT('          readinessProbe:\n            tcpSocket: { port: | }'));
  assert.deepEqual(labels(tcp), ['http', '8080', 'metrics', '9090']);
});

test('lifecycle hook port and grpc port (numbers only)', () => {
  assert.deepEqual(
    labels(
      completeAt(
        DEPLOYMENT('          lifecycle:\n            preStop:\n              httpGet: { path: /quit, port: | }'),
      ),
    ),
    ['http', '8080', 'metrics', '9090'],
  );
  assert.deepEqual(
    labels(completeAt(DEPLOYMENT('          livenessProbe:\n            grpc:\n              port: |'))),
    ['8080', '9090'],
  );
});

test('Service targetPort: port names of the pods its selector picks, from the other documents', () => {
  const src = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports:
    - port: 80
      targetPort: |
---
${DEPLOYMENT('').replace('|', '')}---
apiVersion: v1
kind: Pod
metadata: { name: stray, labels: { app: other } }
spec:
  containers: [{ name: x, image: x, ports: [{ name: unrelated, containerPort: 1234 }] }]
`;
  const got = labels(completeAt(src));
  for (const want of ['http', 'metrics', 'redis', '8080']) assert.ok(got.includes(want), want);
  assert.ok(!got.includes('unrelated'));
});

test('container names: resourceFieldRef.containerName and the default-container annotation', () => {
  const pod = (meta: string, ref: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: p
${meta}
spec:
  initContainers:
    - name: setup
      image: busybox
  containers:
    - name: app
      image: nginx
      env:
        - name: MEM
          valueFrom:
            resourceFieldRef:
              resource: limits.memory
${ref}
    - name: sidecar
      image: busybox
`;
  assert.deepEqual(labels(completeAt(pod('', '              containerName: |'))), ['app', 'sidecar', 'setup']);
  assert.deepEqual(labels(completeAt(pod('  annotations:\n    kubectl.kubernetes.io/default-container: |', ''))), [
    'app',
    'sidecar',
    'setup',
  ]);
});

test('container names in a Job pod failure policy and in a Deployment template annotation', () => {
  const job = `apiVersion: batch/v1
kind: Job
spec:
  podFailurePolicy:
    rules:
      - action: FailJob
        onExitCodes: { containerName: |, operator: In, values: [42] }
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: main, image: busybox }]
`;
  assert.deepEqual(labels(completeAt(job)), ['main']);
  const dep = DEPLOYMENT('').replace(
    '      labels: { app: web }',
    '      labels: { app: web }\n      annotations: { kubectl.kubernetes.io/default-container: | }',
  );
  assert.deepEqual(labels(completeAt(dep.replace(/\n\n/, '\n'))), ['web', 'other']);
});

test("volumeMounts name: the pod's volumes", () => {
  const src = `apiVersion: v1
kind: Pod
spec:
  containers:
    - name: app
      volumeMounts:
        - name: |
          mountPath: /data
  volumes:
    - name: data
      emptyDir: {}
    - { name: config, configMap: { name: cfg } }
`;
  assert.deepEqual(labels(completeAt(src)), ['data', 'config']);
});
