// Oracle test: our zod schemas must accept and reject exactly what the official strict JSON schemas
// (checked with ajv) accept and reject, on the real corpus and on seeded mutations of it.
//
// Known, deliberate differences (kept out of the random mutations, checked separately below):
//  - metadata.name: the strict schemas cap some object names at 63 characters (an artefact of the schema
//    generator; the API server allows 253 for most kinds). We leave the length to validate.ts.
//  - container names: we cap every container name at 63 characters (DNS-1123 label, as the API server does);
//    the strict schemas only do so in some places (e.g. not for init containers of a Deployment).
//  - non-finite numbers (YAML .inf/.nan): ajv with strict: false accepts them as numbers, zod does not;
//    they cannot be sent to the API server anyway (JSON has no Infinity).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv, { type ValidateFunction } from 'ajv';
import { KIND_SCHEMAS } from '../../simulator/src/model';
import { MUTATORS, MUTATOR_NAMES, collect, type Mutator, type NodeRef } from './oracleMutations';
import {
  type Json,
  corpusAvailable,
  loadCorpusDocs,
  loadOfficialSchema,
  prng,
  SCHEMA_FILES,
  schemasAvailable,
} from './helpers';

/** The modelled kinds that have a reference schema (ConfigMap and Secret have none in ../shared/schemas). */
const ORACLE_KINDS = Object.keys(KIND_SCHEMAS).filter((k) => SCHEMA_FILES[k] !== undefined);

const skip = !schemasAvailable()
  ? 'reference schemas not found in ../shared/schemas (read-only material outside the repository)'
  : !corpusAvailable()
    ? 'reference corpus not found in ../shared/corpus/real'
    : false;

const MUTATIONS_PER_DOC = 40;
const SEED = 20250401;

let ajvCache: { ajv: Ajv; validators: Map<string, ValidateFunction> } | undefined;
/** ajv with the options the brief asks for; each official schema is compiled once for all tests. */
function officialValidator(key: string): ValidateFunction {
  ajvCache ??= {
    ajv: new Ajv({
      strict: false,
      allErrors: true,
      logger: false,
      formats: { int32: true, int64: true, 'date-time': true },
    }),
    validators: new Map(),
  };
  let v = ajvCache.validators.get(key);
  if (!v) {
    v = ajvCache.ajv.compile(loadOfficialSchema(key));
    ajvCache.validators.set(key, v);
  }
  return v;
}

interface Outcome {
  ajv: boolean;
  zod: boolean;
  ajvErrors: string;
  zodIssues: string;
}

function check(validate: ValidateFunction, key: string, doc: Json): Outcome {
  const ajvOk = validate(doc);
  const ajvErrors = ajvOk
    ? ''
    : (validate.errors ?? [])
        .slice(0, 3)
        .map((e) => `${e.instancePath} ${e.message ?? ''}`)
        .join('; ');
  const schema = KIND_SCHEMAS[key]?.schema;
  assert.ok(schema, key);
  const r = schema.safeParse(doc);
  const zodIssues = r.success
    ? ''
    : r.error.issues
        .slice(0, 3)
        .map((i) => `/${i.path.join('/')} ${i.message}`)
        .join('; ');
  return { ajv: ajvOk, zod: r.success, ajvErrors, zodIssues };
}

test('zod schemas agree with the official strict JSON schemas (corpus + mutations)', { skip }, () => {
  const validators: Record<string, ValidateFunction> = {};
  for (const key of ORACLE_KINDS) validators[key] = officialValidator(key);

  const { docs, files, documents } = loadCorpusDocs(ORACLE_KINDS);
  const disagreements: string[] = [];
  const perKind: Record<string, number> = {};
  let docAccepted = 0;
  for (const d of docs) {
    perKind[d.key] = (perKind[d.key] ?? 0) + 1;
    const o = check(validators[d.key] as ValidateFunction, d.key, d.doc);
    if (o.ajv) docAccepted++;
    if (o.ajv !== o.zod)
      disagreements.push(`${d.file}#${d.index}: ajv=${o.ajv} zod=${o.zod} | ${o.ajvErrors} | ${o.zodIssues}`);
  }

  const rnd = prng(SEED);
  let mutations = 0;
  let rejectedByBoth = 0;
  const perMutator: Record<string, number> = {};
  for (const d of docs) {
    for (let i = 0; i < MUTATIONS_PER_DOC; i++) {
      const root = structuredClone(d.doc) as Json;
      const nodes: NodeRef[] = [];
      collect(root, [], nodes);
      const name = MUTATOR_NAMES[Math.floor(rnd() * MUTATOR_NAMES.length)] as string;
      const mutator = MUTATORS[name] as Mutator;
      const candidates = nodes.filter(mutator.applies);
      if (candidates.length === 0) continue;
      const node = candidates[Math.floor(rnd() * candidates.length)] as NodeRef;
      const what = mutator.apply(root, node, rnd);
      mutations++;
      perMutator[name] = (perMutator[name] ?? 0) + 1;
      const o = check(validators[d.key] as ValidateFunction, d.key, root);
      if (!o.ajv && !o.zod) rejectedByBoth++;
      if (o.ajv !== o.zod) {
        disagreements.push(
          `${d.file}#${d.index} ${name} (${what}) at /${node.path.join('/')}: ajv=${o.ajv} zod=${o.zod} | ${o.ajvErrors} | ${o.zodIssues}`,
        );
      }
    }
  }

  const total = docs.length + mutations;
  console.log(
    `oracle: ${files} files, ${documents} YAML documents, ${docs.length} of our kinds ` +
      `(${Object.entries(perKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}); ${docAccepted} accepted by ajv`,
  );
  console.log(
    `oracle: ${mutations} mutations (seed ${SEED}); ${rejectedByBoth} rejected by both; per mutator: ${JSON.stringify(perMutator)}`,
  );
  console.log(`oracle: ${total - disagreements.length}/${total} agreements`);
  for (const line of disagreements.slice(0, 25)) console.log(`  DISAGREE ${line}`);
  assert.equal(docs.length > 400, true, 'the corpus should hold > 400 documents of our kinds');
  assert.equal(mutations > 5000, true, 'enough mutations were generated');
  assert.deepEqual(disagreements, []);
});

