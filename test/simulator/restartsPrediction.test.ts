// predicted-restarts: a container the kubelet restarts again and again without ever holding it in back-off.
// The expected kills and restarts are worked out here from /work/shared/kubelet-semantics.md's rules, not
// read from the engine: probe ticks on the worker's grid (§2.2), the kill on the failureThreshold-th counted
// failure (§2.4), the grace period of a PID 1 that ignores SIGTERM (image-catalog.md §0 item 3, worked
// example (a) variant a2), and doBackOff's restart rule (§1.2, entry 10 s doubling to 300 s, expired after 600 s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { causeRange } from '../../simulator/src/sourceRanges';
import { simulate } from '../../simulator/src/simulate';
import { predict } from '../../simulator/src/predict';
import { example, run } from './harness';

/** kubelet-semantics §1.1. */
const BACKOFF_INITIAL = 10;
const BACKOFF_MAX = 300;
const BACKOFF_EXPIRY = 600;

interface Probe {
  initialDelay: number;
  period: number;
  failureThreshold: number;
}

/**
 * Kills and restarts of a container whose liveness probe always fails, up to `until`. The worker is created at
 * t = 0 and ticks every period from there (§2.2, worked examples' shared assumptions); a tick counts once
 * whole seconds since the start reach initialDelaySeconds (§2.2, rounded down); the kill comes on the
 * threshold-th counted failure (§2.4) and the container ends `grace` seconds later (SIGKILL). The sync then
 * runs doBackOff against the instance before the one just killed (§1.2, "the snapshot was taken before the
 * kill"): no exited instance or no entry → start at once; otherwise start only if now − its finish ≥ the
 * entry, and the entry doubles (capped) on each allowed start. A start comes a moment after the check
 * (`epsilon`, under the 1 s the worked examples allow; any value in (0, 1) gives the same ticks here).
 */
function reference(firstStart: number, probe: Probe, grace: number, until: number) {
  const epsilon = 0.5;
  const kills: number[] = [];
  const finishes: number[] = [];
  let start = firstStart;
  let entry: { backoff: number; lastUpdate: number } | undefined;
  for (;;) {
    let tick = Math.ceil(start / probe.period) * probe.period;
    while (Math.floor(tick - start) < probe.initialDelay) tick += probe.period;
    const kill = tick + (probe.failureThreshold - 1) * probe.period;
    if (kill > until) break;
    kills.push(kill);
    const now = kill + grace;
    finishes.push(now);
    const previous = finishes[finishes.length - 2];
    if (previous !== undefined) {
      if (entry && now - entry.lastUpdate <= BACKOFF_EXPIRY && now - previous < entry.backoff) break; // refused
      entry =
        entry && now - entry.lastUpdate <= BACKOFF_EXPIRY
          ? { backoff: Math.min(2 * entry.backoff, BACKOFF_MAX), lastUpdate: now }
          : { backoff: BACKOFF_INITIAL, lastUpdate: now };
    }
    start = now + epsilon;
    if (start > until) break;
  }
  const restarts = finishes.filter((f) => f + epsilon <= until).length;
  return { kills, restarts };
}

test('liveness-restarts.yaml: killed by its liveness probe every run, restarts without CrashLoopBackOff', () => {
  const yaml = example('liveness-restarts.yaml');
  const until = 600;
  const r = run(yaml, { until });
  // The first start depends on the image pull (image catalogue), not on the rules under test: taken from the run.
  const firstStart = r.times('Started')[0]!;
  // The manifest's liveness probe (failureThreshold defaults to 3, §2.1); the pod's grace period defaults to 30.
  const expected = reference(firstStart, { initialDelay: 60, period: 15, failureThreshold: 3 }, 30, until);
  assert.ok(expected.kills.length >= 3, 'the reference itself sees repeated kills');
  assert.deepEqual(r.times('Killing'), expected.kills, 'kills on the probe grid');
  assert.deepEqual(r.events('BackOff'), [], 'never held in back-off');

  const m = loadManifest(yaml);
  const predictions = predict(simulate(m.objects, { until, services: m.services }), { defaultCluster: true });
  const p = predictions.find((x) => x.code === 'predicted-restarts');
  assert.ok(p, `a predicted-restarts among ${predictions.map((x) => x.code).join(', ')}`);
  assert.equal(p.horizon, until);
  assert.equal(p.container, 'server');
  const line = causeRange(m, p.doc, p.paths[0]!).start.line;
  assert.match(yaml.split('\n')[line]!, /command: \["ls", "index.html"\]/, 'on the probe command');
  const k = expected.kills;
  const every = Math.round((k[k.length - 1]! - k[0]!) / (k.length - 1));
  assert.match(
    p.message,
    new RegExp(
      `liveness probe fails \\(\`ls index.html\` exits 1.*\\), so the kubelet kills server at ~${Math.round(k[0]!)}s, then every ~${every}s: ${expected.restarts} restarts in 10m simulated`,
    ),
  );
  assert.ok(!predictions.some((x) => x.code === 'predicted-crash-loop'), 'no crash-loop prediction');
});

test('a probe kill that the back-off does catch is a crash loop, not restarts (liveness-wrong-port.yaml)', () => {
  const m = loadManifest(example('liveness-wrong-port.yaml'));
  const codes = predict(simulate(m.objects, { until: 600, services: m.services }), { defaultCluster: true }).map(
    (p) => p.code,
  );
  assert.ok(codes.includes('predicted-crash-loop'));
  assert.ok(!codes.includes('predicted-restarts'));
});

test('an exit 0 under restartPolicy Always after a long run: one immediate restart, no back-off yet (§1.2)', () => {
  // `sleep 300` then exit 0. §1.2: the first restart is immediate (no back-off entry exists yet); the second
  // exit would meet the 10 s entry at once, but it comes after 600 s, beyond the horizon. So 1 restart, and
  // no BackOff: restarts, not a crash loop.
  const yaml = `apiVersion: v1
kind: Pod
metadata: { name: batchy }
spec:
  containers:
    - name: worker
      image: busybox:1.36
      command: ["sh", "-c", "sleep 300"]
`;
  const until = 600;
  const r = run(yaml, { until });
  const first = r.times('Started')[0]!;
  assert.deepEqual(r.events('BackOff'), []);
  const m = loadManifest(yaml);
  const codes = predict(simulate(m.objects, { until, services: m.services }), { defaultCluster: true });
  const p = codes.find((x) => x.code === 'predicted-restarts');
  assert.ok(p, `predicted-restarts among ${codes.map((x) => x.code).join(', ')}`);
  assert.match(
    p.message,
    new RegExp(`worker ends by itself \\(exit 0\\).*first at ~${Math.round(first + 300)}s; 1 restart in 10m simulated`),
  );
});

test('an exit 0 under restartPolicy Always, twice: the second exit meets the back-off (§1.2), a crash loop', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: { name: batchy }
spec:
  containers:
    - name: worker
      image: busybox:1.36
      command: ["sh", "-c", "sleep 200"]
`;
  const m = loadManifest(yaml);
  const codes = predict(simulate(m.objects, { until: 600, services: m.services }), { defaultCluster: true }).map(
    (x) => x.code,
  );
  assert.ok(codes.includes('predicted-crash-loop') && !codes.includes('predicted-restarts'), codes.join(', '));
});
