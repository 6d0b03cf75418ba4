// End-to-end steps (workbench.test.ts runs them in order in one workbench). The panel's layout and timeline:
// the troubled workload selected first and the CodeLens selecting its own; no horizontal page scroll and no
// scroller inside the page with the panel 360, 626 and 1200 px wide (layout-*.png); with PODLAB_SCREENSHOTS=1,
// the README's screenshots in the light and dark themes (media/screenshot-light.png, media/screenshot-dark.png).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { poll, root } from '../../scripts/codeServer';
import { activeEditor, focusFirstGroup, panelHeading, quickOpen } from './workbench';
import { FILES } from '../fixtures/index';
import { artifacts, session, step } from './session';

// Code passed to evaluate() runs in the page; test/tsconfig has no DOM lib (as in workbench.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InPage = any;
declare const document: InPage;
declare const getComputedStyle: InPage;

const WIDTHS = [360, 626, 1200];
const VIEWPORT = { width: 1600, height: 1000 };

/** The name of the pod selected in the panel's pods table. */
function selectedPod(frame: Frame): Promise<string> {
  return frame.evaluate((): string =>
    String(document.querySelector('table.pods tr.selected .pod-name')?.textContent ?? '').trim(),
  );
}

/** The webview's own width (the panel's), in CSS pixels. */
function panelWidth(frame: Frame): Promise<number> {
  return frame.evaluate((): number => document.documentElement.clientWidth);
}

/**
 * Resizes the window until the panel is `target` px wide (±2): the panel gets a share of the window, so the
 * viewport moves by the share measured between tries. Returns the width reached.
 */
async function resizePanel(page: Page, frame: Frame, target: number): Promise<number> {
  let viewport = page.viewportSize()?.width ?? VIEWPORT.width;
  let width = await panelWidth(frame);
  let share = 0.5;
  for (let i = 0; i < 8 && Math.abs(width - target) > 2; i++) {
    const next = Math.max(400, Math.round(viewport + (target - width) / share));
    await page.setViewportSize({ width: next, height: VIEWPORT.height });
    const reached = await poll('the panel to follow the window', 5000, async () => {
      const w = await panelWidth(frame);
      return w !== width || next === viewport ? w : undefined;
    }).catch(() => width);
    if (next !== viewport && reached !== width)
      share = Math.max(0.1, Math.min(1, (reached - width) / (next - viewport)));
    viewport = next;
    width = reached;
  }
  await page.waitForTimeout(400); // the timeline redraws 100 ms after a resize
  return width;
}

/** Horizontal overflow of the page, and elements inside it that scroll on their own. */
function overflow(frame: Frame): Promise<{ scrollWidth: number; clientWidth: number; scrollers: string[] }> {
  return frame.evaluate(() => {
    const page = document.scrollingElement ?? document.documentElement;
    const scrollers = Array.from<InPage>(document.body.querySelectorAll('*'))
      .filter((el): boolean => {
        const css = getComputedStyle(el);
        const x = /auto|scroll/.test(css.overflowX) && el.scrollWidth > el.clientWidth + 1;
        const y = /auto|scroll/.test(css.overflowY) && el.scrollHeight > el.clientHeight + 1;
        return x || y;
      })
      .map((el): string => `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '')}`);
    return { scrollWidth: page.scrollWidth, clientWidth: page.clientWidth, scrollers };
  });
}

/** Switches the workbench's theme with its picker (Ctrl+K Ctrl+T), e.g. "Dark Modern". */
async function colorTheme(page: Page, theme: string): Promise<void> {
  await focusFirstGroup(page);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(theme);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
  const want = theme.includes('Light') ? 'vs' : 'vs-dark';
  await poll(`the ${theme} theme`, 15_000, async () => {
    const classes = ((await page.locator('.monaco-workbench').getAttribute('class')) ?? '').split(/\s+/);
    return classes.includes(want) ? true : undefined;
  });
  await page.waitForTimeout(1500); // the webview restyles after the workbench
}

