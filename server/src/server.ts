// The PodLab language server: wiring only. Each LSP feature lives in its own module under features/.
//   podlab-language-server --stdio
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  InsertTextFormat,
  TextDocumentSyncKind,
  type CompletionItem,
  type Connection,
  type InitializeResult,
  type MessageStrategy,
} from 'vscode-languageserver/node';
import { Documents } from './documents';
import type { FileAnalysis } from './analysis/fileAnalysis';
import { DIAGNOSTICS_PARTS, diagnosticsFor } from './features/diagnostics';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { isScenarioFile, scenarioCompletion, scenarioDiagnostics } from './features/scenarioFile';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { Throttle } from './debounce';
import { ANALYSIS_SLICE_MS, MAX_DOCUMENTS_AT_ONCE } from './limits';
import { guarded, reportErrorsTo } from './errorGuard';
import { PredictionPass } from './features/predictionPass';
import { predictionRunner } from './features/predictionRunner';
import { WorkspaceWorld } from './workspace/workspaceWorld';

/**
 * Counts the messages the connection dispatches, so that diagnostics runs wait for the messages already read
 * (debounce.ts). Pass `messageStrategy` to createConnection and `dispatched` to startServer.
 */
export function dispatchCounter(): { messageStrategy: MessageStrategy; dispatched: () => number } {
  let count = 0;
  return {
    messageStrategy: {
      handleMessage: (message, next) => {
        count++;
        return next(message);
      },
    },
    dispatched: () => count,
  };
}

