// The simulation of each open manifest: re-run (debounced) as the user types, with the what-if actions
// and scenario file the panel added (kept in the workspace state, panel/whatIfStore.ts), and the panel's
// current time, which the inline facts follow.
import * as vscode from 'vscode';
import type { DeclaredWorld, LoadedManifest, SimulationResult, Scenario, Verdict } from '../../simulator/src/index';
import { engine } from './engineLoader';
import { MAX_PANEL_SECONDS, MAX_SIMULATED_CHARS, PANEL_MAX_PODS, PANEL_STEP_BUDGET } from './limits';
import { CLIENT_SETTING_DEFAULTS, clientSetting } from './settings';
import type { WhatIfAction } from './panel/protocol';
import { whatIfEvent } from './panel/whatIfs';
import { WhatIfStore } from './panel/whatIfStore';
import { nearestClusterFile, panelScenario, parseClusterFile } from './declaredCluster';
import { existsSync, readFileSync, statSync } from 'node:fs';

export interface DocSimulation {
  uri: string;
  version: number;
  manifest: LoadedManifest;
  result: SimulationResult | undefined;
  /** Error-level problems that stop the simulation (line is 0-based). */
  problems: { line: number; message: string }[];
  time: number;
  whatIf: WhatIfAction[];
  /** A scenario loaded from a file (cluster shape, overrides, events). */
  scenario: Scenario | undefined;
  /** The name of that file, for the panel. */
  scenarioFile: string | undefined;
  /** One per workload: what the run predicts (the panel's card, the CodeLens, the status bar). */
  verdicts: Verdict[];
}

export class Simulations implements vscode.Disposable {
  private readonly sims = new Map<string, DocSimulation>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly store: WhatIfStore;
  private readonly clusterFiles = new Map<string, { mtime: number; world: DeclaredWorld | undefined }>();

  constructor(context: vscode.ExtensionContext) {
    this.store = new WhatIfStore(context.workspaceState, (raw) => {
      const parsed = engine().ScenarioSchema.safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    });
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.sims.has(e.document.uri.toString())) return;
        this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.sims.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('podlab.simulation')) return;
        for (const uri of this.sims.keys()) {
          const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
          if (doc) this.run(doc);
        }
      }),
    );
  }

  get(uri: vscode.Uri | string): DocSimulation | undefined {
    return this.sims.get(uri.toString());
  }

  /** The simulation of a document, computed now if it is missing or stale. */
  ensure(doc: vscode.TextDocument): DocSimulation {
    const s = this.sims.get(doc.uri.toString());
    if (s && s.version === doc.version) return s;
    return this.run(doc);
  }

  setTime(uri: string, t: number): void {
    const s = this.sims.get(uri);
    if (!s || s.time === t) return;
    s.time = t;
    this.changed.fire(uri);
  }

  setWhatIf(doc: vscode.TextDocument, whatIf: WhatIfAction[]): DocSimulation {
    return this.update(doc, { whatIf });
  }

  /**
   * Replaces the what-ifs and/or the scenario (`null`: unloaded; `file` names it in the panel), keeps them in
   * the workspace state and re-runs at once.
   */
  update(
    doc: vscode.TextDocument,
    patch: { whatIf?: WhatIfAction[]; scenario?: { scenario: Scenario; file: string } | null },
  ): DocSimulation {
    const s = this.ensure(doc);
    if (patch.whatIf) s.whatIf = patch.whatIf;
    if (patch.scenario !== undefined) {
      s.scenario = patch.scenario?.scenario;
      s.scenarioFile = patch.scenario?.file;
    }
    this.store.write(s.uri, {
      whatIf: s.whatIf,
      ...(s.scenario ? { scenario: { file: s.scenarioFile ?? 'scenario', scenario: s.scenario } } : {}),
    });
    return this.run(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.run(doc);
      }, 300),
    );
  }

  run(doc: vscode.TextDocument): DocSimulation {
    const key = doc.uri.toString();
    const prev = this.sims.get(key);
    const config = vscode.workspace.getConfiguration('podlab');
    const { loadManifest, parseDuration, simulate } = engine();
    const until = parseDuration(clientSetting(config, 'simulation.until'));
    // An unreadable setting runs for the default time rather than not at all.
    const fallback = parseDuration(CLIENT_SETTING_DEFAULTS['simulation.until']);
    const untilSeconds = Math.min(until.ok ? until.seconds : fallback.ok ? fallback.seconds : 0, MAX_PANEL_SECONDS);
    const text = doc.getText();
    const manifest = loadManifest(text.length > MAX_SIMULATED_CHARS ? '' : text);
    const problems = manifest.issues
      .filter((i) => i.severity === 'error')
      .map((i) => ({ line: i.range.start.line, message: i.message }));
    if (text.length > MAX_SIMULATED_CHARS)
      problems.push({
        line: 0,
        message: `the file is larger than ${MAX_SIMULATED_CHARS / 1_000_000} MB; PodLab does not simulate it`,
      });
    // First run of this document in this window: what the panel added before (a reload, a reopened file).
    const saved = prev ? undefined : this.store.read(key);
    const whatIf = prev ? prev.whatIf : (saved?.whatIf ?? []);
    const scenario = prev ? prev.scenario : saved?.scenario?.scenario;
    const scenarioFile = prev ? prev.scenarioFile : saved?.scenario?.file;
    let result: SimulationResult | undefined;
    let verdicts: Verdict[] = [];
    if (problems.length === 0 && manifest.objects.length > 0) {
      const shaped = panelScenario(scenario, this.clusterFileOf(doc), {
        cluster: clientSetting(config, 'simulation.cluster'),
        worldComplete: clientSetting(config, 'simulation.worldComplete'),
      });
      result = simulate(manifest.objects, {
        until: untilSeconds,
        seed: clientSetting(config, 'simulation.seed'),
        services: manifest.services,
        world: manifest.world,
        namespaces: manifest.namespaces,
        maxPods: PANEL_MAX_PODS,
        budget: PANEL_STEP_BUDGET,
        scenario: withWhatIf(shaped, whatIf),
      });
      verdicts = engine().verdictsOf(result, !engine().declaresNodes(shaped));
    }
    const sim: DocSimulation = {
      uri: key,
      version: doc.version,
      manifest,
      result,
      problems,
      time: Math.min(prev?.time ?? untilSeconds, untilSeconds),
      whatIf,
      scenario,
      scenarioFile,
      verdicts,
    };
    this.sims.set(key, sim);
    this.changed.fire(key);
    return sim;
  }

  /** The declared world of the document's nearest `.podlab/cluster.yaml` (read again when it changes on disk). */
  private clusterFileOf(doc: vscode.TextDocument): DeclaredWorld | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (doc.uri.scheme !== 'file' || folder === undefined || folder.uri.scheme !== 'file') return undefined;
    try {
      const path = nearestClusterFile(doc.uri.fsPath, folder.uri.fsPath, existsSync);
      if (path === undefined) return undefined;
      const mtime = statSync(path).mtimeMs;
      const cached = this.clusterFiles.get(path);
      if (cached?.mtime === mtime) return cached.world;
      const world = parseClusterFile(readFileSync(path, 'utf8'));
      this.clusterFiles.set(path, { mtime, world });
      return world;
    } catch {
      return undefined; // unreadable: the settings apply, as for a cluster file with problems
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function withWhatIf(scenario: Scenario, whatIf: WhatIfAction[]): Scenario {
  if (whatIf.length === 0) return scenario;
  return { ...scenario, events: [...(scenario.events ?? []), ...whatIf.map(whatIfEvent)] };
}
