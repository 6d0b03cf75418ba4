// Extension activation cost: loading dist/extension.js and running activate(), with a stand-in `vscode`
// module (every API returns a harmless stand-in), so what is measured is PodLab's own work: module
// evaluation of the bundle and the registrations in activate(). The language server starts in its own
// process and the simulator (dist/engine.js) loads on first use; neither is part of it. Target: < 50 ms.
// The language client (dist/languageClient.js) loads once activate() has returned (extension.ts): its load is
// printed too, since the extension host spends it right after activation.
// It first builds the production bundles, as `npm run package` ships them, into a temporary directory: dist/
// keeps the development bundles that the tests read (test/security/noNetwork.test.ts).
//   node --import tsx bench/activation.bench.ts
import Module from 'node:module';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';

import { execFileSync } from 'node:child_process';

const outdir = mkdtempSync(join(tmpdir(), 'podlab-activation-'));
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
execFileSync(process.execPath, ['scripts/esbuild.mjs', '--production', `--outdir=${outdir}`], {
  cwd: join(__dirname, '..'),
  stdio: 'inherit',
});
const bundle = join(outdir, 'extension.js');

/** A value that can be called, constructed, awaited-free and indexed without end. */
function standIn(): unknown {
  const fn = function () {};
  const own = new Map<PropertyKey, unknown>();
  return new Proxy(fn, {
    get: (_t, key) =>
      own.has(key)
        ? own.get(key)
        : key === 'then'
          ? undefined
          : key === Symbol.toPrimitive
            ? () => ''
            : key === 'dispose'
              ? () => {}
              : standIn(),
    set: (_t, key, value) => {
      own.set(key, value);
      return true;
    },
    apply: () => standIn(),
    construct: () => standIn() as object,
  });
}

// esbuild's interop copies the module's own keys, so the stand-in module lists every name @types/vscode exports.
const declared = readFileSync(join(__dirname, '..', 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
const names = new Set(
  [...declared.matchAll(/^\s+export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]!),
);
const fakeVscode: Record<string, unknown> = {};
for (const n of names) fakeVscode[n] = standIn();
fakeVscode['version'] = '1.100.0';
const resolve = (Module as unknown as { _resolveFilename: (r: string, ...a: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (r: string, ...a: unknown[]) => string })._resolveFilename = function (
  request: string,
  ...rest: unknown[]
) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
(require.cache as Record<string, unknown>)['vscode'] = {
  id: 'vscode',
  filename: 'vscode',
  loaded: true,
  exports: fakeVscode,
};

const context = {
  subscriptions: [] as unknown[],
  asAbsolutePath: (p: string) => join(__dirname, '..', p),
  extensionUri: standIn(),
  globalState: standIn(),
  workspaceState: standIn(),
};

const times: number[] = [];
for (let i = 0; i < 25; i++) {
  delete require.cache[bundle];
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- what is measured: a CommonJS load, as VS Code does it
  const ext = require(bundle) as { activate(c: unknown): void };
  ext.activate(context);
  times.push(performance.now() - t0);
}
const clientBundle = join(outdir, 'languageClient.js');
const clientTimes: number[] = [];
for (let i = 0; i < 25; i++) {
  delete require.cache[clientBundle];
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as extension.ts loads it after activate()
  require(clientBundle);
  clientTimes.push(performance.now() - t0);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const median = med(times);
console.log(
  `activation (bundle ${(statSync(bundle).size / 1024).toFixed(0)} KiB: load + activate): median ${median.toFixed(1)} ms, first ${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)} ms over ${times.length} runs; target < 50 ms: ${median < 50 ? 'within' : 'OVER'}`,
);
console.log(
  `then the language client (bundle ${(statSync(clientBundle).size / 1024).toFixed(0)} KiB: load, after activate() returned): median ${med(clientTimes).toFixed(1)} ms`,
);
process.exit(0);
