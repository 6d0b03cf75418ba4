// One network namespace per pod (world-semantics §4 "The shared network namespace"): the containers of a pod share
// the port space and localhost. The second bind() of a port fails with EADDRINUSE; the loser prints its program's
// own message (§4 "Exact strings") and exits 1, so under restartPolicy Always it crash-loops while the first keeps
// running (kubectl READY 1/2). Who wins follows the start order: init/sidecar containers first, then spec order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, present, run } from './harness';

const DEFAULT_DAY = '2026/01/05'; // simulate.ts DEFAULT_EPOCH, UTC (the time stamps the programs write)

function pod(containers: string, extra = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n${extra}  containers:\n${containers}`;
}

/** The last terminated state of `name` (its log tail with FallbackToLogsOnError). */
function lastTerminated(r: ReturnType<typeof run>, t: number, name: string) {
  const s = r.pod(t).status.containerStatuses?.find((c) => c.name === name);
  return s?.state.terminated ?? s?.lastState.terminated;
}

test("§4: two nginx containers on port 80 — the first runs, the second crash-loops with nginx's bind error", () => {
  const r = run(example('port-clash.yaml'), { until: 120, scenario: present });
  const statuses = r.pod(120).status.containerStatuses ?? [];
  const first = statuses.find((c) => c.name === 'web')!;
  const second = statuses.find((c) => c.name === 'web-copy')!;
  assert.ok(first.state.running !== undefined && first.restartCount === 0 && first.ready);
  assert.ok(second.restartCount >= 3, `web-copy restarts: ${second.restartCount}`);
  const k = r.pod(120).kubectl;
  assert.equal(k.ready, '1/2');
  assert.match(k.status, /^(Error|CrashLoopBackOff)$/);
  const term = lastTerminated(r, 120, 'web-copy')!;
  assert.equal(term.exitCode, 1);
  assert.equal(term.reason, 'Error');
  // nginx tries 5 times, 500 ms apart, then gives up: ≈ 2.5 s after the start (§4 table "Timing").
  const runs = r.result.pods[0]!.containers.find((c) => c.name === 'web-copy')!.instances;
  for (const i of runs.filter((x) => x.finishedAt !== undefined)) assert.equal(i.finishedAt! - i.startedAt, 2500);
  const msg = term.message ?? '';
  const failed = 'bind() to 0.0.0.0:80 failed (98: Address already in use)';
  assert.match(msg, new RegExp(`^${DEFAULT_DAY} \\d\\d:\\d\\d:\\d\\d \\[emerg\\] 1#1: ${esc(failed)}$`, 'm'));
  assert.ok(msg.includes(`\nnginx: [emerg] ${failed}\n`));
  assert.equal(msg.match(/\[notice\] 1#1: try again to bind\(\) after 500ms/g)?.length, 5);
  assert.ok(msg.endsWith('[emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n'), msg);
});

test('§4: python http.server on 8000 and nginx on 80 share the pod without a clash', () => {
  const r = run(
    pod(
      '    - { name: py, image: "python:3.12", command: [python, -m, http.server] }\n' +
        '    - { name: web, image: "nginx:1.27" }\n',
    ),
    { until: 60, scenario: present },
  );
  assert.equal(`${r.pod(60).kubectl.ready} ${r.pod(60).kubectl.status} ${r.pod(60).kubectl.restarts}`, '2/2 Running 0');
});

test('§4: a sidecar (init container with restartPolicy Always) starts first, so the regular container loses the port', () => {
  const r = run(
    pod(
      '    - { name: main, image: "python:3.12", command: [python3, -m, http.server, "80"], terminationMessagePolicy: FallbackToLogsOnError }\n',
      '  initContainers:\n    - { name: proxy, image: "nginx:1.27", restartPolicy: Always }\n',
    ),
    { until: 60, scenario: present },
  );
  const term = lastTerminated(r, 60, 'main')!;
  assert.equal(term.exitCode, 1);
  // CPython: the traceback ends with `OSError: [Errno 98] Address already in use` (§4 table).
  assert.ok((term.message ?? '').endsWith('OSError: [Errno 98] Address already in use\n'), term.message);
  const proxy = r.pod(60).status.initContainerStatuses?.find((c) => c.name === 'proxy');
  assert.ok(proxy?.state.running !== undefined && proxy.restartCount === 0);
});

for (const [image, words] of [
  ['busybox:1.36', 'Address already in use'],
  ['busybox:1.36-musl', 'Address in use'],
] as const) {
  test(`§4: busybox httpd on a taken port (${image}) prints \`httpd: bind: ${words}\` and exits 1 at once`, () => {
    const r = run(
      pod(
        '    - { name: a, image: "nginx:1.27" }\n' +
          `    - { name: b, image: "${image}", command: [httpd, -f, -p, "80"], terminationMessagePolicy: FallbackToLogsOnError }\n`,
      ),
      { until: 30, scenario: present },
    );
    const term = lastTerminated(r, 30, 'b')!;
    assert.equal(term.exitCode, 1);
    assert.equal(term.message, `httpd: bind: ${words}\n`);
    const inst = r.result.pods[0]!.containers.find((c) => c.name === 'b')!.instances[0]!;
    assert.equal(inst.finishedAt, inst.startedAt);
  });
}

test('§4: redis 7 on a taken port: the warning and `Failed listening on port 6379 (tcp), aborting.`', () => {
  const r = run(
    pod(
      '    - { name: a, image: "redis:7.2" }\n' +
        '    - { name: b, image: "redis:7.2", terminationMessagePolicy: FallbackToLogsOnError }\n',
    ),
    { until: 30, scenario: present },
  );
  const msg = lastTerminated(r, 30, 'b')?.message ?? '';
  const stamp = '1:M 05 Jan 2026 \\d\\d:\\d\\d:\\d\\d\\.\\d{3} # ';
  assert.match(
    msg,
    new RegExp(
      `^${stamp}Warning: Could not create server TCP listening socket \\*:6379: bind: Address already in use\\n${stamp}Failed listening on port 6379 \\(tcp\\), aborting\\.\\n$`,
    ),
  );
});

test('§4: localhost reaches the server in another container (exec probes: ambassador pattern)', () => {
  const r = run(
    pod(
      '    - { name: cache, image: "redis:7.2" }\n' +
        '    - name: app\n      image: busybox:1.36\n      command: [sleep, "3600"]\n' +
        '      readinessProbe: { exec: { command: [nc, -z, localhost, "6379"] }, periodSeconds: 5 }\n' +
        '      livenessProbe: { exec: { command: [wget, -q, -O, /dev/null, "http://127.0.0.1:80/"] }, periodSeconds: 5 }\n',
    ),
    { until: 30, scenario: present },
  );
  const probes = r.trace.probes.filter((p) => p.container === 'app');
  assert.ok(probes.filter((p) => p.probe === 'readiness').every((p) => p.result === 'success'));
  // Nothing in the pod listens on 80: busybox wget's words (image-catalog §3).
  const live = probes.filter((p) => p.probe === 'liveness');
  assert.ok(live.length > 0);
  assert.match(live[0]!.message ?? '', /wget: can't connect to remote host \(127\.0\.0\.1\): Connection refused/);
});

test('§4: a program whose bind failure is not known keeps running; a note tells of the clash', () => {
  const r = run(
    pod(
      '    - { name: a, image: "example.com/app:1", ports: [{ containerPort: 8080 }] }\n' +
        '    - { name: b, image: "example.com/app:1", ports: [{ containerPort: 8080 }] }\n',
    ),
    { until: 30, scenario: present },
  );
  assert.equal(r.pod(30).kubectl.restarts, '0');
  assert.ok(r.trace.notes.some((n) => n.message.includes('port 8080 is already bound by `a`')));
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
