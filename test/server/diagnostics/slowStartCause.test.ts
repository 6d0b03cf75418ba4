// One diagnostic per cause (issue 10 A.3) for a probe that gives up before the process listens. nginx behind
// `sleep 45` listens 45 s after each start; a liveness probe with initialDelaySeconds 10, periodSeconds 10,
// failureThreshold 3 counts its first tick in [10, 20) s and kills at the third failure, by 40 s at most
// (kubelet-semantics.md §2.2: ticks are skipped while the whole seconds since the start are below
// initialDelaySeconds, then one per period on a grid not anchored at the start; §2.4: a liveness failure kills
// and restarts). Each restart starts over, so the kill repeats. The rule liveness-kills-before-start sees it in
// the spec, the simulation as a crash loop (or as restarts, when each run outlasts the back-off, §1.2): one
// cause on one value — the probe's timing — so one diagnostic, the prediction with the rule merged in, and one
// preferred fix, the same value from both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { codeActions } from '../../../server/src/features/codeActions';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { diagnosticMessage, type DiagnosticData } from '../../../server/src/features/diagnosticData';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { fixesOf } from '../../../server/src/features/diagnosticFixes';

const URI = 'file:///slow-start.yaml';

const pod = (sleep: number, probes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: slow-start
spec:
  containers:
    - name: web
      image: nginx:1.27
      command: ["/bin/sh", "-c", "sleep ${sleep}; exec nginx -g 'daemon off;'"]
      ports:
        - containerPort: 80
${probes}`;

const liveness = (timing: string) => `      livenessProbe:
        tcpSocket:
          port: 80
${timing}`;

const CODES = new Set(['liveness-kills-before-start', 'predicted-crash-loop', 'predicted-restarts']);

/** The diagnostics of the rule and of the predictions it causes. */
function probeDiagnostics(text: string, settings = DEFAULT_SETTINGS): Diagnostic[] {
  return diagnoseText(text, settings, URI).filter((d) => CODES.has(String(d.code)));
}

const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l));

function actions(ds: Diagnostic[]) {
  const params = { textDocument: { uri: URI }, range: ds[0]!.range, context: { diagnostics: ds } };
  return codeActions(params, ds.map(fixesOf)).map((a) => ({
    title: a.title,
    preferred: a.isPreferred === true,
    edits: (a.edit?.changes?.[URI] ?? []).map((e) => [e.range.start.line, e.newText]),
  }));
}

test('liveness gives up at 40 s, nginx listens at 45 s: one crash-loop diagnostic on initialDelaySeconds', () => {
  const text = pod(45, liveness('        initialDelaySeconds: 10\n'));
  const delayLine = lineOf(text, /initialDelaySeconds: 10$/);
  const alone = probeDiagnostics(text, { ...DEFAULT_SETTINGS, predictions: false });
  assert.deepEqual(
    alone.map((d) => [d.code, d.range.start.line]),
    [['liveness-kills-before-start', delayLine]],
  );
  const ds = probeDiagnostics(text);
  assert.equal(ds.length, 1, JSON.stringify(ds.map((d) => [d.code, diagnosticMessage(d)])));
  const d = ds[0]!;
  // The back-off doubles from 10 s up to 300 s (§1.1, §1.2) while each run stays ~40 s, so restarts are soon
  // held back: CrashLoopBackOff.
  assert.equal(d.code, 'predicted-crash-loop');
  assert.deepEqual(d.range, alone[0]!.range, 'on the value the rule points at');
  assert.deepEqual((d.data as DiagnosticData).merged, ['liveness-kills-before-start']);
  assert.ok(diagnosticMessage(d).includes(diagnosticMessage(alone[0]!)), 'the rule’s fact is in the message');
  // The rule says when nginx listens, which is also the prediction's evidence: the merged message says it once.
  assert.equal(diagnosticMessage(d).match(/45 ?s/g)?.length, 1, diagnosticMessage(d));
  // One preferred fix: a delay above 45 s, so that no counted tick comes before nginx listens (§2.2). The rule's
  // other way out, a startup probe, stays as an alternative.
  const as = actions(ds);
  assert.deepEqual(
    as.filter((a) => a.preferred).map((a) => a.edits),
    [[[delayLine, '50']]],
  );
  assert.deepEqual(
    as.map((a) => a.title.split(' ')[0]),
    ['Set', 'Add'],
    as.map((a) => a.title).join(' | '),
  );
});

test('without initialDelaySeconds: both on the livenessProbe key, one fix that inserts the field', () => {
  const text = pod(45, liveness(''));
  const keyLine = lineOf(text, /^ {6}livenessProbe:$/);
  const ds = probeDiagnostics(text);
  assert.deepEqual(
    ds.map((d) => [d.code, d.range.start.line, (d.data as DiagnosticData | undefined)?.merged]),
    [['predicted-crash-loop', keyLine, ['liveness-kills-before-start']]],
  );
  const preferred = actions(ds).filter((a) => a.preferred);
  assert.deepEqual(
    preferred.map((a) => a.edits),
    [[[keyLine + 1, 'initialDelaySeconds: 50\n        ']]],
  );
});

// initialDelaySeconds 200, period 10: the first kill comes at 220–230 s, before nginx listens at 250 s. Runs of
// ~225 s: "the first two liveness restarts are immediate" (§1.2), and 10 minutes hold two kills, so no
// CrashLoopBackOff shows; the rule's cause is the same.
test('restarts without a crash loop: the same merge into predicted-restarts', () => {
  const text = pod(250, liveness('        initialDelaySeconds: 200\n'));
  const delayLine = lineOf(text, /initialDelaySeconds: 200$/);
  const ds = probeDiagnostics(text);
  assert.deepEqual(
    ds.map((d) => [d.code, d.range.start.line, (d.data as DiagnosticData | undefined)?.merged]),
    [['predicted-restarts', delayLine, ['liveness-kills-before-start']]],
  );
  assert.equal(diagnosticMessage(ds[0]!).match(/250 ?s/g)?.length, 1, diagnosticMessage(ds[0]!));
  assert.deepEqual(
    actions(ds)
      .filter((a) => a.preferred)
      .map((a) => a.edits),
    [[[delayLine, '255']]],
  );
});

// A startup probe of period 5 and failureThreshold 4 gives up by 20 s. Ticks before 45 s: at most
// floor(45 / 5) + 1 = 10, all failures (§2.2), so the threshold must be at least 11 for a tick to see nginx
// listening; liveness waits for the startup probe (§2.2, the startup-probe gate).
test('a startup probe too short: one diagnostic on its failureThreshold, one fix to 11', () => {
  const text = pod(
    45,
    `${liveness('')}      startupProbe:
        tcpSocket:
          port: 80
        periodSeconds: 5
        failureThreshold: 4
`,
  );
  const line = lineOf(text, /failureThreshold: 4$/);
  const ds = probeDiagnostics(text);
  assert.deepEqual(
    ds.map((d) => [d.code, d.range.start.line, (d.data as DiagnosticData | undefined)?.merged]),
    [['predicted-crash-loop', line, ['liveness-kills-before-start']]],
  );
  const as = actions(ds);
  assert.deepEqual(
    as.map((a) => [a.preferred, a.edits]),
    [[true, [[line, '11']]]],
  );
});

test('the rule switched off: the prediction alone, with the same fix', () => {
  const text = pod(45, liveness('        initialDelaySeconds: 10\n'));
  const ds = probeDiagnostics(text, { ...DEFAULT_SETTINGS, rules: { 'liveness-kills-before-start': 'off' } });
  assert.deepEqual(
    ds.map((d) => [d.code, (d.data as DiagnosticData | undefined)?.merged]),
    [['predicted-crash-loop', undefined]],
  );
  assert.deepEqual(
    actions(ds).map((a) => [a.preferred, a.edits]),
    [[true, [[lineOf(text, /initialDelaySeconds: 10$/), '50']]]],
  );
});
