// Driving VS Code's workbench (served by code-server) in Chromium through playwright-core, the way a person
// does: Quick Open, the command palette, the keyboard. Every wait is for a DOM condition with a timeout.
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import type { Locator } from 'playwright-core';
import { chromiumBin, poll } from '../../scripts/codeServer';

// Code passed to evaluate() runs in the browser. This project type-checks without the DOM lib (test/tsconfig),
// so the page's globals and elements are typed loosely here, for this file only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type InPage = any;
declare const window: InPage;
declare const document: InPage;

/** The flags the suite runs Debian's Chromium with (playwright-core adds --headless and its own). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Installed in every frame before its scripts run: alert/confirm/prompt only record that they were called,
 * so that markup that got executed anywhere (workbench, webview host, the panel) leaves a trace; and
 * `__podlabTrap` shows the trap is in place. A string, so that no bundler helper leaks into the page.
 */
const DIALOG_TRAP = `(() => {
  const record = (kind, arg) => { (window.__podlabDialogs ||= []).push(kind + '(' + String(arg) + ') in ' + location.href.slice(0, 120)); };
  window.alert = (m) => { record('alert', m); };
  window.confirm = (m) => { record('confirm', m); return false; };
  window.prompt = (m) => { record('prompt', m); return null; };
  window.__podlabTrap = true;
})();`;

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Native dialogs that opened anyway (should stay empty). */
  dialogs: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile in `profileDir`. */
export async function launchBrowser(profileDir: string): Promise<Browser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumBin,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
    timeout: 60_000,
  });
  await context.addInitScript({ content: DIALOG_TRAP });
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}(${d.message()})`);
    void d.dismiss().catch(() => undefined);
  });
  return {
    context,
    page,
    dialogs,
    async close() {
      await context.close().catch(() => undefined);
    },
  };
}

/** Opens the workbench on `folder` and waits for the explorer to list it. */
export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

const QUICK_INPUT = '.quick-input-widget';

async function pickFromQuickInput(
  page: Page,
  opener: () => Promise<void>,
  text: string,
  row: (label: string) => boolean,
  what: string,
): Promise<void> {
  await opener();
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  await poll(`"${what}" in the list`, 15_000, async () => {
    const labels = await page
      .locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`)
      .evaluateAll((rows: InPage[]) => rows.map((r): string => r.getAttribute('aria-label') ?? r.textContent ?? ''));
    const first = labels[0];
    return first !== undefined && row(first) ? true : undefined;
  });
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 15_000 });
}

/** Focuses the first editor group (so that files open there, not over the panel). */
export async function focusFirstGroup(page: Page): Promise<void> {
  await runCommand(page, 'View: Focus First Editor Group');
}

