// `podlab run` and `podlab lint` as a user runs them: the bundled CLI, exit codes, file:line:col errors,
// no stack traces, and bounded answers for pathological values (README "Command line").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dir, file, podlab } from './podlab';

test('run: the README quick start prints a kubectl table with CrashLoopBackOff', () => {
  const r = podlab('run', 'examples/liveness-wrong-port.yaml', '--until', '5m');
  assert.equal(r.code, 0);
  const [header, row] = r.out.trim().split('\n');
  assert.match(header!, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
  assert.match(row!, /^hello-world-\S+\s+0\/1\s+CrashLoopBackOff\s+\d \(\d+s ago\)\s+5m$/);
});

test('run --format json: one trace object with the contract fields', () => {
  const r = podlab('run', 'examples/liveness-wrong-port.yaml', '--until', '2m', '--format', 'json');
  assert.equal(r.code, 0);
  const t = JSON.parse(r.out);
  assert.equal(t.podlab, 1);
  assert.equal(t.until, 120);
  assert.ok(Array.isArray(t.pods) && Array.isArray(t.events) && Array.isArray(t.probes));
  const pod = t.pods[0];
  for (const k of ['name', 'namespace', 'owner', 'node', 'createdAt', 'deletedAt', 'status', 'kubectl'])
    assert.ok(k in pod, k);
  assert.match(pod.owner, /^ReplicaSet\/hello-world-/);
  assert.equal(t.events[0].reason, 'ScalingReplicaSet');
  assert.ok(t.probes.some((p: { probe: string; result: string }) => p.probe === 'liveness' && p.result === 'failure'));
  const unhealthy = t.events.find((e: { reason: string }) => e.reason === 'Unhealthy');
  assert.deepEqual(unhealthy.cause.paths, ['spec.template.spec.containers[0].livenessProbe.tcpSocket.port']);
  assert.match(unhealthy.cause.evidence, /no container of the pod listens on 8081; `hello-world` listens on 8080/);
});

test('run --at shows the table at an earlier time; describe and events work', () => {
  const early = podlab('run', 'examples/liveness-wrong-port.yaml', '--until', '5m', '--at', '30s');
  assert.match(early.out, /1\/1\s+Running\s+1 \(\d+s ago\)\s+30s/);
  const d = podlab('run', 'examples/liveness-wrong-port.yaml', '--until', '3m', '--format', 'describe');
  assert.equal(d.code, 0);
  assert.match(d.out, /Liveness:\s+tcp-socket :8081 delay=10s timeout=1s period=5s #success=1 #failure=3/);
  assert.match(d.out, /Warning\s+Unhealthy\s+\S+ \(x\d+ over \S+\)\s+kubelet\s+Liveness probe failed/);
  const e = podlab('run', 'examples/liveness-wrong-port.yaml', '--until', '1m', '--format', 'events', '--explain');
  assert.match(e.out, /because: no container of the pod listens on 8081/);
});

test('run --format describe: the pods that exist at --at, as kubectl describe pods lists them', () => {
  // CronJobSpec.successfulJobsHistoryLimit defaults to 3 (k8s API reference, batch/v1 CronJob): older finished
  // Jobs are deleted, and their pods with them (garbage collection of dependents). At 10 min, 3 finished Jobs'
  // pods and the one just started exist; the 6 older ones are gone, so kubectl describes 4 pods, as the table lists.
  const cron = file(
    'cron.yaml',
    'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: date\n              image: busybox:1.36\n              command: ["date"]\n',
  );
  const table = podlab('run', cron, '--until', '10m');
  const listed = table.out
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/)[0]);
  assert.equal(listed.length, 4, table.out);
  const d = podlab('run', cron, '--until', '10m', '--format', 'describe');
  assert.equal(d.code, 0);
  const described = [...d.out.matchAll(/^Name:\s+(\S+)$/gm)].map((m) => m[1]);
  assert.deepEqual(described.sort(), listed.sort());
  assert.match(d.err, /6 pods were removed before t=600s and are not described/);
});

test('bad YAML and invalid objects: file:line:col errors, exit 2', () => {
  const broken = file(
    'broken.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n     bad: indent\n',
  );
  const r = podlab('run', broken);
  assert.equal(r.code, 2);
  assert.match(r.err, /broken\.yaml:[89]:\d+: error: /);
  const unknown = file(
    'unknown.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n    livenessProbes: {}\n',
  );
  const u = podlab('run', unknown);
  assert.equal(u.code, 2);
  assert.match(u.err, /unknown\.yaml:9:5: error: unknown field "livenessProbes" \[unknown-field\]/);
  const negative = file(
    'negative.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      initialDelaySeconds: -5\n      tcpSocket: { port: 80 }\n',
  );
  const n = podlab('run', negative);
  assert.equal(n.code, 2);
  assert.match(n.err, /negative\.yaml:10:\d+: error: .*greater than or equal to 0/);
});

