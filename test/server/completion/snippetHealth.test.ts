// Every snippet PodLab offers, accepted as offered in its context, gives a manifest that PodLab itself does not
// warn about (issue 13: "snippets that produce healthy pods for the image they insert"). The diagnostics are the
// whole set `podlab lint` gives, predictions included: a snippet that makes a predicted CrashLoopBackOff (nginx
// with `httpGet: /healthz`, which nginx answers 404) or a predicted Init:0/1 (waiting for a Service nobody
// defines) fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, DiagnosticSeverity, type CompletionItem } from 'vscode-languageserver';
import { complete } from '../../../server/src/features/completion';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { diagnosticMessage } from '../../../server/src/features/diagnosticData';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { accept, cursor } from './helpers';

/** Warnings and errors of the whole file, predictions on, as `podlab lint` reports them. */
function troubles(text: string): string[] {
  return diagnoseText(text, { ...DEFAULT_SETTINGS, predictions: true })
    .filter((d) => (d.severity ?? DiagnosticSeverity.Error) <= DiagnosticSeverity.Warning)
    .map((d) => `${d.range.start.line + 1}: ${String(d.code)}: ${diagnosticMessage(d)}`);
}

/** Snippets with defaults for every tab stop. A generic item (`- Container`: `name: $1`) has none: the user
 *  types those values, so there is nothing to judge until they do. */
const withDefaults = (i: CompletionItem): boolean =>
  i.kind === CompletionItemKind.Snippet && !/\$\{\d+\}|\$[1-9]/.test(i.textEdit?.newText ?? i.insertText ?? '');

let checked = 0;
function assertHealthy(context: string, src: string, pick: (i: CompletionItem) => boolean = () => true): string[] {
  const c = cursor(src);
  const items = complete(c.text, c.position).filter((i) => withDefaults(i) && pick(i));
  assert.ok(items.length > 0, `${context}: no snippet offered`);
  const texts: string[] = [];
  for (const it of items) {
    const text = accept(c, it);
    assert.deepEqual(troubles(text), [], `${context} + ${it.label}:\n${text}`);
    texts.push(text);
    checked++;
  }
  return texts;
}

/** The document skeletons, as accepted at the top of an empty file. */
function skeletons(): { label: string; text: string }[] {
  const c = cursor('|');
  return complete(c.text, c.position)
    .filter((i) => withDefaults(i) && !i.label.startsWith('apiVersion/kind'))
    .map((i) => ({ label: i.label, text: accept(c, i) }));
}

test('the document skeletons give no warning', () => {
  const all = skeletons();
  assert.ok(all.length >= 7, all.map((s) => s.label).join(', '));
  for (const { label, text } of all) assert.deepEqual(troubles(text), [], `${label}:\n${text}`);
});

