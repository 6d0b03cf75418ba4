import { test } from 'node:test';
import assert from 'node:assert/strict';
import { livenessKillsBeforeStart as rule } from '../../../server/src/rules/liveness-kills-before-start';
import { loadManifest } from '../../../simulator/src/manifest';
import { simulate } from '../../../simulator/src/simulate';
import { applyFix, none, one, range, yaml } from './helpers';

const slow = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: slow-start
  spec:
    containers:
      - name: web
        image: nginx:1.27
        env:
          - name: DELAY_START
            value: "45"
        command: ["/bin/sh", "-c", "sleep $(DELAY_START); exec nginx -g 'daemon off;'"]
        ports:
          - name: http
            containerPort: 80
        livenessProbe:
          httpGet:
            path: /
            port: http
          initialDelaySeconds: 10
`;

/** Restarts of the first container of the first pod after `until` simulated seconds. */
function restarts(text: string, until = 300): number {
  const m = loadManifest(text);
  assert.deepEqual(
    m.issues.filter((i) => i.severity === 'error').map((i) => i.message),
    [],
  );
  const trace = simulate(m.objects, { until }).traceAt(until);
  return trace.pods[0]?.status.containerStatuses?.[0]?.restartCount ?? -1;
}

test('liveness-kills-before-start: sleep 45 then nginx, liveness gives up after 40 s', () => {
  const f = one(rule, slow);
  assert.deepEqual(f.range, range(19, 29, 19, 31));
  assert.equal(
    f.message,
    "The liveness probe kills web before it starts listening: it gives up after at most 40 s (initialDelaySeconds 10 + failureThreshold 3 × periodSeconds 10), but web listens only after about 45 s (shell: sleep 45; exec nginx -g 'daemon off;'). Each restart starts over, so the container is restarted forever",
  );
  assert.ok(restarts(slow) >= 3, 'the simulator agrees: the container is restarted again and again');
});

test('liveness-kills-before-start: raising initialDelaySeconds fixes it (the simulator agrees)', () => {
  const f = one(rule, slow);
  const fixed = applyFix(rule, slow, f, 'Raise initialDelaySeconds to 50');
  assert.match(fixed, /initialDelaySeconds: 50\n/);
  assert.equal(restarts(fixed), 0);
});

test('liveness-kills-before-start: adding a startup probe fixes it (the simulator agrees)', () => {
  const f = one(rule, slow);
  const fixed = applyFix(rule, slow, f, 'Add a startup probe that allows 6 × 10 s to start');
  assert.match(
    fixed,
    /      startupProbe:\n        httpGet:\n          path: \/\n          port: http\n        periodSeconds: 10\n        failureThreshold: 6\n$/,
  );
  assert.equal(restarts(fixed), 0);
});

test('liveness-kills-before-start: no initialDelaySeconds: the finding sits on the probe key and the fix inserts the field', () => {
  const text = slow.replace('        initialDelaySeconds: 10\n', '');
  const f = one(rule, text);
  assert.deepEqual(f.range, range(15, 6, 15, 19));
  assert.match(
    f.message,
    /gives up after at most 30 s \(initialDelaySeconds 0 \+ failureThreshold 3 × periodSeconds 10\)/,
  );
  // The new key goes first in the probe, where the crash-loop prediction's fix puts it: one edit when merged.
  const fixed = applyFix(rule, text, f, 'Raise initialDelaySeconds to 50');
  assert.match(fixed, /      livenessProbe:\n        initialDelaySeconds: 50\n        httpGet:\n/);
});

test('liveness-kills-before-start: a too short startup probe is reported on its failureThreshold', () => {
  const text =
    slow.replace('        initialDelaySeconds: 10\n', '') +
    yaml`
    startupProbe:
      httpGet:
        path: /
        port: 80
      failureThreshold: 2
  `
      .replace(/^/gm, '      ')
      .replace(/ +$/, '');
  const f = one(rule, text);
  assert.deepEqual(f.range, range(23, 26, 23, 27));
  assert.match(f.message, /^The startup probe kills web before it starts listening: it gives up after at most 20 s/);
  const fixed = applyFix(rule, text, f, "Raise the startup probe's failureThreshold to 6");
  assert.equal(restarts(fixed), 0);
});

test('liveness-kills-before-start: a generous probe, an exec probe, or an unknown program is not flagged', () => {
  none(rule, slow.replace('initialDelaySeconds: 10', 'initialDelaySeconds: 60'));
  none(
    rule,
    slow.replace(/livenessProbe:[\s\S]*$/, 'livenessProbe:\n          exec:\n            command: ["cat", "/tmp/x"]\n'),
  );
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
            - containerPort: 8080
          livenessProbe:
            tcpSocket:
              port: 8080
  `,
  );
});

test('liveness-kills-before-start: within one period of the limit it may or may not be killed (reported for commands)', () => {
  const f = one(rule, slow.replace('value: "45"', 'value: "35"'));
  assert.match(
    f.message,
    /^The liveness probe may kill web before it starts listening: it gives up after 30 s to 40 s/,
  );
});
