// The TextMate injection grammar: valid JSON, injected into YAML, and its patterns find kinds, known keys
// and quantities on real lines (the regexes are Oniguruma-compatible and also valid in JavaScript).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'kubernetes.injection.json'), 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, { match: string; name?: string }>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};

const re = (name: string) => new RegExp(grammar.repository[name]!.match, 'm');

test('the grammar is contributed as an injection into YAML', () => {
  const g = pkg.contributes.grammars.find((x) => x.scopeName === grammar.scopeName)!;
  assert.deepEqual(g.injectTo, ['source.yaml']);
  assert.match(grammar.injectionSelector, /source\.yaml/);
});

test('kinds, apiVersions, probe keys, known keys and quantities are matched; other text is not', () => {
  assert.equal(re('kind').exec('kind: Deployment')?.[3], 'Deployment');
  assert.equal(re('kind').exec('kind: Kustomization'), null);
  assert.equal(re('apiVersion').exec('apiVersion: apps/v1')?.[3], 'apps/v1');
  assert.equal(re('probe-keys').exec('      livenessProbe:')?.[1], 'livenessProbe');
  assert.equal(re('known-keys').exec('    - containerPort: 80')?.[1], 'containerPort');
  assert.equal(re('known-keys').exec('    myOwnKey: 1'), null);
  assert.equal(re('quantity').exec('          memory: 128Mi')?.[1], '128Mi');
  assert.equal(re('quantity').exec('          cpu: "500m"')?.[1], '500m');
  assert.equal(re('quantity').exec('          name: web'), null);
});
