// The webview's pure helpers for the timeline (client/webview/model): event aggregation and stepping, probe ticks,
// timeline lanes, and the time-post throttle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProbeRecord, TraceEvent } from '../../simulator/src/trace';
import type { PanelPod as Pod } from '../../client/src/panel/protocol';
import type { Span } from '../../client/webview/model/lanes';
import { ev, livenessWrongPort, m, pod } from './renderFixtures';

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
