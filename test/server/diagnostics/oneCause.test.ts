// One diagnostic per cause (issue 10 A.3, issue 13 item 9). A liveness probe on a port that no container
// declares and nothing listens on fails every check ("dial tcp …:8081: connect: connection refused"), so the
// kubelet kills the container after failureThreshold failures and restarts it with back-off until it shows
// CrashLoopBackOff (kubelet-semantics.md §2.3, §2.4 and worked example (a): tcpSocket 8081, the app on 8080).
// The rule probe-port-not-exposed sees the undeclared port, the prediction sees the crash loop: one cause on
// one value, so one diagnostic (the prediction, with the rule's fact and code) and one preferred quick fix
// (set the port the container exposes). Without the prediction the rule shows as it always did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeFile } from '../../../server/src/analysis/fileAnalysis';
import { codeActions } from '../../../server/src/features/codeActions';
import { diagnoseText, diagnosticsFor } from '../../../server/src/features/diagnostics';
import { diagnosticMessage, type DiagnosticData } from '../../../server/src/features/diagnosticData';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';
import { fixesOf, setFixes } from '../../../server/src/features/diagnosticFixes';

const example = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'liveness-wrong-port.yaml'), 'utf8');
const lines = example.split('\n');
const PORT_LINE = lines.findIndex((l) => /^\s+port: 8081$/.test(l));
const EXPOSED_LINE = lines.findIndex((l) => /containerPort: 8080$/.test(l));
const URI = 'file:///one-cause.yaml';

/** The diagnostics on the probe's `8081`. */
function onPort(text: string, settings: Settings, line = PORT_LINE): Diagnostic[] {
  return diagnoseText(text, settings, URI).filter((d) => d.range.start.line === line);
}

const data = (d: Diagnostic) => d.data as DiagnosticData | undefined;

function actionsFor(ds: Diagnostic[]) {
  return codeActions(
    {
      textDocument: { uri: URI },
      range: ds[0]!.range,
      context: { diagnostics: ds },
    },
    ds.map(fixesOf),
  );
}

test('the probe on 8081: one diagnostic, the prediction, with the rule merged in', () => {
  assert.ok(PORT_LINE > 0 && EXPOSED_LINE > 0);
  const alone = onPort(example, { ...DEFAULT_SETTINGS, predictions: false });
  assert.deepEqual(
    alone.map((d) => d.code),
    ['probe-port-not-exposed'],
  );
  const ds = onPort(example, DEFAULT_SETTINGS);
  assert.equal(ds.length, 1, JSON.stringify(ds.map((d) => [d.code, diagnosticMessage(d)])));
  const d = ds[0]!;
  assert.equal(d.code, 'predicted-crash-loop');
  assert.equal(d.severity, 2, 'a warning');
  assert.deepEqual(d.range, alone[0]!.range, 'on the same value');
  assert.deepEqual(data(d)?.merged, ['probe-port-not-exposed']);
  assert.ok(diagnosticMessage(d).includes(diagnosticMessage(alone[0]!)), 'the rule’s fact is in the message');
  // The containerPort the probe should use is related once, not once per producer.
  const related = (d.relatedInformation ?? []).filter((r) => r.location.range.start.line === EXPOSED_LINE);
  assert.equal(related.length, 1, JSON.stringify(d.relatedInformation));
  assert.equal(related[0]!.location.uri, URI);
});

test('the probe on 8081: one quick fix, preferred, that sets the port the container exposes', () => {
  const ds = onPort(example, DEFAULT_SETTINGS);
  const actions = actionsFor(ds);
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
  const [a] = actions;
  assert.equal(a!.isPreferred, true);
  const edits = a!.edit?.changes?.[URI] ?? [];
  assert.deepEqual(
    edits.map((e) => [e.range.start.line, e.newText]),
    [[PORT_LINE, '8080']],
  );
});

test('the rule shows alone when there is no prediction: predictions off, its code off, or not known yet', () => {
  const expect = (ds: Diagnostic[], why: string) => {
    assert.deepEqual(
      ds.map((d) => d.code),
      ['probe-port-not-exposed'],
      why,
    );
    assert.equal(data(ds[0]!)?.merged, undefined);
    const actions = actionsFor(ds);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [['Set the probe port to 8080', true]],
      why,
    );
  };
  expect(onPort(example, { ...DEFAULT_SETTINGS, predictions: false }), 'podlab.predictions false');
  expect(
    onPort(example, { ...DEFAULT_SETTINGS, rules: { 'predicted-crash-loop': 'off' } }),
    'the prediction switched off by its code',
  );
  // The language server's fast pass: the document's simulation has not finished.
  const pending = diagnosticsFor(
    analyzeFile(example, Infinity, undefined, URI),
    DEFAULT_SETTINGS,
    URI,
    () => undefined,
  );
  expect(
    pending.filter((d) => d.range.start.line === PORT_LINE),
    'predictions not known yet',
  );
});

