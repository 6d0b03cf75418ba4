// API-server-style validation beyond the structural schema: what `kubectl apply` would reject.
//
// Like the API server, the object is defaulted first (defaults.ts) and the defaulted copy is validated, so
// e.g. a Job whose template has no restartPolicy gets the real error (`Unsupported value: "Always"`).
// Messages use Kubernetes' words (k8s.io/apimachinery field errors); paths are JSON paths into the object.
import type { z } from 'zod';
import { childSchema, getFieldMeta } from './fieldMeta';
import { defaultDecoded } from './defaults';
import { parsePartially } from './partialParse';
import { quantityError } from './quantity';
import { validateObjectSemantics } from './validateKinds';
import { Issues, type Path, type ValidationIssue } from './issues';
import { formatPath } from './path';
import { schemaFor } from './kinds';

export * from './issues';
export * from './fixes';

const INT_RANGE = {
  int32: { lo: -2147483648, hi: 2147483647, text: '-2147483648 to 2147483647' },
  int64: {
    lo: -9223372036854775808,
    hi: 2 ** 63 /* 2^63 − 1 is not a double: this is the double that literal rounds to */,
    text: '-9223372036854775808 to 9223372036854775807',
  },
} as const;

/**
 * Schema-driven checks on every field: integers that do not fit their Go type, quantity syntax and the
 * enum-like string fields (the values recorded in the field metadata). Status subtrees are skipped: the API
 * server ignores them on create.
 */
export function validateFieldValues(value: unknown, schema: z.ZodType, path: Path, issues: Issues): void {
  const meta = getFieldMeta(schema);
  if (meta.readOnly && path.length > 0 && path[path.length - 1] === 'status') return;
  if (typeof value === 'number') {
    if (
      (meta.format === 'int32' || meta.format === 'int64' || meta.format === 'int-or-string') &&
      Number.isInteger(value)
    ) {
      const type = meta.format === 'int64' ? 'int64' : 'int32';
      const range = INT_RANGE[type];
      if (value < range.lo || value > range.hi) {
        issues.invalid(
          path,
          value,
          `must fit in an ${type} (${range.text}); the API server cannot decode it`,
          'integer-range',
        );
      }
    }
    if (meta.format === 'quantity' && !Number.isFinite(value))
      issues.invalid(path, value, 'must be a finite number', 'quantity-syntax');
    return;
  }
  if (typeof value === 'string') {
    const badQuantity = meta.format === 'quantity' ? quantityError(value) : undefined;
    if (badQuantity !== undefined) {
      issues.invalid(path, value, badQuantity, 'quantity-syntax');
    } else if (meta.values && !meta.values.includes(value)) {
      issues.unsupported(path, value, meta.values, 'unsupported-value');
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      const s = childSchema(schema, i);
      if (s) validateFieldValues(v, s, [...path, i], issues);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const s = childSchema(schema, k);
      if (s) validateFieldValues(v, s, [...path, k], issues);
    }
  }
}

/** A decoded Kubernetes object (raw, or the output of its KIND_SCHEMAS schema). */
export type ParsedObject = { readonly [k: string]: unknown };

export interface ValidateOptions {
  /** The object's schema; looked up from apiVersion/kind when not given. */
  schema?: z.ZodType;
  /** Also return warnings (input the API server accepts but silently changes). Default: errors only. */
  warnings?: boolean;
  /** The schema's safeParse of this very object, when the caller has made it: it is not parsed again. */
  parsed?: z.ZodSafeParseResult<unknown>;
}

/**
 * Semantic validation of one object of a kind PodLab models (others yield no issues). The object may be
 * the raw decoded document or the output of its schema. Like the API server, which appends every field error
 * to one list, the checks do not stop at the first problem: when the object does not pass its structural
 * schema, the structural issues (code `schema-…`: a missing required field, a value of the wrong type, an
 * unknown field) come first, and the API-server checks still run on every branch that is well-formed
 * (partialParse.ts). A field has at most one error: no check reports on a field that has a structural one.
 */
export function validateObject(obj: ParsedObject, options: ValidateOptions = {}): ValidationIssue[] {
  const { structural, semantic } = validateObjectParts(obj, options);
  return [...structural, ...semantic];
}

/** validateObject's issues in two lists: the structural ones (code `schema-…`) and the API server's checks. */
export function validateObjectParts(
  obj: ParsedObject,
  options: ValidateOptions = {},
): { structural: ValidationIssue[]; semantic: ValidationIssue[] } {
  const schema = options.schema ?? schemaFor(obj['apiVersion'], obj['kind'])?.schema;
  // Without a schema nothing is known about the object's shape (an apiVersion that does not serve the kind).
  if (!schema) return { structural: [], semantic: [] };
  let data: ParsedObject;
  let structural: ValidationIssue[] = [];
  const parsed = options.parsed ?? schema.safeParse(obj);
  if (parsed.success) data = parsed.data as ParsedObject;
  else {
    structural = structuralIssues(parsed.error, obj);
    data = (parsePartially(schema, obj) ?? {}) as ParsedObject;
  }
  const issues = new Issues();
  validateFieldValues(data, schema, [], issues);
  validateObjectSemantics(data, defaultDecoded(data), issues);
  const semantic = dedupe(issues.list).filter(
    (i) => (options.warnings || i.severity === 'error') && !structural.some((s) => isWithin(i.path, s.path)),
  );
  return { structural, semantic };
}

/** Whether `path` is `outer` or lies below it. */
function isWithin(path: Path, outer: Path): boolean {
  return outer.length <= path.length && outer.every((k, i) => path[i] === k);
}

function dedupe(list: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const key = `${formatPath(i.path)}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueAt(doc: unknown, path: readonly (string | number)[]): unknown {
  let v = doc;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** Turns zod issues on `doc` into validation issues (code `schema-…`). */
export function structuralIssues(error: z.ZodError, doc: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const i of error.issues) {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys)
        out.push({
          path: [...path, k],
          message: `unknown field "${formatPath([...path, k])}"`,
          code: 'schema-unknown-field',
          severity: 'error',
        });
    } else if (i.code === 'invalid_type' && valueAt(doc, path) === undefined) {
      out.push({ path, message: 'Required value', code: 'schema-required', severity: 'error' });
    } else {
      out.push({ path, message: i.message, code: `schema-${i.code.replace(/_/g, '-')}`, severity: 'error' });
    }
  }
  return out;
}

/**
 * Full check of one decoded YAML/JSON document: the structural schema of its kind and the semantic rules. Errors only, unless `warnings` is set (see `severity`). Documents of kinds PodLab does
 * not model yield no issues.
 */
export function validate(doc: unknown, options: { warnings?: boolean } = {}): ValidationIssue[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const d = doc as ParsedObject;
  const entry = schemaFor(d['apiVersion'], d['kind']);
  if (!entry) return [];
  return validateObject(d, { schema: entry.schema, warnings: options.warnings ?? false });
}
