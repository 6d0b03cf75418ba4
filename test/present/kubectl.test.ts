import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectlColumns, kubectlWideColumns, type KubectlOptions } from '../../simulator/src/present/kubectl';
import type { PodStatus } from '../../simulator/src/trace';
import { cond, cs, running, status, terminated, waiting } from './fixtures';

const cols = (st: PodStatus, now = 60, opts?: KubectlOptions, deletedAt: number | null = null) =>
  kubectlColumns({ status: st, createdAt: 0, deletedAt }, now, opts);
const STATUS = (st: PodStatus, opts?: KubectlOptions, deletedAt: number | null = null, now = 60): string =>
  cols(st, now, opts, deletedAt).status;

const twoInit: KubectlOptions = {
  spec: { containers: [{ name: 'app' }], initContainers: [{ name: 'i1' }, { name: 'i2' }] },
};

test('Pending with no container statuses yet (unscheduled)', () => {
  const c = cols(status('Pending', [], [], [cond('PodScheduled', 'False', 'Unschedulable')]), 60, {
    spec: { containers: [{ name: 'app' }] },
  });
  assert.deepEqual(c, { ready: '0/1', status: 'Pending', restarts: '0', age: '60s' });
});

test('waiting reasons of regular containers', () => {
  for (const r of ['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'CreateContainerConfigError']) {
    assert.equal(STATUS(status('Pending', [cs('app', waiting(r))])), r);
  }
  assert.equal(cols(status('Pending', [cs('app', waiting('ContainerCreating'))])).ready, '0/1');
});

test('PodInitializing after the init containers completed', () => {
  const st = status(
    'Pending',
    [cs('app', waiting('PodInitializing'))],
    [cs('i1', terminated(0, 'Completed')), cs('i2', terminated(0, 'Completed'))],
    [cond('Initialized', 'True')],
  );
  assert.equal(STATUS(st, twoInit), 'PodInitializing');
});

test('Init:i/n while init containers run', () => {
  const app = cs('app', waiting('PodInitializing'));
  assert.equal(
    STATUS(status('Pending', [app], [cs('i1', running()), cs('i2', waiting('PodInitializing'))]), twoInit),
    'Init:0/2',
  );
  assert.equal(
    STATUS(status('Pending', [app], [cs('i1', terminated(0, 'Completed')), cs('i2', running(4))]), twoInit),
    'Init:1/2',
  );
  // Denominator from the status list when no spec is given.
  assert.equal(
    STATUS(status('Pending', [app], [cs('i1', running()), cs('i2', waiting('PodInitializing'))])),
    'Init:0/2',
  );
});

test('Init:<reason>, Init:ExitCode:<n>, Init:Signal:<n>', () => {
  const app = cs('app', waiting('PodInitializing'));
  const second = cs('i2', waiting('PodInitializing'));
  assert.equal(STATUS(status('Pending', [app], [cs('i1', terminated(1, 'Error')), second]), twoInit), 'Init:Error');
  assert.equal(
    STATUS(status('Pending', [app], [cs('i1', terminated(137, 'OOMKilled')), second]), twoInit),
    'Init:OOMKilled',
  );
  assert.equal(STATUS(status('Pending', [app], [cs('i1', terminated(3, '')), second]), twoInit), 'Init:ExitCode:3');
  assert.equal(
    STATUS(status('Pending', [app], [cs('i1', terminated(137, '', 1, 3, 9)), second]), twoInit),
    'Init:Signal:9',
  );
  const crash = cs('i1', waiting('CrashLoopBackOff'), { restartCount: 2, lastState: terminated(1, 'Error', 20, 22) });
  const c = cols(
    status('Pending', [cs('app', waiting('PodInitializing'), { restartCount: 0 })], [crash, second]),
    40,
    twoInit,
  );
  assert.deepEqual(c, { ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '2 (18s ago)', age: '40s' });
  assert.equal(
    STATUS(status('Pending', [app], [cs('i1', waiting('ErrImagePull')), second]), twoInit),
    'Init:ErrImagePull',
  );
});

test('a started sidecar is skipped; READY counts regular containers plus sidecars', () => {
  const opts: KubectlOptions = {
    spec: {
      containers: [{ name: 'app' }],
      initContainers: [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'migrate' }],
    },
  };
  const proxy = cs('proxy', running(1));
  const st = status('Pending', [cs('app', waiting('PodInitializing'))], [proxy, cs('migrate', running(2))]);
  assert.deepEqual(cols(st, 5, opts), { ready: '1/2', status: 'Init:1/2', restarts: '0', age: '5s' });
  // A sidecar that is running but not yet started (startup probe pending) still blocks: Init:0/2.
  const notStarted = cs('proxy', running(1), { started: false, ready: false });
  assert.equal(
    STATUS(
      status(
        'Pending',
        [cs('app', waiting('PodInitializing'))],
        [notStarted, cs('migrate', waiting('PodInitializing'))],
      ),
      opts,
    ),
    'Init:0/2',
  );
  // All up: sidecar + app ready.
  const up = status(
    'Running',
    [cs('app', running(5))],
    [proxy, cs('migrate', terminated(0, 'Completed', 2, 4))],
    [cond('Initialized', 'True'), cond('Ready', 'True')],
  );
  assert.deepEqual(cols(up, 30, opts), { ready: '2/2', status: 'Running', restarts: '0', age: '30s' });
  // The same via the `sidecars` set instead of a spec.
  assert.deepEqual(cols(up, 30, { sidecars: new Set(['proxy']) }), {
    ready: '2/2',
    status: 'Running',
    restarts: '0',
    age: '30s',
  });
});

