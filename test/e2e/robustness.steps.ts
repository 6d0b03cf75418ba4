// End-to-end steps (workbench.test.ts runs them in order in one workbench). Hostile names, problem line numbers, the liveness fact on its own line, and the language server restarted after a crash.
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { poll } from '../../scripts/codeServer';
import {
  editorLines,
  executedScripts,
  focusFirstGroup,
  injectedElements,
  panelFrame,
  panelText,
  quickOpen,
  rowTexts,
  runCommand,
} from './workbench';
import { FILES, HOSTILE, LIVENESS, lineOf } from '../fixtures/index';
import { artifacts, session, step } from './session';

export function robustnessSteps(): void {
  it('hostile names in a manifest show as text in the panel and no script runs', { timeout: 2 * 60_000 }, async (t) => {
    await step(t, 'xss', 'workbench', async () => {
      const page = session.browser!.page;
      const frameText = async () => panelText(await panelFrame(page));
      await focusFirstGroup(page);
      await quickOpen(page, FILES.xssContainerName);
      await poll('the container name as text in the panel', 30_000, async () =>
        (await frameText()).includes(HOSTILE.containerName) ? true : undefined,
      );
      await page.screenshot({ path: join(artifacts, 'xss-container-name.png') });
      await focusFirstGroup(page);
      await quickOpen(page, FILES.xssImage);
      await poll('the image reference as text in the panel (events)', 30_000, async () =>
        (await frameText()).includes(HOSTILE.image) ? true : undefined,
      );
      await page.screenshot({ path: join(artifacts, 'xss-image.png') });
      const injected = await injectedElements(await panelFrame(page));
      assert.deepEqual(injected, [], 'the panel holds elements parsed from the manifest');
      const { ran, trapped } = await executedScripts(page, HOSTILE.flag);
      const panelUrl = (await panelFrame(page)).url();
      assert.ok(
        trapped.includes(panelUrl),
        `the alert trap is not installed in the panel's frame (${panelUrl}); trapped: ${JSON.stringify(trapped)}`,
      );
      t.diagnostic(`alert trap installed in ${trapped.length} of ${page.frames().length} frames`);
      assert.deepEqual([...session.browser!.dialogs, ...ran], [], 'scripts from the manifest ran');
    });
  });

  it('the panel numbers problem lines as the editor does (1-based)', { timeout: 60_000 }, async (t) => {
    await step(t, 'problem-lines', 'workbench', async () => {
      const page = session.browser!.page;
      await focusFirstGroup(page);
      await quickOpen(page, FILES.xssContainerName);
      const text = readFileSync(join(session.workspace, FILES.xssContainerName), 'utf8');
      const line = lineOf(text, /<img/) + 1;
      const shown = await poll(
        'the problem list in the panel',
        30_000,
        async () => /line (\d+)/.exec(await panelText(await panelFrame(page)))?.[1],
      );
      assert.equal(
        Number(shown),
        line,
        `the panel says "line ${shown}", the editor and \`podlab run\` say line ${line}`,
      );
    });
  });

  it('the liveness fact is on the `livenessProbe:` line itself', { timeout: 60_000 }, async (t) => {
    await step(t, 'probe-line', 'workbench', async () => {
      const page = session.browser!.page;
      await focusFirstGroup(page);
      await quickOpen(page, FILES.livenessWrongPort);
      const text = readFileSync(join(session.workspace, FILES.livenessWrongPort), 'utf8');
      const probe = lineOf(text, LIVENESS.livenessLine);
      const lines = await poll('a liveness fact', 30_000, async () => {
        const l = await editorLines(page);
        return l.some((x) => /liveness ✗/.test(x)) ? l : undefined;
      });
      assert.match(lines[probe] ?? '', /livenessProbe:\s+liveness ✗/);
    });
  });

  it(
    'the client restarts the language server after it crashes, and diagnostics come back',
    { timeout: 2 * 60_000 },
    async (t) => {
      await step(t, 'server-crash', 'workbench', async () => {
        const page = session.browser!.page;
        const serverPids = () =>
          spawnSync('pgrep', ['-f', 'dist/server.js --node-ipc'], { encoding: 'utf8' })
            .stdout.split('\n')
            .filter(Boolean);
        const before = await poll('the language server process', 30_000, () =>
          serverPids().length > 0 ? serverPids() : undefined,
        );
        for (const pid of before) process.kill(Number(pid), 'SIGKILL');
        const after = await poll('a new language server process', 60_000, () => {
          const now = serverPids().filter((p) => !before.includes(p));
          return now.length > 0 ? now : undefined;
        });
        t.diagnostic(`server ${before.join(',')} killed; restarted as ${after.join(',')}`);
        await focusFirstGroup(page);
        await quickOpen(page, FILES.livenessWrongPort);
        await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
        await poll('the probe diagnostic from the restarted server', 60_000, async () => {
          const rows = await rowTexts(page.locator('.markers-panel .monaco-list-row'));
          return rows.find((r) => r.includes(LIVENESS.diagnosticCode));
        });
      });
    },
  );
}
