// The main thread's side of the diagnostics: it starts the diagnostics worker with the server (not on the first
// open, which would then wait for the worker's start), passes it what the server receives that changes the
// diagnostics, and forwards its publishes. A worker that dies (a crash, out of memory) is started again and given
// the settings, the workspace folders and every open document's text, with one line in the log; after
// MAX_WORKER_RESTARTS the diagnostics run on the main thread instead, so they are never lost for good. Without the
// worker bundle (the server run from its TypeScript sources, tests) they run on the main thread from the start.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CancellationToken, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { DocumentStore } from '../documents';
import { FIXES_WAIT_MS, MAX_WORKER_RESTARTS, WORKER_LOAD_WAIT_MS } from '../limits';
import type * as PredictionRunnerModule from '../features/predictionRunner';
import type * as EngineModule from './diagnosticsEngine';
import { receive } from './workerProtocol';
import { startDiagnosticsWorker, type StartedWorker } from './workerStart';
import type { FromWorker, ToWorker } from './workerProtocol';
import type { AskedDiagnostic, FixesAnswer } from './publishedFixes';

type FixesRequest = Extract<ToWorker, { type: 'fixes' }>;

export interface HostEvents {
  /** A publish to send: the whole notification as UTF-8 JSON (from the worker), or its params (in process). */
  publish(payload: Uint8Array | PublishDiagnosticsParams): void;
  log(message: string): void;
  error(message: string): void;
}

/** Where the diagnostics run: the worker, or this thread. */
interface Target {
  post(m: ToWorker): void;
  /** The engine's answer; without one in FIXES_WAIT_MS, or from a worker that exits meanwhile, no fix. */
  fixes(m: FixesRequest): Promise<FixesAnswer>;
  /** A message is being dispatched on the main thread (the worker's request gate closes); `request`: one that is
   * answered. */
  dispatching(request: boolean): void;
  hold(): void;
  dispose(): void;
}

export class DiagnosticsHost {
  private target: Target;
  /**
   * Resolves when the diagnostics can run: the worker has loaded its modules (or died: a restarted one is not
   * waited for), at once in process, at the latest after WORKER_LOAD_WAIT_MS. The server answers initialize
   * then (server.ts), so that a document opened after initialize is analysed at once.
   */
  readonly loaded: Promise<void>;
  private setLoaded: () => void = () => undefined;
  private restarts = 0;
  private disposed = false;
  /** The number of each open document's opening: a publish for an earlier one (closed since) is dropped. */
  private readonly sessions = new Map<string, number>();
  /**
   * Each open document's latest version, as passed to the worker. A publish for an older one is dropped: the
   * worker's pass for the newer text is coming, and its ranges are of a text the editor no longer shows. While
   * the user types in a large file, that spares the main thread writing, and the editor parsing, a megabyte of
   * stale diagnostics in the middle of the next keystroke's completion (bench/typing.bench.ts, the burst).
   */
  private readonly versions = new Map<string, number>();
  private nextSession = 0;
  private nextRequest = 0;
  /** What a restarted worker must be told again besides the open documents. */
  private settings: ToWorker | undefined;
  private folders: string[] | undefined;

  /**
   * @param dir where the worker bundle (diagnosticsWorker.js) would be
   * @param docs the open documents as the server keeps them (their texts, for a restarted worker)
   * @param dispatched the connection's message count (debounce.ts), for the diagnostics on this thread
   * @param early the worker, started before the server loaded (launch.ts)
   */
  constructor(
    private readonly dir: string,
    private readonly docs: DocumentStore,
    private readonly events: HostEvents,
    private readonly dispatched?: () => number,
    early = startDiagnosticsWorker(dir),
  ) {
    this.loaded = new Promise((resolve) => {
      this.setLoaded = resolve;
      setTimeout(resolve, WORKER_LOAD_WAIT_MS).unref();
    });
    this.target = early ? this.worker(early) : this.inProcess();
    if (!early || early.loaded) this.setLoaded();
  }

