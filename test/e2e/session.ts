// The state the end-to-end steps share: one workbench (code-server and Chromium) for the whole run, and the
// first failure of a step the later ones need. The steps live in *.steps.ts by feature; workbench.test.ts runs
// them in order inside one describe, in one process, so this module's state is theirs alone.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { root, run, type CodeServer, type CodeServerDirs } from '../../scripts/codeServer';
import type { Browser } from './workbench';
import { LIVENESS } from '../fixtures/index';

// The packaged extension grew past 1 MB (1,011,933 bytes) with Helm templates, Pod Security and the world model;
// the budget is 1.1 MB. The diagnostics worker then took it to 1.35 MB, with the simulator in three server bundles:
// now one bundle (dist/diagnosticsWorker.js) runs both workers and lends the engine to the server's in-process
// fallback (scripts/esbuild.mjs, test/server/background/workerBundle.test.ts).
export const MAX_VSIX_BYTES = 1_100_000;
export const artifacts = join(root, 'test-results', 'e2e');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

export const session: {
  base: string;
  dirs: CodeServerDirs | undefined;
  workspace: string;
  vsix: string;
  server: CodeServer | undefined;
  browser: Browser | undefined;
  panel: Frame | undefined;
  /** Why the remaining steps cannot run (the first failure of a step they depend on). */
  broken: string | undefined;
} = {
  base: '',
  dirs: undefined,
  workspace: '',
  vsix: '',
  server: undefined,
  browser: undefined,
  panel: undefined,
  broken: undefined,
};

/** A dependent step: skipped when an earlier one failed; on failure, a screenshot, and the later steps skip. */
export async function step(
  t: TestContext,
  name: string,
  needs: 'none' | 'workbench',
  body: () => void | Promise<void>,
): Promise<void> {
  if (session.broken) return t.skip(`needs an earlier step that failed: ${session.broken}`);
  if (needs === 'workbench' && !session.browser) return t.skip('no workbench');
  try {
    await body();
    t.diagnostic(`${name}: done at ${elapsed()}`);
  } catch (err) {
    if (session.browser)
      await session.browser.page
        .screenshot({ path: join(artifacts, `failure-${name.replace(/\W+/g, '-')}.png`) })
        .catch(() => undefined);
    throw err;
  }
}

/** A step the later ones cannot do without. */
export async function gate(
  t: TestContext,
  name: string,
  needs: 'none' | 'workbench',
  body: () => void | Promise<void>,
): Promise<void> {
  try {
    await step(t, name, needs, body);
  } catch (err) {
    session.broken ??= `${name}: ${String((err as Error).message).split('\n')[0]}`;
    throw err;
  }
}

export function expectedFromCli(
  file: string,
  until: string,
): { name: string; ready: string; status: string; restarts: string; age: string; restartCount: number } {
  const out = run(
    process.execPath,
    [join(root, 'dist', 'podlab.js'), 'run', file, '--until', until, '--format', 'json'],
    { timeoutMs: 60_000 },
  );
  const trace = JSON.parse(out) as {
    pods: {
      name: string;
      kubectl: { ready: string; status: string; restarts: string; age: string };
      status: { containerStatuses: { restartCount: number }[] };
    }[];
  };
  const pod = trace.pods[0];
  assert.ok(pod, `the CLI simulated no pod for ${file}`);
  return { name: pod.name, ...pod.kubectl, restartCount: pod.status.containerStatuses[0]?.restartCount ?? -1 };
}

/** The panel's horizon: the podlab.simulation.until setting's default, as package.json declares it. */
export function panelUntil(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  };
  const d = pkg.contributes.configuration.properties['podlab.simulation.until']?.default;
  return typeof d === 'string' ? d : LIVENESS.until;
}
