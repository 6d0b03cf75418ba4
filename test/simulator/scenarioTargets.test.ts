// What-ifs reach the pods of the workload they name (README "Scenario files"), by the names the controllers
// generate (k/k pkg/controller/deployment: the ReplicaSet is `<deployment>-<pod-template-hash>`, the hash
// SafeEncodeString'd; ReplicaSet, Job and DaemonSet pods `<owner>-<5 characters>` from apimachinery util/rand's
// alphabet `bcdfghjklmnpqrstvwxz2456789`; pkg/controller/cronjob: Jobs `<cronjob>-<minutes since the epoch>`;
// StatefulSet pods `<statefulset>-<ordinal>`). A bare prefix cannot tell `web` from `web-api`: both Deployments'
// pods start with `web-`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podsNamed, whatIfTarget } from '../../simulator/src/scenarioTargets';
import { present, run } from './harness';

const pods = [
  { name: 'web-api-6b7c8d9f4-x2kq9', owner: { kind: 'ReplicaSet', name: 'web-api-6b7c8d9f4' } },
  { name: 'web-5d8f7c9b6d-h7z4w', owner: { kind: 'ReplicaSet', name: 'web-5d8f7c9b6d' } },
  { name: 'web-logs-b4k9z', owner: { kind: 'DaemonSet', name: 'web-logs' } },
  { name: 'web-0', owner: { kind: 'StatefulSet', name: 'web' } },
  { name: 'report-29000000-p5q2m', owner: { kind: 'Job', name: 'report-29000000' } },
  { name: 'scratch-v8m2c', owner: null },
  { name: 'web-dfw', owner: null },
];
const names = (name: string) => podsNamed(pods, name).map((p) => p.name);

test('a workload reaches its own pods only: web is not web-api, nor web-logs', () => {
  assert.deepEqual(names('web'), ['web-5d8f7c9b6d-h7z4w', 'web-0']);
  assert.deepEqual(names('web-api'), ['web-api-6b7c8d9f4-x2kq9']);
  assert.deepEqual(names('web-logs'), ['web-logs-b4k9z']);
  assert.deepEqual(names('report'), ['report-29000000-p5q2m'], 'a CronJob through its Job');
  assert.deepEqual(names('scratch'), ['scratch-v8m2c'], 'a bare Pod of generateName scratch-');
  assert.deepEqual(names('web-0'), ['web-0'], 'an exact name wins');
  assert.deepEqual(names('we'), []);
});

test('the what-if target of a pod in a List of web and web-api is its own Deployment', () => {
  const objects = [
    { kind: 'Deployment', doc: 0, value: { metadata: { name: 'web' } } },
    { kind: 'Deployment', doc: 0, value: { metadata: { name: 'web-api' } } },
  ];
  assert.equal(whatIfTarget(objects, { ...pods[0]!, doc: 0 }), 'web-api');
  assert.equal(whatIfTarget(objects, { ...pods[1]!, doc: 0 }), 'web');
});

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

// web-api comes first, so its pods are the first alive: a prefix match would kill one of them.
test('a kill aimed at web hits a pod of web, not of web-api', () => {
  const r = run(`${deployment('web-api')}---\n${deployment('web')}`, {
    until: 60,
    scenario: `${present}\nevents: [{ at: 30s, kill: { pod: web, container: app, exitCode: 1 } }]`,
  });
  const killed = r.result.pods.filter((p) =>
    p.containers.some((c) => c.instances.some((i) => i.endedBy === 'scenario')),
  );
  assert.deepEqual(
    killed.map((p) => p.owner?.name.replace(/-[^-]+$/, '')),
    ['web'],
  );
});
