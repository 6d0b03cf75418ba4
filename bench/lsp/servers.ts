// The two language servers the LSP benchmarks compare, as an editor would start them: PodLab's bundled
// server, and yaml-language-server (Red Hat) with the official strict Deployment schema. Both run under
// `node --expose-gc` with a small preload that, on SIGUSR2, collects garbage and writes the heap in use to a
// file, so the benchmarks measure either server's heap the same way.
//
// The schema: ../shared/schemas/k8s-v1.32.2-standalone-strict/deployment-apps-v1.json when present, else
// the copy in this folder (deployment-apps-v1.json.gz: the same schema — from the Kubernetes v1.32.2
// OpenAPI spec, Apache-2.0, via yannh/kubernetes-json-schema — with its description texts removed, which
// changes what yaml-language-server validates and completes in no way, only its hover texts).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ClientOptions, LspClient } from './client';

const repoRoot = join(__dirname, '..', '..');
export const serverJs = join(repoRoot, 'dist', 'server.js');
const yamlLs = join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const sharedSchema = join(
  repoRoot,
  '..',
  'shared',
  'schemas',
  'k8s-v1.32.2-standalone-strict',
  'deployment-apps-v1.json',
);
const bundledSchema = join(__dirname, 'deployment-apps-v1.json.gz');

export interface Server {
  name: string;
  options: ClientOptions;
  /** Its publishDiagnostics carry the document version (yaml-language-server's do not). */
  versioned: boolean;
  /** File the preload writes the heap to. */
  heapFile: string;
}

const PRELOAD =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { writeFileSync } from 'node:fs';" +
      "process.on('SIGUSR2', () => { globalThis.gc(); globalThis.gc();" +
      ' writeFileSync(process.env.PODLAB_HEAP_FILE, String(process.memoryUsage().heapUsed)); });',
  );

/** A scratch directory for the schema and the heap files; `dispose` removes it. */
export function benchServers(fileName: string): { servers: Server[]; schemaSource: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-lsp-servers-'));
  let schema = sharedSchema;
  let schemaSource = 'shared/schemas (full)';
  if (!existsSync(schema)) {
    schema = join(dir, 'deployment-apps-v1.json');
    writeFileSync(schema, gunzipSync(readFileSync(bundledSchema)));
    schemaSource = 'bench/lsp (without descriptions)';
  }
  // PODLAB_BENCH_PROFILE=DIR: PodLab's server (and its prediction worker) write V8 CPU profiles to DIR.
  const profile = process.env.PODLAB_BENCH_PROFILE;
  const node = (name: string, script: string) => ({
    command: process.execPath,
    args: [
      '--expose-gc',
      ...(profile && name === 'podlab' ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      '--import',
      PRELOAD,
      script,
      '--stdio',
    ],
    env: { PODLAB_HEAP_FILE: join(dir, `${name}.heap`) },
  });
  const yaml = {
    schemas: { [pathToFileURL(schema).href]: fileName },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
  };
  const servers: Server[] = [
    {
      name: 'podlab',
      versioned: true,
      heapFile: join(dir, 'podlab.heap'),
      options: {
        name: 'podlab',
        ...node('podlab', serverJs),
        cwd: repoRoot,
        settings: { podlab: {} },
        initializationOptions: { settings: {} },
      },
    },
    {
      name: 'yaml-language-server',
      versioned: false,
      heapFile: join(dir, 'yaml-language-server.heap'),
      options: {
        name: 'yaml-language-server',
        ...node('yaml-language-server', yamlLs),
        cwd: repoRoot,
        settings: { yaml, http: { proxy: '', proxyStrictSSL: false }, '[yaml]': {}, editor: {} },
      },
    },
  ];
  return { servers, schemaSource, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The server's heap after a full GC, in MiB (SIGUSR2 to the preload, which writes it to `heapFile`). */
export async function heapMiB(server: Server, client: LspClient): Promise<number | undefined> {
  rmSync(server.heapFile, { force: true });
  client.child.kill('SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (existsSync(server.heapFile)) {
      const bytes = Number(readFileSync(server.heapFile, 'utf8'));
      if (bytes > 0) return bytes / 1048576;
    }
  }
  return undefined;
}
