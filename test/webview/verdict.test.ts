// The verdict card's pure parts (client/webview/model/verdict.ts): where a new run opens, the card's line, the
// notes shown once; and the messages the card and the kept run add to the protocol (guards.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PanelVerdict } from '../../client/src/panel/protocol';
import { openingTime, shownNotes, verdictLine } from '../../client/webview/model/verdict';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import { livenessWrongPort, m } from './renderFixtures';

const verdict = (extra: Partial<PanelVerdict>): PanelVerdict => ({
  object: 'Pod/p',
  pod: 'p',
  outcome: 'healthy',
  status: 'Running',
  at: 5,
  headline: 'Running, Ready from 5s',
  reason: '',
  more: 0,
  ...extra,
});

test('a new run opens at the moment of the verdict that speaks for it, else at the end', () => {
  const sim = livenessWrongPort();
  const v = sim.verdicts[0]!;
  assert.equal(v.outcome, 'problem');
  assert.equal(v.code, 'predicted-crash-loop');
  assert.ok(v.cause && v.cause.paths[0]?.endsWith('livenessProbe.tcpSocket.port'));
  const t = openingTime(sim.verdicts, sim.until);
  assert.equal(t, v.at);
  // At that moment the pod table shows the verdict's STATUS (kubectl columns of the published status).
  assert.equal(m.pods.podRows(sim, t)[0]?.columns.status, 'CrashLoopBackOff');
  // A problem speaks before a healthy workload, whatever the order; no moment → the end of the run.
  const healthy = verdict({});
  const never = verdict({ outcome: 'problem', status: 'never Ready', at: null, headline: 'Running, never Ready' });
  assert.equal(openingTime([healthy, never], 300), 300);
  assert.equal(openingTime([healthy], 300), 5);
  assert.equal(openingTime([], 300), 300);
});

test("the card's line: headline and reason; unknown says why", () => {
  assert.equal(verdictLine(verdict({})), 'Running, Ready from 5s');
  assert.equal(
    verdictLine(verdict({ outcome: 'problem', headline: 'CrashLoopBackOff from 2m6s', reason: 'liveness probe: x' })),
    'CrashLoopBackOff from 2m6s — liveness probe: x',
  );
  assert.equal(
    verdictLine(verdict({ outcome: 'unknown', headline: 'outcome unknown', reason: 'no pod' })),
    'outcome unknown: no pod',
  );
});

test('a note about a template container shows once for all its pods', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: acme/api:1.2
`;
  const manifest = loadManifest(yaml);
  const result = simulate(manifest.objects, { until: 60, seed: 1 });
  const notes = result.traceAt(60).notes;
  const shown = shownNotes(notes);
  assert.ok(notes.length >= 3 * shown.length, `${notes.length} notes, ${shown.length} shown`);
  assert.ok(shown.every((n) => n.pods === 3 && n.text.startsWith('api: ')));
  assert.equal(new Set(shown.map((n) => n.text)).size, shown.length);
  assert.deepEqual(
    shownNotes([
      { level: 'warning', message: 'w' },
      { level: 'warning', message: 'w' },
    ]),
    [{ level: 'warning', text: 'w', pods: 2 }],
  );
});

test('the guard accepts the kept-run problems, the fixes and the pin, and refuses malformed ones', () => {
  const g = m.guards.isToWebview;
  assert.equal(g({ type: 'problems', title: 'a', problems: [], keep: true }), true);
  assert.equal(g({ type: 'problems', title: 'a', problems: [] }), false);
  assert.equal(g({ type: 'fixes', fixes: [{ index: 0, title: 'Set the probe port to 8080' }] }), true);
  assert.equal(g({ type: 'fixes', fixes: [{ index: 'x', title: 't' }] }), false);
  assert.equal(g({ type: 'pinned', pinned: true }), true);
  assert.equal(g({ type: 'pinned', pinned: 'yes' }), false);
  assert.equal(
    g({
      type: 'simulation',
      simulation: { title: 'a', until: 1, pods: [], events: [], probes: [], notes: [], whatIf: [] },
    }),
    false,
    'a simulation without verdicts',
  );
});
