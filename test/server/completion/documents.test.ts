// Whole documents: skeletons and apiVersion/kind pairs in empty documents, multi-document files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextFormat } from 'vscode-languageserver';
import { completeAt, cursor, accept, item, labels, newText } from './helpers';
import { complete } from '../../../server/src/features/completion';

const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service'];

test('an empty document offers a skeleton per kind and apiVersion/kind pairs', () => {
  for (const src of ['|', '|\n', '# a comment\n|\n', '---\n|\n', 'Dep|']) {
    const got = labels(completeAt(src));
    for (const k of KINDS) assert.ok(got.includes(k), `${JSON.stringify(src)}: ${k}`);
    assert.ok(got.includes('apiVersion/kind: Deployment'), src);
  }
});

test('a pair inserts both lines', () => {
  const c = cursor('|');
  const it = item(complete(c.text, c.position), 'apiVersion/kind: CronJob');
  assert.equal(it.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(accept(c, it), 'apiVersion: batch/v1\nkind: CronJob\n');
});

test('pairs are offered at the top of a document that has neither apiVersion nor kind', () => {
  const got = labels(completeAt('|\nmetadata:\n  name: x\n'));
  assert.ok(got.includes('apiVersion/kind: Service'));
  assert.ok(got.includes('apiVersion'));
  assert.ok(!labels(completeAt('kind: Pod\n|\n')).includes('apiVersion/kind: Pod'));
});

test('multi-document: each document completes with its own kind', () => {
  const src = (cursorDoc: number): string => {
    const docs = [
      'apiVersion: v1\nkind: Service\nspec:\n  X\n',
      'apiVersion: batch/v1\nkind: CronJob\nspec:\n  X\n',
      'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  X\n',
    ];
    return docs.map((d, i) => d.replace('X', i === cursorDoc ? '|' : 'paused: false')).join('---\n');
  };
  assert.ok(labels(completeAt(src(0))).includes('sessionAffinity'));
  assert.ok(labels(completeAt(src(1))).includes('concurrencyPolicy'));
  assert.ok(labels(completeAt(src(2))).includes('podManagementPolicy'));
  assert.ok(!labels(completeAt(src(2))).includes('concurrencyPolicy'));
});

test('an empty document between others gets the skeletons', () => {
  const got = labels(completeAt('apiVersion: v1\nkind: Pod\n---\n|\n---\napiVersion: v1\nkind: Service\n'));
  assert.ok(got.includes('Deployment'));
});

test('nothing on a document marker line', () => {
  assert.deepEqual(completeAt('apiVersion: v1\nkind: Pod\n---|\n'), []);
});

test('keys already in the document are left out at the top level, across the cursor', () => {
  const got = labels(completeAt('apiVersion: v1\n|\nkind: Pod\nspec: {}\n'));
  assert.deepEqual(got, ['metadata']);
  assert.equal(newText(item(completeAt('apiVersion: v1\nkind: Pod\n|\n'), 'metadata')), 'metadata:\n  $0');
});
