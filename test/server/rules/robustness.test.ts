// Rules never throw: on broken documents of every shape (hand-written and fuzzed), and every finding has a
// range inside the text and fixes whose edits stay inside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { RAW_FILE_RULES, RAW_RULES } from '../../../server/src/rules/index';
import type { DocContext } from '../../../server/src/rules/types';
import { resolveFixes } from '../../../server/src/analysis/fixes';
import { contexts } from './helpers';

const BROKEN = [
  '',
  '---\n---\n',
  'just a string\n',
  '- a\n- b\n',
  'apiVersion: v1\nkind: Pod\n',
  'apiVersion: v1\nkind: Pod\nspec: 3\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  containers: hello\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  containers: [null, 1, "x", [], {}]\n  initContainers: {a: 1}\n  volumes: 7\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: [a]\n      ports: {containerPort: 80}\n      env: "x"\n      livenessProbe: [1]\n      readinessProbe:\n        httpGet: {port: {a: 1}}\n      startupProbe:\n        tcpSocket: null\n      lifecycle: {preStop: 3, postStart: {httpGet: []}}\n      volumeMounts: [{name: 3}, null]\n      resources: 5\n      image: {}\n',
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector: {matchLabels: [1], matchExpressions: {a: 1}}\n  template: {metadata: {labels: "x"}, spec: {restartPolicy: 5}}\n',
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector: {matchLabels: {app: 1}, matchExpressions: [null, {key: 3}, {key: a, operator: In, values: 4}]}\n  template: null\n',
  'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: x, livenessProbe: {successThreshold: "2", httpGet: {port: 99999999}}}]}}}}\n',
  'apiVersion: v1\nkind: Service\nspec:\n  selector: [1]\n  ports: {a: 1}\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{name: c, image: x}]}\n',
  'apiVersion: v1\nkind: Service\nspec:\n  selector: {app: x}\n  ports: [null, {port: "a"}, {targetPort: {}}, {port: 80, targetPort: "n"}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {labels: {app: x}}\nspec: {containers: [{name: c, image: x, ports: [{containerPort: "p"}, null]}]}\n',
  'a: &x [*x]\n',
  'anchors: &a {k: v}\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - <<: *a\n      name: c\n      image: nginx\n      livenessProbe: {tcpSocket: {port: 1}}\n',
  'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: c\n      image: nginx\n      command: ["sh", "-c", "sleep $(X)"]\n      env: [{name: X, value: "1e400"}]\n      livenessProbe: {tcpSocket: {port: 80}, initialDelaySeconds: -5, periodSeconds: 0, failureThreshold: 1e9}\n',
];

function checkAll(text: string, docs: DocContext[]): void {
  const lines = text.split('\n').length;
  const inside = (r: { start: { line: number }; end: { line: number } }) =>
    r.start.line >= 0 && r.end.line <= lines && r.start.line <= r.end.line;
  for (const d of docs) {
    for (const rule of RAW_RULES) {
      let found;
      try {
        found = rule.check(d);
      } catch (e) {
        assert.fail(`${rule.id} threw on:\n${text}\n${(e as Error).stack}`);
      }
      for (const f of found) {
        assert.ok(inside(f.range), `${rule.id}: range inside the text`);
        assert.ok(f.message.length > 0);
        for (const fix of resolveFixes(d, f.fixes))
          for (const e of fix.edits) assert.ok(inside(e.range), `${rule.id}: edit inside the text`);
      }
    }
  }
  for (const rule of RAW_FILE_RULES) {
    try {
      rule.checkFile(docs);
    } catch (e) {
      assert.fail(`${rule.id} threw on:\n${text}\n${(e as Error).stack}`);
    }
  }
}

test('rules never throw on broken documents', () => {
  for (const text of BROKEN) checkAll(text, contexts(text));
});

test('rules never throw on any document value (synthetic contexts)', () => {
  const values: unknown[] = [
    null,
    undefined,
    0,
    'x',
    [],
    {},
    [null],
    { spec: null },
    { kind: 'Pod', spec: { containers: 'x' } },
    { metadata: [] },
  ];
  for (const kind of [undefined, 'Pod', 'Deployment', 'Job', 'CronJob', 'Service', 'StatefulSet']) {
    for (const value of values) {
      const ctx: DocContext = {
        index: 0,
        value,
        range: () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }),
        keyRange: () => undefined,
        podSpecs: () => [],
        lineText: () => '',
        issues: [],
        ...(kind ? { kind } : {}),
      };
      checkAll('', [ctx]);
    }
  }
});

/** Deterministic pseudo-random numbers (LCG). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK: unknown[] = [
  null,
  0,
  -1,
  1.5,
  99999,
  '',
  'x',
  'http',
  '80',
  true,
  [],
  {},
  [null],
  { a: null },
  [{ name: 'x' }],
];

function mutate(v: unknown, r: () => number, depth = 0): unknown {
  if (r() < 0.08 || depth > 12) return JUNK[Math.floor(r() * JUNK.length)];
  if (Array.isArray(v)) return v.map((x) => mutate(x, r, depth + 1));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (r() > 0.05) out[k] = mutate(x, r, depth + 1);
    return out;
  }
  return v;
}

const SEED_DOC = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] },
    template: {
      metadata: { labels: { app: 'web', tier: 'fe' } },
      spec: {
        restartPolicy: 'Always',
        initContainers: [
          {
            name: 'init',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'sleep 5'],
            readinessProbe: { exec: { command: ['true'] } },
          },
          {
            name: 'proxy',
            image: 'envoyproxy/envoy:v1',
            restartPolicy: 'Always',
            ports: [{ containerPort: 9901, name: 'admin' }],
          },
        ],
        containers: [
          {
            name: 'web',
            image: 'nginx',
            command: ['/bin/sh', '-c', 'sleep $(D); exec nginx -g "daemon off;"'],
            env: [
              { name: 'D', value: '45' },
              { name: 'D', value: '40' },
            ],
            ports: [
              { name: 'http', containerPort: 80 },
              { name: 'http', containerPort: 80 },
            ],
            livenessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 10, successThreshold: 2 },
            readinessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 10 },
            startupProbe: { tcpSocket: { port: 8081 } },
            lifecycle: { preStop: { httpGet: { port: 'nope' } } },
            volumeMounts: [{ name: 'dat', mountPath: '/d' }],
            resources: {},
          },
          { name: 'db', image: 'mysql:8.4', ports: [{ containerPort: 80 }] },
        ],
        volumes: [
          { name: 'data', emptyDir: {} },
          { name: 'data', emptyDir: {} },
        ],
      },
    },
  },
};

const SERVICE = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'web' }, { port: 81 }] },
};

test('rules never throw on fuzzed workloads and Services (1,000 mutations, fixed seed)', () => {
  const r = rng(42);
  for (let i = 0; i < 1000; i++) {
    const docs = [mutate(SEED_DOC, r), mutate(SERVICE, r)];
    const text = docs.map((d) => stringify(d, { version: '1.1' })).join('---\n');
    checkAll(text, contexts(text));
  }
});
