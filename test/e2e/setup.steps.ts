// End-to-end steps (workbench.test.ts runs them in order in one workbench). Setting up: code-server and Chromium installed, the packaged .vsix under 1.1 MB, the workbench opened on the example workspace.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerBin, installExtension, prepareDirs, root, run, startCodeServer } from '../../scripts/codeServer';
import { launchBrowser, openWorkbench, quickOpen } from './workbench';
import { FILES, makeWorkspace } from '../fixtures/index';
import { gate, MAX_VSIX_BYTES, session } from './session';
import { addWhatIfCopy } from './whatIf.steps';

export function setupSteps(): void {
  it(
    'installs its prerequisites (scripts/setup-code-server.sh: code-server, Chromium)',
    { timeout: 10 * 60_000 },
    async (t) => {
      await gate(t, 'prerequisites', 'none', () => {
        run('bash', [join(root, 'scripts', 'setup-code-server.sh')], { timeoutMs: 10 * 60_000 });
        assert.ok(existsSync(codeServerBin), `${codeServerBin} is missing`);
      });
    },
  );

  it(
    'builds and packages the extension (npm run package) into a .vsix under 1.1 MB',
    { timeout: 10 * 60_000 },
    async (t) => {
      await gate(t, 'package', 'none', () => {
        if (process.env.PODLAB_E2E_VSIX) {
          session.vsix = process.env.PODLAB_E2E_VSIX;
          t.diagnostic(`PODLAB_E2E_VSIX: testing ${session.vsix} without building it`);
        } else {
          session.vsix = join(root, 'podlab.vsix');
          rmSync(session.vsix, { force: true });
          run('npm', ['run', 'package'], { timeoutMs: 10 * 60_000 });
        }
        assert.ok(existsSync(session.vsix), `${session.vsix} was not written`);
        const size = statSync(session.vsix).size;
        t.diagnostic(`podlab.vsix: ${size} bytes (${(size / 1024).toFixed(1)} KiB)`);
        console.log(`# podlab.vsix size: ${size} bytes (${(size / 1024).toFixed(1)} KiB), limit ${MAX_VSIX_BYTES}`);
        assert.ok(size < MAX_VSIX_BYTES, `the .vsix is ${size} bytes, over ${MAX_VSIX_BYTES}`);
      });
    },
  );

  it('installs the .vsix into a fresh extensions dir and opens the workbench', { timeout: 3 * 60_000 }, async (t) => {
    await gate(t, 'workbench', 'none', async () => {
      session.dirs = prepareDirs(session.base);
      const ids = installExtension(session.vsix, session.dirs);
      assert.ok(ids.includes('podlab.podlab'), `code-server lists ${JSON.stringify(ids)}, not podlab.podlab`);
      session.workspace = makeWorkspace(root, join(session.base, 'workspace'));
      // Before the workbench opens: quick open's file search may not see a file created while it runs.
      addWhatIfCopy(session.workspace);
      session.server = await startCodeServer(session.dirs);
      session.browser = await launchBrowser(join(session.base, 'chromium-profile'));
      await openWorkbench(session.browser.page, session.server.url, session.workspace);
      await quickOpen(session.browser.page, FILES.livenessWrongPort);
    });
  });
}
