// One object of a manifest, checked as `kubectl apply` would send it: the structure (zod), then the API
// server's validation, then defaulted and handed to the simulator (workloads) or to the world (ConfigMaps,
// Secrets). A `kind: List` is flattened the way kubectl's FlattenListVisitor does it (docs/world-behaviour.md): each
// item is an object as if it were its own document, its problems at its own ranges (`items[i]...`).
import { findDeprecatedApiVersion, schemaFor } from './model';
import type { ConfigMap, Secret } from './model/configMap';
import { defaultedWorkload } from './model/defaulted';
import { fix, validateObjectParts, type IssueData } from './model/validate';
import { formatPath, type Path } from './model/path';
import { headRange, keyRangeOf, rangeOf } from './sourceRanges';
import { claimObject, worldObjectOf } from './world/objects';
import type { SimObject } from './simulate';
import { POD_CARRYING_KINDS, type LoadedManifest, type ManifestDoc } from './manifestTypes';

/** Lists inside Lists are flattened too (FlattenListVisitor recurses); deeper than this is not a manifest. */
const MAX_LIST_DEPTH = 8;

/** A document's object: a List's items one by one, anything else as itself. */
export function checkDocument(out: LoadedManifest, entry: ManifestDoc, obj: Record<string, unknown>): void {
  checkAt(out, entry.index, obj, [], 0);
}

function checkAt(out: LoadedManifest, doc: number, obj: Record<string, unknown>, prefix: Path, depth: number): void {
  const kind = typeof obj['kind'] === 'string' ? obj['kind'] : undefined;
  const items = obj['items'];
  if (kind !== undefined && /List$/.test(kind) && Array.isArray(items) && depth < MAX_LIST_DEPTH) {
    items.forEach((item, i) => {
      const at = [...prefix, 'items', i];
      if (item !== null && typeof item === 'object' && !Array.isArray(item))
        checkAt(out, doc, item as Record<string, unknown>, at, depth + 1);
      else out.skipped.push({ doc, message: `${formatPath(at)} of document ${doc + 1} is not a Kubernetes object` });
    });
    return;
  }
  checkObject(out, doc, obj, prefix);
}