  setSettings(m: Extract<ToWorker, { type: 'settings' }>['settings']): void {
    this.settings = { type: 'settings', settings: m };
    this.target.post(this.settings);
  }

  start(folders: string[]): void {
    this.folders = [...folders];
    this.target.post({ type: 'start', folders });
  }

  foldersChanged(added: string[], removed: string[]): void {
    this.folders = [...(this.folders ?? []).filter((f) => !removed.includes(f)), ...added];
    this.target.post({ type: 'folders', added, removed });
  }

  filesChanged(changes: { uri: string; type: number }[]): void {
    this.target.post({ type: 'files', changes });
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    const session = this.nextSession++;
    this.sessions.set(uri, session);
    this.versions.set(uri, version);
    this.target.post({ type: 'open', uri, languageId, version, text, session });
  }

  change(m: Omit<Extract<ToWorker, { type: 'change' }>, 'type'>): void {
    this.versions.set(m.uri, m.version);
    this.target.post({ type: 'change', ...m });
  }

  close(uri: string): void {
    this.sessions.delete(uri);
    this.versions.delete(uri);
    this.target.post({ type: 'close', uri });
  }

  /**
   * The quick fixes of a code action's diagnostics, from the engine that published them, for `version` of the
   * document (the requests' copy, which the worker has been sent): no fix for a diagnostic it does not recognise
   * as its latest, nor once the request is cancelled or the host disposed.
   */
  fixes(uri: string, version: number, diagnostics: AskedDiagnostic[], token?: CancellationToken): Promise<FixesAnswer> {
    const none = diagnostics.map(() => []);
    if (this.disposed || diagnostics.length === 0) return Promise.resolve(none);
    const answer = this.target.fixes({ type: 'fixes', id: this.nextRequest++, uri, version, diagnostics });
    if (!token) return answer;
    return new Promise((resolve) => {
      const cancelled = token.onCancellationRequested(() => resolve(none));
      void answer.then((a) => {
        cancelled.dispose();
        resolve(token.isCancellationRequested ? none : a);
      });
    });
  }

  /** A message is being dispatched: the worker's runs wait until the main thread's replies are out. */
  dispatching(request = false): void {
    this.target.dispatching(request);
  }

  /** A request is being answered: in process, the diagnostics pass waits for its reply (debounce.ts). */
  hold(): void {
    this.target.hold();
  }

  dispose(): void {
    this.disposed = true;
    this.target.dispose();
  }

  /**
   * Whether a publish is still wanted: an open document's of its current opening and latest version, or a file's
   * not open.
   */
  private wanted(uri: string, session: number | undefined, version: number | undefined): boolean {
    if (session === undefined) return !this.sessions.has(uri);
    return this.sessions.get(uri) === session && (version === undefined || version >= (this.versions.get(uri) ?? 0));
  }

  private inProcess(): Target {
    const { DiagnosticsEngine, predictionRunner } = engineModules(this.dir);
    const engine = new DiagnosticsEngine(
      {
        publish: (params, open) => {
          if (open === this.sessions.has(params.uri)) this.events.publish(params);
        },
        log: (message) => this.events.log(message),
        error: (message) => this.events.error(message),
      },
      predictionRunner(__dirname),
      this.dispatched,
    );
    return {
      post: (m) => receive(engine, m),
      fixes: (m) => Promise.resolve(engine.fixes(m.uri, m.version, m.diagnostics)),
      dispatching: () => undefined, // the engine counts the dispatched messages itself (`dispatched`)
      hold: () => engine.hold(),
      dispose: () => engine.dispose(),
    };
  }

