import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuantity, parseQuantity } from '../../simulator/src/present/quantity';

test('Quantity.String() canonical forms', () => {
  const rows: [string | number, string][] = [
    ['500m', '500m'],
    ['0.5', '500m'],
    ['1', '1'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['2000', '2k'],
    ['128Mi', '128Mi'],
    ['2048Mi', '2Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['1G', '1G'],
    ['1e3', '1e3'],
    ['129e6', '129e6'],
    ['100', '100'],
    [0.25, '250m'],
    [134217728, '134217728'],
    ['0', '0'],
    ['0.0000000001', '1n'],
  ];
  for (const [input, want] of rows)
    assert.equal(canonicalQuantity(input), want, `canonicalQuantity(${JSON.stringify(input)})`);
  assert.equal(parseQuantity('12x'), null);
  assert.equal(parseQuantity(''), null);
  assert.equal(canonicalQuantity('lots'), 'lots');
  assert.equal(parseQuantity('128Mi')?.nanos, 134217728n * 1_000_000_000n);
});
