// "Belongs elsewhere": an unknown field that the Pod schema knows one level away gets words that say where
// and a quick fix that moves it. Where a field belongs comes from the API types (core/v1 types.go: Probe
// holds httpGet, initialDelaySeconds and failureThreshold; Container holds the probes and resources;
// ResourceRequirements holds requests and limits), not from PodLab's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { diagnosticMessage } from '../../../server/src/features/diagnosticData';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { fixesOf } from '../../../server/src/features/diagnosticFixes';

const settings = { ...DEFAULT_SETTINGS, predictions: false };

function apply(text: string, d: Diagnostic, title: string): string {
  const fix = fixesOf(d).find((f) => f.title === title);
  assert.ok(
    fix,
    `no fix "${title}" in ${fixesOf(d)
      .map((f) => f.title)
      .join(' | ')}`,
  );
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

const unknown = (text: string) => diagnoseText(text, settings).filter((d) => d.code === 'unknown-field');
const fixes = (d: Diagnostic) => fixesOf(d).map((f) => [f.title, f.preferred ?? false]);

const head =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

test('probe fields under the container, beside an existing readinessProbe: move them under it', () => {
  const text = `${head}      readinessProbe:\n        periodSeconds: 5\n      httpGet:\n        path: /\n        port: 80\n      failureThreshold: 5\n`;
  const [httpGet, threshold] = unknown(text);
  assert.equal(
    httpGet ? diagnosticMessage(httpGet) : '',
    'unknown field "httpGet"; "httpGet" is a field of "readinessProbe", "livenessProbe" or "startupProbe": did you mean to indent it under "readinessProbe"?',
  );
  assert.deepEqual(fixes(httpGet!)[0], ['Move "httpGet" under "readinessProbe"', true]);
  const fixed = apply(text, httpGet!, 'Move "httpGet" under "readinessProbe"');
  assert.match(
    fixed,
    /      readinessProbe:\n        periodSeconds: 5\n        httpGet:\n          path: \/\n          port: 80\n/,
  );
  assert.ok(!/^      httpGet:/m.test(fixed));
  assert.ok((threshold ? diagnosticMessage(threshold) : '').includes('"failureThreshold" is a field of'));
  assert.deepEqual(unknown(apply(fixed, unknown(fixed)[0]!, 'Move "failureThreshold" under "readinessProbe"')), []);
});

test('no probe written yet: every probe is offered, none preferred', () => {
  const text = `${head}      initialDelaySeconds: 10\n`;
  const [d] = unknown(text);
  assert.match(diagnosticMessage(d!), /did you mean to indent it under one of them\?$/);
  assert.deepEqual(
    fixes(d!).map(([t]) => t),
    [
      'Move "initialDelaySeconds" under "livenessProbe"',
      'Move "initialDelaySeconds" under "readinessProbe"',
      'Move "initialDelaySeconds" under "startupProbe"',
    ],
  );
  assert.ok(fixes(d!).every(([, p]) => p === false));
});

test('requests directly under a container: moved into resources (created when absent)', () => {
  const text = `${head}      requests:\n        cpu: 100m\n`;
  const [d] = unknown(text);
  assert.equal(
    diagnosticMessage(d!),
    'unknown field "requests"; "requests" is a field of "resources": did you mean to indent it under "resources"?',
  );
  assert.deepEqual(fixes(d!), [['Move "requests" under "resources"', true]]);
  const fixed = apply(text, d!, 'Move "requests" under "resources"');
  assert.match(fixed, /      resources:\n        requests:\n          cpu: 100m\n/);
  assert.deepEqual(unknown(fixed), []);
});

test('a field indented one level too deep is moved one level up', () => {
  const text = `${head}      ports:\n        - containerPort: 80\n          imagePullPolicy: Always\n`;
  const [d] = unknown(text);
  assert.match(
    diagnosticMessage(d!),
    /"imagePullPolicy" is a field of the enclosing object: did you mean to indent it one level less\?$/,
  );
  const fixed = apply(text, d!, 'Move "imagePullPolicy" one level up');
  assert.deepEqual(unknown(fixed), []);
  assert.match(fixed, /\n      imagePullPolicy: Always\n/);
});

test('a field that belongs nowhere near keeps the plain message', () => {
  const [d] = unknown(`${head}      colour: blue\n`);
  assert.equal(diagnosticMessage(d!), 'unknown field "colour"');
});
