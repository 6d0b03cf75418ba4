// Expected values from k8s.io/apimachinery/pkg/api/resource/quantity_test.go (TestQuantityParse,
// TestQuantityString, TestQuantityParseEmit, TestJSONWhitespace, TestParseQuantityString) and quantity.go
// (ParseQuantity's int64 fast path and inf.Dec slow path), cited per test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalQuantity,
  compareQuantities,
  cpuMillis,
  formatQuantity,
  isValidQuantity,
  memoryBytes,
  parseQuantity,
  parseQuantityOrError,
  quantityValue,
  readQuantity,
  type Quantity,
  type QuantityFormat,
} from '../../simulator/src/model';

/** quantity_test.go decQuantity(i, exponent, format): i × 10^exponent. */
const dec = (i: bigint | number, exponent: number, format: QuantityFormat): Quantity => ({
  mantissa: BigInt(i),
  exponent,
  format,
});

function assertParses(input: string, want: Quantity): void {
  const got = parseQuantity(input);
  assert.ok(got, `${input} should parse`);
  assert.equal(compareQuantities(got, want), 0, `${input}: ${formatQuantity(got)} ≠ ${formatQuantity(want)}`);
  assert.equal(got.format, want.format, `${input}: format`);
}

test('ParseQuantity: the TestQuantityParse table (value and format), with "-" and "+" prefixes', () => {
  const maxAllowed = dec(2n ** 63n - 1n, 0, 'BinarySI');
  const table: [string, Quantity][] = [
    ['0', dec(0, 0, 'DecimalSI')],
    ['0n', dec(0, 0, 'DecimalSI')],
    ['0Ki', dec(0, 0, 'BinarySI')],
    ['0T', dec(0, 0, 'DecimalSI')],
    ['1', dec(1, 0, 'DecimalSI')],
    ['1Ki', dec(1024, 0, 'BinarySI')],
    ['7Mi', dec(7 * 1024 * 1024, 0, 'BinarySI')],
    ['6Gi', dec(6 * 1024 ** 3, 0, 'BinarySI')],
    ['5Ti', dec(5 * 1024 ** 4, 0, 'BinarySI')],
    ['4Pi', dec(4 * 1024 ** 5, 0, 'BinarySI')],
    ['3Ei', dec(3n * 1024n ** 6n, 0, 'BinarySI')],
    ['5n', dec(5, -9, 'DecimalSI')],
    ['4u', dec(4, -6, 'DecimalSI')],
    ['3m', dec(3, -3, 'DecimalSI')],
    ['50k', dec(5, 4, 'DecimalSI')],
    ['300T', dec(3, 14, 'DecimalSI')],
    ['1E', dec(1, 18, 'DecimalSI')],
    ['1E-3', dec(1, -3, 'DecimalExponent')],
    ['1e3', dec(1, 3, 'DecimalExponent')],
    ['1E18', dec(1, 18, 'DecimalExponent')],
    ['1e13', dec(1, 13, 'DecimalExponent')],
    ['100.035k', dec(100035, 0, 'DecimalSI')],
    ['0.0005k', dec(5, -1, 'DecimalSI')],
    ['0.00050k', dec(5, -1, 'DecimalSI')],
    ['0.5e-2', dec(5, -3, 'DecimalExponent')],
    ['10.035M', dec(10035, 3, 'DecimalSI')],
    ['1.3E+6', dec(13, 5, 'DecimalExponent')],
    ['1.53E12', dec(153, 10, 'DecimalExponent')],
    ['6.987654321G', dec(6987654321, 0, 'DecimalSI')],
    ['1.01E', dec(101, 16, 'DecimalSI')],
    // things that saturate or round (up, to a whole nano-unit)
    ['3.001n', dec(4, -9, 'DecimalSI')],
    ['1.1E-9', dec(2, -9, 'DecimalExponent')],
    ['0.0000000001', dec(1, -9, 'DecimalSI')],
    ['0.5e-9', dec(1, -9, 'DecimalExponent')],
    ['0.9n', dec(1, -9, 'DecimalSI')],
    ['0.00000012345', dec(124, -9, 'DecimalSI')],
    ['9Ei', maxAllowed],
    ['9223372036854775807Ki', maxAllowed],
    ['12E', dec(12, 18, 'DecimalSI')],
    // fractional binary
    ['100.035Ki', dec(10243584, -2, 'BinarySI')],
    ['0.5Mi', dec(0.5 * 1024 * 1024, 0, 'BinarySI')],
    ['0.025Ti', dec(274877906944, -1, 'BinarySI')],
    // "things written by trolls"
    ['0.000000000001Ki', dec(2, -9, 'DecimalSI')],
    ['.001', dec(1, -3, 'DecimalSI')],
    ['.0001k', dec(100, -3, 'DecimalSI')],
    ['1.', dec(1, 0, 'DecimalSI')],
    ['1.G', dec(1, 9, 'DecimalSI')],
  ];
  for (const [input, want] of table) {
    assertParses(input, want);
    assertParses(`+${input}`, want);
    assertParses(`-${input}`, { ...want, mantissa: -want.mantissa });
  }
});

