// The panel simulates the cluster the predictions do (issue 9 item 7; README "The world the simulation sees"): the
// nearest `.podlab/cluster.yaml` of the workspace folder over the `podlab.simulation.*` settings, a scenario loaded
// in the panel over both; a cluster file with problems contributes nothing. The scenario format is the CLI's
// (../shared/contracts.md "Scenario files").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CLUSTER_FILE, nearestClusterFile, panelScenario, parseClusterFile } from '../../client/src/declaredCluster';

const FILE = `cluster:
  nodes:
    - name: gpu-1
      labels: { accelerator: nvidia }
objects:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: shared }
    data: { mode: prod }
worldComplete: true
events:
  - at: 30s
    kill: { container: web, exitCode: 137 }
`;

test('a cluster file gives its cluster, objects and worldComplete; its what-if events are not the panel’s', () => {
  const world = parseClusterFile(FILE);
  assert.equal(world?.cluster?.nodes?.[0]?.name, 'gpu-1');
  assert.equal(world?.objects?.length, 1);
  assert.equal(world?.worldComplete, true);
  assert.equal((world as Record<string, unknown>)['events'], undefined);
  assert.equal(parseClusterFile('cluster: [not, a, map]\n'), undefined, 'a file with problems contributes nothing');
});

test('precedence: loaded scenario over cluster file over settings; objects add up', () => {
  const file = parseClusterFile(FILE);
  const setting = { cluster: { nodes: [{ name: 'from-settings' }] }, worldComplete: false };
  const fromFile = panelScenario(undefined, file, setting);
  assert.equal(fromFile.cluster?.nodes?.[0]?.name, 'gpu-1');
  assert.equal(fromFile.worldComplete, true);
  const fromSettings = panelScenario(undefined, undefined, setting);
  assert.equal(fromSettings.cluster?.nodes?.[0]?.name, 'from-settings');
  assert.equal(fromSettings.worldComplete, false);
  const loaded = panelScenario(
    {
      cluster: { nodes: [{ name: 'what-if' }] },
      objects: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }],
      worldComplete: false,
    },
    file,
    setting,
  );
  assert.equal(loaded.cluster?.nodes?.[0]?.name, 'what-if');
  assert.equal(loaded.worldComplete, false);
  assert.equal(loaded.objects?.length, 2);
  assert.equal(panelScenario(undefined, undefined, { cluster: 'bad', worldComplete: false }).cluster, undefined);
});

test('the nearest cluster file, never above the workspace folder', () => {
  const root = join('/w', 'repo');
  const at = (...dirs: string[]) => new Set(dirs.map((d) => join(d, CLUSTER_FILE)));
  const doc = join(root, 'apps', 'web', 'pod.yaml');
  assert.equal(
    nearestClusterFile(doc, root, (p) => at(root, join(root, 'apps')).has(p)),
    join(root, 'apps', CLUSTER_FILE),
  );
  assert.equal(
    nearestClusterFile(doc, root, (p) => at(root).has(p)),
    join(root, CLUSTER_FILE),
  );
  assert.equal(
    nearestClusterFile(doc, root, (p) => at('/w').has(p)),
    undefined,
  );
});
