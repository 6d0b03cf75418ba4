// The panel's commands (play/pause, step, jump to the verdict) are contributed with keybindings that apply only
// while the Run Pod panel is the active editor (VS Code's `activeWebviewPanelId` context key = its viewType).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PANEL_COMMANDS } from '../../client/src/panel/protocol';

interface Contributes {
  commands: { command: string }[];
  keybindings: { command: string; key: string; when?: string }[];
  menus: { commandPalette: { command: string; when?: string }[] };
}
const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: Contributes;
};

test('every panel command has a title, a key and a when clause on the panel', () => {
  const c = pkg.contributes;
  const when = "activeWebviewPanelId == 'podlab.simulation'";
  for (const name of PANEL_COMMANDS) {
    const id = `podlab.panel.${name}`;
    assert.ok(
      c.commands.some((x) => x.command === id),
      `${id} contributed`,
    );
    const keys = c.keybindings.filter((k) => k.command === id);
    assert.equal(keys.length, 1, `${id} has a key`);
    assert.equal(keys[0]!.when, when);
    assert.equal(c.menus.commandPalette.find((m) => m.command === id)?.when, when);
  }
  const keys = c.keybindings.map((k) => k.key);
  assert.equal(new Set(keys).size, keys.length, 'no two commands share a key');
});
