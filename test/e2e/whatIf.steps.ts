// End-to-end steps (workbench.test.ts runs them in order in one workbench). Durable what-ifs: a container killed
// from the panel is listed by its workload's name, shows its effect at once, and stays in force after an edit of
// the pod template (which renames the generated pod) and after a reload of the window.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { poll } from '../../scripts/codeServer';
import {
  focusFirstGroup,
  goToLineEnd,
  panelFrame,
  panelHeading,
  panelText,
  podTable,
  quickOpen,
  runCommand,
} from './workbench';
import { FILES, lineOf } from '../fixtures/index';
import { artifacts, session, step } from './session';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- page-side values, as in workbench.ts
type InPage = any;
declare const document: InPage;

/** A copy of liveness-wrong-port.yaml that these steps may edit (the other steps read the original). */
const FILE = 'whatif-demo.yaml';
const TITLE = FILE;
/** While the container runs (it starts in seconds; the first liveness kill comes at ~25 s). */
const KILL_AT = 15;
const ITEM = /kill hello-world \/ hello-world with exit code 137/;

/**
 * Writes the copy into the workspace; setup.steps.ts calls it before the workbench opens, because quick open did
 * not find a file written later (after the layout steps' quick opens: "No matching results" for 15 s).
 */
export function addWhatIfCopy(workspace: string): void {
  writeFileSync(join(workspace, FILE), readFileSync(join(workspace, FILES.livenessWrongPort), 'utf8'));
}

async function whatIfItems(): Promise<string[]> {
  return session.panel!.evaluate(() =>
    Array.from<InPage>(document.querySelectorAll('ul.active-whatif li')).map((li) =>
      String(li.innerText ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

export function whatIfSteps(): void {
  it(
    'a what-if (kill the container) names the workload, shows its effect at once, and survives an edit of the template and a reload',
    { timeout: 4 * 60_000 },
    async (t) => {
      await step(t, 'whatif', 'workbench', async () => {
        const page = session.browser!.page;
        await focusFirstGroup(page);
        await quickOpen(page, FILE);
        let frame = session.panel!;
        await poll('the panel on the copy', 15_000, async () =>
          (await panelHeading(frame)) === TITLE ? true : undefined,
        );
        const before = (await podTable(frame))[0]?.NAME ?? '';
        assert.match(before, /^hello-world-/);

        // Kill the container at 15 s (slider, then the What if… form).
        await frame.locator('input.scrub').fill(String(KILL_AT));
        await frame.locator('button', { hasText: 'Kill container' }).click();
        const item = await poll('the what-if in the list', 15_000, async () =>
          (await whatIfItems()).find((i) => ITEM.test(i)),
        );
        t.diagnostic(`listed: ${item}`);
        // Its effect at once: the panel moved to the status right after the kill, which shows the exit code.
        await poll('the kill shown at once', 10_000, async () =>
          (await panelText(frame)).includes('exit 137') ? true : undefined,
        );
        await page.screenshot({ path: join(artifacts, 'whatif.png') });

        // Edit the template (the fix: probe the port the app listens on): the generated pod name changes.
        const text = readFileSync(join(session.workspace, FILE), 'utf8');
        await focusFirstGroup(page);
        await goToLineEnd(page, lineOf(text, /port: 8081/) + 1);
        await page.keyboard.press('Backspace');
        await page.keyboard.type('0');
        await page.keyboard.press('Control+S');
        const after = await poll('the re-run of the edited template', 20_000, async () => {
          const name = (await podTable(frame))[0]?.NAME;
          return name && name !== before ? name : undefined;
        });
        t.diagnostic(`pod ${before} → ${after}`);
        assert.ok(
          (await whatIfItems()).some((i) => ITEM.test(i)),
          'the what-if is still listed after the edit',
        );
        await frame.locator('input.scrub').fill(String(KILL_AT + 5));
        await poll('the kill still in force after the edit', 10_000, async () =>
          (await panelText(frame)).includes('exit 137') ? true : undefined,
        );

        // Reload the window: the panel comes back with the what-if.
        await runCommand(page, 'Developer: Reload Window');
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        frame = await panelFrame(page, 60_000);
        session.panel = frame;
        await poll('the panel back on the copy', 60_000, async () =>
          (await panelHeading(frame)) === TITLE ? true : undefined,
        );
        const listed = await poll('the what-if after the reload', 30_000, async () =>
          (await whatIfItems()).find((i) => ITEM.test(i)),
        );
        t.diagnostic(`after the reload: ${listed}`);
        await page.screenshot({ path: join(artifacts, 'whatif-reloaded.png') });
      });
    },
  );
}
