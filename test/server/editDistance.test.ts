import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance } from '../../server/src/editDistance';

// Levenshtein distances from the textbook examples (Wikipedia "Levenshtein distance": kitten → sitting is 3,
// flaw → lawn is 2) and the kind of typo the suggestions are for.
test('editDistance: Levenshtein distance for near names', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('flaw', 'lawn'), 2);
  assert.equal(editDistance('config', 'config'), 0);
  assert.equal(editDistance('confg', 'config'), 1);
  assert.equal(editDistance('', 'ab'), 2);
});

test('editDistance: over the cap by length alone, or too long to be a typo', () => {
  assert.equal(editDistance('a', 'abcdef', 3), 4);
  assert.equal(editDistance('a', 'abcd', 2), 3);
  const long = 'x'.repeat(5000);
  assert.equal(editDistance(long, `${long}y`), 4);
  assert.equal(editDistance(long, long), 0);
});
