// The simulator's public API (issue 11 item 2): code outside simulator/ reaches it through
// simulator/src/index.ts or, for the small bundles, simulator/src/view.ts, and view.ts stays light.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? '');
}

// `import type` / `export type` are erased by esbuild: they put no code into a bundle.
const CODE_IMPORT = /^\s*(?:import|export)\b(?!\s+type\b)[^'"]*?from\s+'([^']+)'/gm;
function codeSpecifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(CODE_IMPORT)].map((m) => m[1] ?? '');
}

test('server, client, bench and scripts import the simulator only through index.ts or view.ts', () => {
  const offenders: string[] = [];
  for (const layer of ['server', 'client', 'bench', 'scripts']) {
    for (const file of sources(join(ROOT, layer))) {
      for (const spec of specifiers(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(ROOT, resolve(dirname(file), spec));
        if (target.startsWith('simulator') && target !== 'simulator/src/index' && target !== 'simulator/src/view') {
          offenders.push(`${relative(ROOT, file)} → ${spec}`);
        }
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('the webview bundle reaches the simulator only through view.ts', () => {
  const offenders = sources(join(ROOT, 'client/webview'))
    .flatMap((file) => specifiers(file).map((spec) => [file, spec] as const))
    .filter(([file, spec]) => relative(ROOT, resolve(dirname(file), spec)) === 'simulator/src/index');
  assert.deepEqual(offenders, []);
});

test('view.ts pulls in neither the model (zod) nor the engine, so the webview and activation bundles stay small', () => {
  const seen = new Set<string>();
  const heavy: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of codeSpecifiers(file)) {
      if (!spec.startsWith('.')) {
        if (spec === 'zod') heavy.push(`${relative(ROOT, file)} imports zod`);
        continue;
      }
      const target = resolve(dirname(file), spec);
      const path = statSync(target, { throwIfNoEntry: false })?.isDirectory()
        ? join(target, 'index.ts')
        : `${target}.ts`;
      const rel = relative(ROOT, path);
      if (/^simulator\/src\/(engine|model\/index|simulate|manifest)/.test(rel))
        heavy.push(`${relative(ROOT, file)} → ${rel}`);
      visit(path);
    }
  };
  visit(join(ROOT, 'simulator/src/view.ts'));
  assert.ok(seen.size > 5, 'the walk found the modules behind view.ts');
  assert.deepEqual(heavy, []);
});
