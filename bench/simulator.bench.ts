// Simulator speed: 10 simulated minutes of a 3-container pod with probes, and 1 hour of a 1,000-replica
// Deployment. Prints medians (the machine is shared and noisy). Targets: ≤ 2 ms and ≤ 1 s.
//   npm run bench
import { loadManifest, loadScenario, simulate, type SimObject, type Scenario } from '../simulator/src/index';

const THREE_CONTAINERS = `
apiVersion: v1
kind: Pod
metadata: { name: three }
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports: [{ containerPort: 80 }]
      readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }
      livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 10 }
    - name: cache
      image: redis:7
      livenessProbe: { exec: { command: ["redis-cli", "ping"] }, periodSeconds: 10 }
    - name: worker
      image: busybox:1.36
      command: ["sh", "-c", "touch /tmp/ok; while true; do sleep 5; done"]
      livenessProbe: { exec: { command: ["cat", "/tmp/ok"] }, periodSeconds: 10 }
`;

const deployment = (replicas: number) => `
apiVersion: apps/v1
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

function scenario(yaml: string): Scenario {
  const s = loadScenario(yaml);
  if (!s.ok) throw new Error(JSON.stringify(s.issues));
  return s.scenario;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(label: string, runs: number, target: number, fn: () => number): void {
  fn(); // warm-up
  const times: number[] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    events = fn();
    times.push(performance.now() - t0);
  }
  const m = median(times);
  const verdict = m <= target ? 'within' : 'OVER';
  console.log(
    `${label}: median ${m.toFixed(m < 10 ? 3 : 1)} ms over ${runs} runs (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}), ${events} trace records; target ≤ ${target} ms: ${verdict}`,
  );
}

const pod = objects(THREE_CONTAINERS);
measure('3-container pod with probes, 10 min', 200, 2, () => {
  const r = simulate(pod, { until: 600 });
  const t = r.traceAt(600);
  return t.events.length + t.probes.length;
});

const big = objects(deployment(1000));
const cluster = scenario(
  `cluster:\n  nodes:\n${Array.from({ length: 10 }, (_, i) => `    - { name: node-${i + 1}, capacity: { cpu: "16", memory: 64Gi, pods: 110 } }`).join('\n')}`,
);
measure('1,000-replica Deployment on 10 nodes, 1 h', 5, 1000, () => {
  const r = simulate(big, { until: 3600, scenario: cluster });
  const t = r.traceAt(3600);
  return t.events.length + t.probes.length;
});
