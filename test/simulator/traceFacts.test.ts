// The structured facts of the trace (back-off, probe counts, why a run ended, listening ports) against the
// references, and the consumers (editor inline facts, panel) reading the same numbers from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, run } from './harness';
import { podFacts } from '../../client/src/inline/facts';
import { panelSimulation } from '../../client/src/panel/panelModel';
import { containerViews } from '../../client/webview/model/containers';
import { probeLines, streakText } from '../../client/webview/model/probes';
import { statusAt } from '../../client/webview/model/pods';

const CRASHER = `apiVersion: v1
kind: Pod
metadata: { name: crasher }
spec:
  restartPolicy: OnFailure
  containers:
    - name: c
      image: busybox:1.36
      command: ["sh", "-c", "sleep 2; exit 1"]
`;

test('back-off: 10s, 20s, 40s … doubling to the 300s cap, each until = finish of the last run + delay', () => {
  // kubelet-semantics.md §1.1 (initial 10 s, ×2, cap 300 s: k/k pkg/kubelet/kubelet.go, client-go flowcontrol/backoff.go)
  // and worked example (b): the first restart is immediate, then waits of 10, 20, 40, 80, 160, 300 s.
  const r = run(CRASHER, { until: 1300, scenario: 'cluster: { imagesPresent: true }' });
  const delays: number[] = [];
  for (const h of r.result.pods[0]!.history) {
    const st = h.status.containerStatuses[0]!;
    if (!st.backOff) continue;
    assert.equal(st.state.waiting?.reason, 'CrashLoopBackOff', 'backOff is set only while waiting in CrashLoopBackOff');
    const last = st.lastState.terminated!;
    assert.ok(Math.abs(st.backOff.until - (last.finishedAt + st.backOff.delay)) < 1e-9, 'until = finishedAt + delay');
    if (delays[delays.length - 1] !== st.backOff.delay) delays.push(st.backOff.delay);
  }
  assert.deepEqual(delays, [10, 20, 40, 80, 160, 300]);
  // Every restart comes at or after the expiry it waited for (the restart is the first sync after it).
  const c = r.trace.pods[0]!.containers[0]!;
  assert.ok(c.instances.every((i) => i.endedBy === undefined || i.endedBy === 'exited'));
});

test('liveness kills: why and when each run ended, the listening ports of the behaviour model', () => {
  // kubelet-semantics.md worked example (a1): kills at ≈25, 50, 75, 100, 125, 190, 295; the app listens on 8080.
  const r = run(example('liveness-wrong-port.yaml'), { until: 300 });
  const c = r.trace.pods[0]!.containers[0]!;
  const kills = c.instances.filter((i) => i.killedAt !== undefined);
  assert.deepEqual(
    kills.map((i) => i.endedBy),
    Array(kills.length).fill('liveness'),
  );
  assert.deepEqual(
    kills.map((i) => Math.round(i.killedAt!)),
    [25, 50, 75, 100, 125, 190, 295],
  );
  assert.deepEqual(
    c.listens.map((l) => l.port),
    [8080],
  );
  // Same count as the Killing events the kubelet emits.
  assert.equal(kills.length, r.events('Killing').length);
});

test('probe counts are per container instance: after a liveness kill the failure count starts again from 0', () => {
  // k/k pkg/kubelet/prober/worker.go doProbe: when a liveness (or startup) failure reaches failureThreshold the
  // worker sets onHold = true and resultRun = 0, and probes again only for the next container ID. So the first
  // failure of the new run counts 1 (issue 13: `liveness ✗ 3/3` was shown at t=68 s although the container had
  // restarted at 50 s and failed once since).
  const r = run(example('liveness-wrong-port.yaml'), { until: 300 });
  const liveness = r.trace.probes.filter((p) => p.probe === 'liveness');
  for (const restartCount of [0, 1, 2, 3, 4]) {
    const mine = liveness.filter((p) => p.restartCount === restartCount);
    assert.deepEqual(
      mine.map((p) => [p.result, p.run, p.threshold]),
      [
        ['failure', 1, 3],
        ['failure', 2, 3],
        ['failure', 3, 3],
      ],
      `run ${restartCount}`,
    );
  }
  const at68 = podFacts(r.result.pods[0]!, 68, r.at(68).probes).find((f) => f.path.endsWith('livenessProbe'))!;
  assert.equal(at68.text, 'liveness ✗ 1/3');
  const sim = panelSimulation('x', r.result, []);
  const line = probeLines(sim.pods[0]!, sim.probes, 68).find((l) => l.probe === 'liveness')!;
  assert.equal(streakText(line.streak), '✗ 1/3 in a row');
  // Right after the restart at 50.1 s the new run has not been probed: nothing is counted for it yet.
  assert.equal(probeLines(sim.pods[0]!, sim.probes, 55).find((l) => l.probe === 'liveness')!.streak, null);
  assert.match(
    podFacts(r.result.pods[0]!, 55, r.at(55).probes).find((f) => f.path.endsWith('livenessProbe'))!.text,
    /^liveness: not run yet since the restart at 50s$/,
  );
});

test('the inline hint and the panel show the same countdown at every moment (one rounding rule)', () => {
  const r = run(example('liveness-wrong-port.yaml'), { until: 300 });
  const pod = r.result.pods[0]!;
  const sim = panelSimulation('x', r.result, []);
  let compared = 0;
  for (let t = 120; t <= 300; t += 0.3) {
    const inline = podFacts(pod, t, r.at(t).probes).find((f) => f.path === 'spec.template.spec.containers[0]')!;
    const view = containerViews(sim.pods[0]!, statusAt(sim.pods[0]!, t), t)[0]!;
    const hint = /restart in (\d+)s$/.exec(inline.text)?.[1];
    if (view.backOff === null) {
      assert.equal(hint, undefined, `t=${t}: no countdown in the panel, none inline`);
      continue;
    }
    const panel = view.backOffText?.endsWith('restart due')
      ? '0'
      : /next restart in (\d+)s$/.exec(view.backOffText ?? '')?.[1];
    assert.equal(hint, panel, `t=${t.toFixed(1)}: inline "${inline.text}", panel "${view.backOffText}"`);
    assert.equal(inline.t, view.backOff.nextRestartAt);
    compared++;
  }
  assert.ok(compared > 100, `compared ${compared} moments in back-off`);
});
