// Shared helpers for the model tests: where the reference material lives, corpus loading, a seeded PRNG.
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KUBERNETES_YAML_OPTIONS } from '../../simulator/src/model';

export const repoRoot = path.resolve(__dirname, '../..');
export const SCHEMA_DIR = path.resolve(repoRoot, '../shared/schemas/k8s-v1.32.2-standalone-strict');
export const CORPUS_DIR = path.resolve(repoRoot, '../shared/corpus/real');

/** Official schema file for each KIND_SCHEMAS key. */
export const SCHEMA_FILES: Record<string, string> = {
  'v1/Pod': 'pod-v1.json',
  'apps/v1/Deployment': 'deployment-apps-v1.json',
  'apps/v1/ReplicaSet': 'replicaset-apps-v1.json',
  'apps/v1/StatefulSet': 'statefulset-apps-v1.json',
  'apps/v1/DaemonSet': 'daemonset-apps-v1.json',
  'batch/v1/Job': 'job-batch-v1.json',
  'batch/v1/CronJob': 'cronjob-batch-v1.json',
  'v1/Service': 'service-v1.json',
};

export function schemasAvailable(): boolean {
  return fs.existsSync(SCHEMA_DIR) && Object.values(SCHEMA_FILES).every((f) => fs.existsSync(path.join(SCHEMA_DIR, f)));
}

export function corpusAvailable(): boolean {
  return fs.existsSync(CORPUS_DIR);
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function loadOfficialSchema(key: string): Record<string, unknown> {
  const file = SCHEMA_FILES[key];
  if (!file) throw new Error(`no official schema for ${key}`);
  const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
  delete schema['$schema']; // "http://json-schema.org/schema#" is not a meta-schema ajv knows
  return schema;
}

export interface CorpusDoc {
  file: string;
  index: number;
  key: string;
  doc: Record<string, Json>;
}

function walkFiles(dir: string, out: string[]): void {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walkFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
}

/** Every YAML document of the real corpus whose apiVersion/kind is one of `keys` (read as kubectl reads YAML). */
export function loadCorpusDocs(keys: readonly string[]): { docs: CorpusDoc[]; files: number; documents: number } {
  const files: string[] = [];
  walkFiles(CORPUS_DIR, files);
  const docs: CorpusDoc[] = [];
  let documents = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    parseAllDocuments(text, KUBERNETES_YAML_OPTIONS).forEach((d, index) => {
      if (d.errors.length > 0) return;
      const js: unknown = d.toJS({ maxAliasCount: -1 });
      if (js === null || typeof js !== 'object' || Array.isArray(js)) return;
      documents++;
      const o = js as Record<string, Json>;
      // Every wanted key names a string apiVersion and kind; a document with any other value matches none.
      const text = (v: Json | undefined) => (typeof v === 'string' ? v : '');
      const key = `${text(o['apiVersion'])}/${text(o['kind'])}`;
      if (keys.includes(key)) docs.push({ file: path.relative(CORPUS_DIR, file), index, key, doc: o });
    });
  }
  return { docs, files: files.length, documents };
}

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
