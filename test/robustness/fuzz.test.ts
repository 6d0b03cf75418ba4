// Property-based fuzzing with a fixed seed (CI): random edits of real manifests, random YAML, and every
// truncation of a few examples (what typing looks like). For each input the language features and the
// simulator return within a bound and never throw. `FUZZ_RUNS=5000 node scripts/test.mjs fuzz` runs longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionKind } from 'vscode-languageserver';
import { diagnoseText } from '../../server/src/features/diagnostics';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { codeActions } from '../../server/src/features/codeActions';
import { fixesOf } from '../../server/src/features/diagnosticFixes';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';

const root = join(__dirname, '..', '..');
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);
/** Generous per-input bound for every feature together (a real hang would blow far past it). */
const BOUND_MS = 5000;

function examples(): string[] {
  const dir = join(root, 'examples');
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) =>
      statSync(join(d, n)).isDirectory()
        ? walk(join(d, n))
        : n.endsWith('.yaml') && !n.includes('scenario')
          ? [join(d, n)]
          : [],
    );
  return walk(dir).map((f) => readFileSync(f, 'utf8'));
}

function corpus(): string[] {
  const dir = join(root, '..', 'shared', 'corpus', 'real');
  if (!existsSync(dir)) return [];
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) =>
      statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : /\.ya?ml$/.test(n) ? [join(d, n)] : [],
    );
  return walk(dir)
    .slice(0, 120)
    .map((f) => readFileSync(f, 'utf8'));
}

/** Every feature on one text; throws if any throws or the whole takes longer than the bound. */
function exercise(text: string, line: number, character: number): void {
  const t0 = performance.now();
  const diagnostics = diagnoseText(text, DEFAULT_SETTINGS, 'file:///f.yaml');
  complete(text, { line, character });
  hover(text, { line, character });
  const params = {
    textDocument: { uri: 'file:///f.yaml' },
    range: { start: { line, character }, end: { line, character } },
    context: { diagnostics, only: [CodeActionKind.QuickFix] },
  };
  codeActions(params, diagnostics.map(fixesOf));
  const m = loadManifest(text);
  if (m.objects.length > 0 && !m.issues.some((i) => i.severity === 'error'))
    simulate(m.objects, { until: 120, budget: 200_000, maxPods: 50 }).traceAt(120);
  const took = performance.now() - t0;
  assert.ok(took < BOUND_MS, `took ${took.toFixed(0)} ms`);
}

const base = [...examples(), ...corpus()];

test('random edits of real manifests', () => {
  fc.assert(
    fc.property(
      fc.nat(base.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 4 }),
      fc.nat(),
      (which, edits, cursor) => {
        let text = base[which]!;
        for (const [at, del, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + del);
        }
        const lines = text.split('\n');
        const line = cursor % lines.length;
        exercise(text, line, cursor % ((lines[line]?.length ?? 0) + 1));
      },
    ),
    { seed: SEED, numRuns: RUNS },
  );
});

test('random YAML-ish text', () => {
  const token = fc.constantFrom(
    'apiVersion: v1\n',
    'kind: Pod\n',
    'kind: Deployment\n',
    'spec:\n',
    '  containers:\n',
    '  - name: a\n',
    '    image: nginx\n',
    '    ports: [{containerPort: 80}]\n',
    '    livenessProbe: {tcpSocket: {port: 81}}\n',
    '---\n',
    '- ',
    ': ',
    '{',
    '}',
    '[',
    ']',
    '&a ',
    '*a',
    '"',
    "'",
    '#',
    '\t',
    '\n',
    '  ',
    '|',
    '>',
    '? ',
    '!!str ',
    '1e308',
    '-1',
    'null',
    '~',
  );
  fc.assert(
    fc.property(fc.array(token, { maxLength: 60 }), fc.nat(), (parts, cursor) => {
      const text = parts.join('');
      const lines = text.split('\n');
      const line = cursor % lines.length;
      exercise(text, line, cursor % ((lines[line]?.length ?? 0) + 1));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('truncation at every offset of a few examples (typing)', () => {
  const picks = examples().slice(0, 3);
  let n = 0;
  for (const text of picks) {
    for (let i = 0; i <= text.length; i += 3) {
      const cut = text.slice(0, i);
      const lines = cut.split('\n');
      exercise(cut, lines.length - 1, lines[lines.length - 1]!.length);
      n++;
    }
  }
  assert.ok(n > 300, `${n} truncations`);
});

test('the CLI on mutated manifests exits 0, 1 or 2 and never prints a stack trace', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'podlab-fuzz-'));
  const cli = join(root, 'dist', 'podlab.js');
  fc.assert(
    fc.property(
      fc.nat(base.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.nat(30), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 3 }),
      (which, edits) => {
        let text = base[which]!;
        for (const [at, del, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + del);
        }
        const file = join(dir, 'm.yaml');
        writeFileSync(file, text);
        for (const args of [
          ['run', file, '--until', '2m'],
          ['lint', file, '--format', 'json'],
        ]) {
          const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
          assert.ok([0, 1, 2].includes(r.status ?? -1), `exit ${r.status} for ${args[0]}`);
          assert.doesNotMatch(r.stderr, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace');
          assert.doesNotMatch(r.stderr, /internal error/, 'no internal error');
        }
      },
    ),
    { seed: SEED, numRuns: Number(process.env['FUZZ_CLI_RUNS'] ?? 12) },
  );
});
