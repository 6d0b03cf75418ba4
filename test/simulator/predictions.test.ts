// Predicted outcomes (root causes): every example with a bad outcome is predicted on the line that causes
// it, and the real corpus gets no prediction except the reviewed, real ones (README "Mistakes found").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../simulator/src/manifest';
import { causeRange } from '../../simulator/src/sourceRanges';
import { simulate } from '../../simulator/src/simulate';
import { predict, type Prediction } from '../../simulator/src/predict';
import { example, repoRoot } from './harness';

function predictions(yaml: string): { p: Prediction; line: number }[] {
  const m = loadManifest(yaml);
  const result = simulate(m.objects, { until: 600, services: m.services });
  return predict(result, { defaultCluster: true }).map((p) => ({
    p,
    line: causeRange(m, p.doc, p.paths[0] ?? '').start.line + 1,
  }));
}

function lineOf(yaml: string, needle: string, from = 0): number {
  const lines = yaml.split('\n');
  const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
  assert.ok(i >= 0, `"${needle}" in the example`);
  return i + 1;
}

const cases: { file: string; code: string; line: (y: string) => number; message: RegExp; fix?: string }[] = [
  {
    file: 'liveness-wrong-port.yaml',
    code: 'predicted-crash-loop',
    line: (y) => lineOf(y, 'port: 8081'),
    message:
      /liveness probe fails 3 times from ~15s, so the kubelet kills hello-world at ~25s, then every ~25s with back-off 10s, 20s, 40s… .*no container of the pod listens on 8081; `hello-world` listens on 8080/,
    fix: 'Set the probe port to 8080',
  },
  {
    file: 'liveness-exec.yaml',
    code: 'predicted-crash-loop',
    line: (y) => lineOf(y, 'command:', lineOf(y, 'livenessProbe')),
    message: /`cat \/tmp\/healthy` exits 1/,
  },
  {
    file: 'readiness-delay-start.yaml',
    code: 'predicted-slow-ready',
    line: (y) => lineOf(y, 'port: http'),
    message: /Ready only after ~4\ds/,
  },
  {
    file: 'init-containers-wait.yaml',
    code: 'predicted-init-stuck',
    line: (y) => lineOf(y, 'until nslookup myservice'),
    message: /Init:0\/2.*"myservice"/,
  },
  {
    file: 'oom-killed.yaml',
    code: 'predicted-oom-killed',
    line: (y) => lineOf(y, 'memory: "100Mi"'),
    message: /uses about 25\dMi .* memory limit is 100Mi/,
  },
  {
    file: 'job-backoff-limit.yaml',
    code: 'predicted-job-failed',
    line: (y) => lineOf(y, 'backoffLimit: 3'),
    // Why the pods fail, from the example's own command (`sleep 2; exit 1`).
    message: /BackoffLimitExceeded.*backoffLimit is 3; task fails by itself after 2s with exit code 1/,
  },
  {
    file: 'mysql-missing-password.yaml',
    code: 'predicted-crash-loop',
    line: (y) => lineOf(y, 'image: mysql'),
    message: /mysql fails by itself .* exit code 1/,
  },
];

for (const c of cases) {
  test(`predicted on the right line: ${c.file} → ${c.code}`, () => {
    const yaml = example(c.file);
    const hits = predictions(yaml).filter((x) => x.p.code === c.code);
    assert.equal(hits.length, 1, JSON.stringify(predictions(yaml).map((x) => x.p.code)));
    assert.equal(hits[0]!.line, c.line(yaml));
    assert.match(hits[0]!.p.message, c.message);
    if (c.fix)
      assert.deepEqual(
        hits[0]!.p.changes.map((x) => x.title),
        [c.fix],
      );
  });
}

test('a huge request is predicted unschedulable even on the default cluster; a big one is not', () => {
  const yaml = example('failed-scheduling.yaml');
  const hits = predictions(yaml);
  assert.deepEqual(
    hits.map((h) => h.p.code),
    ['predicted-unschedulable'],
  );
  assert.equal(hits[0]!.line, lineOf(yaml, 'requests:'));
  assert.deepEqual(predictions(yaml.replace('1000Gi', '16Gi')), [], '16Gi fits bigger nodes: cluster-dependent');
});

