// Long horizons and many replicas (issue 10 part C): the simulator's cost should follow the objects that exist and
// the changes, not the ticks or every object ever created. Prints medians (the machine is shared and noisy: run
// with `nice`, and read the load average printed first) and each goal, checked against the CPU time. It runs through
// tsx, whose keepNames wrapping of every closure makes the engine a little slower than the bundled CLI.
//   node --import tsx bench/longRuns.bench.ts [RUNS]
import { loadavg } from 'node:os';
import { loadManifest, loadScenario, simulate, type Scenario, type SimObject } from '../simulator/src/index';
import { traceForJson, writeJson } from '../server/src/cli/traceJson';

const RUNS = Number(process.argv[2] ?? 3);
const DAY = 86_400;

const CRON = `apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: date, image: "busybox:1.36", command: ["date"] }]
`;

const CRASH = `apiVersion: v1
kind: Pod
metadata: { name: crash }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo boom; exit 1"]
`;

const deployment = (replicas: number) => `apiVersion: apps/v1
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
          readinessProbe: { httpGet: { path: /, port: 80 } }
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 20 }
`;

function objects(yaml: string): SimObject[] {
  const m = loadManifest(yaml);
  if (m.issues.some((i) => i.severity === 'error')) throw new Error(JSON.stringify(m.issues));
  return m.objects;
}

function nodes(n: number): Scenario {
  const list = Array.from(
    { length: n },
    (_, i) => `    - { name: node-${i + 1}, capacity: { cpu: "16", memory: 64Gi, pods: 110 } }`,
  );
  const s = loadScenario(`cluster:\n  nodes:\n${list.join('\n')}`);
  if (!s.ok) throw new Error(JSON.stringify(s.issues));
  return s.scenario;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `fn` RUNS times (no warm-up: each is seconds long) and prints the median against the goal. */
function measure(label: string, goalMs: number | undefined, fn: () => string): void {
  const times: number[] = [];
  const cpu: number[] = [];
  let info = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    info = fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const m = median(times);
  const c = median(cpu);
  // On a loaded machine the wall clock mostly measures waiting: the goal is checked against the CPU time.
  console.log(
    `${label}: median ${(c / 1000).toFixed(2)} s CPU, ${(m / 1000).toFixed(2)} s wall over ${RUNS} (CPU ${cpu.map((t) => (t / 1000).toFixed(2)).join(', ')}); ${info}${goalMs === undefined ? '' : `; goal ≤ ${goalMs / 1000} s CPU: ${c <= goalMs ? 'within' : 'OVER'}`}`,
  );
}

/** What `podlab run --format table` does: simulate keeping only the pods that exist at the end, then list them. */
function table(objs: SimObject[], until: number, scenario?: Scenario, batch = true): string {
  const r = simulate(objs, { until, batch, keep: { livePodsFrom: until }, ...(scenario ? { scenario } : {}) });
  const live = r.livePodsAt(until);
  return `${live.length} pods at the end${r.truncated ? ', TRUNCATED' : ''}`;
}

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on a shared machine`,
);
// Growth: each workload at 1, 7 and 30 days; `batch: false` computes every step (what the batching saves).
const cron = objects(CRON);
for (const days of [1, 7])
  measure(`CronJob every minute, ${days} days (table)`, undefined, () => table(cron, days * DAY));
measure('CronJob every minute, 30 days (table)', 2000, () => table(cron, 30 * DAY));
const crash = objects(CRASH);
for (const days of [1, 7])
  measure(`crash-looping pod, ${days} days (table)`, undefined, () => table(crash, days * DAY));
measure('crash-looping pod, 30 days (table)', 500, () => table(crash, 30 * DAY));
measure('crash-looping pod, 30 days (table, batch: false)', undefined, () => table(crash, 30 * DAY, undefined, false));
measure('crash-looping pod, 30 days (json, default --repeats auto)', undefined, () => {
  const r = simulate(crash, { until: 30 * DAY });
  let bytes = 0;
  writeJson(traceForJson(r.traceAt(30 * DAY), 'auto'), (p) => (bytes += Buffer.byteLength(p)));
  return `${(bytes / 1e6).toFixed(2)} MB of JSON; goal < 5 MB: ${bytes < 5e6 ? 'within' : 'OVER'}`;
});
const d1k = objects(deployment(1000));
const ten = nodes(10);
measure('Deployment 1,000 replicas × 1 h, probes, 10 nodes (table)', 500, () => table(d1k, 3600, ten));
measure('Deployment 1,000 replicas × 1 h, probes, 10 nodes (table, batch: false)', undefined, () =>
  table(d1k, 3600, ten, false),
);
const d10k = objects(deployment(10_000));
const hundred = nodes(100);
measure('Deployment 10,000 replicas × 1 h, probes, 100 nodes (table)', 5000, () => table(d10k, 3600, hundred));
