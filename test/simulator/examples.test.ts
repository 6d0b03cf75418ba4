// Every example in examples/ shows the behaviour its comment promises (kubelet-semantics.md rules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertTimes, columns, example, run } from './harness';

test('liveness-wrong-port: killed every ~25 s, CrashLoopBackOff by 5 minutes, phase Running', () => {
  const r = run(example('liveness-wrong-port.yaml'), { until: 300 });
  const kills = r.times('Killing');
  assert.ok(kills.length >= 6, `at least 6 kills, got ${kills.length}`);
  assert.ok(
    r.events('Killing').every((e) => e.message === 'Container hello-world failed liveness probe, will be restarted'),
  );
  assert.match(columns(r, 300), /^0\/1 CrashLoopBackOff [56] \(/);
  assert.equal(r.pod(300).status.phase, 'Running');
  assert.match(r.pod(300).name, /^hello-world-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.equal(r.trace.pods.length, 1, 'the ReplicaSet does not replace a crash-looping pod');
  assert.match(r.events('Unhealthy')[0]!.message, /:8081: connect: connection refused$/);
});

test('liveness-exec: the file disappears at ~30 s after start, 3 failures later the container is restarted', () => {
  const r = run(example('liveness-exec.yaml'), { until: 120 });
  const start = r.times('Started')[0]!;
  const failures = r.events('Unhealthy');
  assert.ok(failures.length >= 3);
  assert.match(
    failures[0]!.message,
    /^Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory/,
  );
  // Probes every 5 s on the worker grid; the first failing one comes within 5 s after the rm at start + 30.
  assert.ok(
    failures[0]!.t > start + 30 && failures[0]!.t <= start + 35.5,
    `first failure at ${failures[0]!.t}, start ${start}`,
  );
  const kill = r.times('Killing')[0]!;
  assertTimes([kill], [failures[2]!.t], 0.01, 'kill on the third failure');
  assert.equal(r.events('Killing')[0]!.message, 'Container liveness failed liveness probe, will be restarted');
  // The shell ignores SIGTERM as PID 1: 137 after the 30 s grace, then an immediate restart.
  assert.match(columns(r, kill + 35), /^1\/1 Running 1 /);
  assert.equal(r.pod(kill + 35).status.containerStatuses[0]!.lastState.terminated?.exitCode, 137);
});

test('readiness-delay-start: Running but not ready until the server answers after DELAY_START=45', () => {
  const r = run(example('readiness-delay-start.yaml'), { until: 90 });
  const start = r.times('Started')[0]!;
  assert.equal(columns(r, start + 30), '0/1 Running 0');
  assert.equal(columns(r, start + 52), '1/1 Running 0');
  const ready = r.pod(90).status.conditions.find((c) => c.type === 'Ready')!;
  assert.equal(ready.status, 'True');
  assert.ok(
    ready.lastTransitionTime >= start + 45 && ready.lastTransitionTime <= start + 51,
    `Ready at ${ready.lastTransitionTime}`,
  );
  assert.match(
    r.events('Unhealthy')[0]!.message,
    /^Readiness probe failed: Get "http:\/\/10\.244\.0\.\d+:80\/": dial tcp .*connection refused$/,
  );
});

test('init-containers-wait: the first init container never finishes, so the pod stays Init:0/2', () => {
  const r = run(example('init-containers-wait.yaml'), { until: 300 });
  assert.equal(columns(r, 300), '0/1 Init:0/2 0');
  assert.equal(r.pod(300).status.phase, 'Pending');
  const init = r.pod(300).status.conditions.find((c) => c.type === 'Initialized')!;
  assert.equal(init.status, 'False');
  assert.equal(init.message, 'containers with incomplete status: [init-myservice init-mydb]');
  assert.deepEqual(
    r.events('Started').map((e) => e.message),
    ['Started container init-myservice'],
  );
});

test('init-containers-done: init containers run in order, then the app', () => {
  const r = run(example('init-containers-done.yaml'), { until: 60, scenario: 'cluster: { imagesPresent: true }' });
  assert.deepEqual(
    r.events('Started').map((e) => e.message),
    ['Started container fetch-config', 'Started container migrate', 'Started container app'],
  );
  const [a, b, c] = r.times('Started') as [number, number, number];
  assert.ok(b >= a + 5 && b <= a + 7, 'migrate starts after fetch-config exits (5 s) and PLEG notices');
  assert.ok(c >= b + 10 && c <= b + 13);
  assert.equal(columns(r, a + 2), '0/1 Init:0/2 0');
  assert.equal(columns(r, b + 2), '0/1 Init:1/2 0');
  assert.equal(columns(r, 60), '1/1 Running 0');
});

test('sidecar-log: the sidecar starts first, the app writes into the shared volume, the sidecar becomes ready', () => {
  const r = run(example('sidecar-log.yaml'), { until: 60 });
  assert.deepEqual(
    r.events('Started').map((e) => e.message),
    ['Started container log-server', 'Started container app'],
  );
  assert.equal(columns(r, 60), '2/2 Running 0');
  const app = r.times('Started')[1]!;
  const sidecarReady = r.trace.probes.find((p) => p.container === 'log-server' && p.result === 'success')!;
  assert.ok(sidecarReady.t >= app, 'the log file exists only once the app has written it');
});

for (const [policy, after] of [
  ['always', /^1\/1 Running 2 \(/],
  ['onfailure', /^1\/1 Running 2 \(/],
  ['never', /^0\/1 Error 0$/],
] as const) {
  test(`restart-policy/${policy}: the process killed at 30 s and 60 s`, () => {
    const r = run(example(`restart-policy/${policy}.yaml`), {
      until: 120,
      scenario: example('restart-policy/kill.scenario.yaml'),
    });
    assert.match(columns(r, 120), after);
    const phase = r.pod(120).status.phase;
    assert.equal(phase, policy === 'never' ? 'Failed' : 'Running');
    if (policy !== 'never') {
      // First restart immediate; after the second crash the 10 s back-off applies (finish 60 → start ≥ 70).
      const starts = r.times('Started');
      assertTimes(starts.slice(1), [31, 71], 1, 'restarts');
    }
  });
}

test('sidecar-nginx-date: nginx serves the index.html the writer appends to; the pod becomes 2/2 Ready (world-semantics §5)', () => {
  const r = run(example('sidecar-nginx-date.yaml'), { until: 60 });
  assert.deepEqual(
    r.events('Started').map((e) => e.message),
    ['Started container writer', 'Started container nginx'],
  );
  assert.ok(r.trace.probes.filter((p) => p.container === 'nginx').every((p) => p.result === 'success'));
  assert.equal(columns(r, 60), '2/2 Running 0');
});

test('port-clash: the second nginx on port 80 crash-loops with its bind error, the first serves (world-semantics §4)', () => {
  const r = run(example('port-clash.yaml'), { until: 120 });
  assert.match(columns(r, 120), /^1\/2 (Error|CrashLoopBackOff) [1-9]/);
  const copy = r.pod(120).status.containerStatuses.find((c) => c.name === 'web-copy')!;
  const term = copy.state.terminated ?? copy.lastState.terminated;
  assert.equal(term?.exitCode, 1);
  assert.ok(term?.message?.includes('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)'));
});
