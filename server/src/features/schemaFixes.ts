// Better words and fixes (as data) for schema-level problems: "did you mean" for unknown fields (with a
// rename), an insertion for a missing required field. Other issues keep their words and the fixes the model
// attached (e.g. the replacement for a removed apiVersion).
import type { z } from 'zod';
import {
  objectKeys,
  schemaAtPath,
  schemaFor,
  unwrap,
  type FixData,
  type ManifestIssue,
} from '../../../simulator/src/index';
import type { ChunkResult } from '../analysis/fileAnalysis';
import { editDistance } from '../editDistance';
import { misplacedField } from './misplacedField';

export function schemaFixes(i: ManifestIssue, chunk: ChunkResult): { message: string; fixes: FixData[] } {
  const ctx = chunk.contexts.find((c) => c.index === i.doc);
  const root = ctx ? schemaFor(ctx.apiVersion, ctx.kind)?.schema : undefined;
  switch (i.code) {
    case 'unknown-field': {
      const key = String(i.path[i.path.length - 1]);
      const parent = root ? schemaAtPath(root, i.path.slice(0, -1)) : undefined;
      const keys = parent ? (objectKeys(parent) ?? []) : [];
      const best = closest(key, keys);
      if (best === undefined) {
        const moved = root && ctx ? misplacedField(root, ctx.value, i.path, i.message) : undefined;
        return moved ?? { message: i.message, fixes: [] };
      }
      return {
        message: `${i.message}; did you mean "${best}"?`,
        fixes: [
          { title: `Rename to "${best}"`, preferred: true, changes: [{ kind: 'rename-key', path: i.path, to: best }] },
        ],
      };
    }
    case 'missing-required': {
      const key = i.path[i.path.length - 1];
      if (!root || typeof key !== 'string') return { message: i.message, fixes: [] };
      const change = {
        kind: 'set',
        path: i.path,
        value: placeholder(schemaAtPath(root, i.path)),
        first: true,
      } as const;
      return {
        message: i.message,
        fixes: [{ title: `Add the required field "${key}"`, preferred: true, changes: [change] }],
      };
    }
    default:
      return { message: i.message, fixes: i.fixes ?? [] };
  }
}

/** The known key closest to `key` (case-insensitive equal, or at most 2 edits away, or a prefix). */
function closest(key: string, keys: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of keys) {
    if (k === key) continue;
    const d = k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase());
    const limit = Math.max(1, Math.min(3, Math.floor(k.length / 3)));
    const score = d <= limit ? d : k.toLowerCase().startsWith(lower) && lower.length >= 4 ? limit + 0.5 : Infinity;
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/** An empty value of the field's type, for the user to fill in. */
function placeholder(schema: z.ZodType | undefined): unknown {
  const t = schema ? (unwrap(schema) as { def?: { type?: string } }).def?.type : undefined;
  if (t === 'array') return [];
  if (t === 'object' || t === 'record') return {};
  if (t === 'number' || t === 'int') return 0;
  if (t === 'boolean') return false;
  return '';
}
