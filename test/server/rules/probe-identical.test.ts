import { test } from 'node:test';
import assert from 'node:assert/strict';
import { livenessWithoutReadiness } from '../../../server/src/rules/liveness-without-readiness';
import { probeIdentical } from '../../../server/src/rules/probe-identical';
import { applyFix, none, one, range, yaml } from './helpers';

const identical = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: api
  spec:
    containers:
      - name: api
        image: acme/api:1
        ports:
          - containerPort: 8080
        livenessProbe:
          httpGet:
            path: /healthz
            port: 8080
          periodSeconds: 10
        readinessProbe:
          httpGet:
            path: /healthz
            port: 8080
`;

test('probe-identical: the same httpGet check with the same timing (defaults count)', () => {
  const f = one(probeIdentical, identical);
  assert.deepEqual(f.range, range(10, 6, 10, 19));
  assert.equal(
    f.message,
    'The liveness and readiness probes of api are identical (httpGet /healthz on 8080, every 10 s, 3 failures): when the check fails, for example because a dependency is slow, the kubelet restarts the container at the same moment it stops receiving traffic, instead of only taking it out of rotation',
  );
  assert.deepEqual(f.related, [{ range: range(15, 6, 15, 20), message: 'the identical readiness probe' }]);
  const fixed = applyFix(
    probeIdentical,
    identical,
    f,
    'Let the liveness probe tolerate more failures (failureThreshold: 6)',
  );
  assert.match(fixed, /        periodSeconds: 10\n        failureThreshold: 6\n      readinessProbe:/);
});

test('probe-identical: different timing, different checks, or tcpSocket checks are fine', () => {
  none(probeIdentical, identical.replace('periodSeconds: 10', 'periodSeconds: 20'));
  none(
    probeIdentical,
    identical.replace(/path: \/healthz\n(\s+port: 8080\n\s+)periodSeconds/, 'path: /livez\n$1periodSeconds'),
  );
  none(probeIdentical, identical.replace(/httpGet:\n\s+path: \/healthz\n/g, 'tcpSocket:\n'));
});

test('liveness-without-readiness: a serving container with only a liveness probe', () => {
  const text = identical.replace(/^ *readinessProbe:[\s\S]*$/m, '');
  const f = one(livenessWithoutReadiness, text);
  assert.equal(f.severity, undefined);
  assert.deepEqual(f.range, range(10, 6, 10, 19));
  assert.equal(
    f.message,
    'api has a liveness probe but no readiness probe: the pod receives traffic as soon as api is running, before it can answer, and keeps receiving it while api is unhealthy',
  );
  const fixed = applyFix(livenessWithoutReadiness, text, f, 'Add a readiness probe with the same httpGet check');
  assert.match(
    fixed,
    /        periodSeconds: 10\n      readinessProbe:\n        httpGet:\n          path: \/healthz\n          port: 8080\n$/,
  );
});

test('liveness-without-readiness: no ports, a Job, or both probes: nothing to say', () => {
  none(livenessWithoutReadiness, identical);
  none(livenessWithoutReadiness, identical.replace(/^ *readinessProbe:[\s\S]*$/m, '').replace(/^ *ports:\n.*\n/m, ''));
  none(
    livenessWithoutReadiness,
    identical
      .replace(/^ *readinessProbe:[\s\S]*$/m, '')
      .replace('spec:\n  containers', 'spec:\n  restartPolicy: Never\n  containers'),
  );
});

test('liveness-without-readiness: no ports, but a Service of the file selects the pod: it serves', () => {
  // A Service routes to its targetPort whether or not the container declares it (containerPort is
  // informational: core/v1 types.go, "Not specifying a port here DOES NOT prevent that port from being exposed").
  const bare = identical.replace(/^ *readinessProbe:[\s\S]*$/m, '').replace(/^ *ports:\n.*\n/m, '');
  const labelled = bare.replace('  name: api\n', '  name: api\n  labels:\n    app: api\n');
  const service = (app: string) =>
    `${labelled}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: ${app}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
  const f = one(livenessWithoutReadiness, service('api'));
  assert.equal(f.doc, 0);
  assert.deepEqual(f.range, range(10, 6, 10, 19));
  none(livenessWithoutReadiness, service('other'));
});
