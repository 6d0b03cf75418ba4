// The inline facts the editor shows at the panel's time: computed from a real simulation of the examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podFacts } from '../../client/src/inline/facts';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import { example } from '../simulator/harness';

function factsAt(file: string, until: number, t: number) {
  const m = loadManifest(example(file));
  const result = simulate(m.objects, { until, services: m.services });
  const trace = result.traceAt(t);
  return podFacts(result.pods[0]!, t, trace.probes);
}

test('liveness on the wrong port: the probe line says how often it failed and when the kill came', () => {
  const facts = factsAt('liveness-wrong-port.yaml', 300, 300);
  const probe = facts.find((f) => f.path.endsWith('livenessProbe'))!;
  // kubectl's HumanDuration (apimachinery util/duration): 290–299 s are written 4m50s…4m59s.
  assert.match(probe.text, /^liveness ✗ 3\/3 → killed at 4m5[0-9]s$/);
  const container = facts.find((f) => f.path === 'spec.template.spec.containers[0]')!;
  assert.match(container.text, /^CrashLoopBackOff ×6 · restart in \d+s$/);
  assert.ok(container.text.length <= 43, 'fits the default inlay hint length');
  assert.ok(container.t > 300, 'clicking it jumps to the next restart');
});

test('readiness with DELAY_START=45: Ready at ~50 s once it passes, not ready before', () => {
  const early = factsAt('readiness-delay-start.yaml', 120, 30);
  assert.match(early.find((f) => f.path.endsWith('readinessProbe'))!.text, /^readiness ✗ \d+\/3 · not ready$/);
  const late = factsAt('readiness-delay-start.yaml', 120, 120);
  assert.match(late.find((f) => f.path === 'spec.containers[0]')!.text, /^Running · Ready at (49|5\d)s$/);
});

test('an init container that waits forever and an unscheduled pod say so', () => {
  const init = factsAt('init-containers-wait.yaml', 120, 120);
  assert.match(
    init.find((f) => f.path === 'spec.initContainers[0]')!.text,
    /^running since \ds · waiting for it to finish$/,
  );
  const pending = factsAt('failed-scheduling.yaml', 60, 60);
  assert.match(pending[0]!.text, /^Pending: 0\/1 nodes are available: 1 Insufficient memory\./);
});
