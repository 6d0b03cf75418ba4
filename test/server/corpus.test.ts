// The whole diagnostics pipeline (schema, API validation, rules, predictions) on the real corpus: a
// manifest the model accepts (the model agrees with the official schemas, see test/model/oracle) gets no
// error-level diagnostic. Prints the counts per code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { diagnosticMessage } from '../../server/src/features/diagnosticData';
import { diagnoseText } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { loadManifest } from '../../simulator/src/manifest';

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'real');

test('no error-level diagnostic on a valid real manifest', { skip: existsSync(corpus) ? false : 'no corpus' }, () => {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) =>
      statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.ya?ml$/.test(n) ? [join(d, n)] : [],
    );
  const counts: Record<string, number> = {};
  let valid = 0;
  const falseErrors: string[] = [];
  for (const f of walk(corpus)) {
    const text = readFileSync(f, 'utf8');
    const diagnostics = diagnoseText(text, DEFAULT_SETTINGS);
    for (const d of diagnostics) counts[String(d.code)] = (counts[String(d.code)] ?? 0) + 1;
    if (loadManifest(text).issues.some((i) => i.severity === 'error')) continue;
    valid++;
    for (const d of diagnostics)
      if (d.severity === DiagnosticSeverity.Error)
        falseErrors.push(`${f.slice(corpus.length + 1)}:${d.range.start.line + 1} ${d.code}: ${diagnosticMessage(d)}`);
  }
  console.log(`corpus: ${valid} valid files; diagnostics by code: ${JSON.stringify(counts)}`);
  assert.ok(valid > 300);
  assert.deepEqual(falseErrors, []);
});
