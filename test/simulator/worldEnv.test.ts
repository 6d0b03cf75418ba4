// ConfigMaps and Secrets consumed as environment variables (world-semantics §1, makeEnvironmentVariables in
// k/k pkg/kubelet/kubelet_pods.go): values reach the shell and `$(VAR)`, env overrides envFrom, a missing object
// or key gives CreateContainerConfigError with the kubelet's message, optional references are skipped, and a
// reference to an object that is nowhere in the world is unknown (no guessed outcome).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columns, present, run } from './harness';

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata: { name: app-config }
data: { mode: fast, GREETING: hello }
---
apiVersion: v1
kind: Secret
metadata: { name: db-creds }
data: { password: c2VjcmV0 }   # "secret"
---
`;

/** A pod whose one container prints `script`'s output as its termination message and exits 1. */
function pod(env: string, script: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  restartPolicy: Never
  containers:
    - name: app
      image: busybox:1.36
      terminationMessagePolicy: FallbackToLogsOnError
${env}
      command: ['sh', '-c', '${script}; exit 1']
${extra}`;
}

function message(yaml: string, scenario = present): string | undefined {
  const r = run(yaml, { until: 30, scenario });
  return r.pod(30).status.containerStatuses[0]!.state.terminated?.message;
}

test('§1: configMapKeyRef and secretKeyRef give the values to $VAR and to $(VAR) in args; Secret data is base64-decoded', () => {
  const env = `      env:
        - name: MODE
          valueFrom: { configMapKeyRef: { name: app-config, key: mode } }
        - name: PASS
          valueFrom: { secretKeyRef: { name: db-creds, key: password } }`;
  assert.equal(message(CONFIG + pod(env, 'echo $MODE $(PASS)')), 'fast secret\n');
});

test('§1: envFrom with prefix sets every data key, prefixed; env overrides envFrom ("Env will override EnvFrom")', () => {
  const env = `      envFrom:
        - configMapRef: { name: app-config }
          prefix: APP_
      env:
        - name: APP_mode
          value: slow`;
  assert.equal(message(CONFIG + pod(env, 'echo $APP_GREETING $APP_mode')), 'hello slow\n');
});

test('§1 $(VAR) rules: a value sees earlier entries and envFrom only; a cycle stays literal (expand.go)', () => {
  const env = `      envFrom:
        - configMapRef: { name: app-config }
      env:
        - name: A
          value: "$(B)"
        - name: B
          value: "$(A)"
        - name: C
          value: "$(mode)-$(LATER)"
        - name: LATER
          value: x`;
  // A: B is not defined yet → literal "$(B)"; B: A's value, "$(B)" (no second expansion); C: mode from envFrom.
  assert.equal(message(CONFIG + pod(env, `echo "$A|$B|$C"`)), '$(B)|$(B)|fast-$(LATER)\n');
});

test('§1 exact strings: a missing key → CreateContainerConfigError, "couldn\'t find key", Failed "Error: …", retried every 10–15 s', () => {
  const env = `      env:
        - name: MODE
          valueFrom: { configMapKeyRef: { name: app-config, key: nope } }`;
  const r = run(CONFIG + pod(env, 'echo hi'), { until: 60, scenario: present });
  const waiting = r.pod(60).status.containerStatuses[0]!.state.waiting;
  assert.equal(waiting?.reason, 'CreateContainerConfigError');
  assert.equal(waiting?.message, "couldn't find key nope in ConfigMap default/app-config");
  assert.match(columns(r, 60), /^0\/1 CreateContainerConfigError 0$/);
  assert.equal(r.pod(60).status.phase, 'Pending');
  const failed = r.events('Failed');
  assert.ok(failed.every((e) => e.message === "Error: couldn't find key nope in ConfigMap default/app-config"));
  // Each attempt runs the image step first: Pulled "already present", then Failed (world-semantics §1 timeline).
  assert.equal(r.events('Pulled').length, failed.length);
  const t = failed.map((e) => e.t);
  assert.ok(t.length >= 4, `retried: ${JSON.stringify(t)}`);
  for (let i = 1; i < t.length; i++) assert.ok(t[i]! - t[i - 1]! >= 10 && t[i]! - t[i - 1]! <= 15, JSON.stringify(t));
  assert.deepEqual(r.events('Started'), []);
});

test('§1 exact strings: a missing Secret in a complete world → secret "db" not found', () => {
  const env = `      envFrom:
        - secretRef: { name: db }`;
  const r = run(pod(env, 'echo hi'), { until: 20, scenario: `${present}\nworldComplete: true` });
  assert.equal(r.pod(20).status.containerStatuses[0]!.state.waiting?.message, 'secret "db" not found');
  assert.equal(r.events('Failed')[0]!.message, 'Error: secret "db" not found');
});

test('§1: optional: true — a missing key or object is skipped and the container starts without it', () => {
  const env = `      envFrom:
        - configMapRef: { name: absent, optional: true }
      env:
        - name: MODE
          valueFrom: { configMapKeyRef: { name: app-config, key: nope, optional: true } }`;
  assert.equal(message(CONFIG + pod(env, 'echo "[$MODE]"'), `${present}\nworldComplete: true`), '[]\n');
});

test('certain vs unknown: a ConfigMap nowhere in the world leaves the values unknown, with a note, and no guessed exit', () => {
  const env = `      env:
        - name: MODE
          valueFrom: { configMapKeyRef: { name: elsewhere, key: mode } }`;
  const yaml = pod(env, 'if [ "$MODE" = fast ]; then sleep 3600; fi').replace('; exit 1', '');
  const r = run(yaml, { until: 30, scenario: present });
  const notes = r.trace.notes.map((n) => n.message);
  assert.ok(
    notes.some((n) => n.startsWith('ConfigMap `elsewhere` (spec.containers[0].env[0].valueFrom.configMapKeyRef)')),
    JSON.stringify(notes),
  );
  assert.deepEqual(r.trace.world?.unknown, [
    {
      kind: 'ConfigMap',
      namespace: 'default',
      name: 'elsewhere',
      doc: 0,
      path: 'spec.containers[0].env[0].valueFrom.configMapKeyRef',
    },
  ]);
  // No CreateContainerConfigError (the cluster may have it) and the branch is not decided either way.
  assert.equal(r.events('Failed').length, 0);
  assert.equal(r.events('Started').length, 1);
});

test('the trace names the objects used and where they came from (typed, not English)', () => {
  const env = `      envFrom:
        - configMapRef: { name: app-config }`;
  const r = run(CONFIG + pod(env, 'echo $mode'), { until: 10, scenario: present });
  const cm = r.trace.world?.objects.find((o) => o.name === 'app-config');
  assert.deepEqual(cm, {
    kind: 'ConfigMap',
    namespace: 'default',
    name: 'app-config',
    from: { kind: 'file', doc: 0, path: '' },
    usedBy: ['web'],
  });
  assert.equal(r.trace.world?.complete, false);
});
