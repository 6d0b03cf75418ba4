// Field coverage: every property path of the official strict schemas must exist in our zod schemas, with the
// same type, the same required flag and the same nullability (and we must not invent fields).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_SCHEMAS } from '../../simulator/src/model';
import { loadOfficialSchema, SCHEMA_FILES, schemasAvailable } from './helpers';
import { walkJsonSchema, walkZod } from './schemaWalk';

const skip = schemasAvailable()
  ? false
  : 'reference schemas not found in ../shared/schemas (read-only material outside the repository)';

// Differences we keep on purpose (see oracle.test.ts): none of them is a missing field or a type change.
const POD_RELATED =
  /(^|\.)(spec|template|jobTemplate|containers|initContainers|ephemeralContainers|volumes|securityContext|affinity|tolerations)(\.|\[|$)/;

for (const [key, entry] of Object.entries(KIND_SCHEMAS)) {
  // ConfigMap and Secret have no file among the reference schemas (their fields are few: configMap.ts).
  const none = SCHEMA_FILES[key] === undefined ? `no reference schema for ${key} in ../shared/schemas` : false;
  test(`field coverage of ${key}`, { skip: skip || none }, () => {
    const official = walkJsonSchema(loadOfficialSchema(key));
    const ours = walkZod(entry.schema);
    const missing: string[] = [];
    const wrongType: string[] = [];
    const wrongRequired: string[] = [];
    const wrongNullable: string[] = [];
    const unmarked: string[] = [];
    for (const [path, info] of official) {
      const mine = ours.get(path);
      if (!mine) {
        missing.push(path);
        continue;
      }
      if (mine.type !== info.type) wrongType.push(`${path}: official ${info.type}, ours ${mine.type}`);
      if (mine.required !== info.required)
        wrongRequired.push(`${path}: official ${info.required}, ours ${mine.required}`);
      if (mine.nullable !== info.nullable)
        wrongNullable.push(`${path}: official ${info.nullable}, ours ${mine.nullable}`);
      if (info.deprecated && !mine.deprecated) unmarked.push(`${path}: deprecated upstream, not marked`);
      if (info.readOnly && !mine.readOnly) unmarked.push(`${path}: read-only upstream, not marked`);
    }
    const extra = [...ours.keys()].filter((p) => !official.has(p));
    const podRelated = [...official.keys()].filter((p) => POD_RELATED.test(p));
    const podMissing = missing.filter((p) => POD_RELATED.test(p));
    const pct = (n: number, of: number) => ((100 * (of - n)) / of).toFixed(1);
    console.log(
      `coverage ${key}: ${official.size - missing.length}/${official.size} property paths (${pct(missing.length, official.size)}%), ` +
        `pod-related ${podRelated.length - podMissing.length}/${podRelated.length}; ` +
        `type mismatches ${wrongType.length}, required mismatches ${wrongRequired.length}, nullability mismatches ${wrongNullable.length}, ` +
        `extra ${extra.length}, unmarked deprecated/read-only ${unmarked.length} ` +
        `(marked: ${[...ours.values()].filter((i) => i.deprecated).length} deprecated, ${[...ours.values()].filter((i) => i.readOnly).length} read-only)`,
    );
    for (const p of missing.slice(0, 30)) console.log(`  missing ${p}`);
    for (const p of [
      ...wrongType,
      ...wrongRequired,
      ...wrongNullable,
      ...unmarked,
      ...extra.map((e) => `extra ${e}`),
    ].slice(0, 30)) {
      console.log(`  ${p}`);
    }
    assert.ok(official.size > 50, 'the official schema was walked');
    assert.deepEqual(missing, []);
    assert.deepEqual(wrongType, []);
    assert.deepEqual(wrongRequired, []);
    assert.deepEqual(wrongNullable, []);
    assert.deepEqual(extra, []);
    assert.deepEqual(unmarked, [], 'deprecated and read-only fields carry their metadata');
  });
}
