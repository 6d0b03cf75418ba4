// PodLab for VS Code: starts the language server and registers the Run Pod panel, its CodeLens and the
// inline facts. Everything lives in the modules below; this file only wires them.
import * as vscode from 'vscode';
import type * as LanguageClientModule from './languageClient';
import { SimulationPanel } from './panel/simulationPanel';
import { RunPodCodeLens } from './codeLens';
import { InlineFacts } from './inline/inlineFacts';
import { Simulations } from './simulations';
import { trackKubernetesYaml } from './kubernetesYaml';
import { PANEL_COMMANDS } from './panel/protocol';

let stopClient: (() => Promise<void>) | undefined;
let deactivated = false;

/**
 * The language client, from its own bundle (dist/languageClient.js), loaded once activate() has returned:
 * vscode-languageclient is most of the extension's code, and evaluating it took 25–45 ms of each activation on a
 * 2-core machine (bench/activation.bench.ts), during which the extension host activates nothing else.
 */
function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): () => Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved next to dist/extension.js at run time
  const { startLanguageClient } = require('./languageClient.js') as typeof LanguageClientModule;
  return startLanguageClient(context, output);
}

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
    stopClient = startClient(context, output);
  };
  // The server starts one turn later: it spawns a process and then waits for it anyway.
  setImmediate(() => {
    if (!deactivated && !stopClient) stopClient = startClient(context, output);
  });
}

export async function deactivate(): Promise<void> {
  deactivated = true;
  await stopClient?.();
}
