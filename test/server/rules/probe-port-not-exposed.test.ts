import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probePortNotExposed as rule } from '../../../server/src/rules/probe-port-not-exposed';
import { applyFix, none, one, range, run, yaml } from './helpers';

const wrongPort = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: hello-world
  spec:
    selector:
      matchLabels:
        app: hello-world
    template:
      metadata:
        labels:
          app: hello-world
      spec:
        containers:
          - name: hello-world
            image: us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0
            ports:
              - containerPort: 8080
            livenessProbe:
              tcpSocket:
                port: 8081
              initialDelaySeconds: 10
`;

test('probe-port-not-exposed: a liveness probe on 8081 when the app exposes 8080', () => {
  const f = one(rule, wrongPort);
  assert.deepEqual(f.range, range(20, 20, 20, 24));
  assert.equal(
    f.message,
    'Liveness probe checks port 8081, but no container of the pod exposes it (hello-world exposes 8080)',
  );
  assert.equal(f.severity, undefined);
  assert.deepEqual(f.related, [{ range: range(17, 29, 17, 33), message: 'hello-world exposes 8080 here' }]);
  assert.deepEqual(
    f.fixes?.map((x) => [x.title, x.preferred]),
    [['Set the probe port to 8080', true]],
  );
  const fixed = applyFix(rule, wrongPort, f, 'Set the probe port to 8080');
  assert.match(fixed, /port: 8080\n/);
});

test('probe-port-not-exposed: any container of the pod counts, sidecars too; regular init containers do not', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      initContainers:
        - name: proxy
          image: envoyproxy/envoy:v1.30
          restartPolicy: Always
          ports:
            - containerPort: 9901
        - name: setup
          image: busybox:1.36
          ports:
            - containerPort: 7000
      containers:
        - name: app
          image: acme/app:1
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: 9901
          livenessProbe:
            httpGet:
              path: /live
              port: 7000
  `;
  const f = one(rule, text);
  assert.deepEqual(f.range, range(27, 16, 27, 20));
  assert.equal(
    f.message,
    'Liveness probe checks port 7000, but no container of the pod exposes it (app exposes 8080; proxy exposes 9901)',
  );
  // Several candidates: no preferred fix, the probed container's own port first.
  assert.deepEqual(
    f.fixes?.map((x) => [x.title, x.preferred]),
    [
      ['Set the probe port to 8080', undefined],
      ['Set the probe port to 9901', undefined],
    ],
  );
  applyFix(rule, text, f, 'Set the probe port to 8080');
});

test('probe-port-not-exposed: named ports, a probe host, grpc, and exposed ports are fine', () => {
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
          ports:
            - name: http
              containerPort: 8080
            - containerPort: 9090
          livenessProbe:
            httpGet:
              port: http
          readinessProbe:
            grpc:
              port: 9090
          startupProbe:
            tcpSocket:
              host: 10.0.0.1
              port: 5432
  `,
  );
});

test('probe-port-not-exposed: a port configured in the args, or a built-in health port, is not flagged', () => {
  none(
    rule,
    yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: manager
          image: acme/manager:1
          args: ["--health-probe-bind-address=:8081"]
          ports:
            - containerPort: 9443
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8081
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.12.0
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /healthz
              port: 10254
  `,
  );
});

test('probe-port-not-exposed: no declared ports at all is information, with a "declare it" fix', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
  `;
  const f = one(rule, text);
  assert.equal(f.severity, 'information');
  assert.deepEqual(f.range, range(11, 16, 11, 20));
  assert.equal(
    f.message,
    'Liveness probe checks port 8080, but no container of the pod declares any ports: make sure app listens on 8080, and declare it in ports[].containerPort',
  );
  const fixed = applyFix(rule, text, f, 'Declare containerPort 8080 on app');
  assert.match(fixed, /      ports:\n        - containerPort: 8080\n/);
});

test('probe-port-not-exposed: no declared ports, and the image is known to listen elsewhere', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          livenessProbe:
            httpGet:
              path: /
              port: 8080
  `;
  const f = one(rule, text);
  assert.equal(f.severity, 'information');
  assert.match(
    f.message,
    /^Liveness probe checks port 8080, but no container of the pod declares any ports: web is expected to listen on 80 \(/,
  );
  applyFix(rule, text, f, 'Set the probe port to 80');
  // The same image probed on its default port: nothing to say.
  none(rule, text.replace('port: 8080', 'port: 80'));
});

test('probe-port-not-exposed: placeholder ports (not numbers) make the check skip the pod', () => {
  assert.deepEqual(
    run(
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
          ports:
            - containerPort: PORT
          livenessProbe:
            tcpSocket:
              port: 8081
  `,
    ),
    [],
  );
});

test('probe-port-not-exposed: the probed container declares no ports itself: information only', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: app
          image: acme/app:1
          livenessProbe:
            tcpSocket:
              port: 8080
        - name: proxy
          image: acme/proxy:1
          ports:
            - containerPort: 15000
  `;
  const f = one(rule, text);
  assert.equal(f.severity, 'information');
  assert.equal(
    f.message,
    'Liveness probe checks port 8080, but no container of the pod exposes it (proxy exposes 15000; app declares no ports)',
  );
});
