// End-to-end steps (workbench.test.ts runs them in order in one workbench). The Problems view and the panel: the probe-port diagnostic, the panel playing to CrashLoopBackOff with the CLI's restart count, the inline facts.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { poll } from '../../scripts/codeServer';
import { editorLines, focusFirstGroup, panelFrame, panelText, podTable, rowTexts, runCommand } from './workbench';
import { FILES, LIVENESS, lineOf } from '../fixtures/index';
import { artifacts, expectedFromCli, gate, panelUntil, session, step } from './session';

export function panelSteps(): void {
  it(
    `the Problems view shows the probe-port diagnostic (${LIVENESS.diagnosticCode}, port ${LIVENESS.diagnosticPort})`,
    { timeout: 2 * 60_000 },
    async (t) => {
      await step(t, 'problems', 'workbench', async () => {
        const page = session.browser!.page;
        await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
        const row = await poll('the diagnostic in the Problems view', 60_000, async () => {
          const rows = await rowTexts(page.locator('.markers-panel .monaco-list-row'));
          return rows.find((r) => r.includes(LIVENESS.diagnosticCode) && r.includes(LIVENESS.diagnosticPort));
        });
        t.diagnostic(`Problems row: ${row}`);
        await page.screenshot({ path: join(artifacts, 'problems.png') });
      });
    },
  );

  it('"PodLab: Run Pod in Panel" opens the panel (a webview)', { timeout: 2 * 60_000 }, async (t) => {
    await gate(t, 'panel', 'workbench', async () => {
      const page = session.browser!.page;
      await focusFirstGroup(page);
      await runCommand(page, 'PodLab: Run Pod in Panel');
      await page.locator('iframe.webview').first().waitFor({ timeout: 30_000 });
      session.panel = await panelFrame(page);
      await poll('the panel to show the manifest', 30_000, async () =>
        (await panelText(session.panel!)).includes('liveness-wrong-port.yaml') ? true : undefined,
      );
    });
  });

  it(
    "the panel plays to the horizon and shows CrashLoopBackOff with the CLI's restart count",
    { timeout: 2 * 60_000 },
    async (t) => {
      await step(t, 'crashloop', 'workbench', async () => {
        const page = session.browser!.page;
        const until = panelUntil();
        const expected = expectedFromCli(join(session.workspace, FILES.livenessWrongPort), until);
        t.diagnostic(`CLI at --until ${until}: ${JSON.stringify(expected)}`);
        assert.equal(expected.status, LIVENESS.status);
        const frame = session.panel!;
        // Play at the fastest speed; the panel stops at its horizon.
        const fastest = frame.locator('button[aria-label^="Speed "]').last();
        if ((await fastest.count()) > 0) await fastest.click();
        await frame.locator('button[aria-label="Play"]').click();
        let sawCrashLoop = false;
        const rows = await poll(
          'the panel to reach the end of the run',
          60_000,
          async () => {
            const r = await podTable(frame);
            if (r.some((x) => x.STATUS === LIVENESS.status)) sawCrashLoop = true;
            const playing = await frame.locator('button[aria-label="Pause"]').count();
            return playing === 0 && r.length > 0 && r[0]!.AGE === expected.age ? r : undefined;
          },
          100,
        );
        await page.screenshot({ path: join(artifacts, 'panel.png') });
        t.diagnostic(`panel at the end: ${JSON.stringify(rows)}`);
        assert.ok(sawCrashLoop, 'the status never showed CrashLoopBackOff while playing');
        const row = rows.find((r) => r.NAME === expected.name);
        assert.ok(row, `the panel has no row for ${expected.name}: ${JSON.stringify(rows)}`);
        assert.equal(row.STATUS, expected.status);
        assert.equal(
          row.RESTARTS,
          expected.restarts,
          'RESTARTS (count and "ago") as `podlab run --format json` at the same time',
        );
        assert.equal(Number.parseInt(row.RESTARTS ?? '', 10), expected.restartCount);
        assert.equal(row.READY, expected.ready);
      });
    },
  );

  it(
    'the editor shows the simulated facts inline (inlay hints on the container and probe lines)',
    { timeout: 60_000 },
    async (t) => {
      await step(t, 'inline', 'workbench', async () => {
        const page = session.browser!.page;
        const text = readFileSync(join(session.workspace, FILES.livenessWrongPort), 'utf8');
        const probe = lineOf(text, LIVENESS.livenessLine);
        const container = lineOf(text, /^\s+- name: hello-world/);
        const lines = await poll('inlay hints after the probe and container lines', 30_000, async () => {
          const l = await editorLines(page);
          const probeHint = [l[probe], l[probe + 1]].some((x) => /liveness ✗/.test(x ?? ''));
          const containerHint = /hello-world\s+\S/.test(l[container] ?? '');
          return probeHint && containerHint ? l : undefined;
        });
        t.diagnostic(`container line: ${lines[container]?.trim()}`);
        t.diagnostic(`probe lines: ${lines[probe]?.trim()} / ${lines[probe + 1]?.trim()}`);
        if (!/liveness ✗/.test(lines[probe] ?? ''))
          t.diagnostic(
            "note: the liveness fact is on the line after `livenessProbe:` (the value's first line), not on it",
          );
        await page.screenshot({ path: join(artifacts, 'workbench.png') });
      });
    },
  );
}
