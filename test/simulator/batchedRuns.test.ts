// The batched engine (repeated identical work played from a record: a crash loop's back-off syncs,
// simulator/src/engine/backOffReplay.ts; a settled pod's probe answers, probeMemo.ts; repeated probe results kept as
// references, probeLog.ts; steady probe ticks recorded without probing, probeTick.ts) must give exactly the output of
// computing every step (the workloads are in batchedWorkloads.ts). This is a
// differential test: the unbatched engine's timelines are the ones the other engine tests check against the
// references, so every trace of the batched run (pods, statuses, container runs, events, probes, notes) must equal
// the unbatched one, for several workloads and horizons. The last test checks the crash loop at the back-off cap
// against the reference directly.
// References: kubelet-semantics.md §0 (a sync in back-off returns an error and is requeued after
// backOffPeriod = 10 s before PR #133066; 1.35 waits until the expiry), §1.1 (initial 10 s, ×2, cap 300 s) and
// §1.2 (doBackOff: one BackOff event per refused start).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { loadScenario } from '../../simulator/src/scenarioFile';
import { simulate } from '../../simulator/src/simulate';
import { run } from './harness';
import { CRASH, DAY, WORKLOADS } from './batchedWorkloads';

function traces(
  yaml: string,
  scenarioText: string | undefined,
  until: number,
  batch: boolean,
  budget?: number,
): string[] {
  const m = loadManifest(yaml);
  assert.deepEqual(
    m.issues.filter((i) => i.severity === 'error'),
    [],
  );
  const s = scenarioText === undefined ? undefined : loadScenario(scenarioText);
  if (s !== undefined && !s.ok) assert.fail(JSON.stringify(s.issues));
  const r = simulate(m.objects, {
    until,
    services: m.services,
    world: m.world,
    batch,
    ...(budget === undefined ? {} : { budget }),
    ...(s?.ok ? { scenario: s.scenario } : {}),
  });
  // The whole trace at the end and at two earlier moments (statuses are kept as history).
  return [until / 3, until / 2 + 7.5, until].map((t) => JSON.stringify(r.traceAt(t)));
}

for (const w of WORKLOADS) {
  for (const until of w.horizons) {
    test(`batched = unbatched: ${w.name}, ${until / 60} min`, () => {
      const batched = traces(w.yaml, w.scenario, until, true, w.budget);
      const full = traces(w.yaml, w.scenario, until, false, w.budget);
      for (let i = 0; i < full.length; i++) assert.ok(batched[i] === full[i], `trace ${i} of ${w.name} differs`);
    });
  }
}

test('crash loop at the back-off cap: a restart every 300 s plus the 10 s requeue grid, BackOff every 10 s', () => {
  const r = run(CRASH, { until: DAY });
  const starts = r.times('Started');
  const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
  // §1.1: waits 10, 20, 40, 80, 160, then 300 s; the restart comes at the first sync at or after the expiry, and
  // syncs come every 10 s (§0), so each wait at the cap lasts 300 s plus at most one requeue period.
  const atCap = gaps.slice(8);
  assert.ok(atCap.length > 250, `a day at the cap has hundreds of restarts (${atCap.length})`);
  for (const g of atCap) assert.ok(g >= 300 && g <= 300 + 10 + 2, `restart gap ${g}s at the cap`);
  // §1.2 / §0: each refused sync emits BackOff; syncs in back-off come every 10 s.
  const last = starts[starts.length - 1]!;
  const prev = starts[starts.length - 2]!;
  const backOffs = r.times('BackOff').filter((t) => t > prev && t < last);
  const steps = backOffs.slice(1).map((t, i) => t - backOffs[i]!);
  assert.ok(backOffs.length >= 29, `about 30 BackOff events per 300 s wait (${backOffs.length})`);
  for (const s of steps) assert.equal(s, 10, 'BackOff events 10 s apart during a wait');
});
