// Reading a scenario file: YAML with ranges, validated with zod and the cluster checks; every problem
// names its line and column.
import { LineCounter, parseDocument } from 'yaml';
import { ScenarioSchema, type Scenario } from './scenario';
import { checkClusterSpec } from './cluster/nodes';
import type { ManifestIssue } from './manifest';
import { parsePath, type Path } from './model/path';
import { keyRangeOf, rangeOf } from './sourceRanges';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: ManifestIssue[] };

export function loadScenario(text: string): ScenarioResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = { docs: [{ index: 0, yaml: doc, value: undefined }], lineCounter };
  const issue = (path: Path, message: string, code = 'scenario'): ManifestIssue => ({
    doc: 0,
    path,
    range: rangeOf(at, 0, path),
    severity: 'error',
    code,
    message,
  });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const p = lineCounter.linePos(e.pos[0]);
        const start = { line: p.line - 1, character: p.col - 1 };
        return {
          doc: 0,
          path: [],
          range: { start, end: start },
          severity: 'error' as const,
          code: 'yaml-syntax',
          message: e.message.split('\n')[0] ?? e.message,
        };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch (err) {
    return { ok: false, issues: [issue([], String((err as Error).message))] };
  }
  const parsed = ScenarioSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      // An unknown key: one issue per key, on the key itself.
      issues: parsed.error.issues.flatMap((z) =>
        z.code === 'unrecognized_keys'
          ? z.keys.map((k) => {
              const path = [...(z.path as Path), k];
              const range = keyRangeOf(at, 0, z.path as Path, k);
              return { ...issue(path, `unknown field "${k}"`), ...(range ? { range } : {}) };
            })
          : [issue(z.path as Path, z.message)],
      ),
    };
  }
  const cluster = checkClusterSpec(parsed.data.cluster);
  if (cluster.length > 0) return { ok: false, issues: cluster.map((c) => issue(parsePath(c.path), c.message)) };
  return { ok: true, scenario: parsed.data };
}