  private worker(started: StartedWorker): Target {
    const { worker } = started;
    let failure = 'it exited';
    /** The fixes requests not answered yet, by id: each is answered once, by the worker, its timeout or its exit. */
    const asked = new Map<number, (answer: FixesAnswer | undefined) => void>();
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'fixes') asked.get(m.id)?.(m.fixes);
      else if (m.type === 'publish') {
        if (this.wanted(m.uri, m.session, m.version)) this.events.publish(m.message);
      } else if (m.type === 'loaded') this.setLoaded();
      else if (m.type === 'log') this.events.log(m.message);
      else this.events.error(m.message);
    });
    worker.on('error', (e) => (failure = e.stack ?? String(e)));
    const exited = () => {
      for (const answer of [...asked.values()]) answer(undefined);
      this.setLoaded();
      if (this.disposed || this.target !== target) return;
      this.restarts++;
      const again = this.restarts <= MAX_WORKER_RESTARTS;
      this.events.error(
        `PodLab: the diagnostics worker stopped (${failure.split('\n')[0]}); ` +
          (again ? 'it starts again with the open documents.' : 'the diagnostics run on the main thread now.'),
      );
      const next = again ? startDiagnosticsWorker(this.dir) : undefined;
      this.target = next ? this.worker(next) : this.inProcess();
      this.replay();
    };
    // Posted once the gate lets them go (requestGate.ts send), in order; a worker gone meanwhile has its exit.
    const post = (m: ToWorker, failed = () => undefined as void) =>
      started.gate.send(() => {
        try {
          if (started.exited) failed();
          else worker.postMessage(m);
        } catch {
          failed(); // a worker terminated meanwhile
        }
      });
    const target: Target = {
      post: (m) => post(m),
      fixes: (m) =>
        new Promise((resolve) => {
          const answer = (fixes: FixesAnswer | undefined) => {
            clearTimeout(timer);
            asked.delete(m.id);
            resolve(fixes ?? m.diagnostics.map(() => []));
          };
          const timer = setTimeout(() => answer(undefined), FIXES_WAIT_MS);
          asked.set(m.id, answer);
          post(m, () => answer(undefined));
        }),
      dispatching: (request) => started.gate.dispatching(request),
      hold: () => undefined, // the gate closed when the request was dispatched

      dispose: () => void worker.terminate(),
    };
    if (started.exited) setImmediate(exited);
    else worker.on('exit', exited);
    return target;
  }

  /** A new target learns the settings, the folders and the open documents (their current text). */
  private replay(): void {
    if (this.settings) this.target.post(this.settings);
    if (this.folders) this.target.post({ type: 'start', folders: this.folders });
    for (const doc of this.docs.all()) {
      const session = this.sessions.get(doc.uri);
      if (session === undefined) continue;
      this.target.post({
        type: 'open',
        uri: doc.uri,
        languageId: doc.languageId,
        version: doc.version,
        text: doc.getText(),
        session,
      });
    }
  }
}

type EngineModules = typeof EngineModule & typeof PredictionRunnerModule;

/**
 * The engine's modules, loaded here only: with the worker, the main thread never evaluates them. Bundled, they
 * come from the worker's bundle (dist/diagnosticsWorker.js exports them), so that the server's bundle does not
 * carry the engine a second time (scripts/esbuild.mjs leaves the two requires below external): the .vsix stays
 * under its budget. From the TypeScript sources (tests, tsx), or when that file is not the bundle (a stand-in
 * worker that fails to load as a module), they are the modules themselves.
 */
function engineModules(dir: string): EngineModules {
  /* eslint-disable @typescript-eslint/no-require-imports -- see above */
  const bundle = join(dir, 'diagnosticsWorker.js');
  try {
    const m = existsSync(bundle) ? (require(bundle) as Partial<EngineModules>) : {};
    if (m.DiagnosticsEngine && m.predictionRunner) return m as EngineModules;
  } catch {
    // Not the worker's bundle: the sources below.
  }
  return {
    ...(require('./diagnosticsEngine') as typeof EngineModule),
    ...(require('../features/predictionRunner') as typeof PredictionRunnerModule),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
