import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDescribe, type DescribeInput } from '../../simulator/src/present/describe';
import { describeProbe } from '../../simulator/src/present/describe-containers';
import { aggregateEvents, eventAge } from '../../simulator/src/present/describe-events';
import { rfc1123z } from '../../simulator/src/present/timestamp';
import { cond, cs, status, terminated, waiting } from './fixtures';
import { POD, ev, REFUSED, spec, probe, webInput } from './describeInput';

test('describe pod: the whole text, laid out like kubectl (tabwriter blocks, relative t= times)', () => {
  const text = formatDescribe(webInput(), 40, { ids: 'omit' });
  const expected = [
    'Name:             web-5d8f7c9b6d-x2kq9',
    'Namespace:        default',
    'Priority:         0',
    'Service Account:  default',
    'Node:             node-1/10.0.0.1',
    'Start Time:       t=0s',
    'Labels:           app=web',
    '                  pod-template-hash=5d8f7c9b6d',
    'Annotations:      <none>',
    'Status:           Running',
    'IP:               10.244.0.5',
    'IPs:',
    '  IP:           10.244.0.5',
    'Controlled By:  ReplicaSet/web-5d8f7c9b6d',
    'Containers:',
    '  app:',
    '    Image:          nginx:1.25',
    '    Port:           8080/TCP',
    '    Host Port:      0/TCP',
    '    State:          Running',
    '      Started:      t=25.1s',
    '    Last State:     Terminated',
    '      Reason:       Error',
    '      Exit Code:    143',
    '      Started:      t=1s',
    '      Finished:     t=25.1s',
    '    Ready:          True',
    '    Restart Count:  1',
    '    Limits:',
    '      memory:  128Mi',
    '    Requests:',
    '      cpu:      100m',
    '      memory:   128Mi',
    '    Liveness:   tcp-socket :8081 delay=10s timeout=1s period=5s #success=1 #failure=3',
    '    Readiness:  http-get http://:8080/ready delay=0s timeout=1s period=10s #success=1 #failure=3',
    '    Environment:',
    '      MODE:  prod',
    '      POD:   web-5d8f7c9b6d-x2kq9 (v1:metadata.name)',
    "      PW:    <set to the key 'password' in secret 'db'>  Optional: false",
    '    Mounts:',
    '      /cache from cache (rw)',
    'Conditions:',
    '  Type                        Status',
    '  PodReadyToStartContainers   True ',
    '  Initialized                 True ',
    '  Ready                       True ',
    '  ContainersReady             True ',
    '  PodScheduled                True ',
    'Volumes:',
    '  cache:',
    "    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)",
    '    Medium:      ',
    '    SizeLimit:   <unset>',
    'QoS Class:       Burstable',
    'Node-Selectors:  <none>',
    'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
    '                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
    'Events:',
    '  Type     Reason     Age                From               Message',
    '  ----     ------     ----               ----               -------',
    `  Normal   Scheduled  40s                default-scheduler  Successfully assigned default/${POD} to node-1`,
    `  Warning  Unhealthy  15s (x3 over 25s)  kubelet            ${REFUSED}`,
    '  Normal   Killing    15s                kubelet            Container app failed liveness probe, will be restarted',
    '  Normal   Pulled     14s (x2 over 39s)  kubelet            Container image "nginx:1.25" already present on machine',
    '  Normal   Created    14s (x2 over 39s)  kubelet            Created container app',
    '  Normal   Started    14s (x2 over 39s)  kubelet            Started container app',
  ].join('\n');
  assert.equal(text, expected);
});

