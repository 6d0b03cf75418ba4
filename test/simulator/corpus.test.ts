// Every real manifest in ../shared/corpus/real runs for 10 simulated minutes without throwing, and the
// loader never throws on any of them (invalid ones get issues with ranges instead).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import { repoRoot } from './harness';

const corpus = join(repoRoot, '..', 'shared', 'corpus', 'real');

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
  'the real corpus: every manifest loads and simulates 10 minutes without throwing',
  { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` },
  () => {
    const files = yamlFiles(corpus);
    assert.ok(files.length > 300, `found ${files.length} files`);
    let simulated = 0;
    let pods = 0;
    let withErrors = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const m = loadManifest(text);
      for (const i of m.issues) {
        assert.ok(
          i.range.start.line >= 0 && i.range.start.line <= text.split('\n').length,
          `${file}: issue range inside the file`,
        );
      }
      if (m.issues.some((i) => i.severity === 'error')) withErrors++;
      if (m.objects.length === 0) continue;
      const result = simulate(m.objects, { until: 600 });
      const trace = result.traceAt(600);
      assert.equal(trace.truncated, undefined, `${file}: not truncated`);
      simulated++;
      pods += trace.pods.length;
      for (const p of trace.pods) assert.match(p.kubectl.ready, /^\d+\/\d+$/, `${file}: ${p.name} READY`);
    }
    console.log(
      `corpus: ${files.length} files, ${simulated} simulated, ${pods} pods, ${withErrors} with validation errors`,
    );
    assert.ok(simulated > 250);
  },
);
