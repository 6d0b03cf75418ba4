// The webview's pure helpers (client/webview/model): pods and kubectl columns at t, back-off countdown, event
// aggregation and stepping, probe ticks, timeline lanes, the time-post throttle, state and message checks.
//
// client/webview is a browser project outside test/tsconfig.json's file list, so its modules are loaded with a
// computed dynamic import (a static import would make `tsc -b` report TS6307) and typed here by their shape.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import type { ContainerStatus, PodStatus, ProbeRecord, TraceEvent } from '../../simulator/src/trace';
import { cond, cs, running, status, terminated, waiting } from '../present/fixtures';

// Shapes of client/src/panel/protocol.ts, as far as the tests use them.
interface Instance { start: number; end?: number; exitCode?: number; reason?: string }
interface Container { name: string; kind: 'init' | 'sidecar' | 'regular'; instances: Instance[]; probes: string[] }
interface Pod {
  name: string; owner: string | null; node: string | null; doc: number; createdAt: number; deletedAt: number | null;
  removedAt: number | null; history: { t: number; status: PodStatus }[]; containers: Container[];
}
interface Sim { title: string; until: number; pods: Pod[]; events: TraceEvent[]; probes: ProbeRecord[]; notes: unknown[]; whatIf: unknown[] }
interface Columns { ready: string; status: string; restarts: string; age: string }
interface BackOff { delay: number; nextRestartAt: number; remaining: number }
interface EventRow { t: number; object: string; type: string; reason: string; age: string; count: number; message: string; cause?: unknown }
interface Span { kind: string; from: number; to: number; exit?: string }
interface Mark { t: number; kind: string }
interface UiState { v: 1; t: number; speed: number; selected: string | null; eventsMode: string; eventsScope: string; uri?: string; doc?: string }

interface Modules {
  pods: {
    statusAt(pod: Pod, t: number): PodStatus | null;
    podRows(sim: Sim, t: number): { name: string; columns: Columns; deletedAt: number | null; gone: boolean }[];
    chooseSelection(sim: Sim, wanted: string | null, t: number): string | null;
  };
  containers: {
    parseBackOff(message: string | undefined): number | null;
    backOffAt(status: ContainerStatus, t: number): BackOff | null;
    countdownText(b: BackOff): string;
    containerViews(pod: Pod, status: PodStatus | null, t: number): { name: string; backOffText: string | null; lastState: string | null }[];
  };
  events: {
    eventRows(events: TraceEvent[], t: number, opts: { aggregate: boolean; object?: string | null }): EventRow[];
    nextEventTime(events: TraceEvent[], t: number): number | null;
    prevEventTime(events: TraceEvent[], t: number): number | null;
  };
  probes: { probeLines(pod: Pod, records: ProbeRecord[], t: number, max?: number): { container: string; probe: string; ticks: { result: string; title: string }[]; total: number; failures: number; lastFailure: { t: number; message: string } | null }[] };
  lanes: {
    podLanes(pod: Pod, until: number, events: TraceEvent[], probes: ProbeRecord[]): { container: string; spans: Span[]; marks: Mark[] }[];
    axisTicks(until: number, count?: number): number[];
    exitClass(reason: string | undefined, exitCode: number | undefined): string;
  };
  throttle: { TimeThrottle: new (intervalMs?: number) => { offer(t: number, now: number): number | null; due(now: number): number | null; dueAt(): number | null; flush(t: number, now: number): number | null } };
  state: {
    sanitizeState(raw: unknown): UiState;
    forDocument(state: UiState, doc: string, uri: string | undefined): UiState;
  };
  guards: { isToWebview(x: unknown): boolean };
  format: { describeWhatIf(a: unknown): string; clampTime(t: number, until: number): number; secs(t: number): string };
  panelModel: { panelSimulation(title: string, result: unknown, whatIf: unknown[]): Sim };
}

const root = join(__dirname, '..', '..');
const load = (path: string): Promise<unknown> => import(pathToFileURL(join(root, path)).href);
let m: Modules;

before(async () => {
  const names = ['pods', 'containers', 'events', 'probes', 'lanes', 'throttle', 'state', 'guards', 'format'] as const;
  const entries = await Promise.all(names.map(async (n) => [n, await load(`client/webview/model/${n}.ts`)] as const));
  m = { ...Object.fromEntries(entries), panelModel: await load('client/src/panel/panelModel.ts') } as unknown as Modules;
});

function pod(name: string, extra: Partial<Pod> = {}): Pod {
  return { name, owner: null, node: 'node-1', doc: 0, createdAt: 0, deletedAt: null, removedAt: null, history: [], containers: [], ...extra };
}