test('READY counts sidecars in the total: 1 sidecar + 2 containers', () => {
  const opts: KubectlOptions = { sidecars: ['log'] };
  const st = status(
    'Running',
    [cs('a', running()), cs('b', running(), { ready: false })],
    [cs('log', running())],
    [cond('Initialized', 'True')],
  );
  assert.equal(cols(st, 10, opts).ready, '2/3');
});

test('CrashLoopBackOff with RESTARTS `4 (28s ago)`', () => {
  const app = cs(
    'app',
    waiting('CrashLoopBackOff', 'back-off 40s restarting failed container=app pod=web-0_default(uid)'),
    {
      restartCount: 4,
      lastState: terminated(137, 'Error', 85, 100),
    },
  );
  assert.deepEqual(cols(status('Running', [app]), 128), {
    ready: '0/1',
    status: 'CrashLoopBackOff',
    restarts: '4 (28s ago)',
    age: '2m8s',
  });
  // Worked example (a1): at 300 s after the 7th kill finished at ≈295.1 s → `6 (4s ago)`, AGE 5m.
  const a1 = cs('app', waiting('CrashLoopBackOff'), {
    restartCount: 6,
    lastState: terminated(143, 'Error', 271, 295.1),
  });
  assert.deepEqual(cols(status('Running', [a1]), 300), {
    ready: '0/1',
    status: 'CrashLoopBackOff',
    restarts: '6 (4s ago)',
    age: '5m',
  });
});

test('terminated reasons: Error, Completed, OOMKilled, ExitCode, Signal', () => {
  assert.equal(STATUS(status('Running', [cs('app', terminated(1, 'Error'))])), 'Error');
  assert.equal(STATUS(status('Failed', [cs('app', terminated(1, 'Error'))])), 'Error');
  assert.equal(STATUS(status('Succeeded', [cs('app', terminated(0, 'Completed'))])), 'Completed');
  assert.equal(STATUS(status('Running', [cs('app', terminated(137, 'OOMKilled'))])), 'OOMKilled');
  assert.equal(STATUS(status('Failed', [cs('app', terminated(2, ''))])), 'ExitCode:2');
  assert.equal(STATUS(status('Failed', [cs('app', terminated(143, '', 1, 3, 15))])), 'Signal:15');
});

test('the first container in the spec wins the reverse walk', () => {
  const st = status('Running', [cs('a', waiting('CrashLoopBackOff')), cs('b', terminated(1, 'Error'))]);
  assert.equal(STATUS(st), 'CrashLoopBackOff');
  const st2 = status('Running', [cs('a', running()), cs('b', waiting('ImagePullBackOff'))]);
  assert.equal(STATUS(st2), 'ImagePullBackOff');
});

test('Completed + a running ready container → NotReady (pod not Ready) or Running (pod Ready)', () => {
  const containers = [cs('server', running()), cs('setup', terminated(0, 'Completed'))];
  const notReady = status('Running', containers, [], [cond('Ready', 'False'), cond('ContainersReady', 'False')]);
  assert.deepEqual(cols(notReady), { ready: '1/2', status: 'NotReady', restarts: '0', age: '60s' });
  const ready = status('Running', containers, [], [cond('Ready', 'True')]);
  assert.equal(STATUS(ready), 'Running');
  // The running container is not ready: printPod keeps `Completed`.
  const unready = status('Running', [
    cs('server', running(), { ready: false }),
    cs('setup', terminated(0, 'Completed')),
  ]);
  assert.equal(STATUS(unready), 'Completed');
});

