// The batched engine (repeated identical work played from a record: a crash loop's back-off syncs,
// simulator/src/engine/backOffReplay.ts; a settled pod's probe answers, probeMemo.ts; repeated probe results kept as
// references, probeLog.ts) must give exactly the output of computing every step. This is a
// differential test: the unbatched engine's timelines are the ones the other engine tests check against the
// references, so every trace of the batched run (pods, statuses, container runs, events, probes, notes) must equal
// the unbatched one, for several workloads and horizons. The last test checks the crash loop at the back-off cap
// against the reference directly.
// References: kubelet-semantics.md §0 (a sync in back-off returns an error and is requeued after
// backOffPeriod = 10 s before PR #133066; 1.35 waits until the expiry), §1.1 (initial 10 s, ×2, cap 300 s) and
// §1.2 (doBackOff: one BackOff event per refused start).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { loadScenario } from '../../simulator/src/scenarioFile';
import { simulate } from '../../simulator/src/simulate';
import { example, run } from './harness';

const HOUR = 3600;
const DAY = 86_400;

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata: { name: crash }
spec:
${spec}`;

const CRASH = pod(`  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo boom; exit 1"]
`);

const WORKLOADS: { name: string; yaml: string; scenario?: string; budget?: number; horizons: number[] }[] = [
  { name: 'crash loop', yaml: CRASH, horizons: [600, 2 * HOUR, DAY] },
  { name: 'crash loop, kubelet 1.35', yaml: CRASH, scenario: 'kubelet: { version: "1.35" }', horizons: [2 * HOUR] },
  { name: 'crash loop, jitter', yaml: CRASH, scenario: 'kubelet: { jitter: true }', horizons: [2 * HOUR] },
  {
    name: 'crash loop, 30 s cap',
    yaml: CRASH,
    scenario: 'kubelet: { maxContainerRestartPeriod: 30 }',
    horizons: [HOUR],
  },
  {
    name: 'crash loop deleted during a back-off',
    yaml: CRASH,
    scenario: 'events: [{ at: 1000s, delete: { pod: crash } }]',
    horizons: [HOUR],
  },
  {
    name: 'exit 0 under OnFailure beside a crash loop',
    yaml: pod(`  restartPolicy: OnFailure
  activeDeadlineSeconds: 2500
  containers:
    - { name: once, image: busybox:1.36, command: ["true"] }
    - { name: app, image: busybox:1.36, command: ["sh", "-c", "exit 3"] }
`),
    horizons: [HOUR],
  },
  {
    name: 'crash loop beside a running server with probes',
    yaml: pod(`  containers:
    - name: web
      image: nginx:1.27
      readinessProbe: { httpGet: { path: /, port: 80 } }
    - { name: app, image: busybox:1.36, command: ["sh", "-c", "exit 1"] }
`),
    horizons: [2 * HOUR],
  },
  {
    name: 'init container crash loop',
    yaml: pod(`  initContainers:
    - { name: init, image: busybox:1.36, command: ["sh", "-c", "exit 1"] }
  containers:
    - { name: app, image: nginx:1.27 }
`),
    horizons: [2 * HOUR],
  },
  {
    name: 'three crash-looping replicas (equal times)',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: loop }
spec:
  replicas: 3
  selector: { matchLabels: { app: loop } }
  template:
    metadata: { labels: { app: loop } }
    spec:
      containers: [{ name: app, image: busybox:1.36, command: ["false"] }]
`,
    horizons: [2 * HOUR],
  },
  {
    name: 'five replicas with readiness and liveness probes',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: big }
spec:
  replicas: 5
  selector: { matchLabels: { app: big } }
  template:
    metadata: { labels: { app: big } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: { httpGet: { path: /, port: 80 } }
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 20 }
`,
    horizons: [HOUR],
  },
  {
    name: 'probes across what-if HTTP answers, a port going down and a kill',
    yaml: pod(`  containers:
    - name: web
      image: nginx:1.27
      readinessProbe: { httpGet: { path: /healthz, port: 80 }, periodSeconds: 5 }
      livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 7 }
`),
    scenario: `events:
  - { at: 100s, http: { container: web, path: /healthz, status: 500 } }
  - { at: 200s, http: { container: web, path: /healthz, status: 200 } }
  - { at: 300s, endpoint: { container: web, port: 80, state: fail } }
  - { at: 400s, endpoint: { container: web, port: 80, state: recover } }
  - { at: 900s, kill: { container: web } }`,
    horizons: [HOUR],
  },
  {
    name: 'a file server whose page appears late, and a periodic writer',
    yaml: pod(`  containers:
    - name: web
      image: python:3.12-alpine
      command: ["sh", "-c", "sleep 40; touch index.html; python -m http.server 8000"]
      readinessProbe: { httpGet: { path: /index.html, port: 8000 }, periodSeconds: 3 }
    - name: writer
      image: busybox:1.36
      command: ["sh", "-c", "while true; do date > /tmp/now; sleep 5; done"]
      livenessProbe: { exec: { command: ["cat", "/tmp/now"] } }
