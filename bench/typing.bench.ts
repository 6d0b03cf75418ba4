// Typing in a large file, PodLab vs yaml-language-server (issue 10 B), for N = 10, 200 and 1,000
// Deployments of 66 lines (bench/lsp/generate.ts) plus one Service, each server driven over stdio:
//   open → first diagnostics, and → the last publish once settled; the heap after GC then;
//   completion on an idle server (median of 20);
//   completion sent immediately after an edit (the same write), 30 edits: p50, p95; and edit → first publish;
//   an edit to the Service's name, then completion at once (10 edits, median);
//   a burst of 200 edits (one every 50 ms, each followed by a completion): completion p95, count over 100 ms;
//   the heap after GC after those 200 edits;
//   then, PodLab only (yaml-language-server would take minutes at N = 1,000), completion after an edit once V8 is
//   warm: 100 more edits as above, p95 (the first 30 are also V8's warm-up: it compiles optimized code for the
//   server's paths over the first ~100 keystrokes, on the same two cores);
//   the machine's floor: the same completions, sent with the same edits after the same pauses, to a server that
//   ignores the edits and answers a fixed list (bench/lsp/floorServer.ts).
// Prints figures and the goals; no assertions, exit 0.
//   node --import tsx bench/typing.bench.ts        PODLAB_BENCH_N=10,200 for a shorter run (loaded machine),
//                                                  PODLAB_BENCH_SERVERS=podlab for PodLab alone
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver-protocol/node';
import { LspClient } from './lsp/client';
import { DOC_LAYOUT, generateDeployments, lineOf } from './lsp/generate';
import { benchServers, heapMiB, serverJs, type Server } from './lsp/servers';
import type { ClientOptions } from './lsp/client';
import { median, ms, percentile } from './lsp/stats';

const SIZES = (process.env.PODLAB_BENCH_N ?? '10,200,1000').split(',').map(Number);
/** PODLAB_BENCH_SERVERS=podlab: one server only (yaml-language-server at N=1000 takes minutes). */
const ONLY = process.env.PODLAB_BENCH_SERVERS?.split(',');
const FILE_NAME = 'podlab-typing-bench.yaml';
const EDITS = 30;
const SERVICE_EDITS = 10;
const BURST = 200;
const BURST_GAP_MS = 50;
/** Edits of the warm window (after the burst): PodLab's and the floor's only. */
const WARM_EDITS = 100;
const SERVICE = `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-000\nspec:\n  selector:\n    app.kubernetes.io/name: svc-000\n  ports:\n    - port: 80\n      targetPort: http\n`;

