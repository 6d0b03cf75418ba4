// Field documentation: our written texts where we have them, else a text generated from the model's
// metadata (type, enum values, default, unit, deprecation, who sets it). Markdown for hover and completion.
import type { z } from 'zod';
import { childSchema, getFieldMeta, unwrap, type FieldMeta, type SetBy } from '../../../simulator/src/index';
import type { FieldDoc } from './doc';
import { ALL_TEXTS } from './texts';
import { enumValues, schemaOfType, typeLabel } from './types';

const BY_SCHEMA = new WeakMap<z.ZodType, Record<string, FieldDoc>>();
for (const [type, fields] of Object.entries(ALL_TEXTS)) {
  const schema = schemaOfType(type);
  if (schema) BY_SCHEMA.set(schema, fields);
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Our written text for a field of an object schema, if there is one. */
export function writtenDoc(parent: z.ZodType, key: string): FieldDoc | undefined {
  const fields = BY_SCHEMA.get(unwrap(parent));
  return fields && hasOwn(fields, key) ? fields[key] : undefined;
}

const WHO: Record<SetBy, string> = {
  'api-server': 'the API server',
  scheduler: 'the scheduler',
  controller: 'a controller',
  kubelet: 'the kubelet',
  admission: 'an admission plugin',
};

export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v === '' ? '""' : v;
  return JSON.stringify(v);
}

/** A text built from the metadata alone, for fields we have not written a text for. */
function fallbackText(field: z.ZodType): string {
  const meta = getFieldMeta(field);
  const parts: string[] = [];
  if (meta.deprecated !== undefined)
    parts.push(`Deprecated${typeof meta.deprecated === 'string' ? `: ${meta.deprecated}` : ''}.`);
  if (meta.readOnly) parts.push(`Set by ${WHO[meta.setBy ?? 'api-server']} — do not write it.`);
  else if (meta.setBy) parts.push(`Filled in by ${WHO[meta.setBy]} when left out.`);
  const values = enumValues(field);
  if (values) parts.push(`One of ${values.map((v) => `\`${formatValue(v)}\``).join(', ')}.`);
  if (meta.default !== undefined)
    parts.push(`Default ${formatValue(meta.default)}${meta.unit ? ` (${meta.unit})` : ''}.`);
  else if (meta.unit) parts.push(`In ${meta.unit}.`);
  if (parts.length === 0) parts.push(`A ${typeLabel(field)} value.`);
  return parts.join(' ');
}

export interface FieldInfo {
  key: string;
  parent: z.ZodType;
  field: z.ZodType;
  meta: FieldMeta;
  type: string;
  doc?: FieldDoc;
}

/** Everything known about `key` in an object schema, or undefined when the key is not a field. */
export function fieldInfo(parent: z.ZodType, key: string): FieldInfo | undefined {
  const field = childSchema(parent, key);
  if (!field || (unwrap(parent).def as { type: string }).type !== 'object') return undefined;
  const info: FieldInfo = { key, parent, field, meta: getFieldMeta(field), type: typeLabel(field) };
  const doc = writtenDoc(parent, key);
  if (doc) info.doc = doc;
  return info;
}

function badges(meta: FieldMeta): string[] {
  const out: string[] = [];
  if (meta.deprecated !== undefined)
    out.push(`**Deprecated**${typeof meta.deprecated === 'string' ? `: ${meta.deprecated}` : ''}.`);
  if (meta.readOnly) out.push(`**Set by ${WHO[meta.setBy ?? 'api-server']} — do not write it.**`);
  else if (meta.setBy) out.push(`*Filled in by ${WHO[meta.setBy]} when left out.*`);
  return out;
}

/** Whether a path runs through a field only the system writes (e.g. anything under `status`). */
export function underReadOnly(root: z.ZodType, path: readonly (string | number)[]): boolean {
  let s: z.ZodType | undefined = root;
  for (const step of path) {
    s = s ? childSchema(s, step) : undefined;
    if (!s) return false;
    if (getFieldMeta(s).readOnly) return true;
  }
  return false;
}

const SYSTEM_BADGE = '**Part of an object the system writes — do not write it.**';

/**
 * The hover text of a field: name · type · unit, badges, text, example, default and values. `systemOwned`
 * adds the read-only badge for fields below a read-only one (e.g. `status.phase`).
 */
export function fieldMarkdown(info: FieldInfo, systemOwned = false): string {
  const { meta, doc } = info;
  const head = [`**${info.key}**`, info.type, ...(meta.unit ? [meta.unit] : [])].join(' · ');
  const inherited = systemOwned && !meta.readOnly ? [SYSTEM_BADGE] : [];
  if (!doc) return [head, ...inherited, fallbackText(info.field)].join('\n\n');
  const parts = [head, ...inherited, ...badges(meta), doc.text, `Example: \`${doc.example}\``];
  if (meta.default !== undefined && !/default/i.test(doc.text)) parts.push(`Default: \`${formatValue(meta.default)}\``);
  const values = enumValues(info.field);
  if (values && values.length > 0) {
    const texts = doc.values;
    parts.push(
      texts && values.some((v) => hasOwn(texts, v))
        ? values.map((v) => `- \`${formatValue(v)}\`${texts[v] ? ` — ${texts[v]}` : ''}`).join('\n')
        : `Values: ${values.map((v) => `\`${formatValue(v)}\``).join(' · ')}`,
    );
  }
  return parts.join('\n\n');
}

/** What one enum value means, when we wrote it down. */
export function valueText(info: FieldInfo, value: string): string | undefined {
  const texts = info.doc?.values;
  return texts && hasOwn(texts, value) ? texts[value] : undefined;
}
