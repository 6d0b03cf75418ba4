// The diagnostics of the open documents, from their text changes to their publishes: analysis, rules, schema,
// the planning of predictions, and the workspace world. It runs in the diagnostics worker (diagnosticsWorker.ts),
// off the event loop that answers completion, hover and code actions, with its own copy of every open document;
// in process only when the worker bundle is absent (the server run from its TypeScript sources, tests).
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { Documents, OpenDocuments } from '../documents';
import type { FileAnalysis } from '../analysis/fileAnalysis';
import { DIAGNOSTICS_PARTS, diagnosticsFor } from '../features/diagnostics';
import { isScenarioFile, scenarioDiagnostics } from '../features/scenarioFile';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { Throttle } from '../debounce';
import { ANALYSIS_SLICE_MS, MAX_DOCUMENTS_IN_ONE_PASS } from '../limits';
import { guarded } from '../errorGuard';
import { PredictionPass } from '../features/predictionPass';
import type { PredictionRunner } from '../features/predictionRunner';
import { WorkspaceWorld } from '../workspace/workspaceWorld';
import type { Gate } from './requestGate';
import { PublishedFixes, type AskedDiagnostic, type FixesAnswer } from './publishedFixes';

export interface EngineEvents {
  /** A publish: `open` for an open document's, false for a file read from disk (a cluster file). */
  publish(params: PublishDiagnosticsParams, open: boolean): void;
  log(message: string): void;
  error(message: string): void;
}

export class DiagnosticsEngine {
  private readonly store = new OpenDocuments();
  private readonly documents = new Documents(this.store);
  private settings: Settings = DEFAULT_SETTINGS;
  private readonly pending: Throttle;
  // The ConfigMaps, Secrets and Services of the other workspace files, and the declared cluster: when they
  // change, every open document is planned again (only those that use what changed simulate again).
  private readonly world: WorkspaceWorld;
  private readonly predictions: PredictionPass;
  /** What each open document's last publishes said: the fixes of a code action are theirs, and a re-plan after a
   * change of the world that changes nothing in it (most of them) publishes nothing for it. */
  private readonly published = new PublishedFixes();
  private readonly partlyPublished = new Map<string, { version: number; chunks: number }>();
  private readonly partsDone = new WeakMap<FileAnalysis, number>();

  /**
   * `dispatched`: how many messages have been received so far (debounce.ts: runs wait for those read); `gate`:
   * in the worker, the main thread's request gate (runs wait while it answers).
   */
  constructor(
    private readonly events: EngineEvents,
    runner: PredictionRunner,
    dispatched?: () => number,
    gate?: Gate,
  ) {
    this.pending = new Throttle(5, dispatched, gate);
    this.world = new WorkspaceWorld({
      changed: () => this.replanAll(),
      log: (message) => events.log(message),
      publish: (uri, diagnostics) => {
        if (!this.store.get(uri)) events.publish({ uri, diagnostics }, false);
      },
    });
    // Two passes. The fast one (YAML, schema, rules, and the predictions already cached for unchanged
    // documents) publishes at once; the prediction pass then simulates, in its own worker, the documents whose
    // inputs changed, and publishes again if they predict anything. Both work on the latest version only: an
    // older one is skipped, never queued. The publish with predictions has a key of its own in the throttle,
    // so that it never stands in for the run of an edit, nor an edit's for it.
    this.predictions = new PredictionPass(runner, (uri, version, predictionsOf, found) => {
      if (!found) return;
      this.pending.cancel(predictedKey(uri)); // an older version's, not published yet
      this.pending.soon(predictedKey(uri), () => {
        const doc = this.documents.get(uri);
        if (!this.settings.predictions || !doc || doc.version !== version) return;
        const analysis = this.documents.analysis(doc);
        const full = guarded('diagnostics', undefined, () =>
          diagnosticsFor(analysis, this.settings, uri, predictionsOf),
        );
        if (full) this.send(uri, version, full);
      });
    });
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    this.documents.forget(uri); // opened again: an analysis of the same version number may be of another text
    this.store.open(uri, languageId, version, text);
    this.world.opened(uri);
    this.pending.schedule(uri, () => this.publish(uri));
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    if (!this.store.change(uri, version, changes)) return;
    this.pending.schedule(uri, () => this.publish(uri));
  }

  close(uri: string): void {
    this.pending.cancel(uri);
    this.pending.cancel(predictedKey(uri));
    this.partlyPublished.delete(uri);
    this.published.forget(uri);
    this.predictions.cancel(uri);
    this.store.close(uri);
    this.documents.forget(uri);
    this.world.closed(uri);
  }

  /** New settings: every open document is published again. */
  setSettings(settings: Settings): void {
    this.settings = settings;
    this.world.setSettings(settings);
    for (const d of this.store.all()) this.publish(d.uri);
  }

