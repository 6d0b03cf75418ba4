// PodLab never opens a network connection and never runs anything from a manifest: the only
// `child_process`/`net` in the bundles belong to the LSP transport (vscode-jsonrpc, languageclient,
// languageserver), and our own sources import neither those nor any HTTP module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const NETWORK = /require\("(?:node:)?(child_process|http|https|http2|net|tls|dgram|dns)"\)/g;
const TRANSPORT =
  /node_modules\/(vscode-jsonrpc|vscode-languageclient|vscode-languageserver|vscode-languageserver-protocol)\//;

/** Which source file (esbuild's `// path` section markers in the non-minified bundle) each require sits in. */
function offenders(bundle: string): string[] {
  const text = readFileSync(join(root, 'dist', bundle), 'utf8');
  const out: string[] = [];
  let section = '(prelude)';
  for (const line of text.split('\n')) {
    const marker = /^\/\/ ((?:node_modules|simulator|server|client)\/\S+)$/.exec(line);
    if (marker) section = marker[1]!;
    for (const m of line.matchAll(NETWORK)) if (!TRANSPORT.test(section)) out.push(`${m[1]} in ${section}`);
  }
  return out;
}

test('the bundles reach child_process/net only through the LSP transport, and no HTTP at all', () => {
  for (const b of [
    'extension.js',
    'languageClient.js',
    'engine.js',
    'server.js',
    'languageServer.js',
    'diagnosticsWorker.js',
    'podlab.js',
    'webview.js',
  ]) {
    assert.deepEqual(offenders(b), [], b);
  }
});

test("the simulator, the webview, the CLI and the workers' bundle have no such module at all", () => {
  for (const b of ['engine.js', 'webview.js', 'podlab.js', 'diagnosticsWorker.js']) {
    assert.equal([...readFileSync(join(root, 'dist', b), 'utf8').matchAll(NETWORK)].length, 0, b);
  }
});

test('our own sources import no process, network or HTTP module', () => {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) =>
      statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith('.ts') ? [join(d, n)] : [],
    );
  const bad: string[] = [];
  for (const dir of ['simulator/src', 'server/src', 'client/src', 'client/webview']) {
    for (const f of walk(join(root, dir))) {
      const text = readFileSync(f, 'utf8');
      if (
        /from ['"](node:)?(child_process|http|https|http2|net|tls|dgram|dns)['"]|require\(['"](node:)?(child_process|http|https|net)['"]\)|\bfetch\(|XMLHttpRequest|WebSocket\(/.test(
          text,
        )
      )
        bad.push(f.slice(root.length + 1));
    }
  }
  assert.deepEqual(bad, []);
});