/** A document that sets every property of the official schema (used to exercise fields the corpus lacks). */
function maximal(s: Record<string, unknown>): Json {
  const oneOf = s['oneOf'] as Record<string, unknown>[] | undefined;
  if (oneOf) return JSON.stringify(oneOf).includes('"number"') ? '250m' : 8080;
  const t = Array.isArray(s['type']) ? (s['type'] as string[])[0] : (s['type'] as string | undefined);
  const en = s['enum'] as Json[] | undefined;
  if (en) return en[0] as Json;
  switch (t) {
    case 'string':
      return 'x';
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'array':
      return [maximal(s['items'] as Record<string, unknown>)];
    case 'object': {
      const props = s['properties'] as Record<string, Record<string, unknown>> | undefined;
      if (props) return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, maximal(v)]));
      const ap = s['additionalProperties'];
      return ap && typeof ap === 'object' ? { key: maximal(ap as Record<string, unknown>) } : { free: 'form' };
    }
    default:
      return null;
  }
}

const SYNTHETIC_MUTATIONS_PER_KIND = 600;

test('zod schemas agree with the official strict JSON schemas (every field, synthetic documents)', { skip }, () => {
  const rnd = prng(SEED + 1);
  const disagreements: string[] = [];
  let checks = 0;
  for (const key of ORACLE_KINDS) {
    const official = loadOfficialSchema(key);
    const validate = officialValidator(key);
    const doc = maximal(official);
    const base = check(validate, key, doc);
    checks++;
    assert.equal(base.ajv, true, `${key}: the oracle accepts the maximal document (${base.ajvErrors})`);
    assert.equal(base.zod, true, `${key}: we accept the maximal document (${base.zodIssues})`);
    const nodes: NodeRef[] = [];
    collect(doc, [], nodes);
    for (let i = 0; i < SYNTHETIC_MUTATIONS_PER_KIND; i++) {
      const name = MUTATOR_NAMES[Math.floor(rnd() * MUTATOR_NAMES.length)] as string;
      const mutator = MUTATORS[name] as Mutator;
      const candidates = nodes.filter(mutator.applies);
      if (candidates.length === 0) continue;
      const node = candidates[Math.floor(rnd() * candidates.length)] as NodeRef;
      const root = structuredClone(doc);
      const target: NodeRef = {
        path: node.path,
        value: node.path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k] as Json, root),
      };
      const what = mutator.apply(root, target, rnd);
      checks++;
      const o = check(validate, key, root);
      if (o.ajv !== o.zod) {
        disagreements.push(
          `${key} ${name} (${what}) at /${node.path.join('/')}: ajv=${o.ajv} zod=${o.zod} | ${o.ajvErrors} | ${o.zodIssues}`,
        );
      }
    }
  }
  console.log(`oracle (synthetic, every field set): ${checks - disagreements.length}/${checks} agreements`);
  for (const line of disagreements.slice(0, 25)) console.log(`  DISAGREE ${line}`);
  assert.deepEqual(disagreements, []);
});

test('documented differences from the strict schemas stay exactly where we expect them', { skip }, () => {
  const pod = officialValidator('v1/Pod');
  const deploy = officialValidator('apps/v1/Deployment');
  const long = 'a'.repeat(70);
  const podDoc = (name: string, containerName: string): Json => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: containerName, image: 'x' }] },
  });
  const zPod = KIND_SCHEMAS['v1/Pod']?.schema;
  const zDeploy = KIND_SCHEMAS['apps/v1/Deployment']?.schema;
  assert.ok(zPod && zDeploy);
  // metadata.name > 63: the oracle rejects, we leave it to validate.ts (253 for pods)
  assert.equal(pod(podDoc(long, 'c')), false);
  assert.equal(zPod.safeParse(podDoc(long, 'c')).success, true);
  // container name > 63: both reject for regular containers of a Pod …
  assert.equal(pod(podDoc('p', long)), false);
  assert.equal(zPod.safeParse(podDoc('p', long)).success, false);
  // … but the oracle forgets init containers of a Deployment, which the API server rejects too
  const d: Json = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { selector: {}, template: { spec: { containers: [{ name: 'c' }], initContainers: [{ name: long }] } } },
  };
  assert.equal(deploy(d), true);
  assert.equal(zDeploy.safeParse(d).success, false);
});
