// The workloads of the differential test batchedRuns.test.ts: crash loops, probes on steady replicas, what-if events
// on the same milliseconds as probe ticks and resyncs, a budget-truncated run. Each is run batched and unbatched.
import { example } from './harness';

const HOUR = 3600;
export const DAY = 86_400;

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata: { name: crash }
spec:
${spec}`;

export const CRASH = pod(`  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo boom; exit 1"]
`);

export const WORKLOADS: { name: string; yaml: string; scenario?: string; budget?: number; horizons: number[] }[] = [
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
  {
    // Steady replicas, each disturbed in its own way while the others keep probing on the same milliseconds: a
    // readiness probe that flips (what-if HTTP answer), a port that goes down and back (not a status input: the
    // probes' reused answers must not outlive it), a kill, a deletion and an OOM kill, by pod name.
    name: 'StatefulSet replicas on two nodes: readiness flips, a port goes down, a kill, a deletion, an OOM kill',
    yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: web
  replicas: 6
  podManagementPolicy: Parallel
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: { httpGet: { path: /, port: 80 } }
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 20 }
`,
    scenario: `cluster: { nodes: [{ name: a }, { name: b }] }
events:
  - { at: 600s, http: { pod: web-1, container: web, path: /, status: 500 } }
  - { at: 900s, http: { pod: web-1, container: web, path: /, status: 200 } }
  - { at: 1000s, endpoint: { pod: web-2, container: web, port: 80, state: fail } }
  - { at: 1030s, endpoint: { pod: web-2, container: web, port: 80, state: recover } }
  - { at: 1200s, endpoint: { pod: web-5, container: web, port: 80, state: fail } }
  - { at: 1500s, kill: { pod: web-3, container: web } }
  - { at: 2000s, delete: { pod: web-4 } }
  - { at: 2500s, oom: { pod: web-0, container: web } }`,
    horizons: [HOUR],
  },
  {
    // More replicas than the nodes hold (the rest wait for the scheduler's retries), all flipping not ready and back
    // together, then a node failing under half of them.
    name: 'many replicas on two small nodes: all flip not ready and back, then a node fails',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: many }
spec:
  replicas: 24
  selector: { matchLabels: { app: many } }
  template:
    metadata: { labels: { app: many } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 20 }
`,
    scenario: `cluster: { nodes: [{ name: a, capacity: { pods: 10 } }, { name: b, capacity: { pods: 10 } }] }
events:
  - { at: 1200s, http: { container: web, path: /, status: 503 } }
  - { at: 1500s, http: { container: web, path: /, status: 200 } }
  - { at: 1800s, kill: { container: web } }
  - { at: 2400s, nodeFailure: { node: a } }`,
    horizons: [HOUR],
  },
  {
    // A liveness kill stops a steady server slowly: its trap removes the file the readiness probe reads, then takes
    // 10 s to exit (the signal is not a status input, so a steady probe must notice it another way: probeTick.ts).
    name: 'a steady readiness probe while a killed container runs its SIGTERM trap',
    yaml: pod(`  containers:
    - name: web
      image: busybox:1.36
      command: ["sh", "-c", "mkdir -p /www; touch /www/ok; trap 'rm /www/ok; sleep 10; exit 0' TERM; httpd -f -p 8080 -h /www & wait"]
      readinessProbe: { httpGet: { path: /ok, port: 8080 }, periodSeconds: 1 }
      livenessProbe: { httpGet: { path: /healthz, port: 8080 }, periodSeconds: 10, initialDelaySeconds: 60 }
`),
    horizons: [600],
  },
  { name: 'readiness after a delayed start', yaml: example('readiness-delay-start.yaml'), horizons: [HOUR] },
  { name: 'liveness exec', yaml: example('liveness-exec.yaml'), horizons: [HOUR] },
  { name: 'liveness probe on the wrong port', yaml: example('liveness-wrong-port.yaml'), horizons: [2 * HOUR] },
  { name: 'liveness restarts', yaml: example('liveness-restarts.yaml'), horizons: [2 * HOUR] },
];
