// End to end, as a user sees PodLab: the packaged .vsix installed into code-server (VS Code's real workbench
// and extension host), driven in Debian's Chromium with playwright-core. Run with `npm run test:e2e`.
//
// The steps depend on each other (one workbench for the whole file); a step whose prerequisite failed is
// skipped with the reason. Screenshots go to test-results/e2e/. Environment:
//   PODLAB_E2E_VSIX=path   test this .vsix instead of building and packaging (dist/podlab.js is still used)
//   PODLAB_E2E_KEEP=1      keep the temporary directory (workspace, user data, logs) for a look afterwards
import { spawnSync } from 'node:child_process';
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import {
  codeServerBin,
  installExtension,
  poll,
  prepareDirs,
  removeOnExit,
  root,
  run,
  startCodeServer,
  type CodeServer,
  type CodeServerDirs,
} from '../../scripts/codeServer';
import {
  activeEditor,
  editorLines,
  executedScripts,
  focusFirstGroup,
  goToLineEnd,
  injectedElements,
  launchBrowser,
  openWorkbench,
  panelFrame,
  panelText,
  podTable,
  quickOpen,
  rowTexts,
  runCommand,
  settledSuggestions,
  suggestions,
  type Browser,
} from './workbench';
import { FILES, HOSTILE, LIVENESS, lineOf, makeWorkspace } from '../fixtures/index';

const MAX_VSIX_BYTES = 1_000_000;
const artifacts = join(root, 'test-results', 'e2e');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

let base = '';
let dirs: CodeServerDirs | undefined;
let workspace = '';
let vsix = '';
let server: CodeServer | undefined;
let browser: Browser | undefined;
let panel: Frame | undefined;
/** Why the remaining steps cannot run (the first failure of a step they depend on). */
let broken: string | undefined;

/** A dependent step: skipped when an earlier one failed; on failure, a screenshot, and the later steps skip. */
async function step(
  t: TestContext,
  name: string,
  needs: 'none' | 'workbench',
  body: () => void | Promise<void>,
): Promise<void> {
  if (broken) return t.skip(`needs an earlier step that failed: ${broken}`);
  if (needs === 'workbench' && !browser) return t.skip('no workbench');
  try {
    await body();
    t.diagnostic(`${name}: done at ${elapsed()}`);
  } catch (err) {
    if (browser)
      await browser.page
        .screenshot({ path: join(artifacts, `failure-${name.replace(/\W+/g, '-')}.png`) })
        .catch(() => undefined);
    throw err;
  }
}

/** A step the later ones cannot do without. */
async function gate(
  t: TestContext,
  name: string,
  needs: 'none' | 'workbench',
  body: () => void | Promise<void>,
): Promise<void> {
  try {
    await step(t, name, needs, body);
  } catch (err) {
    broken ??= `${name}: ${String((err as Error).message).split('\n')[0]}`;
    throw err;
  }
}

function expectedFromCli(
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
function panelUntil(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  };
  const d = pkg.contributes.configuration.properties['podlab.simulation.until']?.default;
  return typeof d === 'string' ? d : LIVENESS.until;
}

