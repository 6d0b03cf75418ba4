// Processes for the end-to-end suite: the prerequisites (scripts/setup-code-server.sh), the build and package
// of the extension, and code-server itself on a free loopback port. Every wait polls for a condition with a
// deadline; nothing sleeps a fixed time. Every process started here is killed by `stop`/`killAll`, also when
// the test run is interrupted.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const root = join(__dirname, '..');
export const codeServerBin = join(root, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
export const chromiumBin = process.env.PODLAB_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Runs a command to completion; throws with its output (tail) when it fails. Returns stdout. */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): string {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    timeout: opts.timeoutMs,
    env: opts.env ?? process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}:\n${tail}`);
  }
  return r.stdout;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Polls `check` every `everyMs` until it returns a value other than undefined; throws after `timeoutMs`. */
export async function poll<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined> | T | undefined,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = String(err);
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  // Also after the leader exited: its children (extension host, language server) may still be in the group.
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the whole process group: code-server forks its extension host and servers
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

const tempDirs = new Set<string>();

/** Removes `dir` when the process exits, also when interrupted (unless PODLAB_E2E_KEEP is set). */
export function removeOnExit(dir: string): string {
  if (!process.env.PODLAB_E2E_KEEP) tempDirs.add(dir);
  return dir;
}

/** Kills every process this module started and removes the temporary dirs (synchronous: safe on 'exit'). */
export function killAll(): void {
  for (const c of children) killGroup(c, 'SIGKILL');
  children.clear();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true, maxRetries: 3 });
  tempDirs.clear();
}
process.once('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

export interface CodeServer {
  url: string;
  port: number;
  /** Everything code-server printed (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
  /** code-server's own config file (so that ~/.config/code-server is never written). */
  configFile: string;
}

/** User settings that keep the workbench quiet: no welcome page, trust prompt, tips, update or telemetry. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.inlayHints.enabled': 'on',
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
};

export function prepareDirs(base: string): CodeServerDirs {
  const dirs = {
    userDataDir: join(base, 'user-data'),
    extensionsDir: join(base, 'extensions'),
    configFile: join(base, 'code-server.yaml'),
  };
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  writeFileSync(join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  return dirs;
}

function commonArgs(d: CodeServerDirs): string[] {
  return ['--config', d.configFile, '--user-data-dir', d.userDataDir, '--extensions-dir', d.extensionsDir];
}

/** `code-server --install-extension VSIX` into the fresh extensions dir; returns the installed extension ids. */
export function installExtension(vsix: string, d: CodeServerDirs): string[] {
  run(codeServerBin, [...commonArgs(d), '--install-extension', vsix, '--force'], { timeoutMs: 120_000 });
  return run(codeServerBin, [...commonArgs(d), '--list-extensions'], { timeoutMs: 60_000 })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Starts code-server on a free 127.0.0.1 port and resolves when it answers HTTP. */
export async function startCodeServer(
  d: CodeServerDirs,
  opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<CodeServer> {
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const port = await freePort();
  const args = [
    ...commonArgs(d),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const env = { ...process.env, ...opts.env };
  delete env.PORT; // code-server would listen there instead of --bind-addr
  const child = spawn(codeServerBin, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  children.add(child);
  let output = '';
  const collect = (b: Buffer) => {
    output += b.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await poll(`code-server to answer on ${url}/healthz`, timeoutMs, async () => {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`code-server exited (${child.exitCode ?? child.signalCode})`);
      return (await httpStatus(`${url}/healthz`)) === 200 ? true : undefined;
    });
  } catch (err) {
    killGroup(child, 'SIGKILL');
    children.delete(child);
    throw new Error(`${(err as Error).message}\n--- code-server output ---\n${output.slice(-4000)}`, { cause: err });
  }
  return {
    url,
    port,
    log: () => output,
    async stop() {
      killGroup(child, 'SIGTERM');
      await Promise.race([exited, new Promise<void>((r) => setTimeout(r, 5000).unref())]);
      killGroup(child, 'SIGKILL'); // whatever of the group outlived the leader, or the leader after 5 s
      children.delete(child);
    },
  };
}
