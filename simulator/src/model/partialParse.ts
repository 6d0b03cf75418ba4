// Decoding a document that fails its structural schema, branch by branch, so that the API-server checks still
// run on everything that is well-formed (the API server reports all field errors at once: ValidatePod,
// ValidateService … append to one ErrorList and keep going). Each subtree that passes its schema is taken as
// the schema outputs it; a subtree that fails is decoded field by field; a value of the wrong type is left
// out (its structural error stands for it), a missing required field stays missing, an unknown field is
// dropped. The result has the schema's shape with required fields possibly absent: `Incomplete<T>`.
import type { z } from 'zod';
import { unwrap } from './fieldMeta';

/** A decoded T whose required fields (at any depth) may be missing; map entries are whole or left out. */
export type Incomplete<T> = T extends readonly (infer U)[]
  ? Incomplete<U>[]
  : T extends object
    ? string extends keyof T
      ? { [K in keyof T]: Incomplete<T[K]> }
      : { [K in keyof T]?: Incomplete<T[K]> }
    : T;

type Def = Record<string, unknown> & { type: string };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * What a list item that cannot be decoded becomes, so that the items after it keep their index (their
 * paths point at the document): an empty object for object items (whatever the checks say below it is
 * dropped, see `structuralPaths`), the zero value for scalars, as Go would decode it.
 */
function placeholder(item: z.ZodType): unknown {
  switch ((unwrap(item).def as unknown as Def).type) {
    case 'object':
    case 'record':
      return {};
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

/** A one-entry object; `__proto__` and the like stay ordinary keys. */
function entry(k: string, v: unknown): Record<string, unknown> {
  return setEntry({}, k, v);
}

function setEntry(o: Record<string, unknown>, k: string, v: unknown): Record<string, unknown> {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** `value` decoded with `schema` as far as it is well-formed; undefined where nothing is. */
export function parsePartially(schema: z.ZodType, value: unknown): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  if (value === undefined || value === null) return undefined;
  const inner = unwrap(schema);
  const def = inner.def as unknown as Def;
  if (def.type === 'object' && isPlainObject(value)) {
    const shape = def['shape'] as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!Object.prototype.hasOwnProperty.call(shape, k)) continue;
      const field = shape[k];
      const decoded = field ? parsePartially(field, v) : undefined;
      if (decoded !== undefined) setEntry(out, k, decoded);
    }
    return out;
  }
  if (def.type === 'record' && isPlainObject(value)) {
    // Entry by entry, each parsed as a one-entry map so that the map's own transform applies (null → "").
    const valueType = def['valueType'] as z.ZodType;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const one = schema.safeParse(entry(k, v));
      const decoded = one.success ? (one.data as Record<string, unknown>)[k] : parsePartially(valueType, v);
      if (decoded !== undefined && decoded !== null) setEntry(out, k, decoded);
    }
    return out;
  }
  if (def.type === 'array' && Array.isArray(value)) {
    // The lists' own transforms (primitives.ts: null object items dropped, null strings "", null integers 0)
    // are applied by parsing each item as a one-item list.
    const list = schema;
    const item = def['element'] as z.ZodType;
    const out: unknown[] = [];
    for (const v of value) {
      const one = list.safeParse([v]);
      if (one.success) out.push(...(one.data as unknown[]));
      else {
        const decoded = parsePartially(item, v) ?? placeholder(item);
        if (decoded !== undefined) out.push(decoded);
      }
    }
    return out;
  }
  return undefined;
}