test('ParseQuantity: invalid inputs (TestQuantityParse), and the grammar quirks of quantity.go', () => {
  // quantity_test.go's invalid list, "" (ErrFormatWrong) and whitespace ("trailing whitespace is forbidden")
  for (const bad of ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 '])
    assert.equal(parseQuantity(bad), undefined, bad);
  // an exponent and a suffix do not combine; no "K"; letters after digits; other malformed text
  for (const bad of ['1e3Mi', '1K', '1gi', '1Mii', '1e', '--1', '1m1', '1 Gi', '${CPU}', '1,5', '1Gb'])
    assert.equal(parseQuantity(bad), undefined, bad);
  // parseQuantityString reads "." as 0 (TestParseQuantityString), and an empty number is 0 on the int64 fast
  // path; the inf.Dec slow path (binary suffixes past 2^44, here Pi and Ei) needs a digit.
  for (const zero of ['.', '-.', '+', 'Mi', 'm', 'e3']) assert.equal(parseQuantity(zero)?.mantissa, 0n, `${zero} is 0`);
  for (const bad of ['Ei', 'Pi', '-Ei']) assert.equal(parseQuantity(bad), undefined, bad);
  // the three errors of ParseQuantity
  assert.deepEqual(parseQuantityOrError('1Gb'), {
    error: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  });
  assert.deepEqual(parseQuantityOrError('1K'), { error: "unable to parse quantity's suffix" });
  assert.deepEqual(parseQuantityOrError('Ei'), { error: 'unable to parse numeric part of quantity' });
  // huge exponents stay exact and cheap
  assert.equal(formatQuantity(parseQuantity('1e999999999') as Quantity), '1e999999999');
  assert.equal(formatQuantity(parseQuantity('1e-999999999') as Quantity), '1e-9'); // rounded up to a nano-unit
});

test('Quantity.String(): TestQuantityString (canonical and alternate forms) and TestQuantityParseEmit', () => {
  const rows: [string, string][] = [
    ['1Gi', '1024Mi'],
    ['300Mi', '307200Ki'],
    ['1001Gi', '1025024Mi'],
    ['1Ti', '1024Gi'],
    ['5', '5000m'],
    ['500m', '0.5'],
    ['1G', '1000M'],
    ['1G', '0.001T'],
    ['1m', '1000u'],
    ['1080m', '1.08'],
    ['1080m', '1080000000n'],
    ['1e21', '1000E'],
    ['5e21', '5000E'],
    ['1e24', '1000000E'],
    ['1e9', '.001e12'],
    ['1e-3', '0.001e0'],
    ['1e-9', '1000e-12'],
    ['0', '00'],
    // TestQuantityParseEmit
    ['1Gi', '1024Mi'],
    ['1G', '1000M'],
    ['1024m', '.001Ki'],
    ['1024u', '.000001Ki'],
    ['1024n', '.000000001Ki'],
    ['2n', '.000000000001Ki'],
    // canonical inputs print unchanged
    ...['6Ki', '80m', '1234567M', '1234567m', '3k', '1025', '80e-3', '300e6', '1e12', '80n', '1080u'].map(
      (s): [string, string] => [s, s],
    ),
  ];
  for (const [canonical, alternate] of rows) {
    for (const input of [canonical, alternate]) {
      const q = parseQuantity(input);
      assert.ok(q, input);
      assert.equal(formatQuantity(q), canonical, `String(${input})`);
      if (canonical !== '0') assert.equal(formatQuantity(parseQuantity(`-${input}`) as Quantity), `-${canonical}`);
    }
  }
  assert.equal(formatQuantity(parseQuantity('9223372036854775808') as Quantity), '9223372036854775808');
});

test('manifest quantities decode like Quantity.UnmarshalJSON: surrounding whitespace trimmed, JSON numbers', () => {
  // TestJSONWhitespace: `" 1"`, `"1 "` and ` -1` decode
  assert.equal(formatQuantity(readQuantity(' 1') as Quantity), '1');
  assert.equal(formatQuantity(readQuantity('1 ') as Quantity), '1');
  assert.equal(formatQuantity(readQuantity(' -1') as Quantity), '-1');
  assert.equal(isValidQuantity(' 128Mi'), true);
  assert.equal(isValidQuantity('1 Gi'), false);
  assert.equal(isValidQuantity(1), true);
  assert.equal(isValidQuantity(0.25), true);
  assert.equal(isValidQuantity(Number.POSITIVE_INFINITY), false);
  assert.equal(isValidQuantity(null), false);
  assert.equal(isValidQuantity(true), false);
});

test('canonicalQuantity: what describe prints for a manifest value', () => {
  const rows: [string | number, string][] = [
    ['0.5', '500m'],
    ['1000m', '1'],
    ['2000', '2k'],
    ['2048Mi', '2Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['129e6', '129e6'],
    [0.25, '250m'],
    [134217728, '134217728'],
    ['0.0000000001', '1n'],
    [' 128Mi', '128Mi'],
  ];
  for (const [input, want] of rows) assert.equal(canonicalQuantity(input), want, JSON.stringify(input));
  assert.equal(canonicalQuantity('lots'), 'lots');
});

test('cpuMillis (MilliValue) and memoryBytes (Value): rounded up, like the API server', () => {
  assert.equal(cpuMillis('100m'), 100);
  assert.equal(cpuMillis('0.5'), 500);
  assert.equal(cpuMillis(2), 2000);
  assert.equal(cpuMillis('1.5'), 1500);
  assert.equal(cpuMillis('0.0001'), 1);
  assert.equal(cpuMillis('0.3'), 300); // exact: no 300.00000000000006
  assert.equal(cpuMillis('x'), undefined);
  assert.equal(memoryBytes('128Mi'), 134217728);
  assert.equal(memoryBytes('1G'), 1e9);
  assert.equal(memoryBytes('1.5Gi'), 1610612736);
  assert.equal(memoryBytes('500m'), 1); // 0.5 byte rounds up
  assert.equal(memoryBytes(1048576), 1048576);
  assert.equal(memoryBytes('12 Mi'), undefined);
  assert.equal(memoryBytes('1e400'), undefined); // valid, but no finite number of bytes
  assert.equal(quantityValue('250u'), 250e-6);
  assert.equal(quantityValue('1.5Gi'), 1.5 * 2 ** 30);
  assert.equal(quantityValue('1e3Mi'), undefined);
});
