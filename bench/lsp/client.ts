// A small stdio LSP client for the benchmark: spawns a server, answers its requests (workspace/configuration
// from a settings object, registrations, progress), and waits for publishDiagnostics. Every process it
// starts is killed when the benchmark ends, however it ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';

const running = new Set<ChildProcess>();
function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export interface ClientOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Settings by section (`yaml`, `podlab`, …), for workspace/configuration and initializationOptions. */
  settings: Record<string, unknown>;
  initializationOptions?: unknown;
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  stderr = '';
  /** publishDiagnostics received so far, and when the last one came (performance.now()). */
  publishes = 0;
  lastPublishAt = 0;
  /** Resolves when the server has asked for its configuration once (yaml-language-server does). */
  readonly configured: Promise<void>;
  private waiters: Waiter[] = [];
  private readonly exited: Promise<number | null>;
  private closed = false;

  constructor(readonly options: ClientOptions) {
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.add(this.child);
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        running.delete(this.child);
        resolve(code);
      }),
    );
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      if (this.stderr.length < 20_000) this.stderr += s;
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.publishes++;
      this.lastPublishAt = performance.now();
      const i = this.waiters.findIndex((w) => w.uri === p.uri && w.accept(p));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(p);
    });
    let configured!: () => void;
    this.configured = new Promise((r) => (configured = r));
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      configured();
      return p.items.map((item) =>
        item.section !== undefined ? (options.settings[item.section] ?? null) : options.settings,
      );
    });
    for (const method of [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'window/showMessageRequest',
    ]) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.onError(() => undefined);
    this.connection.onClose(() => (this.closed = true));
    this.connection.listen();
  }

  async initialize(rootUri: string): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      initializationOptions: this.options.initializationOptions ?? null,
      capabilities: {
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: {
            completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
            contextSupport: true,
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The next publishDiagnostics for `uri` that `accept` likes. */
  nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 60_000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(`${this.options.name}: no publishDiagnostics for ${uri} within ${timeoutMs} ms\n${this.stderr}`),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  open(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
  }

  change(uri: string, version: number, range: Range, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  async complete(uri: string, position: Position): Promise<CompletionItem[]> {
    const r = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return r === null ? [] : Array.isArray(r) ? r : r.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Resident memory of the server process in MiB (Linux), if known. */
  rssMiB(): number | undefined {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit, then SIGKILL if the server is still there after 3 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && !this.closed) {
      const polite = (async () => {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      })().catch(() => undefined);
      const timeout = new Promise((r) => setTimeout(r, 3000).unref());
      await Promise.race([polite.then(() => Promise.race([this.exited, timeout])), timeout]);
    }
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
