// Helpers for engine tests: run YAML through the real loader and simulator, then read the timeline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../simulator/src/manifest';
import { loadScenario } from '../../simulator/src/scenarioFile';
import { simulate, type SimulationResult } from '../../simulator/src/simulate';
import type { Trace, TraceEvent, TracePod } from '../../simulator/src/trace';

export const repoRoot = join(__dirname, '..', '..');

/** A scenario whose cluster has every image already: runs start without pull time (Pulled "already present"). */
export const present = 'cluster: { imagesPresent: true }';

export function example(path: string): string {
  return readFileSync(join(repoRoot, 'examples', path), 'utf8');
}

export interface Run {
  result: SimulationResult;
  /** The trace at `until`. */
  trace: Trace;
  at(t: number): Trace;
  /** The one pod whose name starts with `prefix` (or the only pod). */
  pod(t: number, prefix?: string): TracePod;
  events(reason: string, prefix?: string): TraceEvent[];
  times(reason: string, messageIncludes?: string): number[];
}

export function run(yaml: string, opts: { until: number; scenario?: string; seed?: number }): Run {
  const m = loadManifest(yaml);
  const errors = m.issues.filter((i) => i.severity === 'error');
  assert.deepEqual(
    errors.map((e) => e.message),
    [],
    'the manifest loads without errors',
  );
  let scenario;
  if (opts.scenario !== undefined) {
    const s = loadScenario(opts.scenario);
    if (!s.ok) assert.fail(`scenario: ${s.issues.map((i) => i.message).join('; ')}`);
    scenario = s.scenario;
  }
  const result = simulate(m.objects, {
    until: opts.until,
    seed: opts.seed ?? 1,
    services: m.services,
    world: m.world,
    namespaces: m.namespaces,
    ...(scenario ? { scenario } : {}),
  });
  const trace = result.traceAt(opts.until);
  const r: Run = {
    result,
    trace,
    at: (t) => result.traceAt(t),
    pod(t, prefix) {
      const pods = result.traceAt(t).pods.filter((p) => prefix === undefined || p.name.startsWith(prefix));
      assert.ok(pods.length >= 1, `a pod ${prefix ?? ''} exists at ${t}s`);
      return pods[pods.length - 1]!;
    },
    events: (reason, prefix) =>
      trace.events.filter((e) => e.reason === reason && (prefix === undefined || e.object.startsWith(prefix))),
    times: (reason, messageIncludes) =>
      trace.events
        .filter((e) => e.reason === reason && (messageIncludes === undefined || e.message.includes(messageIncludes)))
        .map((e) => e.t),
  };
  return r;
}

/** Asserts that each actual time is within `tolerance` seconds of the expected one, in order. */
export function assertTimes(actual: number[], expected: number[], tolerance: number, what: string): void {
  assert.equal(
    actual.length,
    expected.length,
    `${what}: expected ${expected.length} times ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
  );
  expected.forEach((e, i) => {
    const a = actual[i]!;
    assert.ok(
      Math.abs(a - e) <= tolerance,
      `${what}[${i}]: expected ≈${e}s (±${tolerance}), got ${a}s; all: ${JSON.stringify(actual)}`,
    );
  });
}

/** `kubectl get pods` columns of one pod at time t. */
export function columns(r: Run, t: number, prefix?: string): string {
  const p = r.pod(t, prefix);
  return `${p.kubectl.ready} ${p.kubectl.status} ${p.kubectl.restarts}`;
}
