import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpuMillis,
  formatCpu,
  formatMemory,
  isValidQuantity,
  memoryBytes,
  parseQuantity,
} from '../../simulator/src/model';

test('parseQuantity: decimal SI suffixes', () => {
  assert.equal(parseQuantity('500m'), 0.5);
  assert.equal(parseQuantity('1'), 1);
  assert.equal(parseQuantity('2.5'), 2.5);
  assert.equal(parseQuantity('1k'), 1000);
  assert.equal(parseQuantity('1M'), 1e6);
  assert.equal(parseQuantity('3G'), 3e9);
  assert.equal(parseQuantity('1T'), 1e12);
  assert.equal(parseQuantity('1P'), 1e15);
  assert.equal(parseQuantity('1E'), 1e18);
  assert.equal(parseQuantity('250u'), 250e-6);
  assert.equal(parseQuantity('7n'), 7e-9);
});

test('parseQuantity: binary suffixes', () => {
  assert.equal(parseQuantity('1Ki'), 1024);
  assert.equal(parseQuantity('128Mi'), 128 * 1024 * 1024);
  assert.equal(parseQuantity('1.5Gi'), 1.5 * 2 ** 30);
  assert.equal(parseQuantity('2Ti'), 2 * 2 ** 40);
  assert.equal(parseQuantity('1Pi'), 2 ** 50);
  assert.equal(parseQuantity('1Ei'), 2 ** 60);
});

test('parseQuantity: decimal exponents, signs, numbers', () => {
  assert.equal(parseQuantity('1e3'), 1000);
  assert.equal(parseQuantity('1E3'), 1000); // "E" followed by digits is an exponent, not exa
  assert.equal(parseQuantity('129e6'), 129e6);
  assert.equal(parseQuantity('5e-1'), 0.5);
  assert.equal(parseQuantity('+2'), 2);
  assert.equal(parseQuantity('-1'), -1);
  assert.equal(parseQuantity('.5'), 0.5);
  assert.equal(parseQuantity(0.25), 0.25);
  assert.equal(parseQuantity(3), 3);
});

test('parseQuantity / isValidQuantity reject malformed quantities', () => {
  for (const bad of [
    '',
    'abc',
    '1.2.3',
    '1 Gi',
    ' 1',
    '1gi',
    '1K',
    '1Mii',
    '1e',
    'Mi',
    '--1',
    '1m1',
    '${CPU}',
    '1,5',
  ]) {
    assert.equal(parseQuantity(bad), undefined, bad);
    assert.equal(isValidQuantity(bad), false, bad);
  }
  assert.equal(parseQuantity(Number.POSITIVE_INFINITY), undefined);
  assert.equal(isValidQuantity(null), false);
  assert.equal(isValidQuantity('100Mi'), true);
  assert.equal(isValidQuantity(1), true);
});

test('cpuMillis: cores to millicores, rounded up like the API server', () => {
  assert.equal(cpuMillis('100m'), 100);
  assert.equal(cpuMillis('0.5'), 500);
  assert.equal(cpuMillis(2), 2000);
  assert.equal(cpuMillis('1.5'), 1500);
  assert.equal(cpuMillis('0.0001'), 1);
  assert.equal(cpuMillis('0.3'), 300); // no floating-point noise (0.3 * 1000 = 300.00000000000006)
  assert.equal(cpuMillis('x'), undefined);
});

test('memoryBytes: bytes as an integer', () => {
  assert.equal(memoryBytes('128Mi'), 134217728);
  assert.equal(memoryBytes('1G'), 1e9);
  assert.equal(memoryBytes('1.5Gi'), 1610612736);
  assert.equal(memoryBytes('500m'), 1); // 0.5 byte rounds up
  assert.equal(memoryBytes(1048576), 1048576);
  assert.equal(memoryBytes('12 Mi'), undefined);
});

test('formatMemory and formatCpu print like kubectl', () => {
  assert.equal(formatMemory(268435456), '256Mi');
  assert.equal(formatMemory(2 ** 30), '1Gi');
  assert.equal(formatMemory(1610612736), '1536Mi');
  assert.equal(formatMemory(1024), '1Ki');
  assert.equal(formatMemory(1500), '1.46Ki');
  assert.equal(formatMemory(100), '100');
  assert.equal(formatCpu(500), '500m');
  assert.equal(formatCpu(2000), '2');
});
