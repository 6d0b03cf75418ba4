// Memory of the language server's analysis over 10,000 edits of the 200-Deployment file (each edit a
// new value in one document, so every edit misses the cache once). Prints the heap after a GC every
// 1,000 edits; it should level off (bounded caches), not grow with the number of edits. The heap of the
// whole server over 200 edits, beside yaml-language-server's, is in typing.bench.ts.
//   node --import tsx bench/memory.bench.ts      (it restarts itself under node --expose-gc)
import { spawnSync } from 'node:child_process';
import { analyzeFile } from '../server/src/analysis/fileAnalysis';
import { diagnosticsFor } from '../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../server/src/settings';
import { generateDeployments } from './lsp/generate';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const base = generateDeployments(200);
const mb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};
const heaps: number[] = [];
// As the server does: each version is analysed with the previous analysis of the same document.
let analysis = analyzeFile(base);
const t0 = performance.now();
for (let i = 0; i <= 10_000; i++) {
  if (i % 1000 === 0) heaps.push(mb());
  analysis = analyzeFile(base.replace('value: info', `value: edit-${i}`), undefined, analysis);
  diagnosticsFor(analysis, DEFAULT_SETTINGS);
}
const per = (performance.now() - t0) / 10_000;
console.log(`heap after GC every 1,000 edits (MiB): ${heaps.map((h) => h.toFixed(0)).join(' → ')}`);
console.log(
  `growth from edit 5,000 to 10,000: ${(heaps[10]! - heaps[5]!).toFixed(1)} MiB; ${per.toFixed(2)} ms per edit (analysis + diagnostics with predictions)`,
);