test('pathological values give a clear error or a bounded run', () => {
  const huge = file(
    'huge.yaml',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  replicas: 1000000\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec: { containers: [{ name: a, image: nginx }] }\n',
  );
  const h = podlab('run', huge);
  assert.equal(h.code, 2);
  assert.match(h.err, /huge\.yaml:5: error: .*1000000 pods; PodLab simulates at most 10000/);
  const zero = file(
    'zero.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata: { name: z }\nspec:\n  containers:\n  - name: a\n    image: nginx\n    readinessProbe: { periodSeconds: 0, tcpSocket: { port: 80 } }\n',
  );
  assert.equal(podlab('run', zero).code, 0, 'periodSeconds 0 is defaulted to 10 by the API server');
  const year = podlab('run', 'examples/liveness-wrong-port.yaml', '--until', '8760h');
  assert.equal(year.code, 0, year.err);
  assert.match(year.out, /CrashLoopBackOff\s+\d+ \(\S+ ago\)\s+365d/);
  const tooLong = podlab('run', 'examples/liveness-wrong-port.yaml', '--until', '9000h');
  assert.equal(tooLong.code, 2);
});

test('usage errors and unreadable files exit 2 with one clear line', () => {
  assert.equal(podlab('run').code, 2);
  assert.equal(podlab('run', 'nope.yaml').code, 2);
  assert.match(podlab('run', 'nope.yaml').err, /nope\.yaml: no such file/);
  assert.equal(podlab('run', 'examples/liveness-exec.yaml', '--format', 'xml').code, 2);
  assert.equal(podlab('run', 'examples/liveness-exec.yaml', '--until', 'soon').code, 2);
  assert.equal(podlab('frobnicate').code, 2);
  const bin = join(dir, 'binary.yaml');
  writeFileSync(bin, Buffer.from([0x61, 0x3a, 0x00, 0x01]));
  assert.match(podlab('run', bin).err, /NUL byte/);
});

test('scenario files are validated with line:column errors', () => {
  const bad = file('bad.scenario.yaml', 'events:\n  - at: 30s\n    kil: { container: worker }\n');
  const r = podlab('run', 'examples/restart-policy/always.yaml', '--scenario', bad);
  assert.equal(r.code, 2);
  assert.match(r.err, /bad\.scenario\.yaml:2:\d+: error: .*kil/);
  const ok = podlab(
    'run',
    'examples/restart-policy/always.yaml',
    '--scenario',
    'examples/restart-policy/kill.scenario.yaml',
    '--until',
    '2m',
  );
  assert.equal(ok.code, 0);
  assert.match(ok.out, /restart-always\s+1\/1\s+Running\s+2 \(/);
});

test('lint: json and sarif formats, exit 1 on errors', () => {
  const unknown = file(
    'lint.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n    livenessProbes: {}\n',
  );
  const j = podlab('lint', unknown, '--format', 'json');
  assert.equal(j.code, 1);
  const parsed = JSON.parse(j.out);
  const unknownField = parsed[0].diagnostics.find((d: { code: string }) => d.code === 'unknown-field');
  assert.deepEqual(unknownField.range.start, { line: 8, character: 4 });
  const s = JSON.parse(podlab('lint', unknown, '--format', 'sarif').out);
  assert.equal(s.version, '2.1.0');
  assert.equal(podlab('lint', 'examples/liveness-exec.yaml').code, 0);
});

// One finding per cause (issue 10 A.3): the liveness probe's 8081, which no container declares and nothing
// listens on, is the cause of the crash loop (kubelet-semantics.md, worked example (a)); lint prints the
// prediction once, naming the rule it stands for, and without predictions the rule alone.
test('lint: one finding per cause, the rule it merges named in json and sarif', () => {
  const file = 'examples/liveness-wrong-port.yaml';
  const onPort = (...args: string[]) =>
    (
      JSON.parse(podlab('lint', file, '--format', 'json', ...args).out) as {
        diagnostics: { range: { start: { line: number } }; code: string; severity: string; merged?: string[] }[];
      }[]
    )[0]!.diagnostics.filter((d) => d.range.start.line === 26); // `port: 8081`, 0-based
  assert.deepEqual(
    onPort().map((d) => [d.code, d.severity, d.merged]),
    [['predicted-crash-loop', 'warning', ['probe-port-not-exposed']]],
  );
  assert.deepEqual(
    onPort('--no-predictions').map((d) => [d.code, d.merged]),
    [['probe-port-not-exposed', undefined]],
  );
  const text = podlab('lint', file)
    .out.split('\n')
    .filter((l) => l.startsWith(`${file}:27:`));
  assert.equal(text.length, 1, text.join('\n'));
  assert.match(text[0]!, /\[predicted-crash-loop\]$/);
  const sarif = JSON.parse(podlab('lint', file, '--format', 'sarif').out);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'predicted-crash-loop');
  assert.deepEqual(result.properties, { merged: ['probe-port-not-exposed'] });
});

