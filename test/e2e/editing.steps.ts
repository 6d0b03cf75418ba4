// End-to-end steps (workbench.test.ts runs them in order in one workbench). Editing: completion offers container keys, and typing a whole manifest leaves exactly the typed text.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { poll } from '../../scripts/codeServer';
import {
  activeEditor,
  focusFirstGroup,
  goToLineEnd,
  quickOpen,
  runCommand,
  settledSuggestions,
  suggestions,
} from './workbench';
import { FILES, LIVENESS, lineOf } from '../fixtures/index';
import { artifacts, session, step } from './session';

export function editingSteps(): void {
  it(
    'completion offers container keys at the start of a new line in a container',
    { timeout: 2 * 60_000 },
    async (t) => {
      await step(t, 'completion', 'workbench', async () => {
        const page = session.browser!.page;
        const text = readFileSync(join(session.workspace, FILES.livenessWrongPort), 'utf8');
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
        const page = session.browser!.page;
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
            writeFileSync(join(session.workspace, 'fixtures', name), '');
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
            const typed = readFileSync(join(session.workspace, 'fixtures', name), 'utf8');
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
}
