// The main thread's side of the diagnostics worker (server/src/background/diagnosticsHost.ts): a worker that dies
// is started again with the open documents' current texts and one line in the log; one that dies on every start
// is given up after MAX_WORKER_RESTARTS, and the diagnostics then run on the main thread, so they are never lost.
// The workers here are stand-ins (a few lines of JavaScript in a scratch directory) that die on the first open
// they see, or on every one; each run is counted by the order of messages, never by time. A code action's request
// for fixes is answered whatever becomes of the worker: by the worker, by the engine on the main thread once the
// worker is given up, and with no fix when the worker does not answer.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticsHost } from '../../../server/src/background/diagnosticsHost';
import { OpenDocuments } from '../../../server/src/documents';
import { FIXES_WAIT_MS, MAX_WORKER_RESTARTS } from '../../../server/src/limits';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

/** A stand-in worker: it dies on an open while `die(count)` says so, else publishes the text it was given. */
const standIn = (die: string) => `
const { parentPort } = require('node:worker_threads');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const counter = require('node:path').join(__dirname, 'deaths');
parentPort.on('message', (m) => {
  if (m.type !== 'open') return;
  const count = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0;
  if (${die}) {
    writeFileSync(counter, String(count + 1));
    throw new Error('a bug in the worker');
  }
  const params = { uri: m.uri, version: m.version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: m.text }] };
  const message = new TextEncoder().encode(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params }));
  parentPort.postMessage({ type: 'publish', uri: m.uri, message, session: m.session });
});
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:latest
`;
const URI = 'file:///work/pod.yaml';

interface Run {
  errors: string[];
  published: PublishDiagnosticsParams[];
  host: DiagnosticsHost;
  next: () => Promise<PublishDiagnosticsParams>;
}

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function start(die: string, worker = standIn(die)): Run {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-host-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'diagnosticsWorker.js'), worker);
  const docs = new OpenDocuments();
  let waiting: ((p: PublishDiagnosticsParams) => void) | undefined;
  const run: Run = {
    errors: [],
    published: [],
    // The workers do not keep a process alive (the server's connection does): here a timer does, until the publish.
    next: () => {
      const alive = setInterval(() => undefined, 1000);
      return new Promise<PublishDiagnosticsParams>((resolve) => (waiting = resolve)).finally(() =>
        clearInterval(alive),
      );
    },
    host: new DiagnosticsHost(dir, docs, {
      publish: (payload) => {
        const p =
          payload instanceof Uint8Array
            ? (JSON.parse(new TextDecoder().decode(payload)) as { params: PublishDiagnosticsParams }).params
            : payload;
        run.published.push(p);
        waiting?.(p);
      },
      log: () => undefined,
      error: (message) => run.errors.push(message),
    }),
  };
  run.host.setSettings(DEFAULT_SETTINGS);
  // The server keeps the documents' texts (TextDocuments) and tells the host; here the store stands for it.
  const open = (text: string, version: number) => {
    docs.open(URI, 'yaml', version, text);
    run.host.open(URI, 'yaml', version, text);
  };
  open(POD, 1);
  return run;
}

/** A stand-in worker that is late: it publishes each version once the next change has come (a pass that ended
 * after the next keystroke). */
const lateWorker = `
const { parentPort } = require('node:worker_threads');
let last;
const publish = (m) => {
  const params = { uri: m.uri, version: m.version, diagnostics: [] };
  const message = new TextEncoder().encode(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params }));
  parentPort.postMessage({ type: 'publish', uri: m.uri, message, session: 0, version: m.version });
};
parentPort.on('message', (m) => {
  if (m.type === 'open' || m.type === 'change') {
    if (last) publish(last);
    last = m;
  }
});
`;

describe('the diagnostics worker', () => {
  it('is started again after it dies, with the open documents, and logs one line', async () => {
    const run = start('count === 0');
    const p = await run.next();
    run.host.dispose();
    assert.equal(p.version, 1);
    assert.equal(p.diagnostics[0]!.message, POD, 'the restarted worker got the document');
    assert.equal(run.errors.length, 1, run.errors.join('\n'));
    assert.match(run.errors[0]!, /diagnostics worker stopped \(Error: a bug in the worker\); it starts again/);
  });

  it('is given up after dying on every start, and the diagnostics run on the main thread', async () => {
    const run = start('true');
    const p = await run.next();
    run.host.dispose();
    // The engine itself answered: a real diagnostic of the document, not the stand-in's echo of its text.
    assert.ok(
      p.diagnostics.some((d) => d.code === 'image-latest' || d.code === 'bare-pod'),
      JSON.stringify(p),
    );
    assert.equal(run.errors.length, MAX_WORKER_RESTARTS + 1, run.errors.join('\n'));
    assert.match(run.errors.at(-1)!, /the diagnostics run on the main thread now/);
  });

  it('answers a request for fixes with no fix when the worker does not answer it', async () => {
    const run = start('false'); // the stand-in publishes, and ignores every request
    const p = await run.next();
    const d = { ...p.diagnostics[0]!, source: 'podlab' };
    // The stand-in never answers, so only the host's wait (FIXES_WAIT_MS) ends the request; this says it does.
    const alive = setTimeout(() => undefined, 2 * FIXES_WAIT_MS);
    const answer = await run.host.fixes(URI, 1, [d, d]);
    clearTimeout(alive);
    run.host.dispose();
    assert.deepEqual(answer, [[], []]);
  });

  it('once the worker is given up, the engine on the main thread answers with the fixes it published', async () => {
    const run = start('true');
    const p = await run.next();
    const missing = p.diagnostics.find((d) => d.code === 'resources-missing')!;
    const [fixes] = await run.host.fixes(URI, 1, [missing]);
    const [older] = await run.host.fixes(URI, 0, [missing]);
    run.host.dispose();
    // The rule's fix (test/server/rules/advice.test.ts): requests and a memory limit, after the container's keys.
    assert.deepEqual(
      fixes?.flatMap((f) => f.edits.map((e) => e.newText)),
      [
        '      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          memory: 128Mi\n',
      ],
    );
    assert.deepEqual(older, [], 'not for another version of the text');
  });

  it("drops a publish for a version older than the editor's, and forwards the latest", async () => {
    const run = start('false', lateWorker);
    const change = (version: number) =>
      run.host.change({ uri: URI, version, changes: [{ text: POD.replace('web', `web-${version}`) }] });
    change(2); // the worker publishes version 1 now: stale, the editor has 2
    change(3); // version 2: stale
    const v3 = run.next();
    change(3); // the cue for the stand-in to publish version 3, the editor's

    const p = await v3;
    run.host.dispose();
    assert.deepEqual(
      run.published.map((x) => x.version),
      [3],
      'versions 1 and 2 came after the editor had moved on',
    );
    assert.equal(p.version, 3);
  });
});
