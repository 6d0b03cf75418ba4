// Every rule over every document of the real corpus (../shared/corpus/real): no rule throws, and the
// error-level findings on manifests the API server accepts are none (an error there would be a false
// positive). Prints the count of findings per rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../../simulator/src/manifest';
import { docContexts } from '../../../server/src/analysis/docContext';
import { RAW_FILE_RULES, RAW_RULES } from '../../../server/src/rules/index';
import type { Finding, RuleSeverity } from '../../../server/src/rules/types';

const corpus = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

test(
  'the real corpus: no rule throws; no error-level finding on a manifest the API accepts',
  { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` },
  () => {
    const files = yamlFiles(corpus);
    assert.ok(files.length > 300, `found ${files.length} files`);
    const counts = new Map<string, number>([...RAW_RULES, ...RAW_FILE_RULES].map((r) => [r.id, 0]));
    const falseErrors: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const m = loadManifest(text);
      const docs = docContexts(m, text.split('\n'));
      const accepted = new Set(m.objects.map((o) => o.doc));
      const record = (id: string, severity: RuleSeverity, doc: number, f: Finding) => {
        counts.set(id, (counts.get(id) ?? 0) + 1);
        if ((f.severity ?? severity) === 'error' && accepted.has(doc))
          falseErrors.push(`${id} ${file}:${f.range.start.line + 1} ${f.message}`);
      };
      for (const d of docs) {
        for (const rule of RAW_RULES) {
          for (const f of rule.check(d)) record(rule.id, rule.defaultSeverity, d.index, f);
        }
      }
      for (const rule of RAW_FILE_RULES) {
        for (const { doc, finding } of rule.checkFile(docs)) record(rule.id, rule.defaultSeverity, doc, finding);
      }
    }
    console.log(
      `findings per rule over ${files.length} files:\n${[...counts].map(([id, n]) => `  ${id.padEnd(34)} ${n}`).join('\n')}`,
    );
    assert.deepEqual(falseErrors, []);
  },
);
