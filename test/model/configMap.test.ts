// ConfigMap and Secret as the API server checks them (ValidateConfigMap, ValidateSecret in k8s.io/kubernetes
// pkg/apis/core/validation/validation.go; IsConfigMapKey in apimachinery util/validation), and the base64
// decoding of []byte fields (Go's encoding/base64, StdEncoding). Paths print map keys as `.key` (model/path.ts)
// where field.Path prints `[key]`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errors } from './validateBuilders';
import { decodeBase64, utf8Text } from '../../simulator/src/model/base64';

const cm = (data: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c' },
  ...data,
});
const secret = (data: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 's' },
  ...data,
});
const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

test('IsConfigMapKey: the character set, ".", ".." and a leading ".." (hasChDirPrefix), 253 characters', () => {
  assert.deepEqual(errors(cm({ data: { 'ok.key-1_A': 'x' } })), []);
  assert.deepEqual(errors(cm({ data: { 'a/b': 'x' } })), [`data.a/b: Invalid value: "a/b": ${KEY_MSG}`]);
  assert.deepEqual(errors(cm({ data: { '..': 'x' } })), [`data...: Invalid value: "..": must not be '..'`]);
  assert.deepEqual(errors(cm({ binaryData: { '..data': 'eA==' } })), [
    `binaryData...data: Invalid value: "..data": must not start with '..'`,
  ]);
  assert.deepEqual(errors(secret({ stringData: { '.': 'x' } })), [`stringData..: Invalid value: ".": must not be '.'`]);
  assert.deepEqual(errors(cm({ data: { ['k'.repeat(254)]: 'x' } })).length, 1);
});

test('ValidateConfigMap: a key in both data and binaryData is reported on both sides', () => {
  assert.deepEqual(errors(cm({ data: { k: 'x' }, binaryData: { k: 'eA==' } })), [
    'data.k: Invalid value: "k": duplicate of key present in binaryData',
    'binaryData.k: Invalid value: "k": duplicate of key present in data',
  ]);
});

test('MaxSecretSize (1 MiB): data over 1,048,576 bytes is rejected as a whole; exactly 1 MiB is accepted', () => {
  assert.deepEqual(errors(cm({ data: { a: 'x'.repeat(1024 * 1024) } })), []);
  assert.deepEqual(errors(cm({ data: { a: 'x'.repeat(1024 * 1024), b: 'y' } })), [
    ': Too long: may not be more than 1048576 bytes',
  ]);
  // A Secret counts the decoded bytes: 4 base64 characters are 3 bytes.
  const big = 'QUFB'.repeat(349526); // 1,048,578 bytes decoded
  assert.deepEqual(errors(secret({ data: { a: big } })), ['data: Too long: may not be more than 1048576 bytes']);
});

test('Secret data and binaryData must be base64: the API server answers "illegal base64 data at input byte N"', () => {
  // issue kubernetes/kubernetes #31548: `username: billy` → illegal base64 data at input byte 4
  assert.deepEqual(errors(secret({ data: { username: 'billy' } })), [
    'data.username: Invalid value: "billy": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4 (the value must be base64; use stringData for plain text)',
  ]);
  assert.match(errors(cm({ binaryData: { b: '<foo>' } }))[0]!, /illegal base64 data at input byte 0/);
  assert.deepEqual(errors(secret({ data: { ok: 'c2VjcmV0' }, stringData: { plain: 'text' } })), []);
});

test("Go's base64 StdEncoding: corrupt inputs and their offsets (encoding/base64 base64_test.go TestDecodeCorrupt)", () => {
  const cases: [string, number][] = [
    ['', -1],
    ['\n', -1],
    ['AAA=\n', -1],
    ['AAAA\n', -1],
    ['!!!!', 0],
    ['====', 0],
    ['x===', 1],
    ['=AAA', 0],
    ['A=AA', 1],
    ['AA=A', 2],
    ['AA==A', 4],
    ['AAA=AAAA', 4],
    ['AAAAA', 4],
    ['AAAAAA', 4],
    ['A=', 1],
    ['A==', 1],
    ['AA=', 3],
    ['AA==', -1],
    ['AAA=', -1],
    ['AAAA', -1],
    ['AAAAAA=', 7],
    ['YWJjZA=====', 8],
    ['A!\n', 1],
    ['A=\n', 1],
  ];
  for (const [input, offset] of cases) {
    const r = decodeBase64(input);
    assert.equal(r.ok ? -1 : r.offset, offset, JSON.stringify(input));
  }
  const r = decodeBase64('aGVsbG8g\r\nd29ybGQ=');
  assert.ok(r.ok);
  assert.equal(utf8Text(r.bytes), 'hello world');
  const bin = decodeBase64('/w==');
  assert.ok(bin.ok && utf8Text(bin.bytes) === undefined, 'a lone 0xff byte is not text');
});
