// Hostile input: each case gets a clear error or a bounded result, and the language server keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFile } from '../../server/src/analysis/fileAnalysis';
import { diagnosticMessage } from '../../server/src/features/diagnosticData';
import { diagnosticsFor } from '../../server/src/features/diagnostics';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { loadManifest } from '../../simulator/src/manifest';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'podlab-hostile-'));
const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name} }\nspec: { containers: [{ name: a, image: "nginx:1.27" }] }\n`;

function timed<T>(what: string, limitMs: number, run: () => T): T {
  const t0 = performance.now();
  const out = run();
  const took = performance.now() - t0;
  assert.ok(took < limitMs, `${what}: ${took.toFixed(0)} ms (limit ${limitMs})`);
  return out;
}

function lsp(text: string) {
  const analysis = analyzeFile(text);
  const diagnostics = diagnosticsFor(analysis, DEFAULT_SETTINGS);
  complete(text, { line: 2, character: 2 });
  hover(text, { line: 1, character: 1 });
  return diagnostics;
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'podlab.js'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.doesNotMatch(r.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
  return r;
}

test('a YAML alias bomb (billion laughs) is refused with a clear error', () => {
  let text = 'apiVersion: v1\nkind: Pod\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 9; i++)
    text += `a${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(',')}]\n`;
  const m = timed('load', 2000, () => loadManifest(text));
  assert.match(m.issues[0]!.message, /alias/i);
  timed('lsp', 2000, () => lsp(text));
});

test('a 20 MB file: the editor gets one note, the CLI a bounded answer', () => {
  const text = `${pod('big')}${'# padding '.repeat((20 * 1024 * 1024) / 10)}\n`;
  const d = timed('lsp', 3000, () => lsp(text));
  assert.equal(d.length, 1);
  assert.equal(d[0]!.code, 'file-too-large');
  const file = join(dir, 'big.yaml');
  writeFileSync(file, text);
  const r = timed('cli', 60_000, () => cli('run', file, '--until', '1m'));
  assert.equal(r.status, 0, r.stderr);
});

test('10,000 documents in one file', () => {
  const text = Array.from({ length: 10_000 }, (_, i) => pod(`p${i}`)).join('---\n');
  const d = timed('lsp', 30_000, () => lsp(text));
  assert.ok(d.every((x) => x.code !== 'yaml-syntax'));
  // As the server does: the new version is analysed with the previous analysis of the same document.
  const first = analyzeFile(text);
  const edited = text.replace('name: p5000 ', 'name: P5000 ');
  const analysis = timed('an edit', 30_000, () => analyzeFile(edited, undefined, first));
  // The edit re-checks one document: every other document's analysis is the previous one, reused (no timing
  // limit here, the machine may be loaded; what makes an edit cheap is this reuse).
  const redone = analysis.chunks.filter((c, i) => c.result !== first.chunks[i]?.result);
  assert.deepEqual(
    redone.map((c) => c.firstDoc),
    [5000],
  );
  const again = diagnosticsFor(analysis, { ...DEFAULT_SETTINGS, predictions: false });
  assert.ok(
    again.some((x) => x.severity === 1),
    'the invalid name is reported',
  );
});

test('nesting 10,000 deep: a clear error, no crash', () => {
  const text = `apiVersion: v1\nkind: Pod\nmetadata: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
  const m = timed('load', 5000, () => loadManifest(text));
  assert.ok(
    m.issues.some((i) => /nests too deeply|Maximum|nest/i.test(i.message)),
    m.issues.map((i) => i.message).join('; '),
  );
  timed('lsp', 5000, () => lsp(text));
});

test('binary bytes and NUL: the CLI refuses, the editor does not crash', () => {
  const text = `${pod('x')}\u0000\u0001\u0002\uFFFD\n`;
  timed('lsp', 2000, () => lsp(text));
  const file = join(dir, 'nul.yaml');
  writeFileSync(file, text);
  const r = cli('run', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /NUL byte/);
});

test('very long lines and huge numbers give bounded, clear errors', () => {
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${'x'.repeat(2_000_000)}\nspec: { containers: [{ name: a, image: nginx, ports: [{ containerPort: 1e308 }] }] }\n`;
  const d = timed('lsp', 5000, () => lsp(text));
  assert.ok(
    d.every((x) => diagnosticMessage(x).length < 1000),
    'messages stay short',
  );
  const m = loadManifest(text);
  assert.ok(m.issues.some((i) => /int32/.test(i.message)));
  const file = join(dir, 'numbers.yaml');
  writeFileSync(
    file,
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  replicas: 1e308\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec: { containers: [{ name: a, image: nginx }] }\n',
  );
  const r = cli('run', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /numbers\.yaml:5:\d+: error: .*replicas|numbers\.yaml:5:\d+: error: /);
});

test('--until of 100 years is refused; a CronJob every minute for a month is bounded', () => {
  const r = cli('run', join(root, 'examples', 'liveness-exec.yaml'), '--until', '876000h');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /longer than the 366-day limit/);
  const file = join(dir, 'cron.yaml');
  writeFileSync(
    file,
    'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: tick }\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{ name: t, image: "busybox:1.36", command: ["sh", "-c", "date"] }]\n',
  );
  const c = timed('a month of CronJob', 90_000, () => cli('run', file, '--until', '720h'));
  assert.equal(c.status, 0, c.stderr);
  // The history limits delete old Jobs with their pods, so the cap (pods that exist at once) is never reached and the
  // table at day 30 lists the 3 Jobs kept by successfulJobsHistoryLimit and the one just made (cronJobMonth.test.ts).
  assert.doesNotMatch(c.stderr, /pods existing at once/);
  assert.deepEqual(
    c.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.trim().split(/\s+/).pop()),
    ['3m', '2m', '60s', '0s'],
  );
});
