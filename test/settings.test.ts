// Settings defaults live in code once per reader (server/src/settings.ts, client/src/settings.ts); the
// manifest (package.json `contributes.configuration`) must declare the same defaults, or VS Code's
// settings UI would show one default while PodLab applies another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, readSettings } from '../server/src/settings';
import { CLIENT_SETTING_DEFAULTS, clientSetting } from '../client/src/settings';
import { runPredictionJob } from '../server/src/features/predictionCache';
import { humanDuration, loadManifest, parseDuration } from '../simulator/src/index';

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

test('only the declared world is read by both the server and the extension, with one default', () => {
  // The panel and the predictions must simulate the same cluster and world (issue 9 item 7).
  const server = Object.keys(DEFAULT_SETTINGS);
  const shared = Object.keys(CLIENT_SETTING_DEFAULTS).filter((k) => server.includes(k));
  assert.deepEqual(shared, ['simulation.cluster', 'simulation.worldComplete']);
  for (const k of shared)
    assert.deepEqual(
      (CLIENT_SETTING_DEFAULTS as Record<string, unknown>)[k],
      (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[k],
      k,
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
    {
      schemaValidation: false,
      predictions: false,
      rules: { 'bare-pod': 'off' },
      podSecurity: 'off',
      'simulation.cluster': {},
      'simulation.worldComplete': false,
    },
  );
});

test('the extension reads its settings with the defaults of CLIENT_SETTING_DEFAULTS', () => {
  const asked: [string, unknown][] = [];
  const config = { get: <T>(key: string, dflt: T): T => (asked.push([key, dflt]), dflt) };
  assert.equal(clientSetting(config, 'simulation.until'), '10m');
  assert.deepEqual(asked, [['simulation.until', '10m']]);
});

test("the panel's default horizon is the predictions' horizon (issue 13 item 9: '7 restarts in 600s' beside a 5-minute panel)", () => {
  const panel = parseDuration(String(declared['podlab.simulation.until']?.default));
  assert.ok(panel.ok);
  const m = loadManifest(readFileSync(join(__dirname, '..', 'examples', 'liveness-wrong-port.yaml'), 'utf8'));
  const predictions = runPredictionJob({ objects: m.objects, services: m.services, world: [] });
  assert.ok(predictions.length > 0);
  for (const p of predictions) {
    assert.equal(p.horizon, panel.seconds, `${p.code} simulated what the panel simulates`);
    assert.match(p.message, new RegExp(`in ${humanDuration(panel.seconds)} simulated`));
  }
});
