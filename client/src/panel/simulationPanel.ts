// The Run Pod panel: a webview that shows the simulation of the active manifest, re-runs it as the user
// types, follows the active editor, and survives a window reload (serializer). Strict CSP with a nonce;
// the webview renders every string as text.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { Simulations } from '../simulations';
import { whatIfEvent } from '../simulations';
import type { InlineFacts } from '../inline/inlineFacts';
import { loadScenarioFile } from './scenarioFiles';
import { engine } from '../engineLoader';
import { assertNever, type FromWebview, type ToWebview } from './protocol';

export class SimulationPanel {
  static readonly viewType = 'podlab.simulation';
  static current: SimulationPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static createOrShow(context: vscode.ExtensionContext, sims: Simulations, facts: InlineFacts, uri?: vscode.Uri): void {
    const doc = uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    if (SimulationPanel.current) {
      SimulationPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      if (doc) SimulationPanel.current.show(doc);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      SimulationPanel.viewType,
      'Run Pod',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      options(context),
    );
    SimulationPanel.current = new SimulationPanel(context, panel, sims, facts, doc);
  }

  static revive(
    context: vscode.ExtensionContext,
    sims: Simulations,
    facts: InlineFacts,
    panel: vscode.WebviewPanel,
    state: unknown,
  ): void {
    panel.webview.options = options(context);
    const uri = (state as { uri?: string } | undefined)?.uri;
    const doc =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? vscode.window.activeTextEditor?.document;
    SimulationPanel.current = new SimulationPanel(context, panel, sims, facts, doc);
  }

  private constructor(
    context: vscode.ExtensionContext,
    private readonly panel: vscode.WebviewPanel,
    private readonly sims: Simulations,
    private readonly facts: InlineFacts,
    doc: vscode.TextDocument | undefined,
  ) {
    panel.webview.html = html(context, panel.webview);
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m)),
      sims.onDidChange((uri) => {
        if (uri === this.document?.uri.toString()) this.post();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && e.document.languageId === 'yaml' && e.document !== this.document) this.show(e.document);
      }),
    );
    if (doc) this.show(doc);
  }

  private show(doc: vscode.TextDocument): void {
    this.document = doc;
    this.panel.title = `Run Pod: ${doc.uri.path.split('/').pop() ?? 'manifest'}`;
    this.facts.setActive(doc.uri.toString());
    this.sims.ensure(doc);
    this.post();
  }

  /** Moves the panel (and the inline facts, which follow its time) to t. */
  seek(t: number): void {
    if (this.document) this.sims.setTime(this.document.uri.toString(), t);
    this.send({ type: 'seek', t });
  }

  private send(m: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private post(): void {
    const doc = this.document;
    if (!doc)
      return this.send({
        type: 'empty',
        message: 'Open a Kubernetes manifest (Pod, Deployment, Job, …) and run "PodLab: Run Pod in Panel".',
      });
    const sim = this.sims.ensure(doc);
    const title = doc.uri.path.split('/').pop() ?? 'manifest';
    if (sim.problems.length > 0) return this.send({ type: 'problems', title, problems: sim.problems.slice(0, 50) });
    if (!sim.result)
      return this.send({
        type: 'empty',
        message: `${title} has no Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob to run.`,
      });
    this.send({
      type: 'simulation',
      simulation: engine().panelSimulation(title, sim.result, sim.whatIf),
      uri: doc.uri.toString(),
    });
  }

  private receive(m: FromWebview): void {
    const doc = this.document;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'time':
        if (doc && Number.isFinite(m.t)) this.sims.setTime(doc.uri.toString(), m.t);
        return;
      case 'whatIf':
        if (doc) this.sims.setWhatIf(doc, [...(this.sims.get(doc.uri)?.whatIf ?? []), m.action]);
        return;
      case 'removeWhatIf':
        if (doc)
          this.sims.setWhatIf(
            doc,
            (this.sims.get(doc.uri)?.whatIf ?? []).filter((_, i) => i !== m.index),
          );
        return;
      case 'saveScenario':
        void this.saveScenario();
        return;
      case 'loadScenario':
        void this.loadScenario();
        return;
      case 'reveal':
        void this.reveal(m.cause.doc, m.cause.paths[0] ?? '');
        return;
      default:
        assertNever(m);
    }
  }

  private async reveal(docIndex: number, path: string): Promise<void> {
    const doc = this.document;
    const sim = doc ? this.sims.get(doc.uri) : undefined;
    if (!doc || !sim) return;
    const r = engine().rangeOf(sim.manifest, docIndex, path);
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private scenarioUri(): vscode.Uri | undefined {
    const doc = this.document;
    if (!doc || doc.isUntitled) return undefined;
    return doc.uri.with({ path: doc.uri.path.replace(/\.ya?ml$/, '') + '.scenario.yaml' });
  }

  private async saveScenario(): Promise<void> {
    const doc = this.document;
    const sim = doc ? this.sims.get(doc.uri) : undefined;
    const target = this.scenarioUri() ?? (await vscode.window.showSaveDialog({ filters: { YAML: ['yaml', 'yml'] } }));
    if (!doc || !sim || !target) return;
    const scenario = {
      ...(sim.scenario ?? {}),
      events: [...(sim.scenario?.events ?? []), ...sim.whatIf.map(whatIfEvent)],
    };
    await vscode.workspace.fs.writeFile(
      target,
      new TextEncoder().encode(
        `# PodLab scenario for ${doc.uri.path.split('/').pop()}\n${engine().stringifyYaml(scenario)}`,
      ),
    );
    void vscode.window.showInformationMessage(`Saved the scenario to ${vscode.workspace.asRelativePath(target)}.`);
  }

  private async loadScenario(): Promise<void> {
    const doc = this.document;
    if (!doc) return;
    const picked = await vscode.window.showOpenDialog({
      filters: { YAML: ['yaml', 'yml'] },
      defaultUri: this.scenarioUri(),
      canSelectMany: false,
    });
    const uri = picked?.[0];
    if (!uri) return;
    const loaded = await loadScenarioFile(uri);
    if (!loaded.ok) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)}: ${loaded.message}`);
      return;
    }
    this.sims.setWhatIf(doc, []);
    this.sims.setScenario(doc, loaded.scenario);
  }

  dispose(): void {
    SimulationPanel.current = undefined;
    this.facts.setActive(undefined);
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [
      vscode.Uri.joinPath(context.extensionUri, 'dist'),
      vscode.Uri.joinPath(context.extensionUri, 'media'),
    ],
  };
}

function nonce(): string {
  return randomBytes(18).toString('base64url');
}

const STYLESHEETS = ['panel.css', 'panel-content.css', 'panel-timeline.css'];

function html(context: vscode.ExtensionContext, webview: vscode.Webview): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview.js'));
  // The stylesheets in cascade order (media/panel.css says what each holds).
  const styles = STYLESHEETS.map((f) => webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', f)));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}; script-src 'nonce-${n}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((u) => `<link rel="stylesheet" href="${u.toString()}">`).join('\n')}
<title>Run Pod</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}
