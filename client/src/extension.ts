// PodLab for VS Code: starts the language server and registers the Run Pod panel, its CodeLens and the
// inline facts. Everything lives in the modules below; this file only wires them.
import * as vscode from 'vscode';
import { startLanguageClient } from './languageClient';
import { SimulationPanel } from './panel/simulationPanel';
import { RunPodCodeLens } from './codeLens';
import { InlineFacts } from './inline/inlineFacts';
import { Simulations } from './simulations';
import { trackKubernetesYaml } from './kubernetesYaml';
import { PANEL_COMMANDS } from './panel/protocol';

let stopClient: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('PodLab', { log: true });
  const simulations = new Simulations(context);
  const facts = new InlineFacts(simulations);
  context.subscriptions.push(output, simulations, facts);
  context.subscriptions.push(vscode.languages.registerInlayHintsProvider({ language: 'yaml' }, facts));
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'yaml' }, facts));
  const lenses = new RunPodCodeLens(simulations);
  context.subscriptions.push(lenses, vscode.languages.registerCodeLensProvider({ language: 'yaml' }, lenses));
  context.subscriptions.push(trackKubernetesYaml());
  context.subscriptions.push(
    // The CodeLens passes the document index of the workload above which it was clicked.
    vscode.commands.registerCommand('podlab.runPodInPanel', (uri?: vscode.Uri, doc?: number) =>
      SimulationPanel.createOrShow(context, simulations, facts, uri, doc),
    ),
    vscode.commands.registerCommand('podlab.seek', (t: number) => SimulationPanel.current?.seek(t)),
    vscode.commands.registerCommand('podlab.restartServer', () => restart()),
    // The panel's keybindings (package.json: when the panel is the active editor).
    ...PANEL_COMMANDS.map((c) =>
      vscode.commands.registerCommand(`podlab.panel.${c}`, () => SimulationPanel.current?.command(c)),
    ),
    vscode.window.registerWebviewPanelSerializer(SimulationPanel.viewType, {
      deserializeWebviewPanel: (panel, state: unknown) => {
        SimulationPanel.revive(context, simulations, facts, panel, state);
        return Promise.resolve();
      },
    }),
  );
  const restart = async () => {
    await stopClient?.();
    stopClient = startLanguageClient(context, output);
  };
  stopClient = startLanguageClient(context, output);
}

export async function deactivate(): Promise<void> {
  await stopClient?.();
}
