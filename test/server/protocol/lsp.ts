// A minimal LSP client for the protocol tests: spawns the bundled server (`node dist/server.js --stdio`) and
// talks JSON-RPC to it over its stdin/stdout with vscode-languageserver-protocol, like an editor would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = join(__dirname, '..', '..', '..');
export const serverPath = join(repoRoot, 'dist', 'server.js');

/** Bundles the server with esbuild when `dist/server.js` is missing (`npm test` builds it first). */
export function ensureServerBundle(): void {
  if (existsSync(serverPath)) return;
  const r = spawnSync(process.execPath, ['scripts/esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  // The other bundles (extension, webview) may fail on their own; only the server's matters here.
  if (!existsSync(serverPath)) throw new Error(`node scripts/esbuild.mjs failed (status ${r.status}):\n${r.stderr}`);
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class LspSession {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every request the server sent to the client, in order. */
  readonly requests: { method: string; params: unknown }[] = [];
  readonly exited: Promise<Exit>;
  stderr = '';
  private waiters: Waiter[] = [];
  private exit: Exit | undefined;

  constructor(args: string[] = [serverPath, '--stdio']) {
    this.child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      const i = this.waiters.findIndex((w) => w.uri === p.uri && w.accept(p));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(p);
    });
    // Answer what a server may ask: configuration (no settings: the defaults), registrations, progress.
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      this.requests.push({ method: 'workspace/configuration', params: p });
      return p.items.map(() => null);
    });
    for (const method of [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
    ]) {
      this.connection.onRequest(method, (params: unknown) => {
        this.requests.push({ method, params });
        return null;
      });
    }
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  /**
   * The handshake an editor starts with: initialize (no workspace and no client capabilities unless `params` says
   * otherwise), then initialized.
   */
  async initialize(params: Partial<InitializeParams> = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      workspaceFolders: null,
      ...params,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /**
   * The next publishDiagnostics for `uri` that `accept` likes, received after this call. Bounded by
   * `timeoutMs`; the error lists what did arrive, and the server's stderr.
   */
  nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 5000,
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
        const got = this.published
          .filter((p) => p.uri === uri)
          .map((p) => `v${p.version}: [${p.diagnostics.map((d) => d.code).join(', ')}]`);
        reject(
          new Error(
            `no matching publishDiagnostics for ${uri} within ${timeoutMs} ms; received: ${got.join(' | ') || 'none'}\nserver stderr:\n${this.stderr}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Kills the server if it is still running (used in `after` hooks, whatever happened). */
  async dispose(): Promise<void> {
    this.connection.dispose();
    if (this.alive) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** 0-based line of the first line that contains `needle`, and the character where it starts. */
export function locate(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  const lines = text.split('\n');
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    const character = lines[line]!.indexOf(needle);
    if (character >= 0 && seen++ === occurrence) return { line, character };
  }
  throw new Error(`"${needle}" not found`);
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
export function applyEdits(
  text: string,
  edits: readonly {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) =>
    Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
