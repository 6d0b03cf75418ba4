// A fleet of healthy replicas probed for an hour: the probes' repeated results are not simulation steps
// (simulator/src/engine/probeLog.ts, limits.ts REPEATS_PER_STEP), so 10,000 replicas run their hour without being cut
// short at the step budget, and a bound still stops a runaway run. These runs take seconds: no timing is asserted.
// Expected values come from kubelet-semantics.md §2.2 (a probe worker probes right away, then every periodSeconds
// on a grid anchored at its creation; readiness becomes Success after successThreshold = 1 success) and §0 (a
// successful sync is requeued after the 1-minute resync), with nginx serving on port 80 (image-catalog.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { loadScenario } from '../../simulator/src/scenarioFile';
import { simulate } from '../../simulator/src/simulate';

const HOUR = 3600;

const deployment = (replicas: number, readinessPeriod: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: big }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: big } }
  template:
    metadata: { labels: { app: big } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources: { requests: { cpu: 10m, memory: 16Mi } }
          readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: ${readinessPeriod} }
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 20 }
`;

function nodes(n: number) {
  const list = Array.from(
    { length: n },
    (_, i) => `    - { name: node-${i + 1}, capacity: { cpu: "16", memory: 64Gi, pods: 110 } }`,
  );
  const s = loadScenario(`cluster:\n  nodes:\n${list.join('\n')}`);
  if (!s.ok) assert.fail(JSON.stringify(s.issues));
  return s.scenario;
}

function objects(yaml: string) {
  const m = loadManifest(yaml);
  assert.deepEqual(
    m.issues.filter((i) => i.severity === 'error'),
    [],
  );
  return m.objects;
}

test('one healthy replica probed for an hour: its ~540 probe results fit a budget of 200 steps', () => {
  // §2.2: readiness every 10 s and liveness every 20 s for about an hour make about 360 + 180 results; §0: about 60
  // resyncs. Only the results that change something, the syncs and the start are steps.
  const r = simulate(objects(deployment(1, 10)), { until: HOUR, budget: 200 });
  assert.equal(r.truncated, undefined);
  const probes = r.traceAt(HOUR).probes;
  const readiness = probes.filter((p) => p.probe === 'readiness');
  const liveness = probes.filter((p) => p.probe === 'liveness');
  assert.ok(readiness.length >= 355 && readiness.length <= 362, `readiness results ${readiness.length}`);
  assert.ok(liveness.length >= 177 && liveness.length <= 181, `liveness results ${liveness.length}`);
  // §2.2: the run count goes on growing while the result repeats.
  assert.deepEqual(
    readiness.slice(-2).map((p) => p.run),
    [readiness.length - 1, readiness.length],
  );
  assert.ok(probes.every((p) => p.result === 'success'));
});

test('repeated probe results are bounded: a run of them past ten times the step budget stops, saying so', () => {
  // 3 replicas probed every second: ~3 results per second, so 1,000 repeats (budget 100 × 10) come after ~5 min.
  const r = simulate(objects(deployment(3, 1)), { until: HOUR, budget: 100 });
  assert.ok(r.truncated !== undefined);
  assert.match(r.truncated.reason, /^stopped after 1000 repeated probe results at t=\d+/);
  assert.ok(r.truncated.at > 300 && r.truncated.at < 400, `stopped at ${r.truncated.at}s`);
});

test('10,000 replicas with readiness and liveness probes on 100 nodes run their hour without truncation', () => {
  // As `podlab run --format table` runs it: only the pods that exist at the end are kept.
  const r = simulate(objects(deployment(10_000, 10)), {
    until: HOUR,
    scenario: nodes(100),
    keep: { livePodsFrom: HOUR },
  });
  assert.equal(r.truncated, undefined);
  const live = r.livePodsAt(HOUR);
  assert.equal(live.length, 10_000);
  // nginx serves / on port 80: every replica is Running and ready, never restarted.
  const notReady = live.filter((p) => p.kubectl.ready !== '1/1' || p.kubectl.status !== 'Running');
  assert.deepEqual(
    notReady.map((p) => p.name),
    [],
  );
  assert.ok(live.every((p) => p.kubectl.restarts === '0'));
});
