// inferProcess / runExec / inferHook never throw: on every container of the real corpus and on random input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import fc from 'fast-check';
import type { HookHandlerLike } from '../../simulator/src/behaviour/hooks';
import { inferHook, inferProcess } from '../../simulator/src/behaviour/infer';
import { runExec } from '../../simulator/src/behaviour/exec';
import type { ProcessModel } from '../../simulator/src/behaviour/types';
import { ctx } from './helpers';

const CORPUS = '/work/shared/corpus/real';
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;

/** A container as a corpus file writes it, not validated: the fields this test reads, as they usually are. */
type RawContainer = { name?: string; lifecycle?: Partial<Record<(typeof HOOKS)[number], HookHandlerLike>> } & Partial<
  Record<(typeof PROBES)[number], { exec?: { command?: string[] } }>
>;

function sane(m: ProcessModel, what: string): void {
  assert.ok(['scenario', 'command', 'image', 'unknown'].includes(m.source), what);
  assert.equal(typeof m.description, 'string', what);
  for (const l of m.listen) {
    assert.ok(Number.isInteger(l.port) && l.port > 0 && l.port < 65536, `${what}: port ${l.port}`);
    assert.ok(Number.isFinite(l.afterSeconds) && l.afterSeconds >= 0, `${what}: listen time`);
  }
  if (m.exit)
    assert.ok(
      Number.isFinite(m.exit.afterSeconds) && m.exit.afterSeconds >= 0 && Number.isInteger(m.exit.code),
      `${what}: exit ${JSON.stringify(m.exit)}`,
    );
  for (const f of m.files)
    assert.ok(
      Number.isFinite(f.at) && f.at >= 0 && (f.every === undefined || f.every > 0),
      `${what}: file op ${JSON.stringify(f)}`,
    );
  assert.ok(Number.isFinite(m.memoryMi) && m.memoryMi >= 0, what);
  assert.ok(m.onStop.action === 'ignore' || (Number.isInteger(m.onStop.code) && m.onStop.afterSeconds >= 0), what);
  assert.ok(JSON.stringify(m).length < 200_000, `${what}: model size`);
}

function podSpecs(o: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(visit);
    const r = x as Record<string, unknown>;
    if (Array.isArray(r['containers'])) out.push(r);
    for (const [k, v] of Object.entries(r)) if (k !== 'containers') visit(v);
  };
  visit(o);
  return out;
}

test('every container of the real corpus', { skip: !existsSync(CORPUS) && 'corpus not present' }, () => {
  const files: string[] = [];
  (function walk(d: string) {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.yaml') || p.endsWith('.yml')) files.push(p);
    }
  })(CORPUS);
  let containers = 0;
  for (const f of files) {
    for (const doc of parseAllDocuments(readFileSync(f, 'utf8'))) {
      let o: unknown;
      try {
        o = doc.toJS();
      } catch {
        continue;
      }
      for (const ps of podSpecs(o)) {
        const all = [...((ps['containers'] as unknown[]) ?? []), ...((ps['initContainers'] as unknown[]) ?? [])];
        for (const c of all as (RawContainer | null)[]) {
          if (c === null || typeof c !== 'object') continue;
          const what = `${f}: ${c.name}`;
          const t0 = performance.now();
          const m = inferProcess({
            container: c as never,
            shareProcessNamespace: ps['shareProcessNamespace'] === true,
          });
          sane(m, what);
          const probeCtx = {
            ...ctx({ ports: { 80: 200 } }),
            tools: m.tools,
            hasShell: m.hasShell,
            flavour: m.flavour!,
          };
          for (const p of PROBES) {
            const cmd = c[p]?.exec?.command;
            if (cmd !== undefined) {
              const r = runExec(cmd, probeCtx);
              assert.ok(r.kind === 'error' || (Number.isInteger(r.exitCode) && r.seconds >= 0), `${what}: ${p}`);
            }
          }
          for (const h of HOOKS) {
            const handler: HookHandlerLike | undefined = c.lifecycle?.[h];
            if (handler !== undefined)
              assert.equal(typeof inferHook(handler, { container: c as never, model: m }).seconds, 'number');
          }
          assert.ok(performance.now() - t0 < 2000, `${what}: too slow`);
          containers++;
        }
      }
    }
  }
  assert.ok(containers > 400, `only ${containers} containers`);
});

const word = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    'sh',
    '-c',
    'bash',
    'sleep',
    'infinity',
    '1h',
    'while',
    'true;',
    'do',
    'done',
    'exec',
    'nginx',
    '-g',
    'daemon off;',
    '&&',
    '||',
    '|',
    '&',
    ';',
    '$(X)',
    '$$(X)',
    '${X:-',
    '$((',
    '`',
    '"',
    "'",
    '<<EOF',
    'trap',
    'wait',
    'nc',
    '-l',
    '-p',
    '8080',
    'python',
    '-m',
    'http.server',
    '/agnhost',
    'netexec',
    'sleep 5 &',
    '(',
    ')',
    '{',
    '}',
    'if',
    'then',
    'fi',
    'case',
    'esac',
    'for',
    'in',
  ),
);
const script = fc.array(word, { maxLength: 30 }).map((ws) => ws.join(' '));
const env = fc.array(
  fc.record({
    name: fc.oneof(fc.constantFrom('X', 'PORT', 'MYSQL_ROOT_PASSWORD', 'DELAY'), fc.string({ maxLength: 8 })),
    value: fc.option(fc.oneof(word, script), { nil: undefined }),
    valueFrom: fc.option(fc.constant({}), { nil: undefined }),
  }),
  { maxLength: 5 },
);
const image = fc.oneof(
  fc.constantFrom(
    'busybox',
    'nginx',
    'mysql:8',
    'registry.k8s.io/busybox:1.27.2',
    'python:2.7',
    'node:22-alpine',
    'redis',
    'gcr.io/google-samples/hello-app:1.0',
    'registry.k8s.io/e2e-test-images/agnhost:2.45',
    'curlimages/curl',
  ),
  fc.string({ maxLength: 30 }),
);

