// The line being typed is rarely valid YAML: completion must still find its place, and never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { complete } from '../../../server/src/features/completion';
import { completeAt, labels } from './helpers';

const HEAD =
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n';

test('a key being typed under a probe (`tcp|`)', () => {
  const got = labels(completeAt(`${HEAD}          livenessProbe:\n            tcp|\n          image: nginx\n`));
  assert.ok(got.includes('tcpSocket'));
});

test('a key with no colon yet, between other keys', () => {
  const got = labels(completeAt(`${HEAD}          image: nginx\n          imag|\n          ports: []\n`));
  assert.ok(got.includes('imagePullPolicy'));
  assert.ok(!got.includes('image') && !got.includes('ports'));
});

test('a half-typed value on an otherwise broken document', () => {
  const src = `${HEAD}          image: "unterminated\n          imagePullPolicy: Alw|\n        - name: [broken\n`;
  assert.deepEqual(labels(completeAt(src)), ['Always', 'IfNotPresent', 'Never']);
});

test('a dash just typed starts a new item', () => {
  const got = labels(completeAt(`${HEAD}        -|\n`));
  assert.ok(got.includes('name'));
  const it = completeAt(`${HEAD}        -|\n`).find((i) => i.label === 'name');
  assert.equal((it?.textEdit as { newText: string }).newText, ' name: ');
});

test('tabs, stray colons and unbalanced brackets elsewhere do not matter', () => {
  const src = `apiVersion: v1\nkind: Pod\nmetadata: {name: [\n\tbad: : :\nspec:\n  restartPolicy: |\n`;
  assert.deepEqual(labels(completeAt(src)), ['Always', 'OnFailure', 'Never']);
});

test('inside block scalars and comments there is nothing to complete', () => {
  const src =
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      args:\n        - |\n          echo ^\n';
  assert.deepEqual(completeAt(src, '^'), []);
  assert.deepEqual(completeAt('apiVersion: v1\nkind: Pod\n# spec: |\n'), []);
  const after =
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      command:\n        - |\n          echo hi\n      ^\n';
  assert.ok(labels(completeAt(after, '^')).includes('image'));
});

test('positions outside the text and garbage never throw', () => {
  assert.deepEqual(complete('a: b', { line: 10, character: 3 }), []);
  assert.deepEqual(complete('', { line: 0, character: 5 }).length > 0, true);
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.nat(20), fc.nat(80), (text, line, character) => {
      assert.ok(Array.isArray(complete(text, { line, character })));
    }),
    { numRuns: 500, seed: 42 },
  );
  const yamlish = fc.array(
    fc.constantFrom(
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - name: a',
      '      ports: [{',
      '      - ',
      '  ',
      '---',
      '{',
      ']',
      ': :',
      '"',
      '|',
      '      livenessProbe:',
      '        httpGet: { port: ',
    ),
    { maxLength: 30 },
  );
  fc.assert(
    fc.property(yamlish, fc.nat(30), fc.nat(40), (ls, line, character) => {
      assert.ok(Array.isArray(complete(ls.join('\n'), { line, character })));
    }),
    { numRuns: 500, seed: 7 },
  );
});

test('a 20 MB file: only the document under the cursor is looked at', () => {
  const doc =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: a\n      image: nginx\n';
  const big = `${doc}---\n`.repeat(Math.ceil(20e6 / (doc.length + 4)));
  const line = big.split('\n').length - 1;
  const t0 = performance.now();
  const items = complete(`${big}${doc}      imagePullPolicy: \n`, { line: line + 8, character: 23 });
  assert.ok(performance.now() - t0 < 1000);
  assert.deepEqual(labels(items), ['Always', 'IfNotPresent', 'Never']);
  const huge = `spec:\n${'  x: y\n'.repeat(3e6)}`;
  assert.deepEqual(complete(huge, { line: 5, character: 2 }), []);
});
