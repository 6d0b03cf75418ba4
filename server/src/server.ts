// The PodLab language server: wiring only. Each LSP feature lives in its own module under features/.
//   podlab-language-server --stdio
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { Documents } from './documents';
import { diagnosticsFor } from './features/diagnostics';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { Debouncer } from './debounce';

export function startServer(connection: Connection): void {
  const documents = new Documents();
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  const pending = new Debouncer(0);

  const publish = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const diagnostics = diagnosticsFor(documents.analysis(doc), settings, uri);
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  };

  const refreshSettings = async () => {
    if (canPullConfiguration) {
      const raw: unknown = await connection.workspace.getConfiguration('podlab').catch(() => undefined);
      settings = readSettings(raw);
    }
    for (const d of documents.docs.all()) publish(d.uri);
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-', '\n'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'podlab-language-server', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'podlab' });
  });
  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) settings = readSettings((change.settings as { podlab?: unknown } | undefined)?.podlab);
    void refreshSettings();
  });

  documents.docs.onDidOpen((e) => publish(e.document.uri));
  documents.docs.onDidChangeContent((e) => pending.schedule(e.document.uri, () => publish(e.document.uri)));
  documents.docs.onDidClose((e) => {
    pending.cancel(e.document.uri);
    documents.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return complete(doc.getText(), p.position);
  });
  connection.onHover((p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? hover(doc.getText(), p.position) : null;
  });
  connection.onCodeAction((p) => codeActions(p));

  documents.docs.listen(connection);
  connection.listen();
}

if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all));
}
