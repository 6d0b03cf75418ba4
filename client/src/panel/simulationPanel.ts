// The Run Pod panel: a webview that shows the simulation of the active manifest, re-runs it as the user
// types, follows the active editor (Kubernetes manifests only, unless pinned), keeps the last good run while
// the document does not parse, and survives a window reload (serializer). Strict CSP with a nonce; the
// webview renders every string as text. While it is open, the status bar repeats its verdict.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { DocSimulation, Simulations } from '../simulations';
import type { InlineFacts } from '../inline/inlineFacts';
import { isKubernetesYaml } from '../kubernetesYaml';
import { isWhatIfMessage, onWhatIfMessage, panelScenario } from './whatIfMessages';
import { isFromWebview } from './messageGuard';
import { applyCodeAction, preferredFix } from './quickFixes';
import { VerdictStatus } from './verdictStatus';
import { engine } from '../engineLoader';
import { assertNever, type FromWebview, type PanelCommand, type ToWebview } from './protocol';

export class SimulationPanel {
  static readonly viewType = 'podlab.simulation';
  static current: SimulationPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** Stay on this document whatever editor becomes active. */
  private pinned = false;
  /** The document whose run the webview shows (kept, dimmed, while that document does not parse). */
  private shown: string | undefined;
  private readonly status = new VerdictStatus();
  /** The document index whose CodeLens opened the panel: its workload is selected with the next run shown. */
  private focus: number | undefined;

  static createOrShow(
    context: vscode.ExtensionContext,
    sims: Simulations,
    facts: InlineFacts,
    uri?: vscode.Uri,
    focus?: number,
  ): void {
    const doc = uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
    const index = Number.isInteger(focus) ? focus : undefined;
    if (SimulationPanel.current) {
      SimulationPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      SimulationPanel.current.focus = index;
      if (doc) SimulationPanel.current.show(doc);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      SimulationPanel.viewType,
      'Run Pod',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      options(context),
    );
    SimulationPanel.current = new SimulationPanel(context, panel, sims, facts, doc, index);
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
    focus?: number,
  ) {
    this.focus = focus;
    panel.webview.html = html(context, panel.webview);
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isFromWebview(m)) this.receive(m);
      }),
      sims.onDidChange((uri) => {
        if (uri === this.document?.uri.toString()) this.post();
      }),
      // A scenario file or other YAML opened beside the manifest leaves the run alone.
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && !this.pinned && e.document !== this.document && isKubernetesYaml(e.document)) this.show(e.document);
      }),
      // The language server publishes its predictions (and their quick fixes) after the fast pass.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = this.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) void this.postFixes(doc);
      }),
      panel.onDidChangeViewState((e) => (e.webviewPanel.visible ? this.showStatus() : this.status.hide())),
      this.status,
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

  /** A command of the panel's keybindings, carried out by the webview. */
  command(command: PanelCommand): void {
    this.send({ type: 'command', command });
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
    if (!doc) {
      this.shown = undefined;
      this.status.hide();
      return this.send({
        type: 'empty',
        message: 'Open a Kubernetes manifest (Pod, Deployment, Job, …) and run "PodLab: Run Pod in Panel".',
      });
    }
    const sim = this.sims.ensure(doc);
    const title = doc.uri.path.split('/').pop() ?? 'manifest';
    const uri = doc.uri.toString();
    if (sim.problems.length > 0)
      return this.send({ type: 'problems', title, problems: sim.problems.slice(0, 50), keep: this.shown === uri });
    if (!sim.result) {
      this.shown = undefined;
      this.status.hide();
      return this.send({
        type: 'empty',
        message: `${title} has no Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob to run.`,
      });
    }
    const simulation = engine().panelSimulation(title, sim.result, sim.whatIf, panelScenario(sim), sim.verdicts);
    if (this.ready && this.focus !== undefined) {
      this.send({ type: 'simulation', simulation, uri, focus: this.focus });
      this.focus = undefined; // once: later runs keep the user's selection
    } else this.send({ type: 'simulation', simulation, uri });
    this.shown = uri;
    this.showStatus();
    void this.postFixes(doc);
  }

  private showStatus(): void {
    const sim = this.document ? this.sims.get(this.document.uri) : undefined;
    if (sim?.result && this.panel.visible) this.status.show(sim.verdicts);
  }

  /** The verdicts whose cause line has a preferred quick fix: their "Apply fix" buttons. */
  private async postFixes(doc: vscode.TextDocument): Promise<void> {
    const sim = this.sims.get(doc.uri);
    if (!sim?.result) return;
    const fixes: { index: number; title: string }[] = [];
    for (const [index, v] of sim.verdicts.entries()) {
      const fix = v.prediction ? await preferredFix(doc, sim.manifest, causeOf(v.prediction)) : undefined;
      if (fix) fixes.push({ index, title: fix.title });
    }
    // Stale when the document changed or another one is shown meanwhile.
    if (this.document === doc && this.sims.get(doc.uri) === sim) this.send({ type: 'fixes', fixes });
  }

  private async applyFix(index: number): Promise<void> {
    const doc = this.document;
    const sim = doc ? this.sims.get(doc.uri) : undefined;
    const p = sim?.verdicts[index]?.prediction;
    if (!doc || !sim || !p) return;
    const fix = await preferredFix(doc, sim.manifest, causeOf(p));
    if (fix) await applyCodeAction(fix);
  }

  private receive(m: FromWebview): void {
    const doc = this.document;
    if (isWhatIfMessage(m)) {
      if (doc) onWhatIfMessage(m, doc, this.sims, (t) => this.seek(t));
      return;
    }
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'time':
        if (doc && Number.isFinite(m.t)) this.sims.setTime(doc.uri.toString(), m.t);
        return;
      case 'reveal':
        void this.reveal(m.cause.doc, m.cause.paths[0] ?? '');
        return;
      case 'revealLine':
        if (doc && Number.isInteger(m.line) && m.line >= 0)
          void this.revealRange(new vscode.Range(m.line, 0, m.line, 0));
        return;
      case 'applyFix':
        void this.applyFix(m.index);
        return;
      case 'pin':
        this.pinned = m.pinned === true;
        this.send({ type: 'pinned', pinned: this.pinned });
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
    await this.revealRange(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
  }

  private async revealRange(range: vscode.Range): Promise<void> {
    const doc = this.document;
    if (!doc) return;
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    SimulationPanel.current = undefined;
    this.facts.setActive(undefined);
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function causeOf(p: NonNullable<DocSimulation['verdicts'][number]['prediction']>) {
  return { doc: p.doc, paths: p.paths, evidence: p.evidence ?? '' };
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

const STYLESHEETS = ['panel.css', 'panel-content.css', 'panel-timeline.css', 'panel-verdict.css'];

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
