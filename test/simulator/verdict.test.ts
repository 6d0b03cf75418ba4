// The verdict of a run (simulator/src/predict/verdict.ts): one per workload, problems from predict() — the
// same predictions the language server publishes — and the moment each shows, from the published statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import { predict, verdicts, type Verdict } from '../../simulator/src/predict';
import { worstVerdict } from '../../simulator/src/predict/rank';
import { example } from './harness';

function run(yaml: string, until = 300): { list: Verdict[]; predictions: ReturnType<typeof predict> } {
  const m = loadManifest(yaml);
  const result = simulate(m.objects, { until, seed: 1, services: m.services, world: m.world });
  const predictions = predict(result, { defaultCluster: true });
  return { list: verdicts(result, predictions), predictions };
}

test('liveness on the wrong port: CrashLoopBackOff from ≈126 s, the prediction the diagnostics carry', () => {
  const { list, predictions } = run(example('liveness-wrong-port.yaml'));
  assert.equal(list.length, 1);
  const v = list[0]!;
  assert.equal(v.object, 'Deployment/hello-world');
  assert.equal(v.outcome, 'problem');
  assert.equal(v.status, 'CrashLoopBackOff');
  // kubelet-semantics.md, worked example a1 (liveness kills every ~25 s): "CrashLoopBackOff 0/1 … from ≈126".
  assert.ok(v.at !== null && v.at >= 125 && v.at <= 127, `at ${v.at}`);
  assert.equal(v.headline, 'CrashLoopBackOff from 2m6s');
  // One source: the verdict carries predict()'s own prediction (the one predictionDiagnostics publishes).
  assert.equal(v.prediction, predictions[0]);
  assert.equal(v.prediction?.code, 'predicted-crash-loop');
  assert.match(v.reason, /^liveness probe: .*8081.*`hello-world` listens on 8080/);
  assert.deepEqual(v.prediction?.paths, ['spec.template.spec.containers[0].livenessProbe.tcpSocket.port']);
});

test('a healthy Deployment: Running, Ready from the first Ready status', () => {
  const { list } = run(example('deletion/web.yaml'));
  const v = list[0]!;
  assert.equal(v.outcome, 'healthy');
  assert.equal(v.status, 'Running');
  // kubelet-semantics.md: with no readiness probe the container is Ready as soon as it is running.
  assert.ok(v.at !== null && v.at > 0 && v.at < 30, `at ${v.at}`);
  assert.equal(v.headline, `Running, Ready from ${Math.trunc(v.at)}s`);
  assert.equal(v.prediction, undefined);
});

test('unknown stays unknown: an image PodLab does not know, with the reason', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: mystery
spec:
  containers:
    - name: api
      image: acme/api:1.2
`;
  const v = run(yaml).list[0]!;
  assert.equal(v.outcome, 'unknown');
  assert.equal(v.headline, 'outcome unknown');
  assert.match(v.reason, /acme\/api:1\.2/);
});

test('restarts with no predicted crash loop within the run are not called healthy', () => {
  // liveness-exec.yaml: the probe fails after 30 s and the kubelet restarts the container; within 5 minutes the
  // back-off never refuses a start (predictions.test.ts predicts the loop over 600 s).
  const v = run(example('liveness-exec.yaml')).list[0]!;
  assert.notEqual(v.outcome, 'healthy');
});

test('a Job that succeeds: Completed; one that fails: its reason and time; the worst one speaks for the file', () => {
  const ok = run(`apiVersion: batch/v1
kind: Job
metadata:
  name: ok
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox:1.36
          command: ["sh", "-c", "sleep 3"]
`).list[0]!;
  assert.equal(ok.outcome, 'completed');
  assert.equal(ok.status, 'Completed');
  const failed = run(example('job-backoff-limit.yaml')).list[0]!;
  assert.equal(failed.outcome, 'problem');
  assert.equal(failed.status, 'BackoffLimitExceeded');
  assert.ok(failed.at !== null && failed.headline.startsWith('Job failed at '));
  assert.equal(worstVerdict([ok, failed]), failed);
  assert.equal(worstVerdict([ok]), ok);
  assert.equal(worstVerdict([]), undefined);
});

test('one verdict per document, in document order', () => {
  const list = run(`${example('deletion/web.yaml')}\n---\n${example('liveness-wrong-port.yaml')}`).list;
  assert.deepEqual(
    list.map((v) => [v.doc, v.object, v.outcome]),
    [
      [0, 'Deployment/web', 'healthy'],
      [1, 'Deployment/hello-world', 'problem'],
    ],
  );
});

test('an init container PodLab cannot read leaves the verdict unknown, not healthy', () => {
  // kubelet-semantics.md (init containers): the regular containers start only after every init container has
  // exited 0; one that fails is restarted (restartPolicy Always) and the pod stays in Init. What `acme/migrate`
  // does is unknown, so whether the pod ever runs is unknown: the run's healthy-looking status is an assumption.
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: with-migration
spec:
  initContainers:
    - name: migrate
      image: acme/migrate:3.1
  containers:
    - name: web
      image: nginx:1.27
`;
  const { list, predictions } = run(yaml);
  const v = list[0]!;
  assert.equal(v.outcome, 'unknown');
  assert.match(v.reason, /init container `migrate` \(`acme\/migrate:3\.1`\)/);
  assert.deepEqual(predictions, []);
});

test('a prediction about the containers after an unreadable init container says it rests on that init container', () => {
  // kubelet-semantics.md §4: regular containers start only after every init container exited 0; §2.4 and worked
  // example (a): a liveness probe on a port nothing listens on kills the container, then CrashLoopBackOff.
  const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: wrong-port
spec:
  initContainers:
    - name: migrate
      image: acme/migrate:3.1
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        tcpSocket: { port: 8081 }
        periodSeconds: 5
`;
  const { list, predictions } = run(yaml, 600);
  const loop = predictions.find((p) => p.code === 'predicted-crash-loop');
  assert.ok(loop, JSON.stringify(predictions.map((p) => p.code)));
  assert.match(
    loop.message,
    /assumes that the init container `migrate` finishes: PodLab cannot tell what `acme\/migrate:3\.1` runs/,
  );
  assert.equal(list[0]!.outcome, 'problem');
});
