// Bundles every entry point. Type checking is `tsc -b`; esbuild only bundles.
// Usage: node scripts/esbuild.mjs [--production] [--watch] [--outdir=DIR]   (DIR: default dist)
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// Another directory than dist/ lets a benchmark measure production bundles without replacing the development
// ones that the tests read (test/security/noNetwork.test.ts needs esbuild's source markers).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    // The workers are loaded by path (new Worker), next to server.js (workerStart.ts, predictionRunner.ts: both from
    // diagnosticsWorker.js, in two roles);
    // server.js, the process's entry, starts the diagnostics worker and then loads languageServer.js (launch.ts).
    entryPoints: {
      podlab: 'server/src/cli/main.ts',
      server: 'server/src/launch.ts',
      languageServer: 'server/src/languageServer.ts',
    },
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    // The in-process diagnostics take the engine from dist/diagnosticsWorker.js (diagnosticsHost.ts): left out here.
    external: ['./languageServer.js', './diagnosticsEngine', '../features/predictionRunner'],
  },
  {
    // The diagnostics worker uses only the protocol's types and their helpers (Diagnostic.create, the enums),
    // which vscode-languageserver re-exports from vscode-languageserver-types: taken from there, the worker does
    // not load the connection library (about 60 ms of its start, on which the first diagnostics wait). Anything
    // else imported from vscode-languageserver in the worker fails this build.
    entryPoints: { diagnosticsWorker: 'server/src/background/diagnosticsWorker.ts' },
    platform: 'node',
    format: 'cjs',
    alias: { 'vscode-languageserver': 'vscode-languageserver-types' },
  },
  {
    entryPoints: { extension: 'client/src/extension.ts' },
    platform: 'node',
    format: 'cjs',
    // engine.js (the simulator) is loaded on first use, languageClient.js once activate() has returned.
    external: ['vscode', './engine.js', './languageClient.js'],
  },
  {
    entryPoints: { languageClient: 'client/src/languageClient.ts' },
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    entryPoints: { engine: 'client/src/engine.ts' },
    platform: 'node',
    format: 'cjs',
  },
  {
    entryPoints: { webview: 'client/webview/main.ts' },
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// The `yaml` package has no side effects at load, but its package.json does not say so: without this, a
// bundle that imports the simulator's light entry (view.ts) for anything carries yaml's CST parser (33 KB
// minified in dist/webview.js), because view.ts also exports the YAML document splitter.
const yamlHasNoSideEffects = {
  name: 'yaml-has-no-side-effects',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return { ...resolved, sideEffects: false };
    });
  },
};

const common = {
  plugins: [yamlHasNoSideEffects],
  bundle: true,
  target: 'node20',
  legalComments: 'none',
  outdir,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

for (const options of builds) {
  const ctx = await esbuild.context({ ...common, ...options });
  if (watch) {
    await ctx.watch();
  } else {
    await ctx.rebuild();
    await ctx.dispose();
  }
}
for (const bin of ['podlab.js', 'server.js']) chmodSync(join(outdir, bin), 0o755);