test('fake ids are stable and appear once the container exists', () => {
  const a = formatDescribe(webInput(), 40);
  assert.equal(a, formatDescribe(webInput(), 40));
  assert.match(
    a,
    /\n {4}Container ID: {3}containerd:\/\/[0-9a-f]{64}\n {4}Image: {10}nginx:1\.25\n {4}Image ID: {7}docker\.io\/library\/nginx@sha256:[0-9a-f]{64}\n/,
  );
  const creating = webInput();
  creating.pod = { ...creating.pod, status: status('Pending', [cs('app', waiting('ContainerCreating'))]) };
  assert.match(formatDescribe(creating, 1), /\n {4}Container ID: {3}\n {4}Image: {10}nginx:1\.25\n {4}Image ID: {7}\n/);
});

test('describe aggregation: `12s (x3 over 68s)`; sorted by last time', () => {
  const events = [
    ev(15, 'Warning', 'Unhealthy', REFUSED),
    ev(20, 'Normal', 'Killing', 'x'),
    ev(50, 'Warning', 'Unhealthy', REFUSED),
    ev(71, 'Warning', 'Unhealthy', REFUSED),
  ];
  const agg = aggregateEvents(events);
  assert.deepEqual(
    agg.map((e) => [e.reason, e.count, e.first, e.last]),
    [
      ['Killing', 1, 20, 20],
      ['Unhealthy', 3, 15, 71],
    ],
  );
  assert.equal(eventAge(agg[1] as (typeof agg)[number], 83), '12s (x3 over 68s)');
  assert.equal(eventAge(agg[0] as (typeof agg)[number], 83), '63s');
  // Different sources or messages stay apart.
  assert.equal(
    aggregateEvents([
      ev(1, 'Normal', 'Pulled', 'a'),
      ev(2, 'Normal', 'Pulled', 'b'),
      ev(3, 'Normal', 'Pulled', 'a', 'other'),
    ]).length,
    3,
  );
});

test('worked example a1: 21 liveness failures, `(x21 over 4m40s)` by 295 s', () => {
  const ticks = [15, 20, 25, 40, 45, 50, 65, 70, 75, 90, 95, 100, 115, 120, 125, 180, 185, 190, 285, 290, 295];
  const agg = aggregateEvents(ticks.map((t) => ev(t, 'Warning', 'Unhealthy', REFUSED)));
  assert.equal(eventAge(agg[0] as (typeof agg)[number], 300), '5s (x21 over 4m45s)');
  assert.equal(eventAge(agg[0] as (typeof agg)[number], 295), '0s (x21 over 4m40s)');
});

test('more than 10 distinct messages for one reason within 600 s are combined', () => {
  const events = Array.from({ length: 12 }, (_, i) =>
    ev(i, 'Warning', 'Unhealthy', `Readiness probe failed: output ${i}`),
  );
  const agg = aggregateEvents(events);
  assert.equal(agg.length, 10); // 9 single events + 1 combined (x3)
  const combined = agg[agg.length - 1] as (typeof agg)[number];
  assert.deepEqual(
    [combined.message, combined.count, combined.first, combined.last],
    ['(combined from similar events): Readiness probe failed: output 11', 3, 9, 11],
  );
  assert.equal(aggregateEvents(events, { combineSimilar: false }).length, 12);
});

test('Events: <none> is aligned with the block above it; Terminating (lasts …)', () => {
  const input = webInput();
  input.events = [];
  input.pod = { ...input.pod, deletedAt: 30 };
  input.metadata = { ...input.metadata, deletionGracePeriodSeconds: 30 };
  const text = formatDescribe(input, 40, { ids: 'omit' });
  assert.ok(
    text.includes('\nStatus:' + ' '.repeat(20) + 'Terminating (lasts 10s)\nTermination Grace Period:  30s\n'),
    text,
  );
  assert.ok(
    text.endsWith(
      '\n                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:          <none>',
    ),
    text,
  );
  assert.ok(!formatDescribe(input, 40, { showEvents: false }).includes('Events:'));
});

