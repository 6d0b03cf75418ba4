// Per-field metadata for the Kubernetes model, kept in a zod registry so that the language server can
// attach its own hover texts, defaults and units to the very same schema objects later on.
import { z } from 'zod';

/** Who fills a field in when the user leaves it out (or owns it entirely). */
export type SetBy = 'api-server' | 'scheduler' | 'controller' | 'kubelet' | 'admission';

export interface FieldMeta {
  /** The field still works but should not be used; a string gives the replacement or reason. */
  deprecated?: true | string;
  /** Only the system writes this field (status, uid, resourceVersion …); user values are ignored or rejected. */
  readOnly?: true;
  /** A component that sets or allocates the value when it is missing. */
  setBy?: SetBy;
  /** Wire format of the value, as the OpenAPI spec names it. */
  format?: 'int32' | 'int64' | 'date-time' | 'quantity' | 'int-or-string';
  /** The values Kubernetes accepts for an enum-like string field (checked by validate.ts, offered by completion). */
  values?: readonly string[];
  /** Default the API server fills in (see defaults.ts), for hover texts. */
  default?: unknown;
  /** Unit of a number, e.g. "seconds". */
  unit?: string;
  /** Our own hover text (never copied from the upstream schema). */
  description?: string;
}

export const podlabMeta = z.registry<FieldMeta>();

/** Adds (merges) metadata to a schema instance and returns the same instance. */
export function annotate<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  const prev = podlabMeta.get(schema);
  podlabMeta.add(schema, { ...prev, ...meta });
  return schema;
}

/** The wrapper layers a field schema may have: optional(pipe(nullable(inner), transform)), pipes, defaults … */
export function unwrapOnce(schema: z.ZodType): z.ZodType | undefined {
  const def = schema.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return def['innerType'] as z.ZodType;
    case 'pipe': {
      const input = def['in'] as z.ZodType;
      // z.preprocess puts the transform first: the real schema is then the output side
      return input.def.type === 'transform' ? (def['out'] as z.ZodType) : input;
    }
    default:
      return undefined;
  }
}

/** Strips optional/nullable/pipe wrappers and returns the schema that describes the value itself. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let next = unwrapOnce(s); next; next = unwrapOnce(s)) s = next;
  return s;
}

/** Metadata of a field, merged over all wrapper layers (outer layers win). */
export function getFieldMeta(schema: z.ZodType): FieldMeta {
  const layers: z.ZodType[] = [];
  for (let s: z.ZodType | undefined = schema; s; s = unwrapOnce(s)) layers.push(s);
  const merged: FieldMeta = {};
  for (const layer of layers.reverse()) Object.assign(merged, podlabMeta.get(layer));
  return merged;
}

/** The schema of a direct child: an object key, an array index or a map key. */
export function childSchema(schema: z.ZodType, key: string | number): z.ZodType | undefined {
  const s = unwrap(schema);
  const def = s.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object') {
    const shape = def['shape'] as Record<string, z.ZodType>;
    return typeof key === 'string' && Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
  }
  if (def.type === 'array') return def['element'] as z.ZodType;
  if (def.type === 'record') return def['valueType'] as z.ZodType;
  return undefined;
}

/** The schema at a path below a root schema (e.g. ["spec", "containers", 0, "livenessProbe"]). */
export function schemaAtPath(root: z.ZodType, path: readonly (string | number)[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    s = childSchema(s, key);
  }
  return s;
}

/** The keys of an object schema (after unwrapping), or undefined for non-objects. */
export function objectKeys(schema: z.ZodType): string[] | undefined {
  const def = unwrap(schema).def as unknown as Record<string, unknown> & { type: string };
  return def.type === 'object' ? Object.keys(def['shape'] as object) : undefined;
}