interface Figures {
  openMs: number;
  /** Open → the last publish before the server went quiet (all diagnostics, predictions included). */
  allMs: number;
  heapOpen?: number;
  idle: number[];
  afterEdit: number[];
  editPublish: number[];
  afterServiceEdit: number[];
  burst: number[];
  heapAfter?: number;
  /** Completion after an edit, once warm (after the burst); PodLab's only. */
  afterEditWarm?: number[];
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

type Floor = Pick<Figures, 'afterEdit' | 'burst'> & { afterEditWarm: number[] };

const FLOOR: ClientOptions = {
  name: 'floor',
  command: process.execPath,
  args: ['--import', 'tsx', join(__dirname, 'lsp', 'floorServer.ts'), '--stdio'],
  cwd: join(__dirname, '..'),
  settings: {},
};

/** Completion sent with an edit to the floor server, paced as `measure` paces PodLab's (after an edit, burst). */
async function measureFloor(uri: string, rootUri: string, text: string, n: number): Promise<Floor> {
  const client = new LspClient(FLOOR);
  try {
    await client.initialize(rootUri);
    await client.open(uri, text, 1);
    const line = lineOf(Math.floor(n / 2), DOC_LAYOUT.logLevelValueLine);
    const at = { line, character: 0 };
    let version = 1;
    const once = () => {
      const t0 = performance.now();
      void client.change(uri, ++version, { start: at, end: at }, 'x');
      return client.complete(uri, at).then(() => performance.now() - t0);
    };
    const afterEdit: number[] = [];
    for (let k = 0; k < EDITS + 3; k++) {
      const c = await once();
      if (k >= 3) afterEdit.push(c);
      await sleep(100);
    }
    const burst: Promise<number>[] = [];
    for (let k = 0; k < BURST; k++) {
      burst.push(once());
      await sleep(BURST_GAP_MS);
    }
    const burstTimes = await Promise.all(burst);
    const afterEditWarm: number[] = [];
    for (let k = 0; k < WARM_EDITS; k++) {
      afterEditWarm.push(await once());
      await sleep(100);
    }
    return { afterEdit, burst: burstTimes, afterEditWarm };
  } finally {
    await client.stop();
  }
}

async function measure(server: Server, n: number, uri: string, rootUri: string, text: string): Promise<Figures> {
  const client = new LspClient(server.options);
  try {
    await client.initialize(rootUri);
    if (!server.versioned) await Promise.race([client.configured, sleep(10_000)]);
    const lines = text.split('\n');
    let version = 1;
    /** Sends an edit replacing the tail of a line after `after`, and a completion in the same write. */
    const editAndComplete = (line: number, after: number, newText: string, at: Position) => {
      const old = lines[line]!;
      lines[line] = old.slice(0, after) + newText;
      const range: Range = { start: { line, character: after }, end: { line, character: old.length } };
      const v = ++version;
      const published = client.nextDiagnostics(uri, (p) => !server.versioned || p.version === v);
      const t0 = performance.now();
      void client.change(uri, v, range, newText);
      const completion = client.complete(uri, at).then(() => performance.now() - t0);
      return { completion, published: published.then(() => performance.now() - t0) };
    };
    const quiet = async (ms = 1000) => {
      // Until no diagnostics have come for a second (the prediction pass, yaml-language-server's 200 ms delay).
      for (let seen = client.publishes; ; seen = client.publishes) {
        await sleep(ms);
        if (client.publishes === seen) return;
      }
    };

    let t0 = performance.now();
    const first = client.nextDiagnostics(uri);
    await client.open(uri, text, version);
    await first;
    const openMs = performance.now() - t0;
    // PodLab publishes a large file's first documents first, then more as the analysed part doubles: the
    // gaps grow with the file, hence a longer quiet spell; the last publish is when all diagnostics were in.
    await quiet(3000);
    const allMs = client.lastPublishAt - t0;
    const heapOpen = await heapMiB(server, client);

    const mid = Math.floor(n / 2);
    const imageLine = lineOf(mid, DOC_LAYOUT.imageLine);
    const policy = { line: imageLine + 1, character: lines[imageLine + 1]!.indexOf(': ') + 2 };
    const idle: number[] = [];
    for (let k = 0; k < 25; k++) {
      t0 = performance.now();
      await client.complete(uri, policy);
      if (k >= 5) idle.push(performance.now() - t0);
    }

    const afterEdit: number[] = [];
    const editPublish: number[] = [];
    for (let k = 0; k < EDITS + 3; k++) {
      const after = lines[imageLine]!.lastIndexOf('.') + 1;
      const r = editAndComplete(imageLine, after, String(k + 1), policy);
      const [c, p] = await Promise.all([r.completion, r.published]);
      if (k >= 3) {
        afterEdit.push(c);
        editPublish.push(p);
      }
      await sleep(100);
    }

    const serviceName = lines.findIndex((l, i) => i > n * 66 && l === '  name: svc-000');
    const afterServiceEdit: number[] = [];
    for (let k = 0; k < SERVICE_EDITS; k++) {
      const r = editAndComplete(serviceName, '  name: svc-000'.length, k % 2 === 0 ? 'x' : '', policy);
      afterServiceEdit.push(await r.completion);
      await r.published;
      await sleep(100);
    }

    const logLevel = lineOf(mid, DOC_LAYOUT.logLevelValueLine);
    const burst: Promise<number>[] = [];
    for (let k = 0; k < BURST; k++) {
      const r = editAndComplete(logLevel, lines[logLevel]!.length, 'x', policy);
      burst.push(r.completion);
      r.published.catch(() => undefined);
      await sleep(BURST_GAP_MS);
    }
    const burstTimes = await Promise.all(burst);
    await quiet();
    const heapAfter = await heapMiB(server, client);
    const afterEditWarm: number[] = [];
    if (server.versioned)
      for (let k = 0; k < WARM_EDITS; k++) {
        const after = lines[imageLine]!.lastIndexOf('.') + 1;
        const r = editAndComplete(imageLine, after, String(EDITS + 4 + k), policy);
        const [c] = await Promise.all([r.completion, r.published]);
        afterEditWarm.push(c);
        await sleep(100);
      }
    return {
      openMs,
      allMs,
      heapOpen,
      idle,
      afterEdit,
      editPublish,
      afterServiceEdit,
      burst: burstTimes,
      heapAfter,
      ...(afterEditWarm.length > 0 ? { afterEditWarm } : {}),
    };
  } finally {
    await client.stop();
  }
}

const pad = (s: string, w: number) => (s.length >= w ? s : s + ' '.repeat(w - s.length));
const mib = (x: number | undefined) => (x === undefined ? '?' : `${x.toFixed(0)} MiB`);

function report(n: number, ours?: Figures, theirs?: Figures, floor?: Floor): void {
  console.log(`\nN = ${n} Deployments (${n * 66 + 11} lines)`);
  console.log(pad('', 46) + pad('podlab', 18) + pad('yaml-language-server', 22) + 'ratio   goal');
  const row = (label: string, f: (x: Figures) => number, goal: string, ratio = true, fmt = ms) => {
    const a = ours ? f(ours) : NaN;
    const b = theirs ? f(theirs) : NaN;
    const q = ratio && Number.isFinite(a / b) ? (a / b).toFixed(2) : '';
    console.log(pad(label, 46) + pad(fmt(a), 18) + pad(fmt(b), 22) + pad(q, 8) + goal);
  };
  row('open → first diagnostics', (x) => x.openMs, '≤ 0.25');
  row('open → all diagnostics (the last publish)', (x) => x.allMs, '');
  row('edit → first publish, median', (x) => median(x.editPublish), '≤ 0.05');
  row('completion right after an edit, p50', (x) => median(x.afterEdit), '');
  row('completion right after an edit, p95', (x) => percentile(x.afterEdit, 95), '≤ 5 ms');
  row(
    `  … ${WARM_EDITS} more after the burst (warm), p95`,
    (x) => (x.afterEditWarm ? percentile(x.afterEditWarm, 95) : NaN),
    '',
    false,
  );
  row('completion on an idle server, median', (x) => median(x.idle), '');
  row(`completion in a burst of ${BURST} edits, p95`, (x) => percentile(x.burst, 95), '≤ 5 ms');
  row(`  … answers over 100 ms (of ${BURST})`, (x) => x.burst.filter((t) => t > 100).length, '', false, String);
  row('a Service edit, then completion, median', (x) => median(x.afterServiceEdit), '≤ 5 ms');
  if (floor)
    console.log(
      `the machine's floor (a server that ignores the edit, floorServer.ts): completion right after an edit p50 ` +
        `${ms(median(floor.afterEdit))}, p95 ${ms(percentile(floor.afterEdit, 95))}; in the burst p95 ${ms(percentile(floor.burst, 95))}; ` +
        `once warm p95 ${ms(percentile(floor.afterEditWarm, 95))}`,
    );
  for (const [name, x] of [
    ['podlab', ours],
    ['yaml-language-server', theirs],
  ] as const) {
    if (!x) continue;
    const growth =
      x.heapOpen && x.heapAfter ? ` (${(((x.heapAfter - x.heapOpen) / x.heapOpen) * 100).toFixed(0)}%)` : '';
    console.log(
      `heap after GC, ${name}: ${mib(x.heapOpen)} after open → ${mib(x.heapAfter)} after ${BURST} edits${growth}`,
    );
  }
}

async function main(): Promise<void> {
  if (!existsSync(serverJs) || !existsSync(join(serverJs, '..', 'diagnosticsWorker.js'))) {
    console.log('dist/ is missing the server: bundling it (node scripts/esbuild.mjs)');
    spawnSync(process.execPath, ['scripts/esbuild.mjs'], { cwd: join(__dirname, '..'), stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'podlab-typing-bench-'));
  const { servers, schemaSource, dispose } = benchServers(FILE_NAME);
  try {
    console.log(
      `typing benchmark, node ${process.version}, ${cpus().length} CPUs; yaml-language-server with the Deployment schema from ${schemaSource}`,
    );
    for (const n of SIZES) {
      const text = generateDeployments(n) + SERVICE;
      const file = join(dir, FILE_NAME);
      writeFileSync(file, text);
      const results = new Map<string, Figures>();
      for (const server of servers.filter((s) => ONLY === undefined || ONLY.includes(s.name))) {
        try {
          results.set(server.name, await measure(server, n, pathToFileURL(file).href, pathToFileURL(dir).href, text));
        } catch (e) {
          console.log(`${server.name} at N=${n}: failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const floor = await measureFloor(pathToFileURL(file).href, pathToFileURL(dir).href, text, n).catch(
        () => undefined,
      );
      report(n, results.get('podlab'), results.get('yaml-language-server'), floor);
    }
  } finally {
    dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .catch((e: unknown) => console.log(`benchmark failed: ${e instanceof Error ? e.stack : String(e)}`))
  .finally(() => process.exit(0));
