// Walks the official JSON schema and our zod schema into comparable lists of property paths
// (`spec.containers[].livenessProbe.httpGet.port`) with a simple type tag and required flag.
import type { z } from 'zod';
import { getFieldMeta, unwrapOnce } from '../../simulator/src/model';

export type TypeTag =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'map'
  | 'int-or-string'
  | 'quantity'
  | 'any-object'
  | `enum:${string}`
  | 'unknown';

export interface PathInfo {
  type: TypeTag;
  required: boolean;
  nullable: boolean;
  /** Official: the description calls the field deprecated. Ours: FieldMeta.deprecated. */
  deprecated: boolean;
  /** Official: a status object or a field described as "Read-only." Ours: FieldMeta.readOnly. */
  readOnly: boolean;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  enum?: unknown[];
  description?: string;
};

const flags = (k: string, v: JsonSchema) => ({
  deprecated: /deprecat/i.test(v.description ?? ''),
  readOnly: (k === 'status' && jsonTag(v) === 'object') || /Read-only\./.test(v.description ?? ''),
});

function jsonTag(s: JsonSchema): TypeTag {
  if (s.oneOf) {
    const types = s.oneOf.map((o) => (Array.isArray(o.type) ? o.type[0] : o.type));
    return types.includes('number') ? 'quantity' : 'int-or-string';
  }
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (s.enum) return `enum:${s.enum.join('|')}`;
  if (t === 'object') {
    if (s.properties) return 'object';
    if (typeof s.additionalProperties === 'object') return 'map';
    return 'any-object';
  }
  if (t === 'string' || t === 'integer' || t === 'number' || t === 'boolean' || t === 'array') return t;
  return 'unknown';
}

export function walkJsonSchema(root: JsonSchema): Map<string, PathInfo> {
  const out = new Map<string, PathInfo>();
  const visit = (s: JsonSchema, path: string): void => {
    if (s.properties) {
      for (const [k, v] of Object.entries(s.properties)) {
        const p = path ? `${path}.${k}` : k;
        // an enum without null rejects null even when the type list allows it
        const nullable = Array.isArray(v.type) && v.type.includes('null') && (!v.enum || v.enum.includes(null));
        out.set(p, { type: jsonTag(v), required: (s.required ?? []).includes(k), nullable, ...flags(k, v) });
        visit(v, p);
      }
    }
    const element = (e: JsonSchema, p: string): void => {
      const nullable = Array.isArray(e.type) ? e.type.includes('null') : false;
      out.set(p, { type: jsonTag(e), required: true, nullable, deprecated: false, readOnly: false });
      visit(e, p);
    };
    if (s.items) element(s.items, `${path}[]`);
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      element(s.additionalProperties, `${path}{}`);
  };
  visit(root, '');
  return out;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => s.def as unknown as Def;

/** Unwraps a field schema, noting whether it was optional/nullable on the way. */
function peel(s: z.ZodType): { inner: z.ZodType; optional: boolean; nullable: boolean } {
  let optional = false;
  let nullable = false;
  let cur = s;
  for (let next = unwrapOnce(cur); next; next = unwrapOnce(cur)) {
    const t = defOf(cur).type;
    if (t === 'optional') optional = true;
    if (t === 'nullable') nullable = true;
    cur = next;
  }
  return { inner: cur, optional, nullable };
}

function zodTag(s: z.ZodType): TypeTag {
  const d = defOf(s);
  switch (d.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number': {
      const f = getFieldMeta(s).format;
      return f === 'int32' || f === 'int64' ? 'integer' : 'number';
    }
    case 'literal':
      return `enum:${(d['values'] as unknown[]).join('|')}`;
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    case 'record': {
      const v = peel(d['valueType'] as z.ZodType).inner;
      return defOf(v).type === 'unknown' ? 'any-object' : 'map';
    }
    case 'union': {
      const f = getFieldMeta(s).format;
      return f === 'quantity' ? 'quantity' : f === 'int-or-string' ? 'int-or-string' : 'unknown';
    }
    default:
      return 'unknown';
  }
}

export function walkZod(root: z.ZodType): Map<string, PathInfo> {
  const out = new Map<string, PathInfo>();
  const visit = (s: z.ZodType, path: string): void => {
    const inner = peel(s).inner;
    const d = defOf(inner);
    if (d.type === 'object') {
      for (const [k, v] of Object.entries(d['shape'] as Record<string, z.ZodType>)) {
        const p = path ? `${path}.${k}` : k;
        const peeled = peel(v);
        const meta = getFieldMeta(v);
        out.set(p, {
          type: zodTag(peeled.inner),
          required: !peeled.optional,
          nullable: peeled.nullable,
          deprecated: meta.deprecated !== undefined,
          readOnly: meta.readOnly === true,
        });
        visit(v, p);
      }
    } else if (d.type === 'array' || d.type === 'record') {
      const e = (d.type === 'array' ? d['element'] : d['valueType']) as z.ZodType;
      const peeled = peel(e);
      if (defOf(peeled.inner).type === 'unknown') return; // free-form object (managedFields[].fieldsV1)
      const p = `${path}${d.type === 'array' ? '[]' : '{}'}`;
      out.set(p, {
        type: zodTag(peeled.inner),
        required: !peeled.optional,
        nullable: peeled.nullable,
        deprecated: false,
        readOnly: false,
      });
      visit(e, p);
    }
  };
  visit(root, '');
  return out;
}