`),
    horizons: [HOUR],
  },
  {
    // Probe periods of 60 s and 20 s fall on the same milliseconds as each other, as the 60 s resyncs and as the
    // what-if events; successThreshold 3 makes repeats that count up before they change readiness.
    name: 'probe ticks on the same milliseconds as resyncs and what-if events, successThreshold 3',
    yaml: pod(`  containers:
    - name: web
      image: nginx:1.27
      readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 60, successThreshold: 3 }
      livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 20 }
      startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 20 }
`),
    scenario: `events:
  - { at: 600s, http: { container: web, path: /, status: 503 } }
  - { at: 1200s, http: { container: web, path: /, status: 200 } }
  - { at: 1800s, kill: { container: web } }`,
    horizons: [HOUR],
  },
  {
    // Both runs must stop at the same point: repeated probe results are counted the same way with or without batching.
    name: 'replicas with probes cut short by a small step budget',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: small }
spec:
  replicas: 3
  selector: { matchLabels: { app: small } }
  template:
    metadata: { labels: { app: small } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 1 }
`,
    budget: 100,
    horizons: [HOUR],
  },
  {
    // Resyncs of running pods that change nothing are played from a record: a sidecar, an OOM kill, a what-if
    // kill, jitter (a replayed requeue draws from the seed as a full one) and the active deadline must break it.
    name: 'running pod with a sidecar and probes through an OOM kill, a kill and its active deadline, jitter',
    yaml: pod(`  activeDeadlineSeconds: 2400
  initContainers:
    - { name: log, image: busybox:1.36, restartPolicy: Always, command: ["sh", "-c", "sleep 100000"] }
  containers:
    - name: web
      image: nginx:1.27
      readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 15 }
      livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 30 }
`),
    scenario: `kubelet: { jitter: true }
events:
  - { at: 700s, oom: { container: web } }
  - { at: 1300s, kill: { container: log } }`,
    horizons: [HOUR],
  },
  {
    name: 'replicas with probes on two nodes, one of which fails',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: pair }
spec:
  replicas: 4
  selector: { matchLabels: { app: pair } }
  template:
    metadata: { labels: { app: pair } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: { httpGet: { path: /, port: 80 } }
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 20 }
`,
    scenario: `cluster: { nodes: [{ name: a }, { name: b }] }
events: [{ at: 1500s, nodeFailure: { node: a } }]`,
    horizons: [HOUR],
  },
  { name: 'readiness after a delayed start', yaml: example('readiness-delay-start.yaml'), horizons: [HOUR] },
  { name: 'liveness exec', yaml: example('liveness-exec.yaml'), horizons: [HOUR] },
  { name: 'liveness probe on the wrong port', yaml: example('liveness-wrong-port.yaml'), horizons: [2 * HOUR] },
  { name: 'liveness restarts', yaml: example('liveness-restarts.yaml'), horizons: [2 * HOUR] },
];

function traces(
  yaml: string,
  scenarioText: string | undefined,
  until: number,
  batch: boolean,
  budget?: number,
): string[] {
  const m = loadManifest(yaml);
  assert.deepEqual(
    m.issues.filter((i) => i.severity === 'error'),
    [],
  );
  const s = scenarioText === undefined ? undefined : loadScenario(scenarioText);
  if (s !== undefined && !s.ok) assert.fail(JSON.stringify(s.issues));
  const r = simulate(m.objects, {
    until,
    services: m.services,
    world: m.world,
    batch,
    ...(budget === undefined ? {} : { budget }),
    ...(s?.ok ? { scenario: s.scenario } : {}),
  });
  // The whole trace at the end and at two earlier moments (statuses are kept as history).
  return [until / 3, until / 2 + 7.5, until].map((t) => JSON.stringify(r.traceAt(t)));
}

for (const w of WORKLOADS) {
  for (const until of w.horizons) {
    test(`batched = unbatched: ${w.name}, ${until / 60} min`, () => {
      const batched = traces(w.yaml, w.scenario, until, true, w.budget);
      const full = traces(w.yaml, w.scenario, until, false, w.budget);
      for (let i = 0; i < full.length; i++) assert.ok(batched[i] === full[i], `trace ${i} of ${w.name} differs`);
    });
  }
}

test('crash loop at the back-off cap: a restart every 300 s plus the 10 s requeue grid, BackOff every 10 s', () => {
  const r = run(CRASH, { until: DAY });
  const starts = r.times('Started');
  const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
  // §1.1: waits 10, 20, 40, 80, 160, then 300 s; the restart comes at the first sync at or after the expiry, and
  // syncs come every 10 s (§0), so each wait at the cap lasts 300 s plus at most one requeue period.
  const atCap = gaps.slice(8);
  assert.ok(atCap.length > 250, `a day at the cap has hundreds of restarts (${atCap.length})`);
  for (const g of atCap) assert.ok(g >= 300 && g <= 300 + 10 + 2, `restart gap ${g}s at the cap`);
  // §1.2 / §0: each refused sync emits BackOff; syncs in back-off come every 10 s.
  const last = starts[starts.length - 1]!;
  const prev = starts[starts.length - 2]!;
  const backOffs = r.times('BackOff').filter((t) => t > prev && t < last);
  const steps = backOffs.slice(1).map((t, i) => t - backOffs[i]!);
  assert.ok(backOffs.length >= 29, `about 30 BackOff events per 300 s wait (${backOffs.length})`);
  for (const s of steps) assert.equal(s, 10, 'BackOff events 10 s apart during a wait');
});
