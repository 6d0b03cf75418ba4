// Mocha's TDD interface (suite, test, suiteSetup, suiteTeardown), for the extension-host suites. When the
// files are loaded by Mocha (@vscode/test-cli, or index.ts with mocha installed), these delegate to Mocha's
// globals. Without Mocha, they register into a tiny runner (`runRegistered`) that runs the tests in order
// with node's assert, a timeout per test, and prints one line per test and a closing "N passed, N failed".
// The registry lives on globalThis because index.js and each *.suite.js are separate bundles.

type Body = () => unknown;
interface Test {
  name: string;
  fn: Body;
}
interface Suite {
  name: string;
  tests: Test[];
  setup: Body[];
  teardown: Body[];
}
interface Registry {
  suites: Suite[];
  current: Suite | undefined;
}

type MochaGlobals = {
  suite?: (name: string, fn: () => void) => void;
  test?: (name: string, fn: Body) => void;
  suiteSetup?: (fn: Body) => void;
  suiteTeardown?: (fn: Body) => void;
};

const KEY = Symbol.for('podlab.electron.registry');

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= { suites: [], current: undefined });
}

function mocha(): MochaGlobals | undefined {
  const g = globalThis as unknown as MochaGlobals;
  return typeof g.suite === 'function' && typeof g.test === 'function' ? g : undefined;
}

/** Default time a test or hook may take (the language server and the panel answer within seconds). */
export const TEST_TIMEOUT_MS = Number(process.env.PODLAB_TEST_TIMEOUT_MS ?? 90_000);

export function suite(name: string, body: () => void): void {
  const m = mocha();
  if (m) return m.suite!(name, body);
  const r = registry();
  const s: Suite = { name, tests: [], setup: [], teardown: [] };
  r.suites.push(s);
  r.current = s;
  try {
    body();
  } finally {
    r.current = undefined;
  }
}

function currentSuite(what: string): Suite {
  const s = registry().current;
  if (!s) throw new Error(`${what} outside of a suite`);
  return s;
}

export function test(name: string, fn: Body): void {
  const m = mocha();
  if (m) return m.test!(name, fn);
  currentSuite('test').tests.push({ name, fn });
}

export function suiteSetup(fn: Body): void {
  const m = mocha();
  if (m) return m.suiteSetup!(fn);
  currentSuite('suiteSetup').setup.push(fn);
}

export function suiteTeardown(fn: Body): void {
  const m = mocha();
  if (m) return m.suiteTeardown!(fn);
  currentSuite('suiteTeardown').teardown.push(fn);
}

async function withTimeout(what: string, fn: Body, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(fn),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Outcome {
  suite: string;
  test: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/** Runs every registered suite in order; resolves with the outcomes (never rejects). */
export async function runRegistered(log: (line: string) => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const s of registry().suites) {
    log(s.name);
    let setupError: string | undefined;
    for (const fn of s.setup) {
      try {
        await withTimeout(`${s.name}: suiteSetup`, fn, TEST_TIMEOUT_MS);
      } catch (err) {
        setupError = `suiteSetup failed: ${describe(err)}`;
        break;
      }
    }
    for (const t of s.tests) {
      const started = Date.now();
      let error = setupError;
      if (!error) {
        try {
          await withTimeout(`${s.name} › ${t.name}`, t.fn, TEST_TIMEOUT_MS);
        } catch (err) {
          error = describe(err);
        }
      }
      const ms = Date.now() - started;
      outcomes.push({ suite: s.name, test: t.name, ok: error === undefined, ms, ...(error ? { error } : {}) });
      log(error === undefined ? `  ✔ ${t.name} (${ms} ms)` : `  ✖ ${t.name} (${ms} ms)\n${indent(error)}`);
    }
    for (const fn of s.teardown) {
      try {
        await withTimeout(`${s.name}: suiteTeardown`, fn, TEST_TIMEOUT_MS);
      } catch (err) {
        log(`  ! suiteTeardown failed: ${describe(err)}`);
      }
    }
  }
  const passed = outcomes.filter((o) => o.ok).length;
  log(`${passed} passed, ${outcomes.length - passed} failed`);
  return outcomes;
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}

function indent(text: string): string {
  return text
    .split('\n')
    .slice(0, 12)
    .map((l) => `      ${l}`)
    .join('\n');
}
