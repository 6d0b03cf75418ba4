// The webview's pure helpers (client/webview/model): pods and kubectl columns at t, back-off countdown, state and
// message checks. Events, probe ticks, timeline lanes and the time-post throttle: renderTimeline.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubectlColumns as Columns } from '../../simulator/src/trace';
import { cond, cs, running, status, terminated, waiting } from '../present/fixtures';
import type { PanelContainer as Container, PanelSimulation as Sim } from '../../client/src/panel/protocol';
import type { BackOffView as BackOff } from '../../client/webview/model/containers';
import { livenessWrongPort, m, pod } from './renderFixtures';

test('statusAt: the last published status with t ≤ now, null before the first', () => {
  const a = status('Pending', []);
  const b = status('Running', []);
  const p = pod('p', {
    history: [
      { t: 1, status: a },
      { t: 5, status: b },
    ],
  });
  assert.equal(m.pods.statusAt(p, 0.5), null);
  assert.equal(m.pods.statusAt(p, 1), a);
  assert.equal(m.pods.statusAt(p, 4.9), a);
  assert.equal(m.pods.statusAt(p, 5), b);
  assert.equal(m.pods.statusAt(p, 1e6), b);
});

test('podRows: kubectl columns at t, later pods hidden, counts from the container kinds, deletions', () => {
  const containers: Container[] = [
    { name: 'log', kind: 'sidecar', instances: [], probes: [] },
    { name: 'app', kind: 'regular', instances: [], probes: [] },
  ];
  const started = status(
    'Running',
    [cs('app', running(4))],
    [cs('log', running(2))],
    [cond('Initialized', 'True'), cond('Ready', 'True')],
  );
  const sim: Sim = {
    title: 't',
    until: 100,
    events: [],
    probes: [],
    notes: [],
    whatIf: [],
    scenario: null,
    verdicts: [],
    workloads: [],
    pods: [
      pod('a', { containers, history: [{ t: 5, status: started }], deletedAt: 50, removedAt: 80 }),
      pod('b', { containers, createdAt: 60 }),
    ],
  };
  // Before any status: Pending, READY counts the sidecar and the regular container from the kinds.
  assert.deepEqual(
    m.pods.podRows(sim, 2).map((r) => [r.name, r.columns.ready, r.columns.status, r.columns.age]),
    [['a', '0/2', 'Pending', '2s']],
  );
  assert.deepEqual(
    m.pods.podRows(sim, 10).map((r) => [r.columns.ready, r.columns.status]),
    [['2/2', 'Running']],
  );
  const at70 = m.pods.podRows(sim, 70);
  assert.deepEqual(
    at70.map((r) => [r.name, r.columns.status, r.deletedAt, r.gone]),
    [
      ['a', 'Terminating', 50, false],
      ['b', 'Pending', null, false],
    ],
  );
  assert.equal(m.pods.podRows(sim, 90)[0]?.gone, true);
  assert.equal(m.pods.chooseSelection(sim, 'b', 0), 'b');
  assert.equal(m.pods.chooseSelection(sim, 'gone', 90), 'b');
  // Issue 13 item 7: after a delete the panel follows the workload's replacement (a ReplicaSet creates it at once,
  // kubelet-semantics §8), as the inline facts do; before the delete, or for another workload's pod, it stays.
  const rs: Sim = {
    ...sim,
    pods: sim.pods.map((p) => ({ ...p, target: 'Deployment/web' })),
  };
  assert.equal(m.pods.chooseSelection(rs, 'a', 40), 'a');
  assert.equal(m.pods.chooseSelection(rs, 'a', 55), 'a', 'the replacement does not exist yet');
  assert.equal(m.pods.chooseSelection(rs, 'a', 70), 'b');
  assert.equal(m.pods.chooseSelection(sim, 'a', 70), 'a', 'b belongs to another workload');
});

test('podRows on a real run: READY, STATUS, RESTARTS and AGE follow t', () => {
  const sim = livenessWrongPort();
  const row = (t: number): Columns => m.pods.podRows(sim, t)[0]!.columns;
  assert.deepEqual(row(10), { ready: '1/1', status: 'Running', restarts: '0', age: '10s' });
  assert.deepEqual(row(140), { ready: '0/1', status: 'CrashLoopBackOff', restarts: '4 (14s ago)', age: '2m20s' });
});

