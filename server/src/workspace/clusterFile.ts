// The cluster the editor's predictions simulate (README "The world the simulation sees"): a workspace folder's
// `.podlab/cluster.yaml` — a scenario file of which the predictions take `cluster:`, `objects:` and
// `worldComplete:` — and the `podlab.simulation.cluster` / `podlab.simulation.worldComplete` settings. Each of
// `cluster` and `worldComplete` is the cluster file's when it has one, else the setting's; `objects` come from the
// file only. A cluster file with problems contributes nothing; its problems are diagnostics in that file.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { declaredWorldOf, loadScenario, type DeclaredWorld } from '../../../simulator/src/index';
import { declared, type Declared } from '../features/declaredWorld';
import type { Settings } from '../settings';

export const CLUSTER_FILE = '.podlab/cluster.yaml';

export interface ClusterFile {
  /** What the file declares; undefined when it has errors. */
  world?: DeclaredWorld;
  diagnostics: Diagnostic[];
}

/** Scenario fields that are what-ifs of one run: `podlab run --scenario` plays them, the predictions do not. */
const WHAT_IFS = ['events', 'containers', 'kubelet'] as const;

export function readClusterFile(text: string): ClusterFile {
  const loaded = loadScenario(text);
  if (!loaded.ok)
    return {
      diagnostics: loaded.issues.map((i) =>
        Diagnostic.create(
          i.range,
          `${i.message} (the cluster file is not used until this is fixed)`,
          DiagnosticSeverity.Error,
          i.code,
          'podlab',
        ),
      ),
    };
  const s = loaded.scenario;
  const lines = text.split('\n');
  const diagnostics = WHAT_IFS.filter((k) => s[k] !== undefined).map((k) => {
    const line = Math.max(
      0,
      lines.findIndex((l) => l.startsWith(`${k}:`)),
    );
    return Diagnostic.create(
      { start: { line, character: 0 }, end: { line, character: k.length } },
      `${k} is a what-if of one run (podlab run --scenario); the predictions use only cluster, objects and worldComplete`,
      DiagnosticSeverity.Information,
      'cluster-file-what-if',
      'podlab',
    );
  });
  return { world: declaredWorldOf(s), diagnostics };
}

/**
 * The settings' cluster and worldComplete. The cluster setting goes through the scenario loader (JSON is YAML),
 * so it is checked exactly as a scenario's `cluster:`; a bad one is left out, with its problems for the log.
 */
export function settingsWorld(settings: Settings): { world: DeclaredWorld; problems: string[] } {
  const raw = settings['simulation.cluster'];
  const loaded = loadScenario(JSON.stringify({ cluster: raw }));
  const worldComplete = settings['simulation.worldComplete'];
  if (!loaded.ok)
    return {
      world: { worldComplete },
      problems: loaded.issues.map((i) => `podlab.simulation.cluster: ${i.message}; the default cluster is used`),
    };
  return { world: { ...declaredWorldOf(loaded.scenario), worldComplete }, problems: [] };
}

/** The declared world of a document: its folder's cluster file over the settings (see the header). */
export function declaredWorld(file: DeclaredWorld | undefined, setting: DeclaredWorld): Declared {
  const cluster = file?.cluster ?? setting.cluster;
  const worldComplete = file?.worldComplete ?? setting.worldComplete;
  return declared({
    ...(cluster !== undefined && { cluster }),
    ...(file?.objects !== undefined && { objects: file.objects }),
    ...(worldComplete !== undefined && { worldComplete }),
  });
}
