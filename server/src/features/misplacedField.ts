// "Belongs elsewhere" for an unknown field that is a real field one level away: `httpGet` or
// `initialDelaySeconds` written directly under a container instead of under `readinessProbe:` (a common slip
// when copying from slides), `requests:` beside `resources:` instead of inside it, or a field indented one
// level too deep. The schema decides, not a list of known slips: a key unknown here that the schema knows
// under a field of the same mapping (one level down) or in the enclosing object (one level up).
import type { z } from 'zod';
import { objectKeys, schemaAtPath, type FixData, type Path } from '../../../simulator/src/index';

const MAX_TARGETS = 4;

interface Target {
  /** Path of the mapping the field should be in. */
  parent: Path;
  /** The field of the same mapping it belongs under (`readinessProbe`), or undefined when it belongs one level up. */
  under?: string;
  /** The target mapping is already written in the document. */
  exists: boolean;
}

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function targets(root: z.ZodType, doc: unknown, path: Path, key: string): Target[] {
  const parent = path.slice(0, -1);
  const parentSchema = schemaAtPath(root, parent);
  const out: Target[] = [];
  // One level down: a field of this mapping whose object type has the key (and does not already set it).
  for (const field of (parentSchema && objectKeys(parentSchema)) ?? []) {
    const child = schemaAtPath(root, [...parent, field]);
    if (!child || !(objectKeys(child) ?? []).includes(key)) continue;
    const written = valueAt(doc, [...parent, field]);
    if (written !== undefined && !isMap(written)) continue;
    if (isMap(written) && key in written) continue;
    out.push({ parent: [...parent, field], under: field, exists: isMap(written) });
  }
  // One level up: the enclosing object (across a list index) has the key itself and does not set it yet.
  let up = parent;
  while (up.length > 0 && typeof up[up.length - 1] === 'number') up = up.slice(0, -1);
  up = up.slice(0, -1);
  if (parent.length > 0) {
    const upSchema = schemaAtPath(root, up);
    const written = valueAt(doc, up);
    if (upSchema && (objectKeys(upSchema) ?? []).includes(key) && isMap(written) && !(key in written)) {
      out.push({ parent: up, exists: true });
    }
  }
  // The mappings already written first: the user most likely meant one of those.
  return [...out.filter((t) => t.exists), ...out.filter((t) => !t.exists)].slice(0, MAX_TARGETS);
}

const quoted = (names: string[]) =>
  names.length === 1
    ? `"${names[0]}"`
    : `${names
        .slice(0, -1)
        .map((n) => `"${n}"`)
        .join(', ')} or "${names[names.length - 1]}"`;

/** Words and move fixes for an unknown field that belongs one level away, or undefined when none is found. */
export function misplacedField(
  root: z.ZodType,
  doc: unknown,
  path: Path,
  message: string,
): { message: string; fixes: FixData[] } | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const found = targets(root, doc, path, key);
  if (found.length === 0) return undefined;
  const value = valueAt(doc, path);
  const existing = found.filter((t) => t.exists && t.under !== undefined);
  const downs = found.filter((t) => t.under !== undefined).map((t) => t.under as string);
  const upOnly = downs.length === 0;
  const hint = upOnly
    ? `"${key}" is a field of the enclosing object: did you mean to indent it one level less?`
    : existing.length === 1
      ? `"${key}" is a field of ${quoted(downs)}: did you mean to indent it under "${existing[0]!.under}"?`
      : `"${key}" is a field of ${quoted(downs)}: did you mean to indent it under ${downs.length === 1 ? `"${downs[0]}"` : 'one of them'}?`;
  // Preferred only when the choice is obvious: a single place, or a single one already written.
  const obvious = found.length === 1 ? found[0] : existing.length === 1 ? existing[0] : undefined;
  const fixes: FixData[] = found.map((t) => ({
    title: t.under !== undefined ? `Move "${key}" under "${t.under}"` : `Move "${key}" one level up`,
    changes: [
      { kind: 'delete', path },
      { kind: 'set', path: [...t.parent, key], value },
    ],
    ...(t === obvious ? { preferred: true } : {}),
  }));
  return { message: `${message}; ${hint}`, fixes };
}
