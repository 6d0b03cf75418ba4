// The rules of the world beyond the file (README "The world the simulation sees"), unit by unit: which
// workspace objects a document sees, and which declared cluster applies (cluster file over settings, field by
// field; a bad one contributes nothing). Expected values are the README's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { objectsOfText, objectsOfTextInSlices, WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { WorkspaceWorld } from '../../../server/src/workspace/workspaceWorld';
import { declaredWorld, readClusterFile, settingsWorld } from '../../../server/src/workspace/clusterFile';
import { DEFAULT_SETTINGS, readSettings } from '../../../server/src/settings';

const cm = (name: string, data: string, ns = 'default') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: ${ns} }\ndata: ${data}\n`;
const root = join('/', 'ws');
const at = (...p: string[]) => join(root, ...p);
const names = (i: WorkspaceIndex, path: string) =>
  i.worldFor(path, root).map((o) => `${o.kind}/${o.object?.namespace ?? ''}/${o.name}`);

test('a file that does not parse, or a chart template, contributes nothing', () => {
  assert.deepEqual(
    objectsOfText(`${cm('a', '{ k: v }')}---\napiVersion: v1\nkind: Secret\nmetadata: { name: b\n`, at('x.yaml')),
    [],
  );
  assert.deepEqual(objectsOfText(cm('a', '{ k: "{{ .Values.k }}" }'), at('chart', 'templates', 'cm.yaml')), []);
  assert.equal(objectsOfText(cm('a', '{ k: v }'), at('x.yaml')).length, 1);
});

test('read in slices, a file gives the same objects as read at once, also a file that does not parse', async () => {
  const many = Array.from({ length: 60 }, (_, i) => cm(`c${i}`, `{ k: v${i} }`)).join('---\n');
  const broken = `${many}---\napiVersion: v1\nkind: Secret\nmetadata: { name: b\n`;
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  for (const text of [many, broken, cm('a', '{ k: "{{ .Values.k }}" }')]) {
    const path = text === many || text === broken ? at('x.yaml') : at('chart', 'templates', 'cm.yaml');
    assert.deepEqual(await objectsOfTextInSlices(text, path, turn), objectsOfText(text, path));
  }
  assert.equal((await objectsOfTextInSlices(many, at('x.yaml'), turn)).length, 60);
});

test('a file read in slices is left at the next slice once abandoned (opened meanwhile): it gives nothing', async () => {
  // 1,000 documents: far more than one slice (BACKGROUND_SLICE_MS) on any machine.
  const many = Array.from({ length: 1000 }, (_, i) => cm(`c${i}`, `{ k: v${i} }`)).join('---\n');
  let turns = 0;
  const between = () => {
    turns++;
    return new Promise<void>((resolve) => setImmediate(resolve));
  };
  assert.deepEqual(await objectsOfTextInSlices(many, at('x.yaml'), between, () => turns > 0), []);
  assert.equal(turns, 1);
});

test('the workspace scan leaves an open file to its document: its disk text never counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-world-'));
  try {
    writeFileSync(join(dir, 'a.yaml'), cm('from-disk', '{ k: v }'));
    writeFileSync(join(dir, 'b.yaml'), cm('other', '{ k: v }'));
    const world = new WorkspaceWorld({ changed: () => undefined, log: () => undefined, publish: () => undefined });
    world.opened(pathToFileURL(join(dir, 'a.yaml')).toString());
    await world.start([pathToFileURL(dir).toString()]);
    const seen = world.worldOf(pathToFileURL(join(dir, 'pod.yaml')).toString()).workspace.map((o) => o.name);
    assert.deepEqual(seen, ['other']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the other files’ objects, not the file’s own, and only of its workspace folder', () => {
  const i = new WorkspaceIndex();
  i.set(at('a.yaml'), objectsOfText(cm('a', '{ k: v }'), at('a.yaml')));
  i.set(at('b.yaml'), objectsOfText(cm('b', '{ k: v }'), at('b.yaml')));
  assert.deepEqual(names(i, at('a.yaml')), ['ConfigMap/default/b']);
  assert.deepEqual(i.worldFor(at('a.yaml'), join('/', 'other')), []);
});

test('two files that define one ConfigMap differently leave it unknown; the same definition twice is the object', () => {
  const i = new WorkspaceIndex();
  i.set(at('dev.yaml'), objectsOfText(cm('app', '{ mode: dev }'), at('dev.yaml')));
  i.set(at('prod.yaml'), objectsOfText(cm('app', '{ mode: prod }'), at('prod.yaml')));
  i.set(at('ns.yaml'), objectsOfText(cm('app', '{ mode: x }', 'other'), at('ns.yaml')));
  assert.deepEqual(names(i, at('pod.yaml')), ['ConfigMap/other/app']);
  i.set(at('prod.yaml'), objectsOfText(`# a comment\n${cm('app', '{ mode: dev }')}`, at('prod.yaml')));
  assert.deepEqual(names(i, at('pod.yaml')).sort(), [
    'ConfigMap/default/app',
    'ConfigMap/default/app',
    'ConfigMap/other/app',
  ]);
  assert.equal(
    i.set(at('prod.yaml'), objectsOfText(`# a comment\n${cm('app', '{ mode: dev }')}`, at('prod.yaml'))),
    false,
  );
});

test('the cluster file over the settings, field by field; a bad cluster file is not used', () => {
  const settings = readSettings({
    simulation: { cluster: { nodes: [{ name: 'from-setting' }] }, worldComplete: true },
  });
  const fromSetting = settingsWorld(settings);
  assert.deepEqual(fromSetting.problems, []);
  const file = readClusterFile('cluster:\n  nodes:\n    - { name: from-file }\n');
  const d = declaredWorld(file.world, fromSetting.world);
  assert.equal(d.scenario.cluster?.nodes?.[0]?.name, 'from-file');
  assert.equal(d.scenario.worldComplete, true, 'the file says nothing of it: the setting’s');
  const bad = readClusterFile('cluster:\n  nodes: nope\n');
  assert.equal(bad.world, undefined);
  assert.equal(bad.diagnostics[0]?.range.start.line, 1);
  assert.equal(declaredWorld(bad.world, fromSetting.world).scenario.cluster?.nodes?.[0]?.name, 'from-setting');
  const none = declaredWorld(undefined, settingsWorld(DEFAULT_SETTINGS).world);
  assert.deepEqual(none, { scenario: {}, key: '' }, 'nothing declared: the predictions’ keys are unchanged');
});

test('a bad cluster setting is a problem for the log and leaves the default cluster', () => {
  const s = settingsWorld(readSettings({ 'simulation.cluster': { nodes: [{ name: '' }] } }));
  assert.equal(s.world.cluster, undefined);
  assert.match(s.problems[0] ?? '', /^podlab\.simulation\.cluster: /);
});

test('a cluster file’s what-ifs are noted on their line, not used', () => {
  const f = readClusterFile('cluster:\n  imagesPresent: true\nevents:\n  - { at: 1, oom: { container: x } }\n');
  assert.deepEqual(f.world, { cluster: { imagesPresent: true } });
  assert.deepEqual(
    f.diagnostics.map((d) => [d.code, d.range.start.line]),
    [['cluster-file-what-if', 2]],
  );
});
