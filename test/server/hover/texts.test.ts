// The text tables themselves: every entry names a real field, every example is one line of YAML for that
// field, enum value texts name real values, and no text is copied from the official schema descriptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { childSchema, getFieldMeta, KUBERNETES_YAML_OPTIONS } from '../../../simulator/src/model';
import { formatValue } from '../../../server/src/knowledge/fieldDocs';
import { ALL_TEXTS, TEXTS_WITHOUT_MODEL_FIELD } from '../../../server/src/knowledge/texts';
import { KIND_TEXTS } from '../../../server/src/knowledge/kinds';
import { enumValues, schemaOfType } from '../../../server/src/knowledge/types';
import { loadOfficialSchema, SCHEMA_FILES, schemasAvailable } from '../../model/helpers';

const entries = Object.entries(ALL_TEXTS).flatMap(([type, fields]) =>
  Object.entries(fields).map(([key, doc]) => ({ type, key, doc })),
);

test('every text names a type and a field of the model', () => {
  for (const { type, key } of entries) {
    const schema = schemaOfType(type);
    assert.ok(schema, `no type ${type}`);
    if (TEXTS_WITHOUT_MODEL_FIELD.includes(`${type}.${key}`)) continue;
    assert.ok(childSchema(schema, key), `${type} has no field ${key}`);
  }
});

test('texts are short sentences; examples are one line of YAML for the field', () => {
  for (const { type, key, doc } of entries) {
    const id = `${type}.${key}`;
    assert.ok(doc.text.length >= 10 && doc.text.length <= 260, `${id}: ${doc.text.length} characters`);
    assert.match(doc.text, /[.)]$/, `${id} ends without a full stop`);
    assert.ok(!doc.example.includes('\n'), `${id}: example on several lines`);
    const parsed = parseDocument(doc.example, KUBERNETES_YAML_OPTIONS);
    assert.deepEqual(parsed.errors, [], `${id}: ${doc.example}`);
    const value = parsed.toJS() as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), [key], `${id}: example is not about the field`);
  }
});

test('value texts name values the field accepts, and cover all of them', () => {
  for (const { type, key, doc } of entries) {
    if (!doc.values) continue;
    const field = childSchema(schemaOfType(type)!, key);
    if (!field) continue;
    const values = enumValues(field);
    assert.ok(values, `${type}.${key} has value texts but no enum values`);
    assert.deepEqual(Object.keys(doc.values).sort(), [...values].sort(), `${type}.${key}`);
  }
});

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/`/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
function shingles(s: string, n: number): Set<string> {
  const w = words(s);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

test(
  'no text is copied from the official schema descriptions',
  { skip: schemasAvailable() ? false : 'reference schemas not available' },
  () => {
    const official = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'description' && typeof x === 'string') for (const s of shingles(x, 7)) official.add(s);
          else collect(x);
        }
      }
    };
    for (const key of Object.keys(SCHEMA_FILES)) collect(loadOfficialSchema(key));
    assert.ok(official.size > 1000);
    const copied: string[] = [];
    const texts = [...entries.map((e) => [`${e.type}.${e.key}`, e.doc.text] as const), ...Object.entries(KIND_TEXTS)];
    for (const [id, text] of texts)
      for (const s of shingles(text, 7)) if (official.has(s)) copied.push(`${id}: "${s}"`);
    assert.deepEqual(copied, []);
  },
);

test("a text's default is the model's (the defaults table, model/defaultValues.ts), in prose and on its values", () => {
  // How a default is written in prose: as is, in code quotes, a file mode in octal, the empty string as "empty".
  const spellings = (def: unknown): string[] => [
    `Default ${formatValue(def)}`,
    `Default \`${formatValue(def)}\``,
    ...(typeof def === 'number' ? [`Default 0${def.toString(8)}`] : []),
    ...(def === '' ? ['Default empty'] : []),
  ];
  const wrong: string[] = [];
  for (const { type, key, doc } of entries) {
    const field = childSchema(schemaOfType(type)!, key);
    const def = field && getFieldMeta(field).default;
    if (def === undefined) continue;
    const id = `${type}.${key}`;
    // "Default: …" describes a default in words (the context's namespace, the value of `port`)
    if (/\bDefault [^:]/.test(doc.text) && !spellings(def).some((w) => doc.text.includes(w)))
      wrong.push(`${id}: ${doc.text}`);
    for (const [value, text] of Object.entries(doc.values ?? {}))
      if (text.includes('(the default)') && value !== (typeof def === 'string' ? def : JSON.stringify(def)))
        wrong.push(`${id} value ${value}: ${text}`);
  }
  assert.deepEqual(wrong, []);
});
