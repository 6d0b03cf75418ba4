// Which module may import which (`npm run deps`; part of `npm run check`). The layers:
//   simulator/src  pure, deterministic engine: no VS Code, no LSP, no Node built-ins
//   server/src     language server + CLI        → simulator (its public API: simulator/src/index.ts, view.ts)
//   client/src     VS Code extension            → simulator (its public API)
//   client/webview panel UI in the browser      → the message protocol (client/src/panel/protocol.ts) + simulator API
// Tests and benchmarks are white-box and may import anything. ESLint checks what imports cannot show (the
// simulator's use of Date, timers and Math.random).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make the modules in them one unit that can only be understood and changed together.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'simulator-pure',
      severity: 'error',
      comment: 'The simulator is pure: it runs the same in the CLI, the server, the extension and the webview.',
      from: { path: '^simulator/' },
      to: {
        path: '^(server|client|test|bench|scripts)/|^vscode$|^node_modules/(@types/vscode|vscode-)',
      },
    },
    {
      name: 'simulator-no-node-builtins',
      severity: 'error',
      comment: 'No file system, clock, process or network in the simulator (node:fs, path, os, …).',
      from: { path: '^simulator/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'simulator-through-its-api',
      severity: 'error',
      comment:
        'Server, client and webview use the simulator through its public API (simulator/src/index.ts, or view.ts, its light half for the webview and activation bundles), so its internals can move.',
      from: { path: '^(server|client)/' },
      to: { path: '^simulator/src/', pathNot: '^simulator/src/(index|view)\\.ts$' },
    },
    {
      name: 'nothing-imports-client',
      severity: 'error',
      comment: 'The extension is the top layer: the simulator and the server never depend on it.',
      from: { path: '^(simulator|server)/' },
      to: { path: '^client/' },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      comment:
        'The extension talks to the server over LSP only; custom LSP method types may live in server/src/protocol.ts.',
      from: { path: '^client/' },
      to: { path: '^server/', pathNot: '^server/src/protocol\\.ts$' },
    },
    {
      name: 'webview-only-through-protocol',
      severity: 'error',
      comment:
        'The webview runs in a browser sandbox and talks to the extension by messages: from client/src it sees only the message protocol.',
      from: { path: '^client/webview/' },
      to: { path: '^client/src/', pathNot: '^client/src/panel/protocol\\.ts$' },
    },
    {
      name: 'webview-no-vscode',
      severity: 'error',
      comment: 'The webview runs in a browser: no `vscode` module (it has acquireVsCodeApi()), no language client.',
      from: { path: '^client/webview/' },
      to: { path: '^vscode$|^node_modules/(@types/vscode|vscode-)' },
    },
    {
      name: 'webview-no-node-builtins',
      severity: 'error',
      comment: 'The webview runs in a browser: no Node built-ins.',
      from: { path: '^client/webview/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (except the `vscode` module the editor provides at run time).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^vscode$' },
    },
  ],
  options: {
    // Type-only imports count too: a cycle through types still ties the modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.eslint.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|out|node_modules|\\.vscode-test|test-results)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
