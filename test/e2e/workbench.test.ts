// End to end, as a user sees PodLab: the packaged .vsix installed into code-server (VS Code's real workbench
// and extension host), driven in Debian's Chromium with playwright-core. Run with `npm run test:e2e`.
//
// The steps depend on each other (one workbench for the whole file); a step whose prerequisite failed is
// skipped with the reason. Screenshots go to test-results/e2e/. Environment:
//   PODLAB_E2E_VSIX=path   test this .vsix instead of building and packaging (dist/podlab.js is still used)
//   PODLAB_E2E_KEEP=1      keep the temporary directory (workspace, user data, logs) for a look afterwards
//   PODLAB_SCREENSHOTS=1   also write the README's screenshots, media/screenshot-light.png and -dark.png
import { after, before, describe } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit } from '../../scripts/codeServer';
import { artifacts, session } from './session';
import { setupSteps } from './setup.steps';
import { editingSteps } from './editing.steps';
import { panelSteps } from './panel.steps';
import { robustnessSteps } from './robustness.steps';
import { verdictSteps } from './verdict.steps';
import { layoutSteps } from './layout.steps';
import { whatIfSteps } from './whatIf.steps';

describe('PodLab in VS Code (code-server + Chromium)', { timeout: 15 * 60_000 }, () => {
  before(() => {
    mkdirSync(artifacts, { recursive: true });
    session.base = removeOnExit(mkdtempSync(join(tmpdir(), 'podlab-e2e-')));
  });

  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
    if (session.server) writeFileSync(join(artifacts, 'code-server.log'), session.server.log());
    if (session.base && !process.env.PODLAB_E2E_KEEP) rmSync(session.base, { recursive: true, force: true });
    else if (session.base) console.log(`kept ${session.base}`);
  });

  setupSteps();
  editingSteps();
  panelSteps();
  verdictSteps();
  layoutSteps();
  robustnessSteps();
  whatIfSteps();
});
