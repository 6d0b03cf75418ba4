// Completion must never fight typing. In VS Code an open suggest list takes the Enter key
// (`editor.acceptSuggestionOnEnter`, on by default), so a list that is still open when a word has been typed
// in full swallows the newline — `apiVersion: v1⏎kind: Pod` became `apiVersion: v1kind: Pod` (issue 13).
// Expected results below come from that editor behaviour and the Kubernetes API (`v1`, `Pod` are complete
// values), not from what the completion code happened to return.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../../server/src/features/completion';
import { completeAt, cursor, labels } from './helpers';

test('a value typed in full gets no list, so Enter starts the next line', () => {
  assert.deepEqual(completeAt('apiVersion: v1|\n'), []);
  assert.deepEqual(completeAt('apiVersion: v1\nkind: Pod|\n'), []);
  assert.deepEqual(completeAt('apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Never|\n'), []);
});

test('a half-typed value still gets its list', () => {
  assert.ok(labels(completeAt('apiVersion: v1\nkind: Po|\n')).includes('Pod'));
  assert.ok(labels(completeAt('apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Nev|\n')).includes('Never'));
});

test('a `:` typed after a key that takes no listed value opens nothing', () => {
  const at = (src: string) => {
    const c = cursor(src);
    return complete(c.text, c.position, undefined, { character: ':' });
  };
  // metadata is a mapping, name is free text: nothing to offer, so nothing may pop up and take the Enter.
  assert.deepEqual(at('apiVersion: v1\nkind: Pod\nmetadata:|\n'), []);
  assert.deepEqual(at('apiVersion: v1\nkind: Pod\nmetadata:\n  name:|\n'), []);
  // kind takes one of the served kinds: the list opens.
  assert.ok(labels(at('apiVersion: v1\nkind:|\n')).includes('Pod'));
});

test('a `-` opens the list only where it starts a list item', () => {
  const at = (src: string) => {
    const c = cursor(src);
    return complete(c.text, c.position, undefined, { character: '-' });
  };
  assert.deepEqual(at('apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-|\n'), []);
  assert.ok(at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    -|\n').length > 0);
});
