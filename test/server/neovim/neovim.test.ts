// A real third-party LSP client: Debian's neovim, headless, runs the bundled server on a manifest and
// reports the diagnostics and completion it got. Skipped when nvim is missing outside CI; with CI=true
// scripts/setup-neovim.sh installs it and the test must run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ensureServerBundle, locate, repoRoot, serverPath } from '../protocol/lsp';
import { luaScript, type NeovimResult } from './client';

// The README's example: the liveness probe checks 8081, the app listens on 8080.
const MANIFEST = readFileSync(join(repoRoot, 'examples', 'liveness-wrong-port.yaml'), 'utf8');

function onPath(name: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const ci = !!process.env['CI'] && process.env['CI'] !== 'false' && process.env['CI'] !== '0';

function skipReason(): string | undefined {
  if (ci) {
    const r = spawnSync('bash', [join(repoRoot, 'scripts', 'setup-neovim.sh')], { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0)
      throw new Error(`CI is set and scripts/setup-neovim.sh failed (status ${r.status}):\n${r.stderr}${r.stdout}`);
    return undefined;
  }
  return onPath('nvim')
    ? undefined
    : 'nvim is not on PATH (run scripts/setup-neovim.sh, or set CI=true to install it automatically)';
}

const skip = skipReason();

test(
  'neovim (headless, built-in LSP client) gets the probe diagnostic and container completions',
  { skip: skip ?? false, timeout: 60_000 },
  () => {
    ensureServerBundle();
    const dir = mkdtempSync(join(tmpdir(), 'podlab-nvim-'));
    try {
      const file = join(dir, 'deployment.yaml');
      const out = join(dir, 'result.json');
      const script = join(dir, 'client.lua');
      writeFileSync(file, MANIFEST);
      const image = locate(MANIFEST, 'image:');
      const port = locate(MANIFEST, 'port: 8081');
      writeFileSync(
        script,
        luaScript({
          server: serverPath,
          file,
          root: dir,
          out,
          insertAfter: image.line,
          indent: image.character,
          movedDiagnosticLine: port.line + 1,
          timeoutMs: 10_000,
        }),
      );
      // Keep neovim's state, cache (lsp.log) and data out of the user's home.
      const env = {
        ...process.env,
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_DATA_HOME: join(dir, 'data'),
      };
      const r = spawnSync('nvim', ['--headless', '--clean', '-i', 'NONE', '-c', `luafile ${script}`], {
        cwd: dir,
        env,
        encoding: 'utf8',
        timeout: 45_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lspLog = [join(dir, 'cache', 'nvim', 'lsp.log'), join(dir, 'state', 'nvim', 'lsp.log')]
        .filter(existsSync)
        .map((f) => readFileSync(f, 'utf8'))
        .join('');
      const context = `nvim status ${r.status} signal ${r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}\nlsp.log:\n${lspLog}`;
      assert.ok(existsSync(out), `neovim wrote no result\n${context}`);
      const result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
      assert.deepEqual(result.errors, [], context);
      assert.equal(r.status, 0, context);

      // The probe-port finding, where neovim puts it (0-based line, byte columns of `8081`).
      const key = locate(MANIFEST, 'port: 8081'); // the comment above the manifest mentions 8081 too
      const value = { line: key.line, character: key.character + 'port: '.length };
      const probe = result.diagnostics.find((d) => d.lnum === value.line && d.code === 'probe-port-not-exposed');
      assert.ok(probe, `probe-port-not-exposed on line ${value.line}: ${JSON.stringify(result.diagnostics)}`);
      assert.equal(probe.source, 'podlab');
      assert.equal(probe.col, value.character);
      assert.equal(probe.end_col, value.character + 4);
      assert.match(probe.message, /8081/);
      assert.match(probe.message, /8080/);

      assert.equal(result.completion.error, null, context);
      for (const label of ['readinessProbe', 'resources', 'env', 'command']) {
        assert.ok(
          result.completion.labels.includes(label),
          `"${label}" expected in ${result.completion.labels.join(', ')}`,
        );
      }
      assert.ok(!result.completion.labels.includes('apiVersion'), 'no top-level keys inside a container');

      // neovim's incremental didChange reached the server: the probe diagnostic moved down with the edit.
      assert.ok(result.sawEdit, `publishDiagnostics received: ${JSON.stringify(result.publishes)}`);
      assert.doesNotMatch(lspLog, /\[ERROR\]/, "no errors in neovim's lsp.log");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