test("back-off: the delay and expiry from the status's structured backOff, never from the message", () => {
  // kubelet-semantics.md worked example (a1): exit at 125.1, back-off 40 s → expiry 165.1.
  const c = cs('app', waiting('CrashLoopBackOff', 'back-off 40s restarting failed container=app pod=p'), {
    lastState: terminated(2, 'Error', 100.1, 125.1),
    restartCount: 4,
    backOff: { delay: 40, until: 165.1 },
  });
  const { backOff: _, ...messageOnly } = c;
  assert.equal(m.containers.backOffAt(messageOnly, 140), null, 'the waiting message is not parsed');
  const b = m.containers.backOffAt(c, 140) as BackOff;
  assert.equal(b.delay, 40);
  assert.ok(Math.abs(b.nextRestartAt - 165.1) < 1e-9);
  assert.equal(m.containers.countdownText(b), 'next restart in 26s');
  assert.equal(m.containers.countdownText(m.containers.backOffAt(c, 170) as BackOff), 'restart due');
  assert.equal(m.containers.backOffAt(cs('app', running(1)), 10), null);
  const p = pod('p', { containers: [{ name: 'app', kind: 'regular', instances: [], probes: [] }] });
  const [view] = m.containers.containerViews(p, status('Running', [c]), 140);
  assert.equal(view?.backOffText, 'back-off 40s · next restart in 26s');
  // apimachinery duration.HumanDuration: whole seconds, truncated; `<2m` as seconds, then `2m5s`.
  assert.equal(view?.lastState, 'Terminated: Error (exit 2) t=100s–2m5s');
  assert.equal(view?.lastMessage, null);
  // The previous run's state.terminated.message (kubectl describe: `Last State: Terminated … Message:`).
  const withMessage = cs('app', waiting('CrashLoopBackOff', 'back-off 40s restarting failed container=app pod=p'), {
    lastState: {
      terminated: { exitCode: 1, reason: 'Error', message: 'config missing', startedAt: 100.1, finishedAt: 125.1 },
    },
    restartCount: 4,
  });
  const [view2] = m.containers.containerViews(p, status('Running', [withMessage]), 140);
  assert.equal(view2?.lastMessage, 'config missing');
});

test('state, messages and what-if descriptions', () => {
  assert.deepEqual(m.state.sanitizeState(undefined), {
    v: 1,
    t: 0,
    speed: 10,
    selected: null,
    eventsMode: 'aggregated',
    eventsScope: 'pod',
  });
  assert.deepEqual(
    m.state.sanitizeState({ t: 42.5, speed: 60, selected: 'web-0', eventsMode: 'list', eventsScope: 'all' }),
    { v: 1, t: 42.5, speed: 60, selected: 'web-0', eventsMode: 'list', eventsScope: 'all' },
  );
  assert.deepEqual(m.state.sanitizeState({ t: -1, speed: 7, selected: 3 }), {
    v: 1,
    t: 0,
    speed: 10,
    selected: null,
    eventsMode: 'aggregated',
    eventsScope: 'pod',
  });
  const kept = m.state.sanitizeState({ t: 5, speed: 1, selected: 'a', uri: 'file:///x.yaml', doc: 'file:///x.yaml' });
  assert.deepEqual(
    m.state.forDocument(kept, 'file:///x.yaml', 'file:///x.yaml'),
    kept,
    'a re-run of the same document keeps t and the pod',
  );
  assert.deepEqual(m.state.forDocument(kept, 'file:///y.yaml', 'file:///y.yaml'), {
    ...kept,
    t: 0,
    selected: null,
    uri: 'file:///y.yaml',
    doc: 'file:///y.yaml',
  });
  assert.deepEqual(
    m.state.forDocument(m.state.sanitizeState({ t: 5 }), 'x.yaml', undefined),
    { ...m.state.sanitizeState({ t: 5 }), doc: 'x.yaml' },
    'after a reload the restored time stays',
  );
  assert.equal(m.guards.isToWebview({ type: 'seek', t: 3 }), true);
  assert.equal(
    m.guards.isToWebview({
      type: 'simulation',
      uri: 7,
      simulation: { title: 'a', until: 1, pods: [], events: [], probes: [], notes: [], whatIf: [] },
    }),
    false,
  );
  assert.equal(m.guards.isToWebview({ type: 'seek', t: 'x' }), false);
  const withScenario = (scenario: unknown) =>
    m.guards.isToWebview({
      type: 'simulation',
      simulation: {
        title: 'a',
        until: 1,
        pods: [],
        events: [],
        probes: [],
        notes: [],
        whatIf: [],
        scenario,
        verdicts: [],
        workloads: [],
      },
    });
  assert.equal(withScenario(null), true);
  assert.equal(withScenario({ file: 'a.scenario.yaml', settings: ['kubelet'], events: [] }), true);
  assert.equal(withScenario({ file: 'a.scenario.yaml', events: [] }), false, 'settings missing');
  assert.equal(withScenario(undefined), false, 'a simulation says whether a scenario is loaded');
  assert.equal(m.guards.isToWebview({ type: 'simulation' }), false);
  assert.equal(m.guards.isToWebview({ type: 'other' }), false);
  assert.equal(m.guards.isToWebview({ type: 'command', command: 'jumpToVerdict' }), true);
  assert.equal(m.guards.isToWebview({ type: 'command', command: 'toString' }), false);
  assert.equal(m.guards.isToWebview(null), false);
  assert.equal(m.format.clampTime(500, 300), 300);
  assert.equal(m.format.clampTime(Number.NaN, 300), 0);
  assert.equal(
    m.format.describeWhatIf({ kind: 'kill', at: 60, pod: 'web-0', container: 'app', exitCode: 137 }),
    'at 60s: kill web-0 / app with exit code 137',
  );
  assert.equal(
    m.format.describeWhatIf({ kind: 'endpoint', at: 12.5, pod: 'p', container: 'c', port: 8080, state: 'fail' }),
    'at 12s: fail p / c port 8080', // HumanDuration truncates to whole seconds
  );
});
