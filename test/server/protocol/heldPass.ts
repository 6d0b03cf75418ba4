// A pass of the diagnostics worker that lasts until the test says so, for the protocol tests that send a request
// during a pass: which of two threads finishes first must not depend on their speed (on a loaded machine, a warm
// worker finished the pass before the test's request even arrived). The server is the bundled one (dist/), started
// from a scratch directory whose diagnosticsWorker.js runs the real worker (the real bundle, engine and all) with
// one difference: when its pass posts the publish the test names, the worker thread blocks there (the pass is
// done computing but has not ended) until the test releases it. The scratch directory's server.js is a copy of
// dist/server.js, which starts the worker next to itself (launch.ts); languageServer.js points to dist/'s.
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, serverPath } from './lsp';

/** A worker that runs dist/diagnosticsWorker.js and blocks in the publish of `uri` at `version`. */
const holdingWorker = (real: string, uri: string, version: number, held: string, released: string) => `
const { parentPort } = require('node:worker_threads');
const { existsSync, writeFileSync } = require('node:fs');
const post = parentPort.postMessage.bind(parentPort);
const utf8 = new TextDecoder();
const nap = new Int32Array(new SharedArrayBuffer(4));
parentPort.postMessage = (m, transfer) => {
  if (m.type === 'publish' && m.uri === ${JSON.stringify(uri)} &&
      JSON.parse(utf8.decode(m.message)).params.version === ${version}) {
    writeFileSync(${JSON.stringify(held)}, '');
    // Synchronously, as a long pass would: the worker's event loop takes no message meanwhile.
    while (!existsSync(${JSON.stringify(released)})) Atomics.wait(nap, 0, 0, 5);
  }
  post(m, transfer);
};
require(${JSON.stringify(real)});
`;

export interface HeldPass {
  /** The server to start (LspSession's args). */
  args: string[];
  /** Resolves once the worker is blocked in the publish (polled: the worker writes a file). */
  held(timeoutMs: number): Promise<void>;
  /** Lets the pass end: the publish goes out. */
  release(): void;
  dispose(): void;
}

export function heldPass(uri: string, version: number): HeldPass {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-held-pass-'));
  const held = join(dir, 'held');
  const released = join(dir, 'released');
  const dist = join(repoRoot, 'dist');
  copyFileSync(serverPath, join(dir, 'server.js'));
  writeFileSync(
    join(dir, 'languageServer.js'),
    `module.exports = require(${JSON.stringify(join(dist, 'languageServer.js'))});\n`,
  );
  writeFileSync(
    join(dir, 'diagnosticsWorker.js'),
    holdingWorker(join(dist, 'diagnosticsWorker.js'), uri, version, held, released),
  );
  return {
    args: [join(dir, 'server.js'), '--stdio'],
    held: async (timeoutMs) => {
      for (const end = Date.now() + timeoutMs; !existsSync(held);) {
        if (Date.now() > end) throw new Error(`the worker's pass never published ${uri} version ${version}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    release: () => writeFileSync(released, ''),
    /** After the server's end (LspSession.dispose): a worker still blocked would not see the release. */
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