/** The panel scrolled to its top (verdict card, controls, timeline). */
function scrollTop(frame: Frame): Promise<void> {
  return frame.evaluate((): void => {
    (document.scrollingElement ?? document.documentElement).scrollTop = 0;
  });
}

export function layoutSteps(): void {
  it(
    'a file with a healthy redis and a crash-looping web: web selected first, the CodeLens above redis selects redis',
    { timeout: 90_000 },
    async (t) => {
      await step(t, 'layout-selection', 'workbench', async () => {
        const page = session.browser!.page;
        const frame = session.panel!;
        await focusFirstGroup(page);
        await quickOpen(page, FILES.redisAndWeb);
        await poll('the panel on redis-and-web.yaml', 15_000, async () =>
          (await panelHeading(frame)) === 'redis-and-web.yaml' ? true : undefined,
        );
        const first = await poll('a selected pod', 10_000, async () => (await selectedPod(frame)) || undefined);
        t.diagnostic(`selected first: ${first}`);
        assert.match(first, /^web-/);
        const lens = activeEditor(page).locator('.codelens-decoration a', { hasText: 'Run Deployment' }).first();
        await lens.waitFor({ timeout: 30_000 });
        await lens.click();
        const picked = await poll('redis selected', 10_000, async () => {
          const name = await selectedPod(frame);
          return name.startsWith('redis-') ? name : undefined;
        });
        t.diagnostic(`after the CodeLens above redis: ${picked}`);
      });
    },
  );

  it(
    'the panel at 360, 626 and 1200 px: no horizontal page scroll, nothing scrolls inside the page',
    { timeout: 3 * 60_000 },
    async (t) => {
      await step(t, 'layout-widths', 'workbench', async () => {
        const page = session.browser!.page;
        const frame = session.panel!;
        // The widest content: every object's events (toggle on "Events: selected pod").
        const scope = frame.locator('button', { hasText: 'Events: selected pod' });
        if ((await scope.count()) > 0) await scope.first().click();
        try {
          for (const target of WIDTHS) {
            const width = await resizePanel(page, frame, target);
            const m = await overflow(frame);
            t.diagnostic(
              `panel ${width} px: scrollWidth ${m.scrollWidth}, clientWidth ${m.clientWidth}, scrollers ${JSON.stringify(m.scrollers)}`,
            );
            await scrollTop(frame);
            await (await frame.frameElement()).screenshot({ path: join(artifacts, `layout-${target}.png`) });
            assert.ok(Math.abs(width - target) <= 2, `the panel is ${width} px wide, not ${target}`);
            assert.ok(
              m.scrollWidth <= m.clientWidth,
              `at ${width} px the page scrolls sideways: ${m.scrollWidth} > ${m.clientWidth}`,
            );
            assert.deepEqual(m.scrollers, [], `at ${width} px elements scroll inside the page`);
          }
        } finally {
          await page.setViewportSize(VIEWPORT);
        }
      });
    },
  );

  if (process.env.PODLAB_SCREENSHOTS === '1')
    it(
      'writes the README screenshots (verdict card and timeline, light and dark)',
      { timeout: 2 * 60_000 },
      async (t) => {
        await step(t, 'screenshots', 'workbench', async () => {
          const page = session.browser!.page;
          const frame = session.panel!;
          // The troubled workload's pod, whose container lanes open in the timeline.
          await frame.locator('table.pods .pod-name', { hasText: /^web-/ }).first().click();
          // The editor and the panel only: Ctrl+J and Ctrl+B toggle the Problems panel and the side bar.
          await focusFirstGroup(page);
          await page.keyboard.press('Control+J');
          await page.keyboard.press('Control+B');
          try {
            for (const [theme, file] of [
              ['Light Modern', 'screenshot-light.png'],
              ['Dark Modern', 'screenshot-dark.png'],
            ] as const) {
              await colorTheme(page, theme);
              await scrollTop(frame);
              await page.screenshot({ path: join(root, 'media', file) });
              t.diagnostic(`media/${file}: ${theme}`);
            }
          } finally {
            await page.keyboard.press('Control+B');
            await page.keyboard.press('Control+J');
          }
        });
      },
    );
}