test('random command/args/env/images: never throws, always a sane model (fixed seed)', () => {
  fc.assert(
    fc.property(
      image,
      fc.option(fc.array(word, { maxLength: 6 }), { nil: undefined }),
      fc.option(fc.array(fc.oneof(word, script), { maxLength: 4 }), { nil: undefined }),
      env,
      fc.option(fc.array(fc.integer({ min: -5, max: 70000 }), { maxLength: 3 }), { nil: undefined }),
      fc.boolean(),
      (img, command, args, e, ports, share) => {
        const c = {
          name: 'c',
          image: img,
          command,
          args,
          env: e,
          ports: ports?.map((containerPort) => ({ containerPort })),
        } as never;
        sane(inferProcess({ container: c, shareProcessNamespace: share }), JSON.stringify(c));
      },
    ),
    { seed: 20240607, numRuns: 400 },
  );
});

test('random shell scripts: sh -c in process mode and exec mode never throw', () => {
  fc.assert(
    fc.property(script, (s) => {
      sane(inferProcess({ container: { name: 'c', image: 'busybox', command: ['sh', '-c', s] } }), s);
      const r = runExec(['sh', '-c', s], ctx({ files: { '/tmp/a': 'x' }, ports: { 8080: 200 } }));
      assert.ok(r.kind === 'error' || Number.isInteger(r.exitCode));
    }),
    { seed: 7, numRuns: 400 },
  );
});

test('hostile input: huge, deeply nested, fork bombs, garbage types', () => {
  const hostile: unknown[] = [
    { name: 'c', image: 'busybox', command: ['sh', '-c', ':(){ :|:& };:'] },
    { name: 'c', image: 'busybox', command: ['sh', '-c', '$('.repeat(5000) + 'x' + ')'.repeat(5000)] },
    { name: 'c', image: 'busybox', command: ['sh', '-c', '${a:-'.repeat(3000) + '}'.repeat(3000)] },
    { name: 'c', image: 'busybox', command: ['sh', '-c', '('.repeat(10000)] },
    {
      name: 'c',
      image: 'busybox',
      command: ['sh', '-c', 'while true; do '.repeat(500) + 'sleep 1; ' + 'done; '.repeat(500)],
    },
    { name: 'c', image: 'busybox', command: ['sh', '-c', 'echo x; '.repeat(30000)] },
    { name: 'c', image: 'busybox', command: ['sh', '-c', 'x'.repeat(1_000_000)] },
    {
      name: 'c',
      image: 'busybox',
      command: [
        'sh',
        '-c',
        'case aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab in *a*a*a*a*a*a*a*a*a*a*c) exit 1;; esac; sleep 1',
      ],
    },
    {
      name: 'c',
      image: 'busybox',
      command: ['sh', '-c', '[[ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab =~ (a+)+$ ]]; sleep 1'],
    },
    { name: 'c', image: 'busybox', command: ['sh', '-c', 'i=0; while [ $i -ge 0 ]; do i=$((i+1)); done'] },
    {
      name: 'c',
      image: 'busybox',
      command: ['sh', '-c', 'for i in $(seq 1 100000); do for j in $(seq 1 100000); do echo $i$j >> /f; done; done'],
    },
    { name: 'c', image: 'busybox', command: ['sh', '-c', 'eval "$X"'], env: [{ name: 'X', value: 'eval "$X"' }] },
    {
      name: 'c',
      image: 'busybox',
      command: ['sh', '-c', 'sleep 99999999999999999999999999999999999; sleep 1e308; sleep 1e308'],
    },
    {
      name: 'c',
      image: 42,
      command: 'sleep 1',
      args: [null, 3, { a: 1 }],
      env: 'x',
      ports: [{ containerPort: 'x' }, null],
      resources: { limits: { memory: {} } },
    },
    { name: 'c', command: [], args: [] },
    {},
  ];
  for (const c of hostile) {
    const t0 = performance.now();
    const m = inferProcess({ container: c as never });
    sane(m, JSON.stringify(c).slice(0, 80));
    assert.ok(performance.now() - t0 < 3000, `slow on ${JSON.stringify(c).slice(0, 80)}: ${performance.now() - t0} ms`);
  }
  for (const argv of [[], [''], ['sh', '-c', ':(){ :|:& };:'], ['sh', '-c', 'x'.repeat(200_000)], [null, 1] as never]) {
    const r = runExec(argv, ctx());
    assert.ok(r.kind === 'error' || Number.isInteger(r.exitCode));
  }
});
