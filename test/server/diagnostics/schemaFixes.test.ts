// Quick fixes for schema-level problems, applied to the text: the result no longer has the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { diagnosticMessage } from '../../../server/src/features/diagnosticData';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { fixesOf } from '../../../server/src/features/diagnosticFixes';

const settings = { ...DEFAULT_SETTINGS, predictions: false };

function apply(text: string, d: Diagnostic): string {
  const fix = fixesOf(d)[0]!;
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

const find = (text: string, code: string) => diagnoseText(text, settings).find((d) => d.code === code);

test('unknown field: "did you mean" and a rename on the key', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      livenesProbe: { tcpSocket: { port: 80 } }\n';
  const d = find(text, 'unknown-field')!;
  assert.equal(d.message, 'unknown field "livenesProbe"; did you mean "livenessProbe"?');
  assert.deepEqual(d.range, { start: { line: 7, character: 6 }, end: { line: 7, character: 18 } });
  const fixed = apply(text, d);
  assert.match(fixed, /\n      livenessProbe: \{ tcpSocket/);
  assert.equal(find(fixed, 'unknown-field'), undefined);
});

test("missing required field: the fix adds it at the mapping's indentation", () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - image: nginx:1.27\n      ports: [{ containerPort: 80 }]\n';
  const d = find(text, 'missing-required')!;
  assert.equal(d.message, 'missing required field "name"');
  const fixed = apply(text, d);
  assert.match(fixed, /\n    - name: ""\n      image: nginx:1\.27\n/);
  assert.equal(find(fixed, 'missing-required'), undefined);
});

test('removed apiVersion: the fix sets the current one', () => {
  const text =
    'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec: { containers: [{ name: a, image: "nginx:1.27" }] }\n';
  const d = find(text, 'removed-api-version')!;
  assert.match(diagnosticMessage(d), /no longer served as extensions\/v1beta1 .*use apiVersion: apps\/v1/);
  const fixed = apply(text, d);
  assert.match(fixed, /^apiVersion: apps\/v1\n/);
  assert.equal(find(fixed, 'removed-api-version'), undefined);
  assert.deepEqual(
    diagnoseText(fixed, settings).filter((x) => x.severity === 1),
    [],
  );
});

test('schemaValidation off: structural problems are left to the other YAML extension', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: P }\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      livenesProbe: {}\n';
  const off = diagnoseText(text, { ...settings, schemaValidation: false });
  assert.equal(
    off.find((d) => d.code === 'unknown-field'),
    undefined,
  );
  const on = diagnoseText(text, settings);
  assert.ok(on.find((d) => d.code === 'unknown-field'));
});

test('an unknown field does not hide the API checks and predictions of the rest of the document', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: app\n      image: us-docker.pkg.dev/google-samples/containers/gke/hello-app:1.0\n      ports: [{ containerPort: 8080 }]\n      livenessProbe: { tcpSocket: { port: 8081 }, periodSeconds: 5, initialDelaySeconds: 10 }\n      colour: blue\n';
  const all = diagnoseText(text, { ...DEFAULT_SETTINGS, schemaValidation: false });
  assert.equal(
    all.find((d) => d.code === 'unknown-field'),
    undefined,
    'left to the other YAML extension',
  );
  assert.ok(
    all.find((d) => d.code === 'predicted-crash-loop'),
    all.map((d) => d.code).join(', '),
  );
});
