// The extension tests' entry point (`--extensionTestsPath`): VS Code's extension host calls `run()` and
// treats a rejection as a failed run. Loads every *.suite.js next to this bundle, then runs them with
// Mocha's TDD UI when mocha is installed, else with the tiny runner in runner.ts (no dependency needed).
// When PODLAB_ELECTRON_RESULTS names a file, the outcomes are also written there as JSON.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runRegistered, TEST_TIMEOUT_MS, type Outcome } from './runner';

// Node's require (this file is bundled as CommonJS; esbuild leaves requires of computed paths alone).
const load: NodeJS.Require = require;

function suiteFiles(): string[] {
  const filter = process.env.PODLAB_TEST_FILTER;
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.suite.js') && (!filter || f.includes(filter)))
    .sort()
    .map((f) => join(__dirname, f));
}

function report(outcomes: Outcome[]): void {
  const out = process.env.PODLAB_ELECTRON_RESULTS;
  if (out) writeFileSync(out, JSON.stringify({ outcomes }, null, 2));
}

interface MochaLike {
  addFile(file: string): void;
  run(done: (failures: number) => void): unknown;
}

function tryMocha(): (new (options: object) => MochaLike) | undefined {
  try {
    return load('mocha') as new (options: object) => MochaLike;
  } catch {
    return undefined;
  }
}

export async function run(): Promise<void> {
  try {
    await runAll();
  } catch (err) {
    // A runner that could not start still leaves a result (runTest.ts in code-server mode waits for one).
    if (process.env.PODLAB_ELECTRON_RESULTS && !existsSync(process.env.PODLAB_ELECTRON_RESULTS)) {
      report([
        { suite: '(runner)', test: 'load the suites', ok: false, ms: 0, error: String((err as Error).stack ?? err) },
      ]);
    }
    throw err;
  }
}

async function runAll(): Promise<void> {
  const files = suiteFiles();
  if (files.length === 0) throw new Error(`no *.suite.js next to ${__filename}`);
  const Mocha = process.env.PODLAB_NO_MOCHA ? undefined : tryMocha();
  if (Mocha) {
    const mocha = new Mocha({ ui: 'tdd', color: true, timeout: TEST_TIMEOUT_MS });
    for (const f of files) mocha.addFile(f);
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    report([{ suite: 'mocha', test: `${failures} failure(s), details above`, ok: failures === 0, ms: 0 }]);
    if (failures > 0) throw new Error(`${failures} test(s) failed`);
    return;
  }
  for (const f of files) load(f);
  const outcomes = await runRegistered((line) => console.log(line));
  report(outcomes);
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length > 0)
    throw new Error(
      `${failed.length} of ${outcomes.length} extension tests failed: ${failed.map((o) => `${o.suite} › ${o.test}`).join('; ')}`,
    );
}
