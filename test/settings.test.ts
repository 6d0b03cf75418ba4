// Settings defaults live in code once per reader (server/src/settings.ts, client/src/settings.ts); the
// manifest (package.json `contributes.configuration`) must declare the same defaults, or VS Code's
// settings UI would show one default while PodLab applies another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, readSettings } from '../server/src/settings';
import { CLIENT_SETTING_DEFAULTS, clientSetting } from '../client/src/settings';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};
const declared = manifest.contributes.configuration.properties;

const inCode: Record<string, unknown> = {
  ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [`podlab.${k}`, v])),
  ...Object.fromEntries(Object.entries(CLIENT_SETTING_DEFAULTS).map(([k, v]) => [`podlab.${k}`, v])),
};

test('every setting package.json declares has its default in code, and the two agree', () => {
  assert.deepEqual(Object.keys(declared).sort(), Object.keys(inCode).sort());
  for (const [key, property] of Object.entries(declared)) assert.deepEqual(property.default, inCode[key], key);
});

test('no setting is read by both the server and the extension', () => {
  const server = Object.keys(DEFAULT_SETTINGS);
  assert.deepEqual(
    Object.keys(CLIENT_SETTING_DEFAULTS).filter((k) => server.includes(k)),
    [],
  );
});

test('the server applies its defaults to missing or malformed settings', () => {
  assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(
    readSettings({ schemaValidation: 'no', predictions: 0, rules: 'x', podSecurity: 'strict' }),
    DEFAULT_SETTINGS,
  );
  assert.deepEqual(
    readSettings({ schemaValidation: false, predictions: false, rules: { 'bare-pod': 'off' }, podSecurity: 'off' }),
    { schemaValidation: false, predictions: false, rules: { 'bare-pod': 'off' }, podSecurity: 'off' },
  );
});

test('the extension reads its settings with the defaults of CLIENT_SETTING_DEFAULTS', () => {
  const asked: [string, unknown][] = [];
  const config = { get: <T>(key: string, dflt: T): T => (asked.push([key, dflt]), dflt) };
  assert.equal(clientSetting(config, 'simulation.until'), '5m');
  assert.deepEqual(asked, [['simulation.until', '5m']]);
});