test('the rule switched off: the prediction alone, nothing merged', () => {
  const ds = onPort(example, { ...DEFAULT_SETTINGS, rules: { 'probe-port-not-exposed': 'off' } });
  assert.deepEqual(
    ds.map((d) => d.code),
    ['predicted-crash-loop'],
  );
  assert.equal(data(ds[0]!)?.merged, undefined);
});

test('the merged diagnostic takes the more severe of the two severities', () => {
  const ds = onPort(example, { ...DEFAULT_SETTINGS, rules: { 'probe-port-not-exposed': 'error' } });
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity]),
    [['predicted-crash-loop', 1]],
  );
});

// A program PodLab does not know may listen on 8081 without declaring it: the simulation cannot say what
// happens, so there is no prediction ("unknown-program-port"), and the rule's finding is all there is.
test('a probe on the port of an unknown program: no prediction, the rule alone', () => {
  const text = example.replace(/image: .*/, 'image: registry.example.com/shop/api:2.3');
  const ds = onPort(text, DEFAULT_SETTINGS);
  assert.deepEqual(
    ds.map((d) => d.code),
    ['probe-port-not-exposed'],
  );
});

// A readiness probe that never passes keeps the pod out of every Service's endpoints (kubelet-semantics.md
// §2.3: readiness failures only set Ready=False, no kill); a liveness probe whose first kill comes late
// (initialDelaySeconds 200) restarts the container with each run outlasting the back-off, so no
// CrashLoopBackOff shows. Both are caused by the undeclared port, on the same value.
test('the same merge for never-Ready and for restarts without a crash loop', () => {
  const pod = (probe: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
${probe}`;
  const cases: [string, string][] = [
    ['      readinessProbe:\n        httpGet:\n          path: /\n          port: 8081\n', 'predicted-never-ready'],
    [
      '      livenessProbe:\n        tcpSocket:\n          port: 8081\n        initialDelaySeconds: 200\n        periodSeconds: 10\n',
      'predicted-restarts',
    ],
  ];
  for (const [probe, code] of cases) {
    const text = pod(probe);
    const line = text.split('\n').findIndex((l) => l.endsWith('port: 8081'));
    const ds = onPort(text, DEFAULT_SETTINGS, line);
    assert.deepEqual(
      ds.map((d) => [d.code, data(d)?.merged]),
      [[code, ['probe-port-not-exposed']]],
    );
    // The horizon the numbers come from, which is what the panel plays by default (podlab.simulation.until: 10m).
    assert.match(diagnosticMessage(ds[0]!), /\b10m simulated\b/);
    assert.deepEqual(
      actionsFor(ds).map((a) => [a.title, a.isPreferred]),
      [['Set the probe port to 80', true]],
    );
  }
});

// examples/run-as-non-root.yaml: memcached's image names its user (`USER memcache`), so under runAsNonRoot the
// kubelet cannot verify it and refuses to start it ("image has non-numeric user (memcache)"); the pod also runs a
// cache beside a web server. Both land on memcached's image, but they are two causes: both stay.
test('two causes on one value stay two diagnostics', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'run-as-non-root.yaml'), 'utf8');
  const ds = diagnoseText(text, DEFAULT_SETTINGS, URI);
  const mixed = ds.find((d) => d.code === 'web-and-database-in-one-pod');
  assert.ok(mixed);
  const same = ds.filter((d) => JSON.stringify(d.range) === JSON.stringify(mixed.range));
  assert.deepEqual(same.map((d) => d.code).sort(), ['predicted-config-error', 'web-and-database-in-one-pod']);
  assert.ok(same.every((d) => data(d)?.merged === undefined));
});

// Two diagnostics under the cursor with the same edit (say, a finding and a prediction that are not merged
// because a client sent both from an older publish): the menu lists the fix once, for both.
test('code actions: one action per distinct edit, preferred when either diagnostic prefers it', () => {
  const alone = onPort(example, { ...DEFAULT_SETTINGS, predictions: false })[0]!;
  const fix = fixesOf(alone)[0]!;
  const other: Diagnostic = { ...alone, code: 'predicted-crash-loop' };
  setFixes(other, () => [{ ...fix, preferred: false }]);
  const actions = actionsFor([other, alone]);
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
  assert.equal(actions[0]!.isPreferred, true);
  assert.deepEqual(
    actions[0]!.diagnostics?.map((d) => d.code),
    ['predicted-crash-loop', 'probe-port-not-exposed'],
  );
});
