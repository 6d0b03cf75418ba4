// One bundle for both workers and the main thread's fallback (scripts/esbuild.mjs): dist/diagnosticsWorker.js runs
// the diagnostics worker, the prediction worker (workerData PREDICTIONS_ROLE), and, loaded as a module on the main
// thread, lends the engine to the in-process diagnostics (diagnosticsHost.ts); dist/languageServer.js does not
// carry the engine itself. The .vsix budget (test/e2e/session.ts) depends on that single copy of the simulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServerBundle, repoRoot } from '../protocol/lsp';

const dist = (f: string) => join(repoRoot, 'dist', f);

test('the workers’ bundle, loaded on the main thread, lends the engine and serves nothing', () => {
  ensureServerBundle();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle as diagnosticsHost.ts loads it
  const m = require(dist('diagnosticsWorker.js')) as Record<string, unknown>;
  assert.equal(typeof m['DiagnosticsEngine'], 'function');
  assert.equal(typeof m['predictionRunner'], 'function');
});

test('the server’s bundle leaves the engine to the workers’ bundle, and the .vsix ships no prediction worker file', () => {
  ensureServerBundle();
  const server = readFileSync(dist('languageServer.js'), 'utf8');
  assert.doesNotMatch(server, /\bDiagnosticsEngine = class\b/);
  assert.doesNotMatch(server, /function runPredictionJob\b/);
  assert.match(readFileSync(dist('diagnosticsWorker.js'), 'utf8'), /\bDiagnosticsEngine = class\b/);
  const ignore = readFileSync(join(repoRoot, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!dist\/diagnosticsWorker\.js$/m);
  assert.doesNotMatch(ignore, /predictionWorker/);
});