test('healthy examples get no prediction', () => {
  for (const f of ['init-containers-done.yaml', 'sidecar-log.yaml', 'deletion/web.yaml'])
    assert.deepEqual(
      predictions(example(f)).map((x) => x.p.code),
      [],
      f,
    );
});

// Reviewed predictions on the real corpus: each is what the kubelet really does with that manifest.
const REVIEWED = new Set([
  'k8s-website/content__en__examples__configmap__env-configmap.yaml predicted-crash-loop', // printenv exits 0 under restartPolicy Always
  'k8s-website/content__en__examples__debug__termination.yaml predicted-crash-loop', // sleep 10 then exit 0 under Always
  'k8s-website/content__en__examples__pods__pod-configmap-envFrom.yaml predicted-image-pull', // registry.k8s.io/busybox:latest cannot be pulled
  'k8s-website/content__en__examples__pods__probe__exec-liveness.yaml predicted-image-pull', // k8s.gcr.io/busybox:latest cannot be pulled
  'k8s-website/content__en__examples__pods__probe__http-liveness.yaml predicted-crash-loop', // the docs' deliberately failing liveness demo
  'k8s-website/content__en__examples__pods__probe__pod-with-http-healthcheck.yaml predicted-crash-loop', // nginx answers 404 on /_status/healthz
  'k8s-website/content__en__examples__pods__resource__memory-request-limit-2.yaml predicted-oom-killed', // the docs' OOM demo
  'k8s-website/content__en__examples__pods__resource__pod-level-memory-request-limit.yaml predicted-crash-loop', // `stress` is not in the nginx image
  'k8s-website/content__en__examples__pods__security__seccomp__fields.yaml predicted-crash-loop', // debian's bash exits at once without a TTY
  'k8s-website/content__en__examples__service__pod-with-graceful-termination.yaml predicted-prestop-cut', // preStop sleeps 180 s, grace is 120 s
  // The init container's `wget … | awk '/^  HTTP/{print $2}'` reads wget's "bad address 'frontend'" (no Service
  // `frontend` in this file): no status line, so `[ $STATUSCODE -eq 200 ]` fails 12 times and it exits 1.
  'microservices-demo/kustomize__base__loadgenerator.yaml predicted-crash-loop',
]);

const corpus = join(repoRoot, '..', 'shared', 'corpus', 'real');
test(
  'the real corpus: no predicted trouble except the reviewed real ones',
  { skip: existsSync(corpus) ? false : 'no corpus' },
  () => {
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) =>
        statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.ya?ml$/.test(n) ? [join(d, n)] : [],
      );
    const found = new Set<string>();
    for (const f of walk(corpus)) {
      const text = readFileSync(f, 'utf8');
      const m = loadManifest(text);
      if (m.objects.length === 0 || m.issues.some((i) => i.severity === 'error')) continue;
      for (const { p } of predictions(text)) found.add(`${f.slice(corpus.length + 1)} ${p.code}`);
    }
    assert.deepEqual([...found].sort(), [...REVIEWED].sort());
  },
);

