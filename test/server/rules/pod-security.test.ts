// pod-security: Pod Security Admission's verdicts on the offending field. Messages: the API server's words
// (k8s.io/pod-security-admission policy/check_*.go; admission.go "violates PodSecurity %q: %s"; the kubectl
// captures of world-semantics.md §7 "Exact strings"); enforce vs warn per world-semantics.md §7 Facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podSecurity } from '../../../server/src/rules/pod-security';
import type { PodSecuritySetting } from '../../../server/src/rules/types';
import { applyEdits, contexts, fixNamed, found, range, yaml } from './helpers';

function findings(text: string, level: PodSecuritySetting = 'baseline') {
  const docs = contexts(text);
  return podSecurity.checkFile(docs, { podSecurity: level }).map(({ doc, finding }) => found(docs, doc, finding));
}

const privileged = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          privileged: true
`;

test('baseline (the default): a privileged container, warned on its value with the fix to false', () => {
  const [f, ...rest] = findings(privileged);
  assert.equal(rest.length, 0);
  assert.equal(
    f!.message,
    'would violate PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)',
  );
  assert.equal(f!.severity, undefined); // the rule's own (warning): nothing enforces it
  assert.deepEqual(f!.range, range(9, 20, 9, 24));
  const fixed = applyEdits(privileged, fixNamed(f!, 'Set privileged: false').edits);
  assert.match(fixed, /privileged: false/);
  assert.deepEqual(findings(fixed), []);
  assert.deepEqual(findings(privileged, 'off'), []);
});

test('restricted: a missing field is reported on the container name, and its fix adds it', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: { app: web }
      template:
        metadata:
          labels: { app: web }
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: app
              image: nginx:1.27
              securityContext:
                capabilities:
                  drop: [NET_RAW]
  `;
  const found = findings(text, 'restricted');
  assert.deepEqual(
    found.map((f) => f.message),
    [
      'would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)',
      'would violate PodSecurity "restricted:latest": unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"])',
    ],
  );
  assert.deepEqual(found[0]!.range, range(16, 16, 16, 19)); // `app`, the container's name
  assert.deepEqual(found[1]!.range, range(20, 14, 20, 18)); // the `drop` key that lacks ALL
  let fixed = applyEdits(text, fixNamed(found[0]!, 'Set allowPrivilegeEscalation: false').edits);
  fixed = applyEdits(fixed, fixNamed(findings(fixed, 'restricted')[0]!, 'Add ALL to capabilities.drop').edits);
  assert.deepEqual(findings(fixed, 'restricted'), [], fixed);
});

const hostPaths = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: agent
  spec:
    containers:
      - name: agent
        image: fluent/fluent-bit:3.0
    volumes:
      - name: logs
        hostPath:
          path: /var/log
      - name: sock
        hostPath:
          path: /var/run/docker.sock
`;

test("hostPath: one finding per volume; a sensitive path is host-path-sensitive's finding unless enforced", () => {
  assert.deepEqual(
    findings(hostPaths).map((f) => [f.message, f.range]),
    [['would violate PodSecurity "baseline:latest": hostPath volumes (volume "logs")', range(10, 6, 10, 14)]],
  );
  const enforced = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ops\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n---\n${hostPaths.replace('name: agent\n', 'name: agent\n  namespace: ops\n')}`;
  const found = findings(enforced, 'off');
  assert.deepEqual(
    found.map((f) => [f.message, f.severity]),
    [
      ['pods "agent" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "logs")', 'error'],
      ['pods "agent" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "sock")', 'error'],
    ],
  );
});

const namespace = (labels: string) => yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: prod
    labels:
${labels}
`;

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
    namespace: prod
  spec:
    selector:
      matchLabels: { app: api }
    template:
      metadata:
        labels: { app: api }
      spec:
        hostNetwork: true
        containers:
          - name: api
            image: acme/api:1
`;

test('a namespace enforcing a level: the workload is accepted with the warning, its pods are rejected (FailedCreate)', () => {
  const text = `${namespace('      pod-security.kubernetes.io/enforce: baseline')}\n---\n${deployment}`;
  const found = findings(text, 'off');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'error');
  assert.equal(found[0]!.doc, 1);
  assert.equal(
    found[0]!.message,
    'would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true). Namespace "prod" enforces it: the API server accepts the Deployment, but rejects every pod it creates (FailedCreate)',
  );
  // Another namespace's labels do not apply; the object then gets the setting's warning only.
  const elsewhere = text.replace('namespace: prod', 'namespace: dev');
  assert.deepEqual(
    findings(elsewhere).map((f) => [f.message, f.severity]),
    [['would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)', undefined]],
  );
});

test("warn labels and the setting: the stricter level warns, quoting the label's version; enforce wins on a shared field", () => {
  const text = `${namespace(
    '      pod-security.kubernetes.io/enforce: baseline\n      pod-security.kubernetes.io/warn: restricted\n      pod-security.kubernetes.io/warn-version: v1.33',
  )}\n---\n${deployment}`;
  const found = findings(text, 'baseline');
  assert.equal(found.filter((f) => f.severity === 'error').length, 1, 'hostNetwork once, as the enforced error');
  const warnings = found.filter((f) => f.severity === undefined).map((f) => f.message);
  assert.ok(warnings.length >= 4);
  for (const w of warnings) assert.match(w, /^would violate PodSecurity "restricted:v1\.33": /);
  assert.ok(!warnings.some((w) => w.includes('hostNetwork')));
});

test('bad input: broken documents and odd namespaces never throw', () => {
  for (const text of ['kind: Pod\napiVersion: v1\nspec: 3', 'apiVersion: v1\nkind: Namespace\nmetadata: []', '']) {
    assert.doesNotThrow(() => findings(text, 'restricted'));
  }
});
