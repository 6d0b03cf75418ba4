// The extension's checks on what enters it: the webview's messages and the what-ifs kept in workspaceState.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFromWebview, isWhatIfAction } from '../../client/src/panel/messageGuard';
import { WhatIfStore } from '../../client/src/panel/whatIfStore';
import { ScenarioSchema } from '../../simulator/src/scenario';

test('webview messages: well-formed ones pass, malformed ones are dropped', () => {
  const good: unknown[] = [
    { type: 'ready' },
    { type: 'time', t: 12.5 },
    { type: 'whatIf', action: { kind: 'kill', at: 30, pod: 'web', container: 'app', exitCode: 137 } },
    { type: 'removeWhatIf', index: 0 },
    { type: 'removeScenarioEvent', index: 2 },
    { type: 'unloadScenario' },
    { type: 'saveScenario' },
    { type: 'reveal', cause: { doc: 0, paths: ['spec'], evidence: '' } },
    { type: 'revealLine', line: 3 },
    { type: 'pin', pinned: true },
  ];
  for (const m of good) assert.equal(isFromWebview(m), true, JSON.stringify(m));
  const bad: unknown[] = [
    null,
    'ready',
    { type: 'nope' },
    { type: 'time', t: Number.NaN },
    { type: 'removeWhatIf', index: -1 },
    { type: 'removeScenarioEvent', index: 0.5 },
    { type: 'whatIf', action: { kind: 'kill', at: 30, container: 'app', exitCode: 300 } },
    { type: 'whatIf', action: { kind: 'delete', at: 30, force: true } },
    { type: 'whatIf', action: { kind: 'http', at: 1, container: 'app', path: 'healthz', status: 200 } },
    { type: 'whatIf', action: { kind: 'endpoint', at: -1, container: 'app', port: 80, state: 'fail' } },
    { type: 'reveal', cause: { doc: 0, paths: [1] } },
    { type: 'pin', pinned: 'yes' },
  ];
  for (const m of bad) assert.equal(isFromWebview(m), false, JSON.stringify(m));
});

class Memento {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

const parse = (raw: unknown) => {
  const r = ScenarioSchema.safeParse(raw);
  return r.success ? r.data : undefined;
};

test('what-ifs and the loaded scenario are kept per document and read back validated', () => {
  const memento = new Memento();
  const store = new WhatIfStore(memento, parse);
  const uri = 'file:///w/app.yaml';
  const kill = { kind: 'kill' as const, at: 30, pod: 'web', container: 'app', exitCode: 137 };
  const scenario = ScenarioSchema.parse({
    kubelet: { version: '1.35' },
    events: [{ at: '1m', oom: { container: 'app' } }],
  });
  store.write(uri, { whatIf: [kill], scenario: { file: 'app.scenario.yaml', scenario } });
  // A new store over the same state: a window reload.
  const read = new WhatIfStore(memento, parse).read(uri);
  assert.deepEqual(read, { whatIf: [kill], scenario: { file: 'app.scenario.yaml', scenario } });
  assert.deepEqual(store.read('file:///w/other.yaml'), { whatIf: [] });
  // Nothing left: the entry goes.
  store.write(uri, { whatIf: [] });
  assert.equal(memento.data.size, 0);
});

test('a stale or hand-edited entry loses what is malformed, nothing more', () => {
  const memento = new Memento();
  const ok = { kind: 'nodeFailure', at: 5, node: 'node-1' };
  void memento.update('podlab.whatIf:file:///a.yaml', {
    whatIf: [ok, { kind: 'kill', at: 'soon' }, 42],
    scenario: { file: 'a.scenario.yaml', scenario: { kubelet: { version: '0.9' } } },
  });
  assert.deepEqual(new WhatIfStore(memento, parse).read('file:///a.yaml'), { whatIf: [ok] });
  void memento.update('podlab.whatIf:file:///b.yaml', 'garbage');
  assert.deepEqual(new WhatIfStore(memento, parse).read('file:///b.yaml'), { whatIf: [] });
  assert.equal(isWhatIfAction({ ...ok, node: '' }), false);
});