test('Running; a running container that is not ready leaves the phase', () => {
  assert.deepEqual(cols(status('Running', [cs('app', running())], [], [cond('Ready', 'True')])), {
    ready: '1/1',
    status: 'Running',
    restarts: '0',
    age: '60s',
  });
  assert.deepEqual(cols(status('Running', [cs('app', running(), { ready: false })])), {
    ready: '0/1',
    status: 'Running',
    restarts: '0',
    age: '60s',
  });
});

test('Terminating, Unknown for NodeLost, Evicted, SchedulingGated', () => {
  const run = status('Running', [cs('app', running())]);
  assert.equal(STATUS(run, undefined, 50), 'Terminating');
  assert.equal(STATUS(run, undefined, 70), 'Running'); // deletion requested after `now`
  assert.equal(STATUS(status('Succeeded', [cs('app', terminated(0, 'Completed'))]), undefined, 50), 'Completed');
  assert.equal(
    STATUS(status('Running', [cs('app', running())], [], [], { reason: 'NodeLost' }), undefined, 50),
    'Unknown',
  );
  assert.equal(
    STATUS(status('Failed', [], [], [], { reason: 'Evicted', message: 'The node was low on resource: memory.' })),
    'Evicted',
  );
  assert.equal(
    STATUS(status('Pending', [], [], [cond('PodScheduled', 'False', 'SchedulingGated')])),
    'SchedulingGated',
  );
});

// printPod: `reason := phase; if pod.Status.Reason != "" { reason = pod.Status.Reason }` comes first, and every
// container's waiting or terminated reason overrides it afterwards. So status.reason (DeadlineExceeded, Evicted)
// shows only while no container reports a reason; once the stopped containers' statuses are synced, their reason
// wins (kubernetes/kubernetes#105467; PR #105722 proposing otherwise was closed unmerged).
test('status.reason vs container reasons: the container reason overrides (printPod order)', () => {
  const dl = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
  assert.equal(STATUS(status('Failed', [cs('app', running(), { ready: true })], [], [], dl)), 'DeadlineExceeded');
  assert.equal(STATUS(status('Failed', [cs('app', terminated(137, 'Error'))], [], [], dl)), 'Error');
  assert.equal(STATUS(status('Failed', [cs('app', terminated(0, 'Completed'))], [], [], dl)), 'Completed');
  const ev = { reason: 'Evicted', message: 'The node was low on resource: memory.' };
  assert.equal(
    STATUS(status('Failed', [cs('app', terminated(137, 'ContainerStatusUnknown'))], [], [], ev)),
    'ContainerStatusUnknown',
  );
});

test('RESTARTS while initializing counts init containers only; afterwards sidecars + regular', () => {
  const app = cs('app', waiting('PodInitializing'), { restartCount: 5, lastState: terminated(1, 'Error', 1, 2) });
  const init = cs('i1', waiting('CrashLoopBackOff'), { restartCount: 3, lastState: terminated(1, 'Error', 30, 50) });
  assert.equal(cols(status('Pending', [app], [init]), 60).restarts, '3 (10s ago)');
  const done = cs('i1', terminated(0, 'Completed', 1, 2), {
    restartCount: 3,
    lastState: terminated(1, 'Error', 30, 50),
  });
  const app2 = cs('app', running(), { restartCount: 1, lastState: terminated(1, 'Error', 52, 55) });
  assert.equal(cols(status('Running', [app2], [done]), 60).restarts, '1 (5s ago)');
  assert.equal(cols(status('Running', [cs('app', running(), { restartCount: 2 })]), 60).restarts, '2'); // no lastState
});

test('wide columns', () => {
  const st = status('Running', [cs('app', running())], [], [cond('example.com/gate', 'True')], { podIP: '10.244.0.5' });
  assert.deepEqual(
    kubectlWideColumns(
      { status: st, node: 'node-1' },
      { readinessGates: [{ conditionType: 'example.com/gate' }, { conditionType: 'x' }] },
    ),
    {
      ip: '10.244.0.5',
      node: 'node-1',
      nominatedNode: '<none>',
      readinessGates: '1/2',
    },
  );
  assert.deepEqual(kubectlWideColumns({ status: status('Pending', []), node: null }), {
    ip: '<none>',
    node: '<none>',
    nominatedNode: '<none>',
    readinessGates: '<none>',
  });
});