export function startServer(connection: Connection, dispatched?: () => number): void {
  // Each feature answers through the error guard: a bug gives that feature's empty answer and one log line.
  reportErrorsTo((message) => connection.console.error(message));
  const documents = new Documents();
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let snippets = true;
  let canWatchFiles = false;
  let canFollowFolders = false;
  let folders: string[] = [];
  const pending = new Throttle(5, dispatched);
  // The ConfigMaps, Secrets and Services of the other workspace files, and the declared cluster: when they
  // change, every open document is planned again (only those that use what changed simulate again).
  const world = new WorkspaceWorld({
    changed: () => {
      for (const d of documents.docs.all()) pending.schedule(d.uri, () => publish(d.uri, true));
    },
    log: (message) => connection.console.log(message),
    publish: (uri, diagnostics) => {
      if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics });
    },
  });

  // What each document's last publish said: a re-plan after a change of the world that changes nothing in a
  // document (most of them) publishes nothing for it.
  const sent = new Map<string, { version: number; diagnostics: unknown[] }>();
  const unchanged = (uri: string, version: number, diagnostics: unknown[]) => {
    const last = sent.get(uri);
    return last?.version === version && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics);
  };
  // Two passes. The fast one (YAML, schema, rules, and the predictions already cached for unchanged
  // documents) publishes at once; the prediction pass then simulates, off the event loop, the documents
  // whose inputs changed, and publishes again if they predict anything. Both work on the latest version
  // only: an older one is skipped, never queued.
  // The publish with predictions waits like a diagnostics run for the requests already read (debounce.ts): the
  // worker's answer can come at any moment, also between a keystroke and the completion request sent with it.
  // It has a key of its own, so that it never stands in for the run of an edit, nor an edit's for it.
  const predictedKey = (uri: string) => `${uri}#predictions`;
  const predictions = new PredictionPass(predictionRunner(__dirname), (uri, version, predictionsOf, found) => {
    if (!found) return;
    pending.cancel(predictedKey(uri)); // an older version's, not published yet
    pending.soon(predictedKey(uri), () => {
      const doc = documents.get(uri);
      if (!settings.predictions || !doc || doc.version !== version) return;
      const analysis = documents.analysis(doc);
      const full = guarded('diagnostics', undefined, () => diagnosticsFor(analysis, settings, uri, predictionsOf));
      if (!full) return;
      sent.set(uri, { version, diagnostics: full });
      void connection.sendDiagnostics({ uri, version, diagnostics: full });
    });
  });
  // A large file just opened is analysed in slices: its first documents' diagnostics are published after
  // the first slice, then again each time the analysed part has doubled, and in full at the end; requests
  // are answered between slices.
  const partlyPublished = new Map<string, { version: number; chunks: number }>();
  const partsDone = new WeakMap<FileAnalysis, number>();
  const publish = (uri: string, worldChanged = false) => {
    const doc = documents.get(uri);
    if (!doc) return;
    if (world.isClusterFile(uri)) {
      const diagnostics = guarded('diagnostics', [], () => world.openClusterFile(uri, doc.getText()));
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
      return;
    }
    if (isScenarioFile(uri)) {
      const diagnostics = guarded('diagnostics', [], () => scenarioDiagnostics(doc.getText()));
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
      return;
    }
    const analysis = guarded('diagnostics', undefined, () =>
      documents.analysis(doc, performance.now() + ANALYSIS_SLICE_MS),
    );
    if (!analysis) return;
    const version = doc.version;
    if (analysis.partial) {
      const last = partlyPublished.get(uri);
      if (!last || last.version !== version || analysis.chunks.length >= 2 * last.chunks) {
        partlyPublished.set(uri, { version, chunks: analysis.chunks.length });
        const some = guarded('diagnostics', [], () => diagnosticsFor(analysis, settings, uri));
        void connection.sendDiagnostics({ uri, version, diagnostics: some });
      }
      pending.soon(uri, () => publish(uri));
      return;
    }
    partlyPublished.delete(uri);
    // A large file's pass goes in turns: the analysis, each costly part of its diagnostics, then the rest (each
    // after the requests read meanwhile), so that a request that comes during the pass waits for one part.
    if (doc.chunks().length > MAX_DOCUMENTS_AT_ONCE) {
      const part = partsDone.get(analysis) ?? 0;
      if (part <= DIAGNOSTICS_PARTS.length) {
        partsDone.set(analysis, part + 1);
        if (part > 0) guarded('diagnostics', undefined, () => DIAGNOSTICS_PARTS[part - 1]!(analysis, settings, uri));
        pending.soon(uri, () => publish(uri, worldChanged));
        return;
      }
    }
    // Its objects, as typed, stand for the file's disk version in the other documents' world.
    if (guarded('workspace', false, () => world.openChanged(uri, analysis)))
      for (const d of documents.docs.all()) if (d.uri !== uri) pending.schedule(d.uri, () => publish(d.uri, true));
    const plan = settings.predictions
      ? guarded('predictions', undefined, () => predictions.plan(analysis, world.worldOf(uri)))
      : undefined;
    const fast = guarded('diagnostics', [], () =>
      diagnosticsFor(analysis, plan ? settings : { ...settings, predictions: false }, uri, plan?.predictionsOf),
    );
    if (!(worldChanged && unchanged(uri, version, fast))) {
      sent.set(uri, { version, diagnostics: fast });
      void connection.sendDiagnostics({ uri, version, diagnostics: fast });
    }
    if (plan) predictions.start(uri, version, plan);
    else predictions.cancel(uri);
  };

  const refreshSettings = async () => {
    if (canPullConfiguration) {
      const raw: unknown = await connection.workspace.getConfiguration('podlab').catch(() => undefined);
      settings = readSettings(raw);
    }
    world.setSettings(settings);
    for (const d of documents.docs.all()) publish(d.uri);
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canFollowFolders = params.capabilities.workspace?.workspaceFolders === true;
    settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    world.setSettings(settings);
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
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
    void world.start(folders).catch((e: unknown) => connection.console.error(`workspace index: ${String(e)}`));
    if (canFollowFolders)
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        void world
          .foldersChanged(
            e.added.map((f) => f.uri),
            e.removed.map((f) => f.uri),
          )
          .catch((err: unknown) => connection.console.error(`workspace index: ${String(err)}`));
      });
  });
  connection.onDidChangeWatchedFiles((p) => {
    void world.filesChanged(p.changes).catch((e: unknown) => connection.console.error(`workspace index: ${String(e)}`));
  });
  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) settings = readSettings((change.settings as { podlab?: unknown } | undefined)?.podlab);
    void refreshSettings();
  });

  documents.docs.onDidOpen((e) => world.opened(e.document.uri));
  documents.docs.onDidChangeContent((e) => pending.schedule(e.document.uri, () => publish(e.document.uri)));
  documents.docs.onDidClose((e) => {
    pending.cancel(e.document.uri);
    pending.cancel(predictedKey(e.document.uri));
    partlyPublished.delete(e.document.uri);
    sent.delete(e.document.uri);
    predictions.cancel(e.document.uri);
    documents.forget(e.document.uri);
    world.closed(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((p, token) => {
    pending.hold();
    const doc = documents.get(p.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    const trigger = { character: p.context?.triggerCharacter };
    const items = isScenarioFile(doc.uri)
      ? guarded('completion', [], () => scenarioCompletion(doc.getText(), p.position, trigger))
      : complete(() => doc.getText(), p.position, documents.chunkAt(doc, p.position.line), trigger);
    // Complete, so that the client filters the list itself, synchronously, on each key: a list marked incomplete
    // is asked for again on every key, and the answer arrives after a fast typist's Enter, which the stale list
    // then takes. With package.json's `[yaml]` default `acceptSuggestionOnEnter: smart`, Enter on a word typed
    // in full (`Never` over the item `Never`) starts the next line. Measured in code-server (test/e2e).
    return { isIncomplete: false, items: snippets ? items : items.map(plainText) };
  });
  connection.onHover((p) => {
    pending.hold();
    const doc = documents.get(p.textDocument.uri);
    return doc ? hover(() => doc.getText(), p.position, documents.chunkAt(doc, p.position.line)) : null;
  });
  connection.onCodeAction((p) => {
    pending.hold();
    return guarded('code actions', [], () => codeActions(p));
  });

  connection.onExit(() => predictions.dispose());

  documents.docs.listen(connection);
  connection.listen();
}

/** For clients without snippet support: `key:\n  - $0` becomes `key:\n  - `. */
function plainText(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const plain = (t: string) => t.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');
  const out: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
  if (item.insertText !== undefined) out.insertText = plain(item.insertText);
  if (item.textEdit) out.textEdit = { ...item.textEdit, newText: plain(item.textEdit.newText) };
  return out;
}

if (require.main === module) {
  const counter = dispatchCounter();
  startServer(createConnection(ProposedFeatures.all, { messageStrategy: counter.messageStrategy }), counter.dispatched);
}
