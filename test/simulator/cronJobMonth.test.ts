// A CronJob firing every minute for 30 days: the history limits keep few Jobs, so few pods exist at any time and the
// pod cap (which counts pods that exist) is never reached; the table at day 30 shows the youngest Jobs' pods.
// Expected values come from the CronJob controller's rules, not from the engine:
// - k/k pkg/apis/batch/v1/defaults.go SetDefaults_CronJob: successfulJobsHistoryLimit 3, failedJobsHistoryLimit 1;
// - k/k pkg/controller/cronjob/cronjob_controllerv2.go cleanupFinishedJobs → removeOldestJobs: after a Job finishes,
//   the finished Jobs beyond the limit are deleted oldest first ("Deleted job <name>"), and with them their pods
//   (background propagation);
// - one Job per scheduled time (`* * * * *`: every minute on the minute; t = 0 is 00:00:00 UTC).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPodTable, loadManifest, loadScenario, simulate, type TracePod } from '../../simulator/src/index';
import { present, run } from './harness';

const DAY = 86_400;

const CRON = `apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: date, image: "busybox:1.36", command: ["date"] }]
`;

/** `kubectl get pods` at day 30: the 3 newest finished Jobs' pods (successfulJobsHistoryLimit 3) and the new one. */
function assertDay30Rows(live: readonly TracePod[]): void {
  const table = formatPodTable(
    live.map((p) => ({ name: p.name, namespace: p.namespace, columns: p.kubectl })),
    { keepOrder: true },
  );
  const rows = table.split('\n').slice(1);
  assert.equal(rows.length, 4, table);
  // kubectl's AGE (duration.HumanDuration): 180 s → 3m, 120 s → 2m, 60 s → 60s; the new pod 0s.
  assert.deepEqual(
    rows.map((row) => row.trim().split(/\s+/).slice(2)),
    [
      ['Completed', '0', '3m'],
      ['Completed', '0', '2m'],
      ['Completed', '0', '60s'],
      // Bound at once (the node is free); kubectl shows its container's waiting reason until it starts.
      ['ContainerCreating', '0', '0s'],
    ],
    table,
  );
}

test('CronJob every minute, day 30: 43,200 Jobs made, all but the last 3 finished ones deleted, young pods only', () => {
  const until = 30 * DAY;
  const r = run(CRON, { until, scenario: present });
  const result = r.result;
  const created = result.pods.length;
  // One Job (and one pod: `date` succeeds at once) per minute, the fire at exactly t = 30 d included.
  assert.equal(created, (30 * DAY) / 60, 'one pod per scheduled minute');
  assert.deepEqual(
    result.notes.filter((n) => /pods existing at once|reached/.test(n.message)),
    [],
    'the pod cap is never reached: it counts pods that exist, and the history limits delete the old ones',
  );
  const live = result.livePodsAt(until);
  // successfulJobsHistoryLimit 3: the 3 newest finished Jobs keep their pods, plus the Job created at t = 30 d.
  assert.deepEqual(
    live.map((p) => p.createdAt),
    [until - 180, until - 120, until - 60, until],
  );
  assertDay30Rows(live);
  // Every pod but those four was removed, with its Job, within the minute after the next Job finished.
  const removed = result.pods.filter((p) => p.removedAt !== null);
  assert.equal(removed.length, created - 4);
  assert.ok(removed.every((p) => p.removedAt! - p.createdAt <= 4 * 60_000 + 60_000));
});

/** The CronJob run as `podlab run --format table` runs it: keeping only the pods that exist from `from` on. */
function runKeepingLive(until: number, from?: number) {
  const s = loadScenario(present);
  if (!s.ok) assert.fail('scenario');
  const keep = from === undefined ? 'trace' : { livePodsFrom: from };
  return simulate(loadManifest(CRON).objects, { until, scenario: s.scenario, keep });
}

test('CronJob every minute, day 30, keeping only the live pods (the table path): the same young pods, few kept', () => {
  const until = 30 * DAY;
  const result = runKeepingLive(until, until);
  const live = result.livePodsAt(until);
  assert.deepEqual(
    live.map((p) => p.createdAt),
    [until - 180, until - 120, until - 60, until],
  );
  assertDay30Rows(live);
  // Memory follows the pods that exist: the removed ones are dropped as the run goes (at most twice the live ones,
  // plus a small slack), not 43,200 of them.
  assert.ok(result.pods.length <= 64 + 2 * live.length, `${result.pods.length} pods kept`);
  assert.throws(() => result.traceAt(until), /kept only the live pods/);
  assert.throws(() => result.livePodsAt(until - 1), /kept the pods from/);
});

test('keeping only the live pods changes nothing that livePodsAt shows, at the end or earlier', () => {
  const until = DAY / 4;
  const full = runKeepingLive(until);
  for (const at of [until, until - 90, until - 3600 + 1]) {
    const kept = runKeepingLive(until, at);
    assert.deepEqual(kept.livePodsAt(at), full.livePodsAt(at), `at ${at}s`);
    assert.deepEqual(kept.notes, full.notes);
  }
});
