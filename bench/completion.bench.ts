// Completion and hover latency of the language server's pure functions (no LSP transport) on a
// 13,200-line file of 200 realistic Deployments (66 lines each: probes, resources, env, ports, volumes),
// at positions deep inside document 150. Prints medians and p90; the target is far under 2 ms.
// "cold": every call sees a document text never seen before (as after each keystroke), so nothing cached
// helps; "warm": the same text again (hover while the mouse moves over an unchanged document).
//   node --import tsx bench/completion.bench.ts
import { performance } from 'node:perf_hooks';
import { complete } from '../server/src/features/completion';
import { hover } from '../server/src/features/hover';
import { DOC_LAYOUT, generateDeployments, LINES_PER_DOC, lineOf } from './lsp/generate';

const DOCS = 200;
const DOC = 150;
const WARMUP = 50;
const RUNS = 400;

const text = generateDeployments(DOCS);
const lines = text.split('\n');
if (lines.length - 1 !== DOCS * LINES_PER_DOC)
  throw new Error(`expected ${DOCS * LINES_PER_DOC} lines, got ${lines.length - 1}`);

// the same file with an empty line (at the container's key indentation) after the first container's image
const blankLine = lineOf(DOC, DOC_LAYOUT.imageLine) + 1;
const withBlank = [
  ...lines.slice(0, blankLine),
  ' '.repeat(DOC_LAYOUT.containerKeyIndent),
  ...lines.slice(blankLine),
].join('\n');

function find(doc: number, needle: string, after = 0): { line: number; character: number } {
  for (let l = lineOf(doc, after); l < lineOf(doc + 1, 0); l++) {
    const c = (lines[l] ?? '').indexOf(needle);
    if (c >= 0) return { line: l, character: c };
  }
  throw new Error(`${needle} not found in document ${doc}`);
}
const end = (p: { line: number; character: number }, s: string) => ({
  line: p.line,
  character: p.character + s.length,
});

/** Variants of a text that differ inside document 150 only (same lines, one changed value). */
const VARIANTS = 40;
function variants(base: string): string[] {
  const at = lineOf(DOC, 12); // `  revisionHistoryLimit: 5`
  const ls = base.split('\n');
  if (!/^ {2}revisionHistoryLimit: /.test(ls[at] ?? '')) throw new Error('layout changed');
  return Array.from({ length: VARIANTS }, (_, i) => {
    const copy = [...ls];
    copy[at] = `  revisionHistoryLimit: ${10 + i}`;
    return copy.join('\n');
  });
}
const texts = variants(text);
const blankTexts = variants(withBlank);

type Pos = { line: number; character: number };
const cases: { name: string; fn: (t: string, p: Pos) => unknown; texts: string[]; pos: Pos }[] = [
  {
    name: 'complete · new key line in the first container (keys + snippets)',
    fn: complete,
    texts: blankTexts,
    pos: { line: blankLine, character: DOC_LAYOUT.containerKeyIndent },
  },
  {
    name: 'complete · key position in livenessProbe',
    fn: complete,
    texts,
    pos: find(DOC, 'initialDelaySeconds', DOC_LAYOUT.livenessProbeLine),
  },
  {
    name: 'complete · imagePullPolicy value (enum)',
    fn: complete,
    texts,
    pos: end(find(DOC, 'imagePullPolicy: '), 'imagePullPolicy: '),
  },
  {
    name: 'complete · liveness httpGet port value (named ports)',
    fn: complete,
    texts,
    pos: end(find(DOC, 'port: h', DOC_LAYOUT.livenessProbeLine), 'port: '),
  },
  {
    name: 'complete · flow key in readinessProbe httpGet',
    fn: complete,
    texts,
    pos: end(find(DOC, '{ path: /ready, ', DOC_LAYOUT.livenessProbeLine), '{ path: /ready, '),
  },
  {
    name: 'hover · periodSeconds in livenessProbe',
    fn: hover,
    texts,
    pos: find(DOC, 'periodSeconds', DOC_LAYOUT.livenessProbeLine),
  },
  {
    name: 'hover · imagePullPolicy value',
    fn: hover,
    texts,
    pos: end(find(DOC, 'imagePullPolicy: '), 'imagePullPolicy: I'),
  },
];

function stats(xs: number[]): { median: number; p90: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? NaN, p90: s[Math.floor(s.length * 0.9)] ?? NaN };
}

console.log(
  `file: ${DOCS} Deployments, ${DOCS * LINES_PER_DOC} lines, ${(text.length / 1024).toFixed(0)} KiB; positions in document ${DOC}`,
);
function time(run: (i: number) => unknown): { median: number; p90: number } {
  for (let i = 0; i < WARMUP; i++) run(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run(i);
    times.push(performance.now() - t0);
  }
  return stats(times);
}
const f = (x: { median: number; p90: number }): string => `${x.median.toFixed(3)} ms (p90 ${x.p90.toFixed(3)})`;

for (const c of cases) {
  const first = c.fn(c.texts[0] as string, c.pos);
  if (first === null || (Array.isArray(first) && first.length === 0)) throw new Error(`${c.name}: no result`);
  const cold = time((i) => c.fn(c.texts[i % VARIANTS] as string, c.pos));
  const warm = time(() => c.fn(c.texts[0] as string, c.pos));
  const n = Array.isArray(first) ? `${first.length} items` : 'hover';
  console.log(`${c.name.padEnd(68)} cold ${f(cold)}  warm ${f(warm)}  ${n}`);
}
console.log('target: < 2 ms');
