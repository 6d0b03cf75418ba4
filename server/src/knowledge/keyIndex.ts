// The keys of each object schema with everything completion needs, computed once per schema.
import type { z } from 'zod';
import { unwrap } from '../../../simulator/src/index';
import { fieldInfo, fieldMarkdown, type FieldInfo } from './fieldDocs';
import { defOf, elementOf, enumValues, isBoolean, isRequired, shapeOf, type ValueShape } from './types';

export class KeyEntry {
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly deprecated: boolean;
  readonly shape: ValueShape;
  /** For lists: whether the items are mappings (`- name: …`) rather than scalars. */
  readonly objectItems: boolean;
  readonly values: readonly string[] | undefined;
  readonly boolean: boolean;
  private md: string | undefined;

  constructor(
    readonly key: string,
    readonly info: FieldInfo,
  ) {
    const f = info.field;
    this.required = isRequired(f);
    this.readOnly = info.meta.readOnly === true;
    this.deprecated = info.meta.deprecated !== undefined;
    this.shape = shapeOf(f);
    const el = this.shape === 'list' ? elementOf(f) : undefined;
    this.objectItems = el !== undefined && shapeOf(el) === 'object';
    this.values = enumValues(f);
    this.boolean = isBoolean(f);
  }

  get type(): string {
    return this.info.type;
  }

  /** Hover markdown of the key (built on first use). */
  get markdown(): string {
    this.md ??= fieldMarkdown(this.info);
    return this.md;
  }
}

const CACHE = new WeakMap<z.ZodType, KeyEntry[]>();

/** The keys of an object schema (after unwrapping), or undefined for other schemas. */
export function keyEntries(schema: z.ZodType): KeyEntry[] | undefined {
  const s = unwrap(schema);
  const cached = CACHE.get(s);
  if (cached) return cached;
  const d = defOf(s);
  if (d.type !== 'object') return undefined;
  const out: KeyEntry[] = [];
  for (const key of Object.keys(d['shape'] as object)) {
    const info = fieldInfo(s, key);
    if (info) out.push(new KeyEntry(key, info));
  }
  CACHE.set(s, out);
  return out;
}
