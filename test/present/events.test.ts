import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEvents, timelineTime } from '../../simulator/src/present/events';
import type { ProbeRecord, TraceEvent } from '../../simulator/src/trace';

const cause = {
  doc: 0,
  paths: ['spec.template.spec.containers[0].livenessProbe.tcpSocket.port'],
  evidence: 'no container of the pod listens on 8081; `app` listens on 8080',
};
const events: TraceEvent[] = [
  {
    t: 0,
    object: 'Pod/web-0',
    type: 'Normal',
    reason: 'Scheduled',
    message: 'Successfully assigned default/web-0 to node-1',
    source: 'default-scheduler',
  },
  { t: 1, object: 'Pod/web-0', type: 'Normal', reason: 'Started', message: 'Started container app', source: 'kubelet' },
  {
    t: 25,
    object: 'Pod/web-0',
    type: 'Warning',
    reason: 'Unhealthy',
    message: 'Liveness probe failed: dial tcp 10.244.0.5:8081: connect: connection refused',
    source: 'kubelet',
    cause,
  },
  {
    t: 125.1,
    object: 'ReplicaSet/web-5d8f7c9b6d',
    type: 'Normal',
    reason: 'SuccessfulCreate',
    message: 'Created pod: web-0',
    source: 'replicaset-controller',
  },
];
const probes: ProbeRecord[] = [
  {
    t: 10,
    pod: 'web-0',
    container: 'app',
    probe: 'readiness',
    result: 'success',
    restartCount: 0,
    run: 1,
    threshold: 1,
  },
  {
    t: 25,
    pod: 'web-0',
    container: 'app',
    probe: 'liveness',
    result: 'failure',
    message: 'dial tcp 10.244.0.5:8081: connect: connection refused',
    cause,
    restartCount: 0,
    run: 1,
    threshold: 3,
  },
];

test('timeline: one aligned line per event, time right-aligned', () => {
  assert.equal(
    formatEvents(events),
    [
      '      0s  Normal   Scheduled         Pod/web-0                  Successfully assigned default/web-0 to node-1',
      '      1s  Normal   Started           Pod/web-0                  Started container app',
      '     25s  Warning  Unhealthy         Pod/web-0                  Liveness probe failed: dial tcp 10.244.0.5:8081: connect: connection refused',
      '  125.1s  Normal   SuccessfulCreate  ReplicaSet/web-5d8f7c9b6d  Created pod: web-0',
    ].join('\n'),
  );
});

test('timeline with probes (probe before the event it causes) and causes', () => {
  const text = formatEvents(events, {
    probes,
    causes: true,
    causePaths: true,
    object: 'Pod/web-0',
    probeResults: 'failures',
  });
  assert.equal(
    text,
    [
      '   0s  Normal   Scheduled         Pod/web-0        Successfully assigned default/web-0 to node-1',
      '   1s  Normal   Started           Pod/web-0        Started container app',
      '  25s  probe    liveness failure  Pod/web-0 [app]  dial tcp 10.244.0.5:8081: connect: connection refused',
      '                                                   ← because: no container of the pod listens on 8081; `app` listens on 8080',
      '                                                      at: doc 0 spec.template.spec.containers[0].livenessProbe.tcpSocket.port',
      '  25s  Warning  Unhealthy         Pod/web-0        Liveness probe failed: dial tcp 10.244.0.5:8081: connect: connection refused',
      '                                                   ← because: no container of the pod listens on 8081; `app` listens on 8080',
      '                                                      at: doc 0 spec.template.spec.containers[0].livenessProbe.tcpSocket.port',
    ].join('\n'),
  );
  const all = formatEvents(events, { probes, object: 'Pod/web-0' }).split('\n');
  assert.equal(all[2], '  10s  probe    readiness success  Pod/web-0 [app]');
  for (const line of all) assert.equal(line, line.trimEnd());
});

test('timeline times and empty timeline', () => {
  assert.equal(timelineTime(125.1), '125.1s');
  assert.equal(timelineTime(125.1, 'clock'), '2:05.1');
  assert.equal(timelineTime(5, 'clock'), '0:05');
  assert.equal(timelineTime(3725, 'clock'), '1:02:05');
  assert.equal(formatEvents([]), 'No events.');
});
