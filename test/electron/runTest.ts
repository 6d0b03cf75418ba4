// `npm run test:electron`: the extension-host suites (test/electron/suite/*.suite.ts) in a real VS Code,
// through @vscode/test-electron. It downloads VS Code (into .vscode-test/) unless VSCODE_EXECUTABLE_PATH
// points at one; where the download is impossible (no network), it prints why and exits 0 as SKIPPED.
//
//   VSCODE_EXECUTABLE_PATH=…   use this VS Code instead of downloading one
//   VSCODE_TEST_VERSION=1.100.3 the version to download (default: stable)
//   PODLAB_ELECTRON_HOST=code-server
//                              run the same suites in code-server's extension host instead (offline: uses
//                              scripts/setup-code-server.sh and Debian's Chromium, like test/e2e)
//   PODLAB_ELECTRON_NO_BUILD=1 do not run `npm run build` first
//   PODLAB_TEST_FILTER=panel   only the *.suite.ts files whose name contains this
//   --prepare                  only build, bundle the suites into out/electron/ and lay out the workspace in
//                              .vscode-test/workspace (what .vscode-test.mjs, for @vscode/test-cli, runs first)
// See test/electron/README.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { makeWorkspace } from '../fixtures/index';

const root = join(__dirname, '..', '..');
const outDir = join(root, 'out', 'electron');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

function log(msg: string): void {
  console.log(`test:electron: ${msg}`);
}

/** Bundles index.ts and each *.suite.ts (with the shared fixtures) into out/electron/ as CommonJS. */
async function bundleSuites(): Promise<string> {
  const dir = join(__dirname, 'suite');
  const entries = readdirSync(dir)
    .filter((f) => f === 'index.ts' || f.endsWith('.suite.ts'))
    .map((f) => join(dir, f));
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(outDir, 'index.js');
}

function buildExtension(): void {
  if (process.env.PODLAB_ELECTRON_NO_BUILD) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('`npm run build` failed');
}

async function resolveVSCode(): Promise<string | { skip: string }> {
  const given = process.env.VSCODE_EXECUTABLE_PATH;
  if (given) return given;
  const version = process.env.VSCODE_TEST_VERSION ?? 'stable';
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: join(root, '.vscode-test'), timeout: 15_000 });
  } catch (err) {
    return { skip: `could not download VS Code ${version}: ${String((err as Error).message ?? err).split('\n')[0]}` };
  }
}

/** A virtual X display for Electron on a Linux machine without one (Xvfb, from Debian's xvfb package). */
async function virtualDisplay(): Promise<{ display: string; stop(): void } | undefined> {
  if (process.platform !== 'linux' || process.env.DISPLAY) return undefined;
  if (spawnSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('no $DISPLAY and no Xvfb: install it (apt-get install xvfb) or run under a desktop session');
  }
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not report a display within 10 s')), 10_000);
    xvfb.stdout!.once('data', (b: Buffer) => {
      clearTimeout(timer);
      resolve(`:${b.toString().trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return { display, stop: () => xvfb.kill('SIGTERM') };
}

async function runInElectron(vscodeExecutablePath: string): Promise<number> {
  buildExtension();
  const extensionTestsPath = await bundleSuites();
  const base = mkdtempSync(join(tmpdir(), 'podlab-electron-'));
  const workspace = makeWorkspace(root, join(base, 'workspace'));
  const x = await virtualDisplay();
  if (x) process.env.DISPLAY = x.display; // VS Code inherits this process's environment
  try {
    log(`running the suites in ${vscodeExecutablePath}`);
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--user-data-dir',
        join(base, 'user-data'),
        '--extensions-dir',
        join(base, 'extensions'),
      ],
    }).catch((err: unknown) => {
      console.error(String((err as Error).message ?? err));
      return 1;
    });
  } finally {
    x?.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

/** The same suites in code-server's extension host, opened by Chromium with a test payload (offline). */
async function runInCodeServer(): Promise<number> {
  const cs = await import('../../scripts/codeServer');
  const wb = await import('../e2e/workbench');
  cs.run('bash', [join(root, 'scripts', 'setup-code-server.sh')], { timeoutMs: 10 * 60_000 });
  buildExtension();
  const extensionTestsPath = await bundleSuites();
  const base = cs.removeOnExit(mkdtempSync(join(tmpdir(), 'podlab-electron-')));
  const results = join(base, 'results.json');
  const workspace = makeWorkspace(root, join(base, 'workspace'));
  const dirs = cs.prepareDirs(base);
  let server: Awaited<ReturnType<typeof cs.startCodeServer>> | undefined;
  let browser: Awaited<ReturnType<typeof wb.launchBrowser>> | undefined;
  try {
    server = await cs.startCodeServer(dirs, { env: { PODLAB_ELECTRON_RESULTS: results } });
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server!.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(extensionTestsPath)],
    ]);
    browser = await wb.launchBrowser(join(base, 'chromium-profile'));
    log(`running the suites in code-server's extension host (${server.url})`);
    await browser.page.goto(
      `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`,
      { waitUntil: 'domcontentloaded' },
    );
    await cs.poll('the extension tests to finish', 5 * 60_000, () => (existsSync(results) ? true : undefined), 500);
    const { outcomes } = JSON.parse(readFileSync(results, 'utf8')) as {
      outcomes: { suite: string; test: string; ok: boolean; ms: number; error?: string }[];
    };
    let suite = '';
    for (const o of outcomes) {
      if (o.suite !== suite) console.log((suite = o.suite));
      console.log(
        o.ok
          ? `  ✔ ${o.test} (${o.ms} ms)`
          : `  ✖ ${o.test} (${o.ms} ms)\n${(o.error ?? '')
              .split('\n')
              .slice(0, 8)
              .map((l) => `      ${l}`)
              .join('\n')}`,
      );
    }
    const failed = outcomes.filter((o) => !o.ok).length;
    console.log(`${outcomes.length - failed} passed, ${failed} failed`);
    return outcomes.length > 0 && failed === 0 ? 0 : 1;
  } catch (err) {
    console.error(String((err as Error).message ?? err));
    if (server) console.error(server.log().slice(-3000));
    return 1;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

/** For @vscode/test-cli (.vscode-test.mjs): the bundles and a fixed workspace, nothing run. */
async function prepare(): Promise<number> {
  buildExtension();
  await bundleSuites();
  const workspace = join(root, '.vscode-test', 'workspace');
  rmSync(workspace, { recursive: true, force: true });
  makeWorkspace(root, workspace);
  return 0;
}

async function main(): Promise<number> {
  if (process.argv.includes('--prepare')) return prepare();
  if (process.env.PODLAB_ELECTRON_HOST === 'code-server') return runInCodeServer();
  const vscode = await resolveVSCode();
  if (typeof vscode !== 'string') {
    log(`SKIPPED — ${vscode.skip}`);
    log('the extension-host suites need a VS Code build that @vscode/test-electron downloads (no network here).');
    log('To run them: where VS Code can be downloaded, `npm run test:electron`; or set VSCODE_EXECUTABLE_PATH to an');
    log(
      'installed VS Code; or, offline, PODLAB_ELECTRON_HOST=code-server npm run test:electron. See test/electron/README.md.',
    );
    return 0;
  }
  return runInElectron(vscode);
}

main().then(
  (code) => {
    if (!process.argv.includes('--prepare')) log(`${code === 0 ? 'done' : 'FAILED'} in ${seconds()}`);
    process.exit(code);
  },
  (err: unknown) => {
    console.error(`test:electron: ${String((err as Error).stack ?? err)}`);
    process.exit(1);
  },
);
