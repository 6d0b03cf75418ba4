// The pod describe's tests read: a web pod as describe gets it (its trace status, its defaulted spec, its events),
// and the helpers that build events and defaulted specs.
import type { DescribeInput } from '../../simulator/src/present/describe';
import { PodSpecSchema, defaultedPodSpec } from '../../simulator/src/model';
import type { EventType, TraceEvent } from '../../simulator/src/trace';
import { cond, cs, running, status, terminated } from './fixtures';

export const POD = 'web-5d8f7c9b6d-x2kq9';
export const ev = (
  t: number,
  type: EventType,
  reason: string,
  message: string,
  source = 'kubelet',
  object = `Pod/${POD}`,
): TraceEvent => ({
  t,
  object,
  type,
  reason,
  message,
  source,
});
export const REFUSED = 'Liveness probe failed: dial tcp 10.244.0.5:8081: connect: connection refused';

// Specs as describe gets them from the API server: defaulted (probe timing, ports, fieldRef apiVersion…).
export const spec = (s: object) => defaultedPodSpec(PodSpecSchema.parse(s));
export const probe = (p: object) =>
  spec({ containers: [{ name: 'c', image: 'i', livenessProbe: p }] }).containers[0]!.livenessProbe!;

export function webInput(): DescribeInput {
  const st = status(
    'Running',
    [cs('app', running(25.1), { image: 'nginx:1.25', restartCount: 1, lastState: terminated(143, 'Error', 1, 25.1) })],
    [],
    [
      cond('PodReadyToStartContainers', 'True'),
      cond('Initialized', 'True'),
      cond('Ready', 'True'),
      cond('ContainersReady', 'True'),
      cond('PodScheduled', 'True'),
    ],
    { podIP: '10.244.0.5', hostIP: '10.0.0.1', startTime: 0 },
  );
  return {
    pod: {
      name: POD,
      namespace: 'default',
      owner: 'ReplicaSet/web-5d8f7c9b6d',
      node: 'node-1',
      createdAt: 0,
      deletedAt: null,
      status: st,
    },
    metadata: { labels: { 'pod-template-hash': '5d8f7c9b6d', app: 'web' } },
    spec: spec({
      containers: [
        {
          name: 'app',
          image: 'nginx:1.25',
          ports: [{ containerPort: 8080 }],
          resources: { limits: { memory: '128Mi' }, requests: { cpu: '0.1' } },
          livenessProbe: { tcpSocket: { port: 8081 }, initialDelaySeconds: 10, periodSeconds: 5 },
          readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
          env: [
            { name: 'MODE', value: 'prod' },
            { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          ],
          volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
        },
      ],
      volumes: [{ name: 'cache', emptyDir: {} }],
    }),
    events: [
      ev(0, 'Normal', 'Scheduled', `Successfully assigned default/${POD} to node-1`, 'default-scheduler'),
      ev(1, 'Normal', 'Pulled', 'Container image "nginx:1.25" already present on machine'),
      ev(1, 'Normal', 'Created', 'Created container app'),
      ev(1, 'Normal', 'Started', 'Started container app'),
      ev(15, 'Warning', 'Unhealthy', REFUSED),
      ev(20, 'Warning', 'Unhealthy', REFUSED),
      ev(25, 'Warning', 'Unhealthy', REFUSED),
      ev(25, 'Normal', 'Killing', 'Container app failed liveness probe, will be restarted'),
      ev(25.1, 'Normal', 'Pulled', 'Container image "nginx:1.25" already present on machine'),
      ev(25.1, 'Normal', 'Created', 'Created container app'),
      ev(25.1, 'Normal', 'Started', 'Started container app'),
      ev(30, 'Normal', 'Killing', 'other pod', 'kubelet', 'Pod/other'), // another pod's event: not shown
      ev(45, 'Warning', 'Unhealthy', REFUSED), // after `now`: not shown
    ],
  };
}