/** Quick Open (Ctrl+P): opens a workspace file by name and waits for its tab to be active. */
export async function quickOpen(page: Page, relPath: string): Promise<void> {
  const name = relPath.split('/').pop()!;
  await pickFromQuickInput(
    page,
    () => page.keyboard.press('Control+P'),
    relPath,
    (l) => l.includes(name),
    name,
  );
  await page.locator(`.part.editor .tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 15_000 });
  await activeEditor(page).locator('.view-lines').waitFor({ timeout: 15_000 });
}

/** The command palette (F1): runs a command by its full title, e.g. "PodLab: Run Pod in Panel". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await pickFromQuickInput(
    page,
    () => page.keyboard.press('F1'),
    `>${title}`,
    (l) => l.toLowerCase().includes(title.toLowerCase()),
    title,
  );
}

/** The text editor of the first editor group (the manifest; the panel opens beside it). */
export function activeEditor(page: Page) {
  return page.locator('.part.editor .editor-group-container').first().locator('.monaco-editor').first();
}

/** Go to a 1-based line (Ctrl+G) and put the cursor at its end. */
export async function goToLineEnd(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
  await page.keyboard.press('End');
}

/** The rendered lines of the first group's editor, top to bottom, with inlay hints and non-breaking spaces normalised. */
export async function editorLines(page: Page): Promise<string[]> {
  return activeEditor(page)
    .locator('.view-lines .view-line')
    .evaluateAll((lines: InPage[]) =>
      lines
        .map((l) => ({ top: parseFloat(l.style.top) || 0, text: String(l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l): string => l.text),
    );
}

/** Labels of the rows the suggest widget shows right now (empty when it is hidden). */
export async function suggestions(page: Page): Promise<string[]> {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  if ((await widget.count()) === 0) return [];
  return widget
    .locator('.monaco-list-row .label-name')
    .evaluateAll((els: InPage[]) => els.map((e): string => String(e.textContent ?? '').trim()));
}

/** The suggest widget's rows once it has settled: its labels, [] for "No suggestions.", undefined while loading. */
export async function settledSuggestions(page: Page): Promise<string[] | undefined> {
  const labels = await suggestions(page);
  if (labels.length > 0) return labels;
  const message = page.locator('.editor-widget.suggest-widget .message');
  if (
    (await message.count()) > 0 &&
    (await message.first().isVisible()) &&
    /no suggestions/i.test(await message.first().innerText())
  )
    return [];
  return undefined;
}

/** The frame of the Run Pod panel: the innermost webview frame whose document is PodLab's page. */
export async function panelFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  return poll('the Run Pod webview frame', timeoutMs, async () => {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      const ok = await f
        .evaluate(
          (): boolean => document.title === 'Run Pod' && document.body !== null && document.body.childElementCount > 0,
        )
        .catch(() => false);
      if (ok) return f;
    }
    return undefined;
  });
}

/** The panel's visible text. */
export function panelText(frame: Frame): Promise<string> {
  return frame.evaluate((): string => document.body.innerText);
}

/** A kubectl-style table of the panel (the one with STATUS and RESTARTS headers), as objects keyed by header. */
export async function podTable(frame: Frame): Promise<Record<string, string>[]> {
  // No named functions inside: tsx (esbuild keepNames) would wrap them in a helper the page does not have.
  return frame.evaluate((): Record<string, string>[] => {
    for (const table of Array.from<InPage>(document.querySelectorAll('table'))) {
      const heads = Array.from<InPage>(table.querySelectorAll('thead th')).map((e): string =>
        String(e.textContent ?? '').trim(),
      );
      if (!heads.includes('STATUS') || !heads.includes('RESTARTS')) continue;
      return Array.from<InPage>(table.querySelectorAll('tbody tr')).map((tr) => {
        const cells = Array.from<InPage>(tr.querySelectorAll('td')).map((e): string =>
          String(e.textContent ?? '').trim(),
        );
        return Object.fromEntries(heads.map((h, i) => [h, cells[i] ?? '']));
      });
    }
    return [];
  });
}

/** The panel's verdict card, one row per workload: `data-outcome`, `data-status` and the row's text. */
export function verdictRows(frame: Frame): Promise<{ outcome: string; status: string; text: string }[]> {
  return frame.evaluate(() =>
    Array.from<InPage>(document.querySelectorAll('.verdict-card .verdict')).map((li) => ({
      outcome: String(li.getAttribute('data-outcome') ?? ''),
      status: String(li.getAttribute('data-status') ?? ''),
      text: String(li.innerText ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    })),
  );
}

/** The panel's heading: the document it shows. */
export function panelHeading(frame: Frame): Promise<string> {
  return frame.evaluate((): string => String(document.querySelector('h1')?.textContent ?? ''));
}

/**
 * What every frame of the page recorded: trapped dialogs and the flag a `<script>` of a fixture would set
 * (`ran`), and the frames whose trap is in place (`trapped`, URLs).
 */
export async function executedScripts(page: Page, flag: string): Promise<{ ran: string[]; trapped: string[] }> {
  const ran: string[] = [];
  const trapped: string[] = [];
  for (const f of page.frames()) {
    const r = await f
      .evaluate((name: string) => {
        const w = window as Record<string, unknown> & { __podlabDialogs?: string[] };
        return { dialogs: w.__podlabDialogs ?? [], flag: w[name] !== undefined, trap: w.__podlabTrap === true };
      }, flag)
      .catch(() => ({ dialogs: [] as string[], flag: false, trap: false }));
    ran.push(...r.dialogs);
    if (r.flag) ran.push(`window.${flag} is set in ${f.url().slice(0, 120)}`);
    if (r.trap) trapped.push(f.url());
  }
  return { ran, trapped };
}

/** Elements in the panel that could only come from markup in a manifest: event-handler attributes, the
 *  fixtures' `<img src=x>`, scripts other than the panel's own (which carries the CSP nonce). */
export function injectedElements(frame: Frame): Promise<string[]> {
  return frame.evaluate((): string[] =>
    Array.from<InPage>(
      document.querySelectorAll(
        '[onerror], [onload], img[src="x"], a[href^="javascript:" i], body script:not([nonce])',
      ),
    ).map((e): string => String(e.outerHTML).slice(0, 200)),
  );
}

/** The accessible label and text of each row of a list (the Problems view, the suggest widget, …). */
export function rowTexts(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((els: InPage[]) =>
    els.map((e): string => `${e.getAttribute('aria-label') ?? ''} | ${e.textContent ?? ''}`),
  );
}
