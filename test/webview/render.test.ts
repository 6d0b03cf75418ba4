// The webview's pure helpers (client/webview/model): pods and kubectl columns at t, back-off countdown, event
// aggregation and stepping, probe ticks, timeline lanes, the time-post throttle, state and message checks.
//
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import type { KubectlColumns as Columns, ProbeRecord, TraceEvent } from '../../simulator/src/trace';
import { cond, cs, running, status, terminated, waiting } from '../present/fixtures';

import * as pods from '../../client/webview/model/pods';
import * as containers from '../../client/webview/model/containers';
import * as events from '../../client/webview/model/events';
import * as probes from '../../client/webview/model/probes';
import * as lanes from '../../client/webview/model/lanes';
import * as throttle from '../../client/webview/model/throttle';
import * as state from '../../client/webview/model/state';
import * as guards from '../../client/webview/model/guards';
import * as format from '../../client/webview/model/format';
import * as panelModel from '../../client/src/panel/panelModel';
import type {
  PanelContainer as Container,
  PanelPod as Pod,
  PanelSimulation as Sim,
} from '../../client/src/panel/protocol';
import type { BackOffView as BackOff } from '../../client/webview/model/containers';
import type { Span } from '../../client/webview/model/lanes';

const root = join(__dirname, '..', '..');
const m = { pods, containers, events, probes, lanes, throttle, state, guards, format, panelModel };

function pod(name: string, extra: Partial<Pod> = {}): Pod {
  return {
    name,
    owner: null,
    node: 'node-1',
    doc: 0,
    createdAt: 0,
    deletedAt: null,
    removedAt: null,
    history: [],
    containers: [],
    ...extra,
  };
}

const ev = (
  t: number,
  reason: string,
  message: string,
  type: 'Normal' | 'Warning' = 'Normal',
  object = 'Pod/p',
): TraceEvent => ({ t, object, type, reason, message, source: 'kubelet' });

/** examples/liveness-wrong-port.yaml for 300 s, through the real simulator and panelModel. */
function livenessWrongPort(): Sim {
  const manifest = loadManifest(readFileSync(join(root, 'examples', 'liveness-wrong-port.yaml'), 'utf8'));
  const result = simulate(manifest.objects, { until: 300, seed: 1, services: manifest.services });
  return m.panelModel.panelSimulation('liveness-wrong-port.yaml', result, []);
}

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
  assert.equal(view?.lastState, 'Terminated: Error (exit 2) t=100.1s–125.1s');
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

test('events: up to t, aggregated like kubectl with causes, or as a list; filtered by object', () => {
  const cause = { doc: 0, paths: ['spec.containers[0].livenessProbe'], evidence: 'nothing listens on 8081' };
  const events: TraceEvent[] = [
    ev(0, 'Scheduled', 'assigned', 'Normal', 'Pod/p'),
    ev(0, 'SuccessfulCreate', 'Created pod: p', 'Normal', 'ReplicaSet/r'),
    { ...ev(15, 'Unhealthy', 'Liveness probe failed', 'Warning'), cause },
    { ...ev(20, 'Unhealthy', 'Liveness probe failed', 'Warning'), cause },
    { ...ev(25, 'Unhealthy', 'Liveness probe failed', 'Warning'), cause },
    ev(90, 'Killing', 'Container app failed liveness probe, will be restarted'),
  ];
  const agg = m.events.eventRows(events, 83, { aggregate: true, object: 'Pod/p' });
  assert.deepEqual(
    agg.map((r) => [r.reason, r.age, r.count]),
    [
      ['Scheduled', '83s', 1],
      ['Unhealthy', '58s (x3 over 68s)', 3],
    ],
  );
  assert.deepEqual(agg[1]?.cause, cause);
  assert.equal(agg[0]?.cause, undefined);
  const list = m.events.eventRows(events, 20, { aggregate: false });
  assert.deepEqual(
    list.map((r) => [r.object, r.reason, r.age]),
    [
      ['Pod/p', 'Scheduled', '20s'],
      ['ReplicaSet/r', 'SuccessfulCreate', '20s'],
      ['Pod/p', 'Unhealthy', '5s'],
      ['Pod/p', 'Unhealthy', '0s'],
    ],
  );
  assert.equal(m.events.nextEventTime(events, 0), 15);
  assert.equal(m.events.nextEventTime(events, 25), 90);
  assert.equal(m.events.nextEventTime(events, 90), null);
  assert.equal(m.events.prevEventTime(events, 25), 20);
  assert.equal(m.events.prevEventTime(events, 0), null);
});

