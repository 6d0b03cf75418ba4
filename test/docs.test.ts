// The README documents every rule, every predicted outcome and every setting the extension contributes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_RULES, RULES } from '../server/src/rules';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> } };
};

test('every rule id is in the README with its default severity', () => {
  for (const r of [...RULES, ...FILE_RULES])
    assert.match(readme, new RegExp('\\| `' + r.id + '` \\| ' + r.defaultSeverity + ' \\|'), r.id);
});

test('every predicted outcome code is in the README', () => {
  const source = readFileSync(join(root, 'simulator/src/predict/types.ts'), 'utf8');
  const codes = [...source.matchAll(/'(predicted-[a-z-]+)'/g)].map((m) => m[1]!);
  assert.ok(codes.length >= 10);
  for (const c of codes) assert.ok(readme.includes('`' + c + '`'), c);
});

test('every contributed setting is in the README', () => {
  for (const key of Object.keys(pkg.contributes.configuration.properties))
    assert.ok(readme.includes('`' + key + '`'), key);
});