describe('PodLab in VS Code (code-server + Chromium)', { timeout: 15 * 60_000 }, () => {
  before(() => {
    mkdirSync(artifacts, { recursive: true });
    base = removeOnExit(mkdtempSync(join(tmpdir(), 'podlab-e2e-')));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (server) writeFileSync(join(artifacts, 'code-server.log'), server.log());
    if (base && !process.env.PODLAB_E2E_KEEP) rmSync(base, { recursive: true, force: true });
    else if (base) console.log(`kept ${base}`);
  });

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
    'builds and packages the extension (npm run package) into a .vsix under 1 MB',
    { timeout: 10 * 60_000 },
    async (t) => {
      await gate(t, 'package', 'none', () => {
        if (process.env.PODLAB_E2E_VSIX) {
          vsix = process.env.PODLAB_E2E_VSIX;
          t.diagnostic(`PODLAB_E2E_VSIX: testing ${vsix} without building it`);
        } else {
          vsix = join(root, 'podlab.vsix');
          rmSync(vsix, { force: true });
          run('npm', ['run', 'package'], { timeoutMs: 10 * 60_000 });
        }
        assert.ok(existsSync(vsix), `${vsix} was not written`);
        const size = statSync(vsix).size;
        t.diagnostic(`podlab.vsix: ${size} bytes (${(size / 1024).toFixed(1)} KiB)`);
        console.log(`# podlab.vsix size: ${size} bytes (${(size / 1024).toFixed(1)} KiB), limit ${MAX_VSIX_BYTES}`);
        assert.ok(size < MAX_VSIX_BYTES, `the .vsix is ${size} bytes, over ${MAX_VSIX_BYTES}`);
      });
    },
  );

  it('installs the .vsix into a fresh extensions dir and opens the workbench', { timeout: 3 * 60_000 }, async (t) => {
    await gate(t, 'workbench', 'none', async () => {
      dirs = prepareDirs(base);
      const ids = installExtension(vsix, dirs);
      assert.ok(ids.includes('podlab.podlab'), `code-server lists ${JSON.stringify(ids)}, not podlab.podlab`);
      workspace = makeWorkspace(root, join(base, 'workspace'));
      server = await startCodeServer(dirs);
      browser = await launchBrowser(join(base, 'chromium-profile'));
      await openWorkbench(browser.page, server.url, workspace);
      await quickOpen(browser.page, FILES.livenessWrongPort);
    });
  });

  it(
    'completion offers container keys at the start of a new line in a container',
    { timeout: 2 * 60_000 },
    async (t) => {
      await step(t, 'completion', 'workbench', async () => {
        const page = browser!.page;
        const text = readFileSync(join(workspace, FILES.livenessWrongPort), 'utf8');
        await activeEditor(page).locator('.view-lines').click();
        await goToLineEnd(page, lineOf(text, LIVENESS.imageLine) + 1);
        await page.keyboard.press('Enter'); // a new line, indented like `image:`: inside the container mapping
        const offered = new Map<string, string[]>();
        try {
          // The language server may still be starting: retrigger until it answers with the schema's keys.
          await poll(
            'the suggest widget to list container keys',
            60_000,
            async () => {
              await page.keyboard.press('Escape');
              await page.keyboard.press('Control+Space');
              const labels = await poll('the suggest widget', 5000, async () => {
                const l = await suggestions(page);
                return l.length > 0 ? l : undefined;
              }).catch(() => [] as string[]);
              offered.set('', labels);
              return labels.some((l) => (LIVENESS.completionKeys as readonly string[]).includes(l)) ? true : undefined;
            },
            500,
          );
          await page.screenshot({ path: join(artifacts, 'completion.png') });
          // The list is virtualised: filter by each key's first letters to see it whatever the sort order.
          for (const key of [...LIVENESS.completionKeys, ...LIVENESS.presentKeys]) {
            const prefix = key.slice(0, 4);
            const wanted = (LIVENESS.completionKeys as readonly string[]).includes(key);
            await page.keyboard.type(prefix);
            await page.keyboard.press('Control+Space');
            const labels = await poll(`suggestions for "${prefix}"`, 10_000, async () => {
              const l = await settledSuggestions(page);
              return l && (!wanted || l.includes(key)) ? l : undefined;
            }).catch(() => [] as string[]);
            offered.set(prefix, labels);
            await page.keyboard.press('Escape');
            for (let i = 0; i < prefix.length; i++) await page.keyboard.press('Backspace');
          }
        } finally {
          await page.keyboard.press('Escape');
          await runCommand(page, 'File: Revert File'); // back to the file on disk, as the CLI reads it
        }
        t.diagnostic(`offered: ${JSON.stringify(Object.fromEntries(offered))}`);
        for (const key of LIVENESS.completionKeys) {
          assert.ok(
            offered.get(key.slice(0, 4))?.includes(key),
            `completion does not offer ${key} in the container (got ${JSON.stringify(offered.get(key.slice(0, 4)))})`,
          );
        }
        for (const key of LIVENESS.presentKeys) {
          assert.ok(
            !offered.get(key.slice(0, 4))?.includes(key),
            `completion offers ${key}, which the container already has`,
          );
        }
        await page.locator('.part.editor .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
      });
    },
  );

  // Issue 13: completion used to take the Enter that ends a line (`apiVersion: v1⏎kind: Pod` came out as
  // `apiVersion: v1kind: Pod`, and `name: demo` as `name: Deployment`). Typing a whole manifest, at a human
  // pace and faster, must leave exactly the typed text. Each line's indentation is typed over whatever the
  // editor's auto-indent put there (Shift+Home selects it), as a user fixes it by hand. VS Code's
  // word-based suggestions (`Deployment` for `demo`, `tcpSocket` for `TCP`, from the open example) and
  // PodLab's own value lists (`Never`) were open when Enter came: the Enter must still start the next line.
  it(
    'typing a manifest at human speed, and faster, leaves exactly the typed text',
    { timeout: 4 * 60_000 },
    async (t) => {
      await step(t, 'typing', 'workbench', async () => {
        const page = browser!.page;
        const manifest = [
          'apiVersion: v1',
          'kind: Pod',
          'metadata:',
          '  name: demo',
          '  labels:',
          '    app: demo',
          'spec:',
          '  restartPolicy: Never',
          '  containers:',
          '    - name: web',
          '      image: nginx:1.27',
          '      imagePullPolicy: IfNotPresent',
          '      ports:',
          '        - containerPort: 80',
          '          protocol: TCP',
          '      readinessProbe:',
          '        httpGet:',
          '          path: /',
          '          port: 80',
        ];
        try {
          for (const [name, delay] of [
            ['typed-human.yaml', 90],
            ['typed-fast.yaml', 25],
          ] as const) {
            writeFileSync(join(workspace, 'fixtures', name), '');
            await focusFirstGroup(page);
            await quickOpen(page, `fixtures/${name}`);
            await activeEditor(page).locator('.view-lines').click();
            for (const line of manifest) {
              const indent = line.length - line.trimStart().length;
              await page.keyboard.press('Shift+Home');
              await page.keyboard.type(' '.repeat(indent) + line.trimStart(), { delay });
              await page.keyboard.press('Enter');
            }
            await page.keyboard.press('Shift+Home');
            await page.keyboard.press('Delete');
            await page.screenshot({ path: join(artifacts, `typing-${delay}ms.png`) });
            await page.keyboard.press('Control+S');
            await page.locator('.part.editor .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
            const typed = readFileSync(join(workspace, 'fixtures', name), 'utf8');
            assert.equal(typed, `${manifest.join('\n')}\n`, `typing with ${delay} ms between keys changed the text`);
            t.diagnostic(`${delay} ms per key: ${manifest.length} lines typed exactly`);
          }
        } finally {
          // the steps after this one work on the liveness example again
          await page.keyboard.press('Escape');
          await focusFirstGroup(page);
          await quickOpen(page, FILES.livenessWrongPort);
        }
      });
    },
  );

  it(
    `the Problems view shows the probe-port diagnostic (${LIVENESS.diagnosticCode}, port ${LIVENESS.diagnosticPort})`,
    { timeout: 2 * 60_000 },
    async (t) => {
      await step(t, 'problems', 'workbench', async () => {
        const page = browser!.page;
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
      const page = browser!.page;
      await focusFirstGroup(page);
      await runCommand(page, 'PodLab: Run Pod in Panel');
      await page.locator('iframe.webview').first().waitFor({ timeout: 30_000 });
      panel = await panelFrame(page);
      await poll('the panel to show the manifest', 30_000, async () =>
        (await panelText(panel!)).includes('liveness-wrong-port.yaml') ? true : undefined,
      );
    });
  });

  it(
    "the panel plays to the horizon and shows CrashLoopBackOff with the CLI's restart count",
    { timeout: 2 * 60_000 },
    async (t) => {
      await step(t, 'crashloop', 'workbench', async () => {
        const page = browser!.page;
        const until = panelUntil();
        const expected = expectedFromCli(join(workspace, FILES.livenessWrongPort), until);
        t.diagnostic(`CLI at --until ${until}: ${JSON.stringify(expected)}`);
        assert.equal(expected.status, LIVENESS.status);
        const frame = panel!;
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
        const page = browser!.page;
        const text = readFileSync(join(workspace, FILES.livenessWrongPort), 'utf8');
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

  it('hostile names in a manifest show as text in the panel and no script runs', { timeout: 2 * 60_000 }, async (t) => {
    await step(t, 'xss', 'workbench', async () => {
      const page = browser!.page;
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
      assert.deepEqual([...browser!.dialogs, ...ran], [], 'scripts from the manifest ran');
    });
  });

  it('the panel numbers problem lines as the editor does (1-based)', { timeout: 60_000 }, async (t) => {
    await step(t, 'problem-lines', 'workbench', async () => {
      const page = browser!.page;
      await focusFirstGroup(page);
      await quickOpen(page, FILES.xssContainerName);
      const text = readFileSync(join(workspace, FILES.xssContainerName), 'utf8');
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
      const page = browser!.page;
      await focusFirstGroup(page);
      await quickOpen(page, FILES.livenessWrongPort);
      const text = readFileSync(join(workspace, FILES.livenessWrongPort), 'utf8');
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
        const page = browser!.page;
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
});
