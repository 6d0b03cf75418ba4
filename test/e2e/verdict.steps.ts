// End-to-end steps (workbench.test.ts runs them in order in one workbench). The verdict card: the right verdict
// within 2 s of opening a manifest (the panel follows the editor), the panel opened at the verdict's moment, the
// CodeLens saying the same, a scenario file leaving the run alone; screenshots of the card as artefacts.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { poll } from '../../scripts/codeServer';
import { activeEditor, focusFirstGroup, panelHeading, podTable, quickOpen, verdictRows } from './workbench';
import { FILES, LIVENESS } from '../fixtures/index';
import { artifacts, session, step } from './session';

/** A healthy example: a Deployment of a busybox loop with no probes (Ready as soon as it runs). */
const HEALTHY = 'examples/deletion/web.yaml';
const OPEN_BUDGET_MS = 2000;

type CardRow = Awaited<ReturnType<typeof verdictRows>>[number];

/** Opens `file` in the first group and waits (at most the budget) for the card to show a verdict for it. */
async function openAndRead(file: string, title: string, accept: (r: CardRow) => boolean): Promise<CardRow> {
  const page = session.browser!.page;
  await focusFirstGroup(page);
  await quickOpen(page, file);
  const opened = Date.now();
  const frame = session.panel!;
  const row = await poll(
    `the verdict card for ${file}`,
    OPEN_BUDGET_MS,
    async () => {
      if ((await panelHeading(frame)) !== title) return undefined;
      return (await verdictRows(frame)).find(accept);
    },
    50,
  );
  const took = Date.now() - opened;
  assert.ok(took <= OPEN_BUDGET_MS, `the verdict took ${took} ms`);
  return row;
}

export function verdictSteps(): void {
  it(
    'the verdict card says Running, Ready for a healthy example within 2 s of opening it',
    { timeout: 60_000 },
    async (t) => {
      await step(t, 'verdict-healthy', 'workbench', async () => {
        const row = await openAndRead(HEALTHY, 'web.yaml', (r) => r.outcome === 'healthy');
        t.diagnostic(`card: ${row.text}`);
        assert.equal(row.status, 'Running');
        assert.match(row.text, /Deployment\/web.*Running, Ready from \d+s/);
        await session.panel!.locator('.verdict-card').screenshot({ path: join(artifacts, 'verdict-card-healthy.png') });
      });
    },
  );

  it(
    'the verdict card says CrashLoopBackOff (liveness probe on 8081) for liveness-wrong-port.yaml within 2 s, and the panel opens at that moment',
    { timeout: 90_000 },
    async (t) => {
      await step(t, 'verdict-crashloop', 'workbench', async () => {
        const page = session.browser!.page;
        const row = await openAndRead(
          FILES.livenessWrongPort,
          'liveness-wrong-port.yaml',
          (r) => r.outcome === 'problem',
        );
        t.diagnostic(`card: ${row.text}`);
        assert.equal(row.status, LIVENESS.status);
        assert.match(row.text, /CrashLoopBackOff from \d/);
        assert.match(row.text, /liveness probe: .*8081.*8080/);
        const frame = session.panel!;
        // Opened at the verdict's moment, paused: the table already shows the status without Play.
        const rows = await podTable(frame);
        assert.equal(rows[0]?.STATUS, LIVENESS.status, `pod table at opening: ${JSON.stringify(rows)}`);
        assert.equal(await frame.locator('button[aria-label="Pause"]').count(), 0, 'the panel is not playing');
        for (const label of ['Why', 'Jump to line'])
          assert.equal(await frame.locator('.verdict-card button', { hasText: label }).count(), 1, label);
        await frame.locator('.verdict-card button', { hasText: 'Why' }).click();
        await frame.locator('.verdict-why').waitFor({ timeout: 5000 });
        // Apply fix appears once the language server's preferred quick fix is known (after its prediction pass,
        // which publishes one diagnostic on 8081 with one preferred fix).
        const fix = await poll('the Apply fix button', 20_000, async () => {
          const b = frame.locator('.verdict-card button', { hasText: 'Apply fix' });
          return (await b.count()) > 0 ? b.first().getAttribute('title') : undefined;
        });
        t.diagnostic(`Apply fix offered: ${fix}`);
        assert.equal(fix, LIVENESS.quickFix);
        await frame.locator('.verdict-card').screenshot({ path: join(artifacts, 'verdict-card.png') });
        await page.screenshot({ path: join(artifacts, 'verdict-panel.png') });
        const lensFrom = Date.now();
        const lens = await poll('the CodeLens with the verdict', 60_000, async () => {
          const texts = await activeEditor(page).locator('.codelens-decoration').allTextContents();
          return texts.find((x) => x.includes('predicts CrashLoopBackOff'));
        });
        t.diagnostic(`CodeLens: ${lens} (after ${Date.now() - lensFrom} ms)`);
      });
    },
  );

  it('opening a scenario file leaves the run alone', { timeout: 60_000 }, async (t) => {
    await step(t, 'verdict-scenario', 'workbench', async () => {
      const page = session.browser!.page;
      await focusFirstGroup(page);
      await quickOpen(page, 'examples/deletion/graceful.scenario.yaml');
      await page.waitForTimeout(1500);
      assert.equal(await panelHeading(session.panel!), 'liveness-wrong-port.yaml');
      assert.equal((await verdictRows(session.panel!))[0]?.status, LIVENESS.status);
    });
  });
}