function checkObject(out: LoadedManifest, index: number, obj: Record<string, unknown>, prefix: Path): void {
  const full = (path: Path): Path => (prefix.length === 0 ? path : [...prefix, ...path]);
  const issue = (path: Path, code: string, message: string, data: IssueData = {}) =>
    out.issues.push({
      doc: index,
      path: full(path),
      range: rangeOf(out, index, full(path)),
      severity: 'error',
      code,
      message: shorten(message),
      ...data,
    });
  const kind = typeof obj['kind'] === 'string' ? obj['kind'] : undefined;
  const apiVersion = typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : undefined;
  const meta = obj['metadata'];
  const name =
    meta && typeof meta === 'object' && typeof (meta as Record<string, unknown>)['name'] === 'string'
      ? (meta as Record<string, string>)['name']
      : undefined;
  const where = prefix.length === 0 ? `document ${index + 1}` : `${formatPath(prefix)} of document ${index + 1}`;
  if (kind === undefined || apiVersion === undefined) {
    out.skipped.push({ doc: index, message: `${where} has no apiVersion/kind: not a Kubernetes object` });
    return;
  }
  const isPodKind = (POD_CARRYING_KINDS as readonly string[]).includes(kind);
  const isWorldKind = apiVersion === 'v1' && (kind === 'ConfigMap' || kind === 'Secret');
  const deprecated = findDeprecatedApiVersion(apiVersion, kind);
  if (deprecated) {
    const fixes = [
      fix(
        `Change apiVersion to ${deprecated.replacement}`,
        { kind: 'set', path: full(['apiVersion']), value: deprecated.replacement },
        true,
      ),
    ];
    issue(
      ['apiVersion'],
      'removed-api-version',
      `${kind} is no longer served as ${apiVersion} (removed in Kubernetes ${deprecated.removedIn}); use apiVersion: ${deprecated.replacement}`,
      { fixes },
    );
    return;
  }
  if (kind === 'Service' && name !== undefined) out.services.push(name);
  if (kind === 'PersistentVolumeClaim' && apiVersion === 'v1' && name !== undefined) {
    const ns = (meta as Record<string, unknown> | undefined)?.['namespace'];
    const namespace = typeof ns === 'string' && ns !== '' ? ns : 'default';
    out.world.push(claimObject(namespace, name, { kind: 'file', doc: index, path: formatPath(prefix) }));
  }
  if (kind === 'Namespace' && apiVersion === 'v1' && name !== undefined)
    out.namespaces.push(namespaceObject(name, meta));
  const schema = schemaFor(apiVersion, kind);
  if (!isPodKind && !isWorldKind)
    out.skipped.push({
      doc: index,
      message:
        `${kind} ${name ?? ''} (${where}) is not simulated: PodLab runs Pods and the workloads that create them`.replace(
          '  ',
          ' ',
        ),
    });
  if (schema === undefined) {
    if (isPodKind)
      issue(
        ['apiVersion'],
        'unknown-api-version',
        `no ${kind} in apiVersion "${apiVersion}"; ${kind} is served as ${expectedApiVersion(kind)}`,
      );
    return;
  }
  let checked: Record<string, unknown> = obj;
  const result = schema.schema.safeParse(obj);
  // The parse of `checked`, handed on: validation would parse the same object again, and a second zod parse was
  // a third of a keystroke's analysis of a Deployment (the language server re-analyses the edited document).
  let parsed = result;
  if (!result.success) {
    for (const z of result.error.issues) {
      const path = z.path as Path;
      if (z.code === 'unrecognized_keys') {
        for (const key of (z as { keys: string[] }).keys) {
          const range = keyRangeOf(out, index, full(path), key) ?? rangeOf(out, index, full(path));
          out.issues.push({
            doc: index,
            path: full([...path, key]),
            range,
            severity: 'error',
            code: 'unknown-field',
            message: `unknown field "${key}"`,
          });
        }
      } else if (z.code === 'invalid_type' && /received undefined$/.test(z.message)) {
        const key = path[path.length - 1];
        out.issues.push({
          doc: index,
          path: full(path),
          range: headRange(out, index, full(path.slice(0, -1))),
          severity: 'error',
          code: 'missing-required',
          message: `missing required field "${String(key)}"`,
        });
      } else issue(path, 'schema', z.message);
    }
    // Only unknown fields: the rest of the object is still checked and simulated (for the editor and the
    // predictions), as if they were not there; the unknown-field errors stay and still fail `podlab run`.
    const withoutUnknown = result.error.issues.every((z) => z.code === 'unrecognized_keys')
      ? stripKeys(obj, result.error.issues)
      : undefined;
    const reparsed = withoutUnknown === undefined ? undefined : schema.schema.safeParse(withoutUnknown);
    if (withoutUnknown !== undefined && reparsed?.success) {
      checked = withoutUnknown;
      parsed = reparsed;
    }
  }
  // The API server's checks run on every well-formed branch, also when another one has a missing or mistyped
  // field (reported above, in the loader's words): all errors at once, as `kubectl apply` lists them.
  const problems = validateObjectParts(checked, { schema: schema.schema, parsed }).semantic;
  for (const p of problems)
    issue(p.path, p.code, p.message, {
      ...(p.fixes
        ? { fixes: p.fixes.map((f) => ({ ...f, changes: f.changes.map((c) => ({ ...c, path: full(c.path) })) })) }
        : {}),
      ...(p.detail ? { detail: p.detail } : {}),
    });
  if (problems.length > 0 || !parsed.success) return;
  if (isWorldKind) {
    out.world.push(
      worldObjectOf(parsed.data as ConfigMap | Secret, kind, { kind: 'file', doc: index, path: formatPath(prefix) }),
    );
    return;
  }
  if (!isPodKind) return;
  const at = prefix.length === 0 ? {} : { at: `${formatPath(prefix)}.` };
  out.objects.push({ doc: index, ...defaultedWorkload(kind as SimObject['kind'], parsed.data), ...at });
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

/** A deep copy of `obj` without the keys zod reported as unknown. */
function stripKeys(
  obj: Record<string, unknown>,
  issues: { path: PropertyKey[]; keys?: string[] }[],
): Record<string, unknown> {
  const copy = clone(obj) as Record<string, unknown>;
  for (const i of issues) {
    let node: unknown = copy;
    for (const step of i.path)
      node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[step] : undefined;
    if (node !== null && typeof node === 'object')
      for (const k of i.keys ?? []) delete (node as Record<string, unknown>)[k];
  }
  return copy;
}

/** Messages quote values; a hostile 5 MB value must not become a 5 MB message. */
function shorten(message: string): string {
  return message.length <= 400
    ? message
    : `${message.slice(0, 300)}… (${message.length - 360} characters left out) …${message.slice(-60)}`;
}

function expectedApiVersion(kind: string): string {
  return kind === 'Pod' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
}

/** A Namespace's name and string labels (the Pod Security levels are labels). */
function namespaceObject(name: string, meta: unknown): { name: string; labels: Record<string, string> } {
  const labels = meta !== null && typeof meta === 'object' ? (meta as Record<string, unknown>)['labels'] : undefined;
  const out: Record<string, string> = {};
  if (labels !== null && typeof labels === 'object' && !Array.isArray(labels))
    for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out[k] = v;
  return { name, labels: out };
}
