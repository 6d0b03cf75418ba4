// Language-server latency, PodLab vs yaml-language-server (Red Hat, with the official strict Kubernetes
// schema), on the same 13,200-line file of 200 Deployments, both driven over stdio like an editor does:
//   (a) edit → diagnostics: an incremental didChange of one value in document 100, timed until the
//       publishDiagnostics for it arrives (30 edits after a warm-up, alternating between the image tag and an
//       env value; every edit makes a text never seen before, so no per-document cache can answer it);
//   (b) completion at an empty line inside the first container of document 150 (50 requests after a warm-up).
// Prints medians and p90 (the machine is shared and noisy), the ratio podlab / yaml-language-server and the
// targets (at most 1/10 of yaml-language-server). Only prints figures: no assertions, exit 0.
//
//   node --import tsx bench/lsp.bench.ts          (or: npm run bench, which runs every bench/*.bench.ts)
//
// Needs dist/server.js (bundled here when missing). yaml-language-server gets the official Deployment
// schema (bench/lsp/servers.ts: ../shared/schemas when present, else the copy in bench/lsp). No network:
// the schema store and the CRD store are disabled. The typing benchmark (typing.bench.ts) measures what
// this one does not: completion right after edits, bursts, Service edits, N = 10 to 1,000, and the heap.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-protocol/node';
import { LspClient } from './lsp/client';
import { benchServers, serverJs, type Server } from './lsp/servers';
import { DOC_LAYOUT, generateDeployments, LINES_PER_DOC, lineOf } from './lsp/generate';
import { median, ms, percentile } from './lsp/stats';

const repoRoot = join(__dirname, '..');

const DOCS = 200;
const EDIT_DOC = 100;
const COMPLETION_DOC = 150;
const EDIT_WARMUP = 5;
const EDITS = 30;
const COMPLETION_WARMUP = 10;
const COMPLETIONS = 50;
const HOVER_WARMUP = 5;
const HOVERS = 30;
/** yaml-language-server's medians on this machine when the target was set. */
const REFERENCE = { edit: 400, completion: 21 };
const FILE_NAME = 'podlab-bench-deployments.yaml';
/** Keys absent from that container that its completion must offer (proves yaml-language-server uses the schema). */
const CONTAINER_KEYS = ['command', 'workingDir', 'startupProbe', 'securityContext'];

interface Result {
  name: string;
  openMs: number;
  initialDiagnostics: number;
  edits: number[];
  completions: number[];
  hovers: number[];
  completionItems: number;
  missingKeys: string[];
  hover: boolean;
  rssMiB: number | undefined;
}

