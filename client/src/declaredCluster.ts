// The cluster the panel simulates, declared the way the predictions declare it (README "The world the simulation
// sees"; server/src/workspace/clusterFile.ts): the nearest `.podlab/cluster.yaml` of the document's workspace
// folder, then the `podlab.simulation.cluster` / `worldComplete` settings. A scenario loaded in the panel is a
// what-if on top: its own `cluster:` and `worldComplete:` win, its objects add to the file's. A cluster file with
// problems contributes nothing here; the language server shows them in that file.
import { dirname, join, relative, sep } from 'node:path';
import type { DeclaredWorld, Scenario } from '../../simulator/src/index';
import { engine } from './engineLoader';

export const CLUSTER_FILE = join('.podlab', 'cluster.yaml');

/** What a cluster file declares for a run (its what-if events are `podlab run --scenario`'s, not the panel's). */
export function parseClusterFile(text: string): DeclaredWorld | undefined {
  const loaded = engine().loadScenario(text);
  return loaded.ok ? engine().declaredWorldOf(loaded.scenario) : undefined;
}

/** The cluster file nearest to `docPath`, looking up to the workspace folder `root` (inclusive). */
export function nearestClusterFile(docPath: string, root: string, exists: (p: string) => boolean): string | undefined {
  let dir = dirname(docPath);
  for (;;) {
    const candidate = join(dir, CLUSTER_FILE);
    if (exists(candidate)) return candidate;
    const rel = relative(root, dir);
    if (rel === '' || rel.split(sep)[0] === '..') return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The scenario of a panel run: the loaded scenario over the cluster file over the settings. */
export function panelScenario(
  loaded: Scenario | undefined,
  file: DeclaredWorld | undefined,
  setting: { cluster: unknown; worldComplete: boolean },
): Scenario {
  const parsed = engine().ScenarioSchema.safeParse({ cluster: setting.cluster ?? undefined });
  const settingCluster = parsed.success ? parsed.data.cluster : undefined;
  const cluster = loaded?.cluster ?? file?.cluster ?? settingCluster;
  const objects = [...(file?.objects ?? []), ...(loaded?.objects ?? [])];
  return {
    ...(loaded ?? {}),
    ...(cluster !== undefined && { cluster }),
    ...(objects.length > 0 && { objects }),
    worldComplete: loaded?.worldComplete ?? file?.worldComplete ?? setting.worldComplete,
  };
}