  /** The workspace folders, read after initialize. */
  start(folders: readonly string[]): void {
    void this.world.start(folders).catch((e: unknown) => this.events.error(`workspace index: ${String(e)}`));
  }

  foldersChanged(added: readonly string[], removed: readonly string[]): void {
    void this.world
      .foldersChanged(added, removed)
      .catch((e: unknown) => this.events.error(`workspace index: ${String(e)}`));
  }

  filesChanged(changes: readonly { uri: string; type: number }[]): void {
    void this.world.filesChanged(changes).catch((e: unknown) => this.events.error(`workspace index: ${String(e)}`));
  }

  /**
   * The fixes of the diagnostics a code action asks about, for the document's `version` (the requests' copy of
   * it): answered at once, between the parts of a pass, since the request waits for it.
   */
  fixes(uri: string, version: number, asked: readonly AskedDiagnostic[]): FixesAnswer {
    return guarded(
      'code actions',
      asked.map(() => []),
      () => this.published.fixes(uri, version, asked),
    );
  }

  /** A request is being answered on this event loop (in process only): runs wait for its reply. */
  hold(): void {
    this.pending.hold();
  }

  dispose(): void {
    this.predictions.dispose();
  }

  private replanAll(): void {
    for (const d of this.store.all()) this.pending.schedule(d.uri, () => this.publish(d.uri, true));
  }

  private publish(uri: string, worldChanged = false): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const { settings } = this;
    if (this.world.isClusterFile(uri)) {
      this.send(
        uri,
        doc.version,
        guarded('diagnostics', [], () => this.world.openClusterFile(uri, doc.getText())),
      );
      return;
    }
    if (isScenarioFile(uri)) {
      this.send(
        uri,
        doc.version,
        guarded('diagnostics', [], () => scenarioDiagnostics(doc.getText())),
      );
      return;
    }
    // A large file just opened is analysed in slices: its first documents' diagnostics are published after
    // the first slice, then again each time the analysed part has doubled, and in full at the end; the
    // messages that come meanwhile (edits, settings) are taken between slices.
    const analysis = guarded('diagnostics', undefined, () =>
      this.documents.analysis(doc, performance.now() + ANALYSIS_SLICE_MS),
    );
    if (!analysis) return;
    const version = doc.version;
    if (analysis.partial) {
      const last = this.partlyPublished.get(uri);
      if (!last || last.version !== version || analysis.chunks.length >= 2 * last.chunks) {
        this.partlyPublished.set(uri, { version, chunks: analysis.chunks.length });
        this.send(
          uri,
          version,
          guarded('diagnostics', [], () => diagnosticsFor(analysis, settings, uri)),
        );
      }
      this.pending.soon(uri, () => this.publish(uri));
      return;
    }
    this.partlyPublished.delete(uri);
    // A large file's pass goes in turns: the analysis, each costly part of its diagnostics, then the rest (each
    // after the messages read meanwhile), so that a newer edit or a request (in process) waits for one part.
    if (doc.chunks().length > MAX_DOCUMENTS_IN_ONE_PASS) {
      const part = this.partsDone.get(analysis) ?? 0;
      if (part <= DIAGNOSTICS_PARTS.length) {
        this.partsDone.set(analysis, part + 1);
        if (part > 0) guarded('diagnostics', undefined, () => DIAGNOSTICS_PARTS[part - 1]!(analysis, settings, uri));
        this.pending.soon(uri, () => this.publish(uri, worldChanged));
        return;
      }
    }
    // Its objects, as typed, stand for the file's disk version in the other documents' world.
    if (guarded('workspace', false, () => this.world.openChanged(uri, analysis)))
      for (const d of this.store.all())
        if (d.uri !== uri) this.pending.schedule(d.uri, () => this.publish(d.uri, true));
    const plan = settings.predictions
      ? guarded('predictions', undefined, () => this.predictions.plan(analysis, this.world.worldOf(uri)))
      : undefined;
    const fast = guarded('diagnostics', [], () =>
      diagnosticsFor(analysis, plan ? settings : { ...settings, predictions: false }, uri, plan?.predictionsOf),
    );
    if (!(worldChanged && this.unchanged(uri, version, fast))) this.send(uri, version, fast);
    if (plan) this.predictions.start(uri, version, plan);
    else this.predictions.cancel(uri);
  }

  /** An open document's publish. */
  private send(uri: string, version: number, diagnostics: Diagnostic[]): void {
    this.published.record(uri, version, diagnostics);
    this.events.publish({ uri, version, diagnostics }, true);
  }

  private unchanged(uri: string, version: number, diagnostics: unknown[]): boolean {
    const last = this.published.last(uri);
    return last?.version === version && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics);
  }
}

const predictedKey = (uri: string) => `${uri}#predictions`;