test('QoS class: Guaranteed, Burstable, BestEffort', () => {
  const qos = (resources: DescribeInput['spec']): string =>
    /QoS Class:\s+(\S+)/.exec(formatDescribe({ ...webInput(), spec: resources }, 40))?.[1] ?? '';
  const c = (resources: object) => spec({ containers: [{ name: 'app', image: 'nginx', resources }] });
  assert.equal(qos(c({ limits: { cpu: '500m', memory: '128Mi' } })), 'Guaranteed'); // requests defaulted from limits
  assert.equal(
    qos(c({ limits: { cpu: '0.5', memory: '128Mi' }, requests: { cpu: '500m', memory: '134217728' } })),
    'Guaranteed',
  );
  assert.equal(qos(c({ limits: { cpu: '1', memory: '128Mi' }, requests: { cpu: '500m' } })), 'Burstable');
  assert.equal(qos(c({ requests: { memory: '64Mi' } })), 'Burstable');
  assert.equal(qos(c({})), 'BestEffort');
  assert.equal(qos(c({ limits: { 'nvidia.com/gpu': 1 } })), 'BestEffort');
});

test('probe descriptions', () => {
  assert.equal(
    describeProbe(probe({ exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 })),
    'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
  );
  assert.equal(
    describeProbe(probe({ httpGet: { port: 'http', scheme: 'HTTPS', host: 'example.com' } })),
    'http-get https://example.com:http/ delay=0s timeout=1s period=10s #success=1 #failure=3',
  );
  assert.equal(
    describeProbe(probe({ grpc: { port: 9090 }, failureThreshold: 30 })),
    'grpc <pod>:9090  delay=0s timeout=1s period=10s #success=1 #failure=30',
  );
  assert.equal(
    describeProbe(probe({ grpc: { port: 9090, service: 'health' } })),
    'grpc <pod>:9090 health delay=0s timeout=1s period=10s #success=1 #failure=3',
  );
  assert.equal(
    describeProbe(probe({ tcpSocket: { port: 5432 }, timeoutSeconds: 3 })),
    'tcp-socket :5432 delay=0s timeout=3s period=10s #success=1 #failure=3',
  );
});

test('RFC1123Z times with an epoch; containers from the status without a spec; init containers', () => {
  assert.equal(rfc1123z(1704067200 + 25), 'Mon, 01 Jan 2024 00:00:25 +0000');
  assert.equal(rfc1123z(951782400), 'Tue, 29 Feb 2000 00:00:00 +0000');
  const st = status(
    'Pending',
    [cs('app', waiting('PodInitializing'))],
    [cs('init-db', waiting('CrashLoopBackOff'), { restartCount: 2, lastState: terminated(1, 'Error', 10, 12) })],
    [cond('Initialized', 'False', 'ContainersNotInitialized')],
  );
  const text = formatDescribe(
    { pod: { name: 'p', namespace: 'default', owner: null, node: null, createdAt: 0, deletedAt: null, status: st } },
    20,
    { epoch: 1704067200, ids: 'omit' },
  );
  assert.ok(
    text.startsWith(
      'Name:             p\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             <none>\n',
    ),
    text,
  );
  assert.ok(
    text.includes(
      '\nIP:               \nIPs:              <none>\nInit Containers:\n  init-db:\n    Image:          init-db:1.0\n',
    ),
    text,
  );
  assert.ok(
    text.includes(
      '    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n',
    ),
    text,
  );
  assert.ok(
    text.includes(
      '      Started:      Mon, 01 Jan 2024 00:00:10 +0000\n      Finished:     Mon, 01 Jan 2024 00:00:12 +0000\n',
    ),
    text,
  );
  assert.ok(text.includes('\nContainers:\n  app:\n'), text);
  // The Conditions rows share a tabwriter block with Volumes/QoS Class/… (no tab-less line between them).
  assert.ok(
    text.includes(
      '\nConditions:\n  Type           Status\n  Initialized    False \nVolumes:         <none>\nQoS Class:       BestEffort\n',
    ),
    text,
  );
});
