// Static file servers answer from the pod's files (world-semantics §5 "Static file servers and where they serve
// from"): what a container wrote into the docroot (also through a shared emptyDir, from the moment it is written)
// answers 200, an absent file 404, a directory without index what each server does. Observed through the kubelet's
// httpGet probe, whose failure message carries the status (kubelet-semantics §2.3: `HTTP probe failed with
// statuscode: N`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, present, run } from './harness';

interface Ctr {
  name: string;
  image: string;
  command?: string[];
  mount?: string;
  probe?: { path: string; port: number; period?: number };
}

function pod(containers: Ctr[]): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: { name: web }', 'spec:'];
  lines.push('  volumes: [{ name: html, emptyDir: {} }]', '  containers:');
  for (const c of containers) {
    lines.push(`    - name: ${c.name}`, `      image: ${c.image}`);
    if (c.command) lines.push(`      command: ${JSON.stringify(c.command)}`);
    if (c.mount) lines.push(`      volumeMounts: [{ name: html, mountPath: ${c.mount} }]`);
    if (c.probe)
      lines.push(
        `      readinessProbe: { httpGet: { path: "${c.probe.path}", port: ${c.probe.port} }, periodSeconds: ${c.probe.period ?? 5} }`,
      );
  }
  return lines.join('\n') + '\n';
}

/** The readiness results of `container` in order: 'success' or the failure message. */
function readiness(r: ReturnType<typeof run>, container: string): { t: number; what: string }[] {
  return r.trace.probes
    .filter((p) => p.container === container && p.probe === 'readiness')
    .map((p) => ({ t: p.t, what: p.result === 'success' ? 'success' : (p.message ?? p.result) }));
}

const status = (n: number) => `HTTP probe failed with statuscode: ${n}`;

test('§5 timeline: the sidecar exercise — nginx serves the index.html the writer appends to; Ready at its first probe', () => {
  const r = run(example('sidecar-nginx-date.yaml'), { until: 60, scenario: present });
  const [writer, nginx] = r.times('Started');
  assert.ok(writer !== undefined && nginx !== undefined && writer <= nginx, 'writer starts first (spec order)');
  const results = readiness(r, 'nginx');
  assert.ok(results.length > 0);
  // The first line is appended at once when the writer starts, before nginx listens: 200 from the first probe.
  assert.deepEqual(
    results.map((x) => x.what),
    results.map(() => 'success'),
  );
  const ready = r.pod(60).status.conditions.find((c) => c.type === 'Ready');
  assert.equal(ready?.status, 'True');
  assert.equal(r.pod(results[0]!.t).kubectl.ready, '2/2');
});

test('§5: a readiness probe on a file written later fails with 404 until the write, then passes', () => {
  const r = run(
    pod([
      {
        name: 'nginx',
        image: 'nginx:1.27',
        mount: '/usr/share/nginx/html',
        probe: { path: '/ready.txt', port: 80, period: 2 },
      },
      {
        name: 'writer',
        image: 'busybox:1.36',
        mount: '/html',
        command: ['sh', '-c', 'sleep 20; echo ok > /html/ready.txt; sleep 3600'],
      },
    ]),
    { until: 60, scenario: present },
  );
  const writerStart = r.times('Started')[1]!;
  const results = readiness(r, 'nginx');
  const firstOk = results.find((x) => x.what === 'success')!;
  assert.ok(firstOk.t >= writerStart + 20 && firstOk.t <= writerStart + 22, `flips at the write: ${firstOk.t}`);
  const before = results.filter((x) => x.t < writerStart + 20);
  assert.ok(before.length > 3);
  assert.ok(
    before.every((x) => x.what === status(404)),
    JSON.stringify(before),
  );
  assert.ok(results.filter((x) => x.t >= firstOk.t).every((x) => x.what === 'success'));
  // The explanation names the file nginx looked for (§5: `open() "/usr/share/nginx/html/x.txt" failed`).
  const failure = r.trace.probes.find((p) => p.container === 'nginx' && p.result === 'failure');
  assert.equal(
    failure?.cause?.evidence,
    '`nginx` answers 404 on /ready.txt: no file /usr/share/nginx/html/ready.txt in the container',
  );
});

for (const [server, c, expected] of [
  // nginx: autoindex off → 403 for a directory without index.html; the emptyDir hides the image's index.html.
  ['nginx', { image: 'nginx:1.27', mount: '/usr/share/nginx/html', port: 80 }, 403],
  // httpd: `Options Indexes` → a listing (200), even of an empty docroot.
  ['httpd', { image: 'httpd:2.4', mount: '/usr/local/apache2/htdocs', port: 80 }, 200],
  // busybox httpd appends index.html and lists nothing → 404.
  [
    'busybox httpd',
    { image: 'busybox:1.36', mount: '/www', port: 8080, command: ['httpd', '-f', '-p', '8080', '-h', '/www'] },
    404,
  ],
  // python http.server --directory: a listing (`Directory listing for /`) → 200.
  [
    'python http.server',
    {
      image: 'python:3.12',
      mount: '/srv',
      port: 8000,
      command: ['python', '-m', 'http.server', '--directory', '/srv'],
    },
    200,
  ],
] as const) {
  test(`§5: GET / of an empty emptyDir docroot on ${server} answers ${expected}`, () => {
    const r = run(
      pod([
        { name: 'web', ...c, command: 'command' in c ? [...c.command] : undefined, probe: { path: '/', port: c.port } },
      ]),
      { until: 30, scenario: present },
    );
    const results = readiness(r, 'web');
    assert.ok(results.length > 0);
    assert.deepEqual(new Set(results.map((x) => x.what)), new Set([expected === 200 ? 'success' : status(expected)]));
  });
}

test("§5 / image-catalog §2.1: without a volume nginx serves the image's index.html (200) and 404 for absent files", () => {
  const ok = run(pod([{ name: 'web', image: 'nginx:1.27', probe: { path: '/', port: 80 } }]), {
    until: 20,
    scenario: present,
  });
  assert.ok(readiness(ok, 'web').every((x) => x.what === 'success'));
  const missing = run(pod([{ name: 'web', image: 'nginx:1.27', probe: { path: '/x.txt', port: 80 } }]), {
    until: 20,
    scenario: present,
  });
  assert.ok(readiness(missing, 'web').every((x) => x.what === status(404)));
});

test('§5: a file the server container writes into its own docroot is served; a directory index beats the 403', () => {
  const r = run(
    pod([
      {
        name: 'web',
        image: 'nginx:1.27',
        command: [
          'sh',
          '-c',
          "mkdir -p /usr/share/nginx/html/d && echo hi > /usr/share/nginx/html/d/index.html && exec nginx -g 'daemon off;'",
        ],
        probe: { path: '/d/', port: 80 },
      },
    ]),
    { until: 20, scenario: present },
  );
  const results = readiness(r, 'web');
  assert.ok(results.length > 0 && results.every((x) => x.what === 'success'), JSON.stringify(results));
});