async function run(server: Server, text: string, uri: string, rootUri: string): Promise<Result> {
  const client = new LspClient(server.options);
  try {
    await client.initialize(rootUri);
    if (server.name !== 'podlab') {
      // yaml-language-server pulls its settings after `initialized`; open the file once they are in.
      await Promise.race([
        client.configured,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('no workspace/configuration request')), 10_000).unref(),
        ),
      ]);
    }
    const lines = text.split('\n');
    let version = 1;

    let t0 = performance.now();
    const first = client.nextDiagnostics(uri);
    await client.open(uri, text, version);
    const initial = await first;
    const openMs = performance.now() - t0;

    // (a) edit → diagnostics: alternately the image tag (…:1.100.<k>) and the LOG_LEVEL value (level-<k>)
    // of document 100's first container, each time to a new value.
    const imageLine = lineOf(EDIT_DOC, DOC_LAYOUT.imageLine);
    const envLine = lineOf(EDIT_DOC, DOC_LAYOUT.logLevelValueLine);
    if (!lines[imageLine]!.endsWith(`:1.${EDIT_DOC}.0`))
      throw new Error(`unexpected line ${imageLine}: ${lines[imageLine]}`);
    if (!/^ +value: /.test(lines[envLine]!)) throw new Error(`unexpected line ${envLine}: ${lines[envLine]}`);
    /** Replaces what follows `after` on a line (tracking the text) and returns the LSP range replaced. */
    const replaceTail = (line: number, after: number, newText: string): Range => {
      const old = lines[line]!;
      lines[line] = old.slice(0, after) + newText;
      return { start: { line, character: after }, end: { line, character: old.length } };
    };
    const edits: number[] = [];
    for (let k = 0; k < EDIT_WARMUP + EDITS; k++) {
      version++;
      const v = version;
      const [line, after, newText] =
        k % 2 === 0
          ? [imageLine, lines[imageLine]!.lastIndexOf('.') + 1, String(k + 1)]
          : [envLine, lines[envLine]!.indexOf('value: ') + 'value: '.length, `level-${k}`];
      const range = replaceTail(line, after, newText);
      const published = client.nextDiagnostics(uri, (p) => !server.versioned || p.version === v);
      t0 = performance.now();
      await client.change(uri, v, range, newText);
      await published;
      if (k >= EDIT_WARMUP) edits.push(performance.now() - t0);
    }

    // (b) completion: the user opens a new line after the image line of document 150's first container.
    const at = lineOf(COMPLETION_DOC, DOC_LAYOUT.imageLine);
    const eol = { line: at, character: lines[at]!.length };
    version++;
    const v = version;
    const settled = client.nextDiagnostics(uri, (p) => !server.versioned || p.version === v);
    await client.change(uri, v, { start: eol, end: eol }, '\n' + ' '.repeat(DOC_LAYOUT.containerKeyIndent));
    await settled;
    const position = { line: at + 1, character: DOC_LAYOUT.containerKeyIndent };
    const completions: number[] = [];
    let labels: string[] = [];
    for (let k = 0; k < COMPLETION_WARMUP + COMPLETIONS; k++) {
      t0 = performance.now();
      const items = await client.complete(uri, position);
      const dt = performance.now() - t0;
      if (k >= COMPLETION_WARMUP) completions.push(dt);
      labels = items.map((i) => i.label);
    }
    // Hover on document 150's livenessProbe key (shifted by the inserted line); informational.
    const probe = {
      line: lineOf(COMPLETION_DOC, DOC_LAYOUT.livenessProbeLine) + 1,
      character: DOC_LAYOUT.containerKeyIndent + 2,
    };
    const hovers: number[] = [];
    let hover = null;
    for (let k = 0; k < HOVER_WARMUP + HOVERS; k++) {
      t0 = performance.now();
      hover = await client.hover(uri, probe);
      if (k >= HOVER_WARMUP) hovers.push(performance.now() - t0);
    }
    return {
      name: server.name,
      openMs,
      initialDiagnostics: initial.diagnostics.length,
      edits,
      completions,
      hovers,
      completionItems: labels.length,
      missingKeys: CONTAINER_KEYS.filter((k) => !labels.includes(k)),
      hover: hover !== null,
      rssMiB: client.rssMiB(),
    };
  } finally {
    await client.stop();
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

async function main(): Promise<void> {
  if (!existsSync(serverJs)) {
    console.log('dist/server.js is missing: bundling it (node scripts/esbuild.mjs)');
    const r = spawnSync(process.execPath, ['scripts/esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(serverJs)) {
      console.log('could not bundle the server; nothing measured');
      return;
    }
  }
  const text = generateDeployments(DOCS);
  const dir = mkdtempSync(join(tmpdir(), 'podlab-lsp-bench-'));
  let cleanup = () => {};
  try {
    const file = join(dir, FILE_NAME);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const rootUri = pathToFileURL(dir).href;

    const { servers, schemaSource, dispose } = benchServers(FILE_NAME);
    cleanup = dispose;
    console.log(`yaml-language-server's Deployment schema: ${schemaSource}`);

    const lineCount = text.split('\n').length - 1;
    console.log(
      `LSP latency on ${DOCS} Deployments (${lineCount.toLocaleString('en')} lines, ${(text.length / 1024).toFixed(0)} KiB, ${LINES_PER_DOC} lines each), ` +
        `node ${process.version}, ${cpus().length} CPUs; ${EDITS} edits and ${COMPLETIONS} completions after ${EDIT_WARMUP} + ${COMPLETION_WARMUP} warm-up`,
    );
    const results: Result[] = [];
    for (const server of servers) {
      try {
        results.push(await run(server, text, uri, rootUri));
      } catch (e) {
        console.log(`${server.name}: failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }

    const ours = results.find((r) => r.name === 'podlab');
    const theirs = results.find((r) => r.name !== 'podlab');
    const cols = results.map((r) => r.name);
    const header = pad('', 34) + cols.map((c) => pad(c, 24)).join('') + (ours && theirs ? 'podlab / yaml-ls' : '');
    console.log(header);
    const row = (label: string, f: (r: Result) => number | undefined, ratio = true) => {
      const cells = results.map((r) => pad(ms(f(r)), 24)).join('');
      const q = ours && theirs && ratio ? (f(ours) ?? NaN) / (f(theirs) ?? NaN) : NaN;
      console.log(pad(label, 34) + cells + (Number.isNaN(q) ? '' : `${q.toFixed(3)}  (1/${(1 / q).toFixed(1)})`));
    };
    row('open → first diagnostics', (r) => r.openMs);
    row('edit → diagnostics, median', (r) => median(r.edits));
    row('edit → diagnostics, p90', (r) => percentile(r.edits, 90));
    row('completion, median', (r) => median(r.completions));
    row('completion, p90', (r) => percentile(r.completions, 90));
    row('hover, median (informational)', (r) => median(r.hovers));
    for (const r of results) {
      console.log(
        `${r.name}: ${r.initialDiagnostics} diagnostics on open, ${r.completionItems} completion items` +
          (r.missingKeys.length > 0 ? ` (missing ${r.missingKeys.join(', ')}!)` : '') +
          `, hover ${r.hover ? 'ok' : 'none'}, RSS ${r.rssMiB === undefined ? '?' : `${r.rssMiB.toFixed(0)} MiB`}`,
      );
    }
    if (theirs)
      console.log(
        'note: yaml-language-server waits a fixed 200 ms (validationDelayMs) before it validates; that wait is part of its edit → diagnostics time.',
      );
    if (ours) {
      const edit = median(ours.edits);
      const completion = median(ours.completions);
      const target = (label: string, value: number, limit: number) =>
        console.log(
          `  ${pad(label, 50)} ${pad(ms(value), 10)} target ≤ ${ms(limit)}: ${value <= limit ? 'met' : 'MISSED'}`,
        );
      console.log('targets (podlab median ≤ 1/10 of yaml-language-server):');
      if (theirs) {
        target('edit → diagnostics vs yaml-ls measured now', edit, median(theirs.edits) / 10);
        target('completion vs yaml-ls measured now', completion, median(theirs.completions) / 10);
      }
      target(`edit → diagnostics vs reference ${REFERENCE.edit} ms`, edit, REFERENCE.edit / 10);
      target(`completion vs reference ${REFERENCE.completion} ms`, completion, REFERENCE.completion / 10);
    }
  } finally {
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .catch((e: unknown) => console.log(`benchmark failed: ${e instanceof Error ? e.stack : String(e)}`))
  .finally(() => process.exit(0));
