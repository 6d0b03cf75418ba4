// Building blocks that reproduce the conventions of the Kubernetes "standalone-strict" JSON schemas:
// - optional fields also accept `null` (Go decodes null as "unset"); we normalise null to undefined, so the
//   inferred TypeScript types carry no `null`;
// - array items and map values accept `null` too (Go: zero value; object items are dropped);
// - int-or-string and quantity fields accept a string or a number, but not null;
// - "integer" means a number without a fractional part (JSON Schema semantics); the int32/int64 range is a
//   semantic check (validate.ts), exactly as the API server reports it.
import { z } from 'zod';
import { annotate, type FieldMeta } from './fieldMeta';

export { z };

/** Unknown fields are errors, like `additionalProperties: false` / `kubectl apply --validate=strict`. */
export const obj = z.strictObject;

/** An integer field (a refined number). */
export type Int = z.ZodNumber;

function integer(format: 'int32' | 'int64'): Int {
  const s = z.number().refine((n) => Number.isInteger(n), {
    message: `Invalid input: expected integer (${format}), received a number with a fraction`,
    abort: true,
  });
  return annotate(s, { format });
}

export const int32 = (): Int => integer('int32');
export const int64 = (): Int => integer('int64');
export const bool = (): z.ZodBoolean => z.boolean();
export const str = (): z.ZodString => z.string();
/** RFC 3339 time stamp (string; the format itself is not checked, as in the JSON schema). */
export const time = (): z.ZodString => annotate(z.string(), { format: 'date-time' });

/** A resource quantity: `"500m"`, `"1Gi"`, `2`, `0.5` (syntax is checked by validate.ts). */
export const quantity = (): Quantity => annotate(z.union([z.string(), z.number()]), { format: 'quantity' });
/** An int-or-string field, e.g. a port number or name, or `25%`. */
export const intOrString = (): IntOrString => annotate(z.union([z.string(), int32()]), { format: 'int-or-string' });

/** The type of an optional field built by `opt` (named, so that declaration files stay small). */
export type Opt<T extends z.ZodType> = z.ZodOptional<
  z.ZodPipe<z.ZodNullable<T>, z.ZodTransform<Exclude<z.output<T>, null> | undefined, z.output<T> | null>>
>;
export type List<T extends z.ZodType> = z.ZodPipe<
  z.ZodArray<z.ZodNullable<T>>,
  z.ZodTransform<Exclude<z.output<T>, null>[], (z.output<T> | null)[]>
>;
export type StrList = z.ZodPipe<z.ZodArray<z.ZodNullable<z.ZodString>>, z.ZodTransform<string[], (string | null)[]>>;
export type IntList = z.ZodPipe<z.ZodArray<z.ZodNullable<Int>>, z.ZodTransform<number[], (number | null)[]>>;
export type StrMap = z.ZodPipe<
  z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodString>>,
  z.ZodTransform<Record<string, string>, Record<string, string | null>>
>;
export type Quantity = z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
export type IntOrString = z.ZodUnion<readonly [z.ZodString, Int]>;
export type QuantityMap = z.ZodRecord<z.ZodString, Quantity>;

/** Optional field that also accepts null (normalised to undefined). */
export function opt<T extends z.ZodType>(schema: T, meta?: FieldMeta): Opt<T> {
  const s = schema
    .nullable()
    .transform((v): Exclude<z.output<T>, null> | undefined =>
      v === null ? undefined : (v as Exclude<z.output<T>, null>),
    )
    .optional();
  return meta ? annotate(s, meta) : s;
}

/** Optional int-or-string/quantity field: absent is fine, null is not (the JSON schema uses oneOf). */
export function optNotNull<T extends z.ZodType>(schema: T, meta?: FieldMeta): z.ZodOptional<T> {
  const s = schema.optional();
  return meta ? annotate(s, meta) : s;
}

/** Required field with metadata. */
export function req<T extends z.ZodType>(schema: T, meta?: FieldMeta): T {
  return meta ? annotate(schema, meta) : schema;
}

/** Array of objects; null items are accepted (as by the JSON schema) and dropped. */
export function list<T extends z.ZodType>(item: T): List<T> {
  return z.array(item.nullable()).transform((a) => a.filter((x): x is Exclude<z.output<T>, null> => x !== null));
}

/** Array of strings; null items become "" (what Go decodes them to). */
export function strList(): StrList {
  return z.array(z.string().nullable()).transform((a) => a.map((x) => x ?? ''));
}

/** Array of integers; null items become 0 (what Go decodes them to). */
export function intList(format: 'int32' | 'int64'): IntList {
  return z.array(integer(format).nullable()).transform((a) => a.map((x) => x ?? 0));
}

/** map[string]string; null values become "". */
function strMap(): StrMap {
  return z.record(z.string(), z.string().nullable()).transform((m) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(m)) out[k] = v ?? '';
    return out;
  });
}

/** map[string]Quantity (resource lists). */
function quantityMap(): QuantityMap {
  return z.record(z.string(), quantity());
}

export const optStr = (meta?: FieldMeta): Opt<z.ZodString> => opt(z.string(), meta);
export const optBool = (meta?: FieldMeta): Opt<z.ZodBoolean> => opt(z.boolean(), meta);
export const optInt32 = (meta?: FieldMeta): Opt<Int> => opt(int32(), meta);
export const optInt64 = (meta?: FieldMeta): Opt<Int> => opt(int64(), meta);
export const optTime = (meta?: FieldMeta): Opt<z.ZodString> => opt(time(), meta);
export const optStrList = (meta?: FieldMeta): Opt<StrList> => opt(strList(), meta);
export const optStrMap = (meta?: FieldMeta): Opt<StrMap> => opt(strMap(), meta);
export const optList = <T extends z.ZodType>(item: T, meta?: FieldMeta): Opt<List<T>> => opt(list(item), meta);
export const optQuantityMap = (meta?: FieldMeta): Opt<QuantityMap> => opt(quantityMap(), meta);
/** Optional string with a fixed set of values (checked semantically, offered by completion). */
export const optEnum = (values: readonly string[], meta?: FieldMeta): Opt<z.ZodString> =>
  opt(z.string(), { values, ...meta });

/** Status objects: written by the system only. */
export const status = <T extends z.ZodType>(schema: T): Opt<T> => opt(schema, { readOnly: true });

/** Identity type: lets an interface extend the type of a schema constant (`interface X extends Type<typeof x> {}`). */
export type Type<T> = T;
