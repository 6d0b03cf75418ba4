// Names for the object schemas of the model, so that texts and type labels can say `Probe` or `Container`.
// The names come from the model's own exports (`ProbeSchema` → `Probe`), computed once.
import type { z } from 'zod';
import { getFieldMeta, model, unwrap } from '../../../simulator/src/index';

type Def = { type: string; [k: string]: unknown };
export const defOf = (s: z.ZodType): Def => s.def as unknown as Def;

const NAME_OF = new WeakMap<z.ZodType, string>();
const SCHEMA_OF = new Map<string, z.ZodType>();

for (const [exportName, value] of Object.entries(model)) {
  if (!exportName.endsWith('Schema') || value === null || typeof value !== 'object' || !('def' in value)) continue;
  const schema = value as z.ZodType;
  if (defOf(schema).type !== 'object') continue;
  const name = exportName.slice(0, -'Schema'.length);
  SCHEMA_OF.set(name, schema);
  if (!NAME_OF.has(schema)) NAME_OF.set(schema, name);
}

/** The model's name of an object schema (`Probe`, `Container`, `PodSpec` …), after unwrapping. */
export function typeNameOf(schema: z.ZodType): string | undefined {
  return NAME_OF.get(unwrap(schema));
}

/** The object schema exported under a type name (`Container` → ContainerSchema). */
export function schemaOfType(name: string): z.ZodType | undefined {
  return SCHEMA_OF.get(name);
}

export type ValueShape = 'scalar' | 'object' | 'list' | 'map';

/** How a field's value is written: a scalar, a nested mapping, a list or a free-form map. */
export function shapeOf(schema: z.ZodType): ValueShape {
  const t = defOf(unwrap(schema)).type;
  if (t === 'object') return 'object';
  if (t === 'array') return 'list';
  if (t === 'record') return 'map';
  return 'scalar';
}

/** The element schema of a list field, the value schema of a map field. */
export function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const d = defOf(unwrap(schema));
  if (d.type === 'array') return d['element'] as z.ZodType;
  if (d.type === 'record') return d['valueType'] as z.ZodType;
  return undefined;
}

/** A short type label: `integer`, `string`, `Probe`, `Container[]`, `map[string]string`, `int-or-string` … */
export function typeLabel(schema: z.ZodType): string {
  const inner = unwrap(schema);
  const d = defOf(inner);
  switch (d.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number': {
      const f = getFieldMeta(inner).format;
      return f === 'int32' || f === 'int64' ? 'integer' : 'number';
    }
    case 'literal':
      return (d['values'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
    case 'object':
      return NAME_OF.get(inner) ?? 'object';
    case 'array':
      return `${typeLabel(d['element'] as z.ZodType)}[]`;
    case 'record': {
      const v = unwrap(d['valueType'] as z.ZodType);
      return defOf(v).type === 'unknown' ? 'object' : `map[string]${typeLabel(v)}`;
    }
    case 'union': {
      const f = getFieldMeta(inner).format;
      return f === 'quantity' ? 'quantity' : f === 'int-or-string' ? 'int-or-string' : 'value';
    }
    default:
      return 'value';
  }
}

/** Whether a field must be written (its schema is not optional). */
export function isRequired(fieldSchema: z.ZodType): boolean {
  return defOf(fieldSchema).type !== 'optional';
}

/** Enum values of a field (from the model's metadata), or undefined. */
export function enumValues(schema: z.ZodType): readonly string[] | undefined {
  const values = getFieldMeta(schema).values;
  if (values) return values;
  const d = defOf(unwrap(schema));
  if (d.type === 'literal') return (d['values'] as unknown[]).map(String);
  return undefined;
}

export function isBoolean(schema: z.ZodType): boolean {
  return defOf(unwrap(schema)).type === 'boolean';
}