test('each probe snippet, inside the container of each skeleton, gives no warning', () => {
  for (const { label, text } of skeletons()) {
    const lines = text.split('\n');
    if (label === 'Service') continue;
    const at = lines.findIndex((l) => /^\s+- name: /.test(l));
    const col = lines[at]!.indexOf('name:');
    const src = [...lines.slice(0, at + 1), `${' '.repeat(col)}|`, ...lines.slice(at + 1)].join('\n');
    assertHealthy(`${label} container`, src, (i) => /Probe \(/.test(i.label));
  }
});

test("nginx's probe snippets probe what nginx serves", () => {
  // nginx's stock default.conf serves /usr/share/nginx/html, whose index.html the image ships, at `/`, and
  // listens on 80 (the nginx package's default.conf; docs/kubelet-behaviour.md, static file servers); the image
  // carries curl (docs/image-behaviour.md, "Shell and tools"). It serves no gRPC health service, so no gRPC
  // probe is offered.
  const src =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          |\n';
  const c = cursor(src);
  const items = complete(c.text, c.position).filter((i) => /Probe \(/.test(i.label));
  const http = items.find((i) => i.label === 'livenessProbe (httpGet)');
  assert.match(accept(c, http!), /httpGet:\n {14}path: \/\n {14}port: 80\n/);
  const exec = items.find((i) => i.label === 'readinessProbe (exec)');
  assert.match(accept(c, exec!), /command: \[curl, -fsS, -o, \/dev\/null, http:\/\/localhost:80\/\]/);
  assert.ok(!items.some((i) => i.label.includes('grpc')), items.map((i) => i.label).join(', '));
});

const POD = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const NGINX =
  '  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n        requests: { cpu: 100m, memory: 64Mi }\n        limits: { memory: 128Mi }\n';
// A Service without a selector (its endpoints are managed by hand, e.g. an external database): valid, and what
// the init container waits for is only that its name resolves.
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports: [{ port: 5432 }]\n';

test('container, init container and sidecar snippets give no warning', () => {
  assertHealthy('containers', POD('  containers:\n    |\n'));
  const [init] = assertHealthy(
    'initContainers',
    POD(`  initContainers:\n    |\n${NGINX}`),
    (i) => i.label === '- init container',
  );
  // No Service in the file: the init container waits for cluster DNS itself (the API server's Service).
  assert.match(init ?? '', /until nslookup kubernetes\.default\.svc\.cluster\.local;/);
  assertHealthy('initContainers', POD(`  initContainers:\n    |\n${NGINX}`), (i) => i.label === '- sidecar');
  // With a Service in the file, the usual "wait for the database" init waits for it, by its full name: busybox's
  // nslookup (1.29 and later) does not use the search domains (docs/image-behaviour.md, "Shell and tools").
  const [db] = assertHealthy(
    'initContainers + Service',
    `${POD(`  initContainers:\n    |\n${NGINX}`)}---\n${SERVICE}`,
    (i) => i.label === '- init container',
  );
  assert.match(db ?? '', /name: wait-for-db\n.*\n.*until nslookup db\.default\.svc\.cluster\.local;/);
  // A Service of another namespace is looked up in its own namespace (kube-dns: <service>.<namespace>.svc).
  const [other] = assertHealthy(
    'initContainers + Service in namespace data',
    `${POD(`  initContainers:\n    |\n${NGINX}`)}---\n${SERVICE.replace('name: db\n', 'name: db\n  namespace: data\n')}`,
    (i) => i.label === '- init container',
  );
  assert.match(other ?? '', /until nslookup db\.data\.svc\.cluster\.local;/);
});

test('pod spec and list item snippets give no warning', () => {
  assertHealthy('pod spec', POD(`${NGINX}  |\n`));
  const inContainer = (list: string) =>
    POD(NGINX.replace('      resources:', `      ${list}:\n        |\n      resources:`));
  assertHealthy('env', inContainer('env'));
  assertHealthy('ports', inContainer('ports'));
  assertHealthy(
    'container keys',
    POD(NGINX.replace('      resources:', '      |\n      resources:')),
    (i) => !/Probe/.test(i.label),
  );
  // A hostPath volume is what the snippet is for (node agents, log collectors), and the baseline Pod Security level
  // forbids every hostPath (pod-security-standards.md, "HostPath Volumes"): the one warning a snippet may give,
  // and its detail says so.
  assertHealthy('volumes', POD(`${NGINX}  volumes:\n    |\n`), (i) => i.label !== '- volume: hostPath');
  const c = cursor(POD(`${NGINX}  volumes:\n    |\n`));
  const hostPath = complete(c.text, c.position).find((i) => i.label === '- volume: hostPath');
  assert.match(hostPath?.detail ?? '', /Pod Security baseline forbids it/);
  assert.deepEqual(
    troubles(accept(c, hostPath!)).map((t) => t.split(': ')[1]),
    ['pod-security'],
  );
  assertHealthy('tolerations', POD(`${NGINX}  tolerations:\n    |\n`));
  assertHealthy(
    'service ports',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    |\n',
  );
  assert.ok(checked > 40, `only ${checked} snippets checked`);
});
