import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probeSuccessThreshold as rule } from '../../../server/src/rules/probe-success-threshold';
import { applyFix, loaderCodes, none, one, range, yaml } from './helpers';

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
            port: 8080
          successThreshold: 3
        readinessProbe:
          httpGet:
            port: 8080
          successThreshold: 3
`;

test('probe-success-threshold: successThreshold 3 on a liveness probe', () => {
  assert.ok(loaderCodes(text).includes('probe-success-threshold'), 'the API validation agrees');
  const f = one(rule, text);
  assert.deepEqual(f.range, range(11, 26, 11, 27));
  assert.equal(
    f.message,
    'successThreshold must be 1 for a liveness probe, not 3: the API server rejects it (only readiness probes may require several successes in a row)',
  );
  const fixed = applyFix(rule, text, f, 'Set successThreshold to 1');
  assert.deepEqual(loaderCodes(fixed), []);
});

test('probe-success-threshold: 1, or readiness probes, are fine', () => {
  none(rule, text.replace('successThreshold: 3\n      readinessProbe', 'successThreshold: 1\n      readinessProbe'));
});
