// The PodLab language server: wiring only. Each LSP feature lives in its own module under features/; the
// diagnostics run in a worker (background/). The process starts in launch.ts.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  Message,
  PublishDiagnosticsNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type MessageStrategy,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { yamlTextDocuments, type YamlTextDocument } from './yamlTextDocument';
import type * as RequestsModule from './requests';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { reportErrorsTo } from './errorGuard';
import { DiagnosticsHost } from './background/diagnosticsHost';
import type { StartedWorker } from './background/workerStart';
import { Serialized, serverConnection } from './transport';
import { wantsQuickFixes } from './features/codeActions';

/** The connection's dispatch of each message, as the diagnostics wait for it (ServerOptions.dispatch). */
interface Dispatch {
  /** How many messages have been dispatched so far. */
  count: () => number;
  /** `listener` is called as each message is dispatched, before its handler (`request`: one that is answered). */
  listen: (listener: (request: boolean) => void) => void;
}

/** Pass `messageStrategy` to createConnection and `dispatch` to startServer. */
function dispatchCounter(): { messageStrategy: MessageStrategy; dispatch: Dispatch } {
  let count = 0;
  let listener = (_request: boolean) => undefined as void;
  return {
    messageStrategy: {
      handleMessage: (message, next) => {
        count++;
        listener(Message.isRequest(message));
        return next(message);
      },
    },
    dispatch: { count: () => count, listen: (l) => (listener = l) },
  };
}

export interface ServerOptions {
  /** The connection's dispatch of messages (dispatchCounter): diagnostics runs wait for the messages already
   * read (debounce.ts) and, in the worker, while the main thread answers them (background/requestGate.ts). */
  dispatch?: Dispatch;
  /** The connection writes Serialized messages (transport.ts): publishes go out as the worker serialized them. */
  serialized?: boolean;
  /** The diagnostics worker, started early (launch.ts); else started here, or in process without its bundle. */
  worker?: StartedWorker;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // Each feature answers through the error guard: a bug gives that feature's empty answer and one log line.
  reportErrorsTo((message) => connection.console.error(message));
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let snippets = true;
  let canWatchFiles = false;
  let canFollowFolders = false;
  let folders: string[] = [];
  // The requests' copy of the open documents; the diagnostics keep their own, fed the same text changes, in
  // the diagnostics worker (background/): their pass never delays a completion, hover or code action.
  const docs = new TextDocuments<YamlTextDocument>({
    create: (uri, languageId, version, text) => {
      diagnostics.open(uri, languageId, version, text);
      return yamlTextDocuments.create(uri, languageId, version, text);
    },
    update: (doc, changes, version) => {
      diagnostics.change({ uri: doc.uri, version, changes });
      return yamlTextDocuments.update(doc, changes, version);
    },
  });
  // What answers the requests, loaded once the first diagnostics are out, or on the first request (requests.ts).
  let requests: RequestsModule.Requests | undefined;
  const answering = () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: loaded after the server starts
    requests ??= new (require('./requests') as typeof RequestsModule).Requests(docs);
    return requests;
  };
  const diagnostics = new DiagnosticsHost(
    __dirname,
    docs,
    {
      publish: (payload) => {
        if (!requests) setTimeout(answering, 1); // after this publish is written
        if (!(payload instanceof Uint8Array)) void connection.sendDiagnostics(payload);
        else if (options.serialized)
          void connection.sendNotification(PublishDiagnosticsNotification.method, new Serialized(payload));
        else
          void connection.sendDiagnostics(
            (JSON.parse(utf8.decode(payload)) as { params: PublishDiagnosticsParams }).params,
          );
      },
      log: (message) => connection.console.log(message),
      error: (message) => connection.console.error(message),
    },
    options.dispatch?.count,
    options.worker,
  );
  options.dispatch?.listen((request) => diagnostics.dispatching(request));

  const refreshSettings = async () => {
    if (canPullConfiguration) {
      const raw: unknown = await connection.workspace.getConfiguration('podlab').catch(() => undefined);
      settings = readSettings(raw);
    }
    diagnostics.setSettings(settings);
  };

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canFollowFolders = params.capabilities.workspace?.workspaceFolders === true;
    settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    diagnostics.setSettings(settings);
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    // Once the diagnostics worker has loaded (it started with the process, launch.ts): the documents the client
    // opens next, often one already on screen, are then analysed at once.
    await diagnostics.loaded;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        // No space or newline triggers: a list that pops up on its own while the user types a value or
        // presses Enter takes that Enter (acceptSuggestionOnEnter) and mangles the text (issue 13).
        completionProvider: { triggerCharacters: [':', '-'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        // Folders added to or removed from the workspace change the world beyond the open files.
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'podlab-language-server', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => {
    if (canPullConfiguration && canRegisterConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'podlab' });
    if (canWatchFiles)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml}' }],
      });
    diagnostics.start(folders);
    if (canFollowFolders)
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        diagnostics.foldersChanged(
          e.added.map((f) => f.uri),
          e.removed.map((f) => f.uri),
        );
      });
  });
  connection.onDidChangeWatchedFiles((p) => diagnostics.filesChanged(p.changes));
  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) settings = readSettings((change.settings as { podlab?: unknown } | undefined)?.podlab);
    void refreshSettings();
  });

  docs.onDidClose((e) => {
    diagnostics.close(e.document.uri);
    requests?.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((p, token) => {
    diagnostics.hold();
    return token.isCancellationRequested ? [] : answering().completion(p, snippets);
  });
  connection.onHover((p) => {
    diagnostics.hold();
    return answering().hover(p);
  });
  // The fixes are the diagnostics engine's (the publishes do not carry them), for the text as it is now: an edit
  // that comes while the engine answers makes them fixes of another text, and the action is then not offered.
  connection.onCodeAction(async (p, token) => {
    diagnostics.hold();
    const doc = docs.get(p.textDocument.uri);
    if (!doc || !wantsQuickFixes(p)) return [];
    const version = doc.version;
    const fixes = await diagnostics.fixes(doc.uri, version, p.context.diagnostics, token);
    return docs.get(doc.uri)?.version === version ? answering().codeActions(p, fixes) : [];
  });

  connection.onExit(() => diagnostics.dispose());

  docs.listen(connection);
  connection.listen();
}

const utf8 = new TextDecoder();

/** The server on the connection the command line asks for (launch.ts). */
export function runServer(worker?: StartedWorker): void {
  const counter = dispatchCounter();
  const { connection, serialized } = serverConnection({ messageStrategy: counter.messageStrategy });
  startServer(connection, { dispatch: counter.dispatch, serialized, worker });
}