// The same for a probe that gives up before the process listens: nginx behind `sleep 45`, a liveness probe
// that kills by 40 s (kubelet-semantics.md §2.2, §2.4). The rule liveness-kills-before-start and the crash loop
// are one finding on initialDelaySeconds.
test('lint: a liveness probe that kills before the start is one finding, the rule named in json and sarif', () => {
  const slow = file(
    'slow-start.yaml',
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: slow\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      command: ["/bin/sh", "-c", "sleep 45; exec nginx -g 'daemon off;'"]\n      livenessProbe:\n        tcpSocket:\n          port: 80\n        initialDelaySeconds: 10\n`,
  );
  const onDelay = (format: 'json' | 'sarif') => JSON.parse(podlab('lint', slow, '--format', format).out);
  const json = (
    onDelay('json') as { diagnostics: { range: { start: { line: number } }; code: string; merged?: string[] }[] }[]
  )[0]!;
  assert.deepEqual(
    json.diagnostics.filter((d) => d.range.start.line === 12).map((d) => [d.code, d.merged]), // 0-based
    [['predicted-crash-loop', ['liveness-kills-before-start']]],
  );
  const results = onDelay('sarif').runs[0].results as { ruleId: string; properties?: unknown }[];
  assert.deepEqual(
    results.filter((r) => /liveness-kills|predicted-crash-loop/.test(r.ruleId)).map((r) => [r.ruleId, r.properties]),
    [['predicted-crash-loop', { merged: ['liveness-kills-before-start'] }]],
  );
});

test('lint: files in the order given, the problems of each in line and column order, in every format', () => {
  // The contract (podlab lint, text/json/sarif) fixes no order; file, line, column is what compilers and linters
  // print. These examples have problems from several rules and the predictions, which come rule by rule.
  const files = ['examples/liveness-wrong-port.yaml', 'examples/liveness-exec.yaml'];
  const sorted = (positions: number[][]) =>
    positions.every(
      (p, i) =>
        i === 0 || p[0]! > positions[i - 1]![0]! || (p[0] === positions[i - 1]![0] && p[1]! >= positions[i - 1]![1]!),
    );
  const text = podlab('lint', ...files)
    .out.trim()
    .split('\n')
    .slice(0, -1);
  assert.deepEqual([...new Set(text.map((l) => l.split(':')[0]))], files);
  for (const f of files) {
    const positions = text.filter((l) => l.startsWith(`${f}:`)).map((l) => l.split(':').slice(1, 3).map(Number));
    assert.ok(positions.length >= 3, `${f}: several problems`);
    assert.ok(sorted(positions), `${f}: ${JSON.stringify(positions)}`);
  }
  const json = JSON.parse(podlab('lint', ...files, '--format', 'json').out);
  assert.deepEqual(
    json.map((r: { file: string }) => r.file),
    files,
  );
  for (const r of json) {
    const positions = r.diagnostics.map((d: { range: { start: { line: number; character: number } } }) => [
      d.range.start.line,
      d.range.start.character,
    ]);
    assert.ok(sorted(positions), `${r.file}: ${JSON.stringify(positions)}`);
  }
  const sarif = JSON.parse(podlab('lint', ...files, '--format', 'sarif').out);
  for (const f of files) {
    const positions = sarif.runs[0].results
      .filter(
        (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          x.locations[0]!.physicalLocation.artifactLocation.uri === f,
      )
      .map((x: { locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }) => [
        x.locations[0]!.physicalLocation.region.startLine,
        x.locations[0]!.physicalLocation.region.startColumn,
      ]);
    assert.ok(sorted(positions), `sarif ${f}: ${JSON.stringify(positions)}`);
  }
});

test('lint --pod-security: the level checked (default baseline), a bad level is a usage error', () => {
  const p = file(
    'pss.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n',
  );
  const codes = (...args: string[]) =>
    (
      JSON.parse(podlab('lint', p, '--no-predictions', '--format', 'json', ...args).out) as {
        diagnostics: { code: string; message: string }[];
      }[]
    )[0]!.diagnostics.filter((d) => d.code === 'pod-security');
  assert.deepEqual(codes(), []);
  // world-semantics.md §7: the restricted level's four reasons for a plain pod, one per field.
  const restricted = codes('--pod-security', 'restricted');
  assert.equal(restricted.length, 4);
  assert.match(restricted[0]!.message, /^would violate PodSecurity "restricted:latest": /);
  const bad = podlab('lint', p, '--pod-security', 'strict');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--pod-security must be one of off, baseline, restricted, not "strict"/);
});