const ev = (t: number, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal', object = 'Pod/p'): TraceEvent => ({ t, object, type, reason, message, source: 'kubelet' });

/** examples/liveness-wrong-port.yaml for 300 s, through the real simulator and panelModel. */
function livenessWrongPort(): Sim {
  const manifest = loadManifest(readFileSync(join(root, 'examples', 'liveness-wrong-port.yaml'), 'utf8'));
  const result = simulate(manifest.objects, { until: 300, seed: 1, services: manifest.services });
  return m.panelModel.panelSimulation('liveness-wrong-port.yaml', result, []);
}

test('statusAt: the last published status with t ≤ now, null before the first', () => {
  const a = status('Pending', []);
  const b = status('Running', []);
  const p = pod('p', { history: [{ t: 1, status: a }, { t: 5, status: b }] });
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
  const started = status('Running', [cs('app', running(4))], [cs('log', running(2))], [cond('Initialized', 'True'), cond('Ready', 'True')]);
  const sim: Sim = {
    title: 't', until: 100, events: [], probes: [], notes: [], whatIf: [],
    pods: [
      pod('a', { containers, history: [{ t: 5, status: started }], deletedAt: 50, removedAt: 80 }),
      pod('b', { containers, createdAt: 60 }),
    ],
  };
  // Before any status: Pending, READY counts the sidecar and the regular container from the kinds.
  assert.deepEqual(m.pods.podRows(sim, 2).map((r) => [r.name, r.columns.ready, r.columns.status, r.columns.age]), [['a', '0/2', 'Pending', '2s']]);
  assert.deepEqual(m.pods.podRows(sim, 10).map((r) => [r.columns.ready, r.columns.status]), [['2/2', 'Running']]);
  const at70 = m.pods.podRows(sim, 70);
  assert.deepEqual(at70.map((r) => [r.name, r.columns.status, r.deletedAt, r.gone]), [['a', 'Terminating', 50, false], ['b', 'Pending', null, false]]);
  assert.equal(m.pods.podRows(sim, 90)[0]?.gone, true);
  assert.equal(m.pods.chooseSelection(sim, 'b', 0), 'b');
  assert.equal(m.pods.chooseSelection(sim, 'gone', 90), 'b');
});

test('podRows on a real run: READY, STATUS, RESTARTS and AGE follow t', () => {
  const sim = livenessWrongPort();
  const row = (t: number): Columns => (m.pods.podRows(sim, t)[0] as { columns: Columns }).columns;
  assert.deepEqual(row(10), { ready: '1/1', status: 'Running', restarts: '0', age: '10s' });
  assert.deepEqual(row(140), { ready: '0/1', status: 'CrashLoopBackOff', restarts: '4 (14s ago)', age: '2m20s' });
});

test('back-off: the delay from the waiting message, next restart ≈ finishedAt + delay', () => {
  assert.equal(m.containers.parseBackOff('back-off 40s restarting failed container=app pod=p_default(uid)'), 40);
  assert.equal(m.containers.parseBackOff('back-off 1m20s restarting failed container=app pod=p'), 80);
  assert.equal(m.containers.parseBackOff('back-off 5m0s restarting failed container=app pod=p'), 300);
  assert.equal(m.containers.parseBackOff('Back-off pulling image "x"'), null);
  assert.equal(m.containers.parseBackOff(undefined), null);
  const c = cs('app', waiting('CrashLoopBackOff', 'back-off 40s restarting failed container=app pod=p'), {
    lastState: terminated(2, 'Error', 100.1, 125.1),
    restartCount: 4,
  });
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
  assert.deepEqual(agg.map((r) => [r.reason, r.age, r.count]), [['Scheduled', '83s', 1], ['Unhealthy', '58s (x3 over 68s)', 3]]);
  assert.deepEqual(agg[1]?.cause, cause);
  assert.equal(agg[0]?.cause, undefined);
  const list = m.events.eventRows(events, 20, { aggregate: false });
  assert.deepEqual(list.map((r) => [r.object, r.reason, r.age]), [['Pod/p', 'Scheduled', '20s'], ['ReplicaSet/r', 'SuccessfulCreate', '20s'], ['Pod/p', 'Unhealthy', '5s'], ['Pod/p', 'Unhealthy', '0s']]);
  assert.equal(m.events.nextEventTime(events, 0), 15);
  assert.equal(m.events.nextEventTime(events, 25), 90);
  assert.equal(m.events.nextEventTime(events, 90), null);
  assert.equal(m.events.prevEventTime(events, 25), 20);
  assert.equal(m.events.prevEventTime(events, 0), null);
});

test('probes: the last results up to t as ticks, with the last failure', () => {
  const p = pod('p', { containers: [{ name: 'app', kind: 'regular', instances: [], probes: ['readiness', 'liveness'] }] });
  const records: ProbeRecord[] = [];
  for (let i = 0; i < 12; i++) records.push({ t: i * 5, pod: 'p', container: 'app', probe: 'liveness', result: i % 4 === 3 ? 'failure' : 'success', ...(i % 4 === 3 ? { message: `refused ${i}` } : {}) });
  records.push({ t: 1, pod: 'other', container: 'app', probe: 'liveness', result: 'failure' });
  const lines = m.probes.probeLines(p, records, 42);
  assert.deepEqual(lines.map((l) => [l.probe, l.total, l.failures, l.ticks.length]), [['liveness', 9, 2, 9], ['readiness', 0, 0, 0]]);
  assert.deepEqual(lines[0]?.lastFailure, { t: 35, message: 'refused 7' });
  assert.equal(lines[0]?.ticks[7]?.title, 't=35s failure: refused 7');
  assert.equal(m.probes.probeLines(p, records, 1000)[0]?.ticks.length, 10);
});

test('timeline lanes: waiting, running, back-off and terminated spans, kills and probe ticks', () => {
  const sim = livenessWrongPort();
  const p = sim.pods[0] as Pod;
  const [lane] = m.lanes.podLanes(p, sim.until, sim.events, sim.probes);
  assert.ok(lane);
  const kinds = lane.spans.map((s) => s.kind).join(' ');
  assert.equal(kinds, 'waiting running running running running running backoff running backoff running backoff');
  const first = lane.spans[0] as Span;
  assert.deepEqual([first.from, first.to], [0, 4]);
  const backoff = lane.spans[6] as Span;
  assert.deepEqual([backoff.from, backoff.to], [125.1, 166.1]);
  assert.equal(lane.marks.filter((k) => k.kind === 'kill').length, 7);
  assert.equal(lane.marks.filter((k) => k.kind === 'probe-failure').length, sim.probes.filter((r) => r.result === 'failure').length);
  assert.ok(lane.marks.filter((k) => k.kind === 'exit').every((k) => k.t <= 300));

  // A run that completes and is not restarted ends in a terminated span coloured Completed.
  const job = pod('job', { containers: [{ name: 'c', kind: 'regular', probes: [], instances: [{ start: 2, end: 10, exitCode: 0, reason: 'Completed' }] }] });
  const [jl] = m.lanes.podLanes(job, 30, [], []);
  assert.deepEqual(jl?.spans.map((s) => [s.kind, s.from, s.to, s.exit ?? '']), [['waiting', 0, 2, ''], ['running', 2, 10, 'completed'], ['terminated', 10, 30, 'completed']]);
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
  assert.deepEqual(m.state.sanitizeState(undefined), { v: 1, t: 0, speed: 10, selected: null, eventsMode: 'aggregated', eventsScope: 'pod' });
  assert.deepEqual(m.state.sanitizeState({ t: 42.5, speed: 60, selected: 'web-0', eventsMode: 'list', eventsScope: 'all' }), { v: 1, t: 42.5, speed: 60, selected: 'web-0', eventsMode: 'list', eventsScope: 'all' });
  assert.deepEqual(m.state.sanitizeState({ t: -1, speed: 7, selected: 3 }), { v: 1, t: 0, speed: 10, selected: null, eventsMode: 'aggregated', eventsScope: 'pod' });
  const kept = m.state.sanitizeState({ t: 5, speed: 1, selected: 'a', uri: 'file:///x.yaml', doc: 'file:///x.yaml' });
  assert.deepEqual(m.state.forDocument(kept, 'file:///x.yaml', 'file:///x.yaml'), kept, 'a re-run of the same document keeps t and the pod');
  assert.deepEqual(m.state.forDocument(kept, 'file:///y.yaml', 'file:///y.yaml'), { ...kept, t: 0, selected: null, uri: 'file:///y.yaml', doc: 'file:///y.yaml' });
  assert.deepEqual(m.state.forDocument(m.state.sanitizeState({ t: 5 }), 'x.yaml', undefined), { ...m.state.sanitizeState({ t: 5 }), doc: 'x.yaml' }, 'after a reload the restored time stays');
  assert.equal(m.guards.isToWebview({ type: 'seek', t: 3 }), true);
  assert.equal(m.guards.isToWebview({ type: 'simulation', uri: 7, simulation: { title: 'a', until: 1, pods: [], events: [], probes: [], notes: [], whatIf: [] } }), false);
  assert.equal(m.guards.isToWebview({ type: 'seek', t: 'x' }), false);
  assert.equal(m.guards.isToWebview({ type: 'simulation', simulation: { title: 'a', until: 1, pods: [], events: [], probes: [], notes: [], whatIf: [] } }), true);
  assert.equal(m.guards.isToWebview({ type: 'simulation' }), false);
  assert.equal(m.guards.isToWebview({ type: 'other' }), false);
  assert.equal(m.guards.isToWebview(null), false);
  assert.equal(m.format.clampTime(500, 300), 300);
  assert.equal(m.format.clampTime(Number.NaN, 300), 0);
  assert.equal(m.format.describeWhatIf({ kind: 'kill', at: 60, pod: 'web-0', container: 'app', exitCode: 137 }), 'at 60s: kill web-0 / app with exit code 137');
  assert.equal(m.format.describeWhatIf({ kind: 'endpoint', at: 12.5, pod: 'p', container: 'c', port: 8080, state: 'fail' }), 'at 12.5s: fail p / c port 8080');
});
