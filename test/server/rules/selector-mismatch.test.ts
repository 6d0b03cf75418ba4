import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectorMismatch as rule } from '../../../server/src/rules/selector-mismatch';
import { applyFix, loaderCodes, none, one, range, run, yaml } from './helpers';

const missing = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels:
        app: web
        tier: frontend
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
`;

test('selector-mismatch: a selector label missing from the template (the API rejects it)', () => {
  assert.ok(loaderCodes(missing).includes('selector-mismatch'), 'the API validation agrees');
  const f = one(rule, missing);
  assert.deepEqual(f.range, range(8, 6, 8, 10));
  assert.equal(
    f.message,
    'The selector requires tier=frontend, but the pod template has no "tier" label: the API server rejects the Deployment (selector does not match template labels)',
  );
  assert.deepEqual(f.related, [{ range: range(12, 8, 13, 0), message: 'the pod template labels' }]);
  const fixed = applyFix(rule, missing, f, 'Add tier: frontend to the pod template labels');
  assert.match(fixed, /      labels:\n        app: web\n        tier: frontend\n/);
  assert.ok(!loaderCodes(fixed).includes('selector-mismatch'));
});

test('selector-mismatch: a different value; fixes on either side', () => {
  const text = missing.replace(/^ *tier: frontend\n/m, '').replace('app: web\n    spec:', 'app: webapp\n    spec:');
  const f = one(rule, text);
  assert.deepEqual(f.range, range(7, 6, 7, 9));
  assert.equal(
    f.message,
    'The selector requires app=web, but the pod template has app=webapp: the API server rejects the Deployment (selector does not match template labels)',
  );
  assert.deepEqual(
    f.fixes?.map((x) => [x.title, x.preferred]),
    [
      ['Set the pod template label app to web', true],
      ["Set the selector's app to webapp", undefined],
    ],
  );
  applyFix(rule, text, f, 'Set the pod template label app to web');
  applyFix(rule, text, f, "Set the selector's app to webapp");
});

test('selector-mismatch: template without labels: one fix creates them all', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      selector:
        matchLabels:
          app: rs
          tier: be
      template:
        spec:
          containers:
            - name: c
              image: nginx:1.27
  `;
  const found = run(rule, text);
  assert.equal(found.length, 2);
  const f = found[0]!;
  assert.equal(f.fixes?.[0]?.title, 'Add the labels app: rs, tier: be to the pod template');
  assert.deepEqual(found[1]!.fixes, []);
  const fixed = applyFix(rule, text, f, 'Add the labels app: rs, tier: be to the pod template');
  none(rule, fixed);
  assert.match(
    fixed,
    /  template:\n    spec:\n[\s\S]*\n    metadata:\n      labels:\n        app: rs\n        tier: be\n$/,
  );
});

test('selector-mismatch: matchExpressions', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchExpressions:
          - key: app
            operator: In
            values: [agent]
          - key: canary
            operator: DoesNotExist
      template:
        metadata:
          labels:
            app: agent
            canary: "true"
        spec:
          containers:
            - name: a
              image: busybox:1.36
  `;
  const f = one(rule, text);
  assert.deepEqual(f.range, range(10, 13, 10, 19));
  assert.equal(
    f.message,
    'The selector requires canary DoesNotExist, but the pod template has canary=true: the API server rejects the DaemonSet (selector does not match template labels)',
  );
  applyFix(rule, text, f, 'Remove the label canary from the pod template');
});

test('selector-mismatch: matching selectors and Jobs without a selector are fine', () => {
  none(rule, missing.replace(/^ *tier: frontend\n/m, ''));
  none(
    rule,
    yaml`
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: j
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: c
              image: busybox:1.36
  `,
  );
});
