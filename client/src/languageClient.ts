// Starts the bundled language server over IPC, restarts it if it crashes (up to 5 times in 3 minutes),
// and shows its state in the status bar; logs go to the "PodLab" output channel.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export function startLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): () => Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const crashes: number[] = [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    outputChannel: output,
    synchronize: { configurationSection: 'podlab' },
    initializationOptions: { settings: vscode.workspace.getConfiguration('podlab') },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        crashes.push(now);
        while (crashes.length > 0 && now - crashes[0]! > 180_000) crashes.shift();
        if (crashes.length > 5) {
          void vscode.window.showErrorMessage(
            'The PodLab language server stopped 5 times in 3 minutes; it will not be restarted. Run "PodLab: Restart Language Server" to try again.',
          );
          return { action: CloseAction.DoNotRestart };
        }
        output.warn('The PodLab language server stopped; restarting it.');
        return { action: CloseAction.Restart };
      },
    },
  };
  const client = new LanguageClient('podlab', 'PodLab Language Server', serverOptions, clientOptions);
  const status = vscode.languages.createLanguageStatusItem('podlab.server', { language: 'yaml' });
  status.name = 'PodLab';
  status.command = { command: 'podlab.restartServer', title: 'Restart' };
  const show = (s: State) => {
    status.text =
      s === State.Running
        ? '$(check) PodLab'
        : s === State.Starting
          ? '$(sync~spin) PodLab'
          : '$(error) PodLab stopped';
    status.severity =
      s === State.Stopped ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  };
  show(State.Starting);
  context.subscriptions.push(
    status,
    client.onDidChangeState((e) => show(e.newState)),
  );
  void client.start().catch((err: unknown) => output.error(`could not start the language server: ${String(err)}`));
  return async () => {
    status.dispose();
    if (client.isRunning()) await client.stop();
  };
}