test('a sidecar whose startup probe never passes, and a preStop longer than the grace period, are predicted', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: { name: stuck }
spec:
  terminationGracePeriodSeconds: 10
  initContainers:
    - name: proxy
      image: nginx:1.27
      restartPolicy: Always
      startupProbe:
        httpGet: { path: /ready, port: 9090 }
        failureThreshold: 100
  containers:
    - name: app
      image: nginx:1.27
      lifecycle:
        preStop:
          exec: { command: ["sh", "-c", "sleep 60"] }
`;
  const hits = predictions(yaml);
  const sidecar = hits.find((h) => h.p.code === 'predicted-sidecar-not-started')!;
  assert.ok(sidecar, JSON.stringify(hits.map((h) => h.p.code)));
  assert.equal(sidecar.line, lineOf(yaml, 'port: 9090'));
  assert.match(sidecar.p.message, /sidecar proxy never reports Started/);
  const prestop = hits.find((h) => h.p.code === 'predicted-prestop-cut')!;
  assert.equal(prestop.line, lineOf(yaml, 'preStop:'));
  assert.match(prestop.p.message, /takes 60s, longer than the 10s grace period/);
  assert.deepEqual(
    prestop.p.changes.map((c) => c.value),
    [65],
  );
});

// Kubernetes test/e2e/common/node/runtime.go "should run with the expected status": the script counts its own
// starts in a file (exit 1, then 0, then runs forever); under restartPolicy Always the real pod ends up Running
// with RestartCount 2. On the test's emptyDir the model evaluates every run (test/simulator/restartState.test.ts);
// here the file is on a hostPath, whose content from before the pod is unknown, so the count is unknown and the
// comparison `[ $count -eq 1 ]` is only assumed: unknown beats confidently wrong, no CrashLoopBackOff may be
// predicted from it.
test('an exit that depends on an unevaluable condition yields no prediction (runtime.go restart-count script)', () => {
  const script =
    "f=/restart-count/restartCount\ncount=$(echo 'hello' >> $f ; wc -l $f | awk {'print $1'})\nif [ $count -eq 1 ]; then\n\texit 1\nfi\nif [ $count -eq 2 ]; then\n\texit 0\nfi\nwhile true; do sleep 1; done\n";
  const yaml = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: terminate-cmd-rpa',
    'spec:',
    '  restartPolicy: Always',
    '  containers:',
    '  - name: terminate-cmd-rpa',
    '    image: busybox:1.36',
    '    command: ["sh", "-c", ' + JSON.stringify(script) + ']',
    '    volumeMounts:',
    '    - name: restart-count',
    '      mountPath: /restart-count',
    '  volumes:',
    '  - name: restart-count',
    '    hostPath:',
    '      path: /var/lib/restart-count',
    '',
  ].join('\n');
  assert.deepEqual(
    predictions(yaml).map((x) => x.p.code),
    [],
  );
  // On the emptyDir of the conformance test every run is evaluated: the loop settles (third run), no prediction.
  assert.deepEqual(
    predictions(yaml.replace('hostPath:\n      path: /var/lib/restart-count', 'emptyDir:\n      medium: Memory')).map(
      (x) => x.p.code,
    ),
    [],
  );
  // The same exit from a condition the model can evaluate is still predicted.
  assert.deepEqual(
    predictions(yaml.replace('count=$(', 'count=1 # $(')).map((x) => x.p.code),
    ['predicted-crash-loop'],
  );
});

// An init container that waits for a Service by its short name: busybox 1.29 and later answer NXDOMAIN for a
// short in-cluster name although the Service exists, while the full name resolves (docker-library/busybox issues
// #48, #61, #75; docs/image-behaviour.md, "Shell and tools"). The explanation says which of the two it is, from
// the behaviour model's typed lookup facts.
test('a stuck init says whether the Service is missing or busybox does not search the short name', () => {
  const pod = (host: string, image = 'busybox:1.36') =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  initContainers:\n    - name: wait\n      image: ${image}\n      command: [sh, -c, "until nslookup ${host}; do sleep 2; done"]\n  containers:\n    - name: web\n      image: nginx:1.27\n`;
  const service =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  ports: [{ port: 5432 }]\n';
  const stuck = (yaml: string) => predictions(yaml).filter((x) => x.p.code === 'predicted-init-stuck');
  const [missing] = stuck(pod('db'));
  assert.match(missing?.p.message ?? '', /waits for the name "db" to resolve, and no Service of that name/);
  const [short] = stuck(`${pod('db')}---\n${service}`);
  assert.match(
    short?.p.message ?? '',
    /the Service exists, but busybox's nslookup .* db\.shop\.svc\.cluster\.local does/,
  );
  assert.deepEqual(stuck(`${pod('db.shop.svc.cluster.local')}---\n${service}`), []);
  // busybox before 1.29 searches the domains: the short name resolves.
  assert.deepEqual(stuck(`${pod('db', 'busybox:1.28')}---\n${service}`), []);
});
