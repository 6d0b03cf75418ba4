// The invariant of issue 10 A: every trouble the simulated 10 minutes show — each warning event, each Killing,
// each run that ends in an error, an OOM kill or a restart — is explained by a prediction on the line that
// causes it, or left unknown for a reason a predictor gave, or benign for a stated reason; none is dropped.
// Over the real corpus and the examples. Prints the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate, type SimulationResult } from '../../simulator/src/simulate';
import { predictOutcomes, type Outcomes } from '../../simulator/src/predict';
import { troubles, type Trouble } from '../../simulator/src/predict/troubles';
import { example, repoRoot } from './harness';

const corpus = join(repoRoot, '..', 'shared', 'corpus', 'real');
const HORIZON = 600;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(n) && !n.endsWith('.scenario.yaml') ? [p] : [];
    });
}

function simulated(text: string): { result: SimulationResult; outcomes: Outcomes } | undefined {
  const m = loadManifest(text);
  if (m.objects.length === 0) return undefined;
  const result = simulate(m.objects, { until: HORIZON, services: m.services, world: m.world });
  return { result, outcomes: predictOutcomes(result, { defaultCluster: true }) };
}

/** What the invariant covers, counted from the trace and the runs directly (not through troubles()). */
function expectedCount(result: SimulationResult): number {
  const events = result.traceAt(HORIZON).events.filter((e) => e.type === 'Warning' || e.reason === 'Killing');
  let ends = 0;
  for (const p of result.pods)
    for (const c of p.containers)
      c.instances.forEach((i, n) => {
        if (i.finishedAt === undefined || (i.endedBy !== 'exited' && i.endedBy !== 'oom')) return;
        // kubelet-semantics §1.2: a run is restarted (Always; OnFailure after a non-zero exit; sidecars always).
        if (i.exitCode !== 0 || n < c.instances.length - 1) ends++;
      });
  return events.length + ends;
}

function label(t: Trouble): string {
  const v = t.verdict;
  if (v.kind === 'explained') return `explained: ${v.prediction.code}`;
  return v.kind === 'unexplained' ? 'unexplained' : `${v.kind}: ${v.reason}`;
}

test(
  'every trouble of the corpus and the examples is explained, unknown with a reason, or benign',
  { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` },
  () => {
    const files = [...yamlFiles(corpus), ...yamlFiles(join(repoRoot, 'examples'))];
    assert.ok(files.length > 391, `found ${files.length} files`);
    const figures: Record<string, number> = {};
    const gaps: string[] = [];
    const offLine: string[] = [];
    for (const file of files) {
      const run = simulated(readFileSync(file, 'utf8'));
      if (!run) continue;
      const found = troubles(run.result, run.outcomes);
      assert.equal(found.length, expectedCount(run.result), `${file}: every trouble is classified`);
      for (const t of found) {
        figures[label(t)] = (figures[label(t)] ?? 0) + 1;
        const v = t.verdict;
        if (v.kind === 'unexplained') gaps.push(`${file}: ${t.object} ${t.reason} at ${t.t}s`);
        if (v.kind === 'explained') {
          assert.ok(run.outcomes.predictions.includes(v.prediction));
          // On the line that causes it: the explaining prediction names the path the run gives as the cause.
          if (t.path !== undefined && !v.prediction.paths.includes(t.path))
            offLine.push(
              `${file}: ${t.object} ${t.reason} at ${t.t}s on ${t.path}, ${v.prediction.code} on ${v.prediction.paths.join(', ')}`,
            );
        }
        if (v.kind === 'unknown') assert.ok(run.outcomes.withheld.some((w) => w.reason === v.reason));
      }
    }
    console.log(`troubles over ${files.length} files: ${JSON.stringify(figures, null, 1)}`);
    assert.deepEqual(gaps, []);
    assert.deepEqual(offLine, []);
    assert.ok((figures['explained: predicted-restarts'] ?? 0) > 0, 'the restarts example is explained');
  },
);

test('a trouble no prediction explains is a gap: without the predictions, liveness-wrong-port is unexplained', () => {
  const run = simulated(example('liveness-wrong-port.yaml'))!;
  const found = troubles(run.result, { predictions: [], withheld: [] });
  assert.ok(found.length > 0);
  assert.deepEqual([...new Set(found.map((t) => t.verdict.kind))], ['unexplained']);
  const explained = troubles(run.result, run.outcomes);
  assert.ok(explained.every((t) => t.verdict.kind === 'explained'));
});

test('the course example: each liveness kill is explained by predicted-restarts on the probe command', () => {
  const run = simulated(example('liveness-restarts.yaml'))!;
  const kills = troubles(run.result, run.outcomes).filter((t) => t.reason === 'Killing');
  assert.ok(kills.length >= 3);
  for (const k of kills) {
    assert.equal(k.verdict.kind, 'explained');
    if (k.verdict.kind === 'explained') {
      assert.equal(k.verdict.prediction.code, 'predicted-restarts');
      assert.match(k.verdict.prediction.paths[0]!, /livenessProbe\.exec\.command$/);
    }
  }
});