test('probes: the last results up to t as ticks, with the last failure', () => {
  const p = pod('p', {
    containers: [{ name: 'app', kind: 'regular', instances: [], probes: ['readiness', 'liveness'] }],
  });
  const records: ProbeRecord[] = [];
  for (let i = 0; i < 12; i++) {
    const fail = i % 4 === 3;
    records.push({
      t: i * 5,
      pod: 'p',
      container: 'app',
      probe: 'liveness',
      result: fail ? 'failure' : 'success',
      ...(fail ? { message: `refused ${i}` } : {}),
      restartCount: 0,
      run: fail ? 1 : (i % 4) + 1,
      threshold: fail ? 3 : 1,
    });
  }
  records.push({
    t: 1,
    pod: 'other',
    container: 'app',
    probe: 'liveness',
    result: 'failure',
    restartCount: 0,
    run: 1,
    threshold: 3,
  });
  const lines = m.probes.probeLines(p, records, 42);
  assert.deepEqual(
    lines.map((l) => [l.probe, l.total, l.failures, l.ticks.length]),
    [
      ['liveness', 9, 2, 9],
      ['readiness', 0, 0, 0],
    ],
  );
  assert.deepEqual(lines[0]?.lastFailure, { t: 35, message: 'refused 7' });
  assert.equal(lines[0]?.ticks[7]?.title, 't=35s failure: refused 7');
  assert.equal(m.probes.probeLines(p, records, 1000)[0]?.ticks.length, 10);
  assert.deepEqual(lines[0]?.streak, { result: 'success', run: 1, threshold: 1, restartCount: 0 });
  assert.equal(m.probes.streakText(m.probes.probeLines(p, records, 35)[0]!.streak), '✗ 1/3 in a row');
  assert.equal(lines[1]?.streak, null);
});

test('timeline lanes: waiting, running, back-off and terminated spans, kills and probe ticks', () => {
  const sim = livenessWrongPort();
  const p = sim.pods[0] as Pod;
  const [lane] = m.lanes.podLanes(p, sim.until, sim.probes);
  assert.ok(lane);
  const kinds = lane.spans.map((s) => s.kind).join(' ');
  assert.equal(kinds, 'waiting running running running running running backoff running backoff running backoff');
  const first = lane.spans[0] as Span;
  assert.deepEqual([first.from, first.to], [0, 4]);
  const backoff = lane.spans[6] as Span;
  assert.deepEqual([backoff.from, backoff.to], [125.1, 166.1]);
  assert.equal(lane.marks.filter((k) => k.kind === 'kill').length, 7);
  assert.equal(
    lane.marks.filter((k) => k.kind === 'probe-failure').length,
    sim.probes.filter((r) => r.result === 'failure').length,
  );
  assert.ok(lane.marks.filter((k) => k.kind === 'exit').every((k) => k.t <= 300));

  // A run that completes and is not restarted ends in a terminated span coloured Completed.
  const job = pod('job', {
    containers: [
      { name: 'c', kind: 'regular', probes: [], instances: [{ start: 2, end: 10, exitCode: 0, reason: 'Completed' }] },
    ],
  });
  const [jl] = m.lanes.podLanes(job, 30, []);
  assert.deepEqual(
    jl?.spans.map((s) => [s.kind, s.from, s.to, s.exit ?? '']),
    [
      ['waiting', 0, 2, ''],
      ['running', 2, 10, 'completed'],
      ['terminated', 10, 30, 'completed'],
    ],
  );
  assert.equal(m.lanes.exitClass('OOMKilled', 137), 'oomkilled');
  assert.equal(m.lanes.exitClass('Error', 1), 'error');
  assert.deepEqual(m.lanes.axisTicks(300, 6), [0, 60, 120, 180, 240, 300]);
  assert.deepEqual(m.lanes.axisTicks(0), [0]);
});

test('time posts: at most one per interval, the rest kept for a trailing post, flush on pause', () => {
  const th = new m.throttle.TimeThrottle(200);
  assert.equal(th.offer(1, 0), 1);
  assert.equal(th.offer(2, 50), null);
  assert.equal(th.offer(3, 100), null);
  assert.equal(th.dueAt(), 200);
  assert.equal(th.due(150), null);
  assert.equal(th.due(200), 3);
  assert.equal(th.dueAt(), null);
  assert.equal(th.flush(3, 210), null, 'the value was already posted');
  assert.equal(th.flush(4, 220), 4);
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
  assert.equal(
    m.guards.isToWebview({
      type: 'simulation',
      simulation: { title: 'a', until: 1, pods: [], events: [], probes: [], notes: [], whatIf: [] },
    }),
    true,
  );
  assert.equal(m.guards.isToWebview({ type: 'simulation' }), false);
  assert.equal(m.guards.isToWebview({ type: 'other' }), false);
  assert.equal(m.guards.isToWebview(null), false);
  assert.equal(m.format.clampTime(500, 300), 300);
  assert.equal(m.format.clampTime(Number.NaN, 300), 0);
  assert.equal(
    m.format.describeWhatIf({ kind: 'kill', at: 60, pod: 'web-0', container: 'app', exitCode: 137 }),
    'at 60s: kill web-0 / app with exit code 137',
  );
  assert.equal(
    m.format.describeWhatIf({ kind: 'endpoint', at: 12.5, pod: 'p', container: 'c', port: 8080, state: 'fail' }),
    'at 12.5s: fail p / c port 8080',
  );
});
