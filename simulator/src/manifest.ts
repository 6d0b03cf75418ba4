// Reading a manifest: YAML documents with source ranges (the `yaml` CST), each object checked against the
// model (structure with zod, then the API server's own validation), defaulted, and handed to the simulator.
// Problems carry exact ranges so the CLI can print file:line:col and the language server can squiggle.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { findDeprecatedApiVersion, schemaFor } from './model';
import { KUBERNETES_YAML_OPTIONS } from './model/yaml';
import { defaultedWorkload } from './model/defaulted';
import { fix, validateObjectParts, type IssueData } from './model/validate';
import type { SimObject } from './simulate';
import { MAX_ALIAS_COUNT } from './limits';
import type { Path } from './model/path';
import { headRange, keyRangeOf, positionAt, rangeOf, type Range } from './sourceRanges';

export type Severity = 'error' | 'warning' | 'information';

/** One problem of a manifest; `fixes` and `detail` (IssueData) come from the model's checks. */
export interface ManifestIssue extends IssueData {
  doc: number;
  path: Path;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

export interface ManifestDoc {
  index: number;
  yaml: Document.Parsed;
  value: unknown;
  apiVersion?: string;
  kind?: string;
  name?: string;
}

export interface LoadedManifest {
  docs: ManifestDoc[];
  objects: SimObject[];
  issues: ManifestIssue[];
  /** Names of the Services defined in the file (their DNS names resolve inside simulated pods). */
  services: string[];
  /** Documents that were skipped (other kinds), for notes. */
  skipped: { doc: number; message: string }[];
  lineCounter: LineCounter;
}

export const POD_CARRYING_KINDS = [
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
] as const;

/** Where the pod spec sits in each pod-carrying kind. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function loadManifest(text: string): LoadedManifest {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    ...KUBERNETES_YAML_OPTIONS,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const out: LoadedManifest = { docs: [], objects: [], issues: [], services: [], skipped: [], lineCounter };
  const toRange = (start: number, end: number): Range => ({
    start: positionAt(lineCounter, start),
    end: positionAt(lineCounter, Math.max(start, end)),
  });
  const documents = Array.isArray(parsed) ? parsed : [parsed];

  documents.forEach((doc, index) => {
    let fatal = false;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const [a, b] = e.pos;
      // kubectl's go-yaml accepts \' in double quotes (libyaml does); the YAML spec does not.
      const lenient = e.code === 'BAD_DQ_ESCAPE' && e.message.startsWith("Invalid escape sequence \\'");
      const severity = e.name === 'YAMLWarning' || lenient ? 'warning' : 'error';
      if (severity === 'error') fatal = true;
      out.issues.push({
        doc: index,
        path: [],
        range: toRange(a, b),
        severity,
        code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : lenient ? 'yaml-escape' : 'yaml-syntax',
        message: lenient
          ? `${cleanYamlMessage(e.message)}: kubectl accepts it, but it is not standard YAML (write ' or \\')`
          : cleanYamlMessage(e.message),
      });
    }
    if (fatal) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const r = doc.contents?.range ?? [0, 0];
      const message =
        err instanceof RangeError
          ? 'the document nests too deeply to read safely (thousands of levels)'
          : String((err as Error).message ?? err);
      out.issues.push({
        doc: index,
        path: [],
        range: toRange(r[0], r[1]),
        severity: 'error',
        code: err instanceof RangeError ? 'too-deep' : 'yaml-syntax',
        message,
      });
      return;
    }
    const entry: ManifestDoc = { index, yaml: doc, value };
    out.docs.push(entry);
    if (value === null || value === undefined) return; // an empty document (e.g. a trailing ---)
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.skipped.push({ doc: index, message: `document ${index + 1} is not a Kubernetes object (no mapping)` });
      return;
    }
    const obj = value as Record<string, unknown>;
    if (typeof obj['kind'] === 'string') entry.kind = obj['kind'];
    if (typeof obj['apiVersion'] === 'string') entry.apiVersion = obj['apiVersion'];
    const meta = obj['metadata'];
    if (meta && typeof meta === 'object' && typeof (meta as Record<string, unknown>)['name'] === 'string')
      entry.name = (meta as Record<string, string>)['name'];
    checkObject(out, entry, obj);
  });
  return out;
}

function checkObject(out: LoadedManifest, entry: ManifestDoc, obj: Record<string, unknown>): void {
  const { index } = entry;
  const issue = (path: Path, code: string, message: string, data: IssueData = {}) =>
    out.issues.push({
      doc: index,
      path,
      range: rangeOf(out, index, path),
      severity: 'error',
      code,
      message: shorten(message),
      ...data,
    });
  const { kind, apiVersion } = entry;
  if (kind === undefined || apiVersion === undefined) {
    out.skipped.push({ doc: index, message: `document ${index + 1} has no apiVersion/kind: not a Kubernetes object` });
    return;
  }
  const isPodKind = (POD_CARRYING_KINDS as readonly string[]).includes(kind);
  const deprecated = findDeprecatedApiVersion(apiVersion, kind);
  if (deprecated) {
    const fixes = [
      fix(
        `Change apiVersion to ${deprecated.replacement}`,
        { kind: 'set', path: ['apiVersion'], value: deprecated.replacement },
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
  if (kind === 'Service' && entry.name !== undefined) out.services.push(entry.name);
  const schema = schemaFor(apiVersion, kind);
  if (!isPodKind)
    out.skipped.push({
      doc: index,
      message:
        `${kind} ${entry.name ?? ''} (document ${index + 1}) is not simulated: PodLab runs Pods and the workloads that create them`.replace(
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
  if (!result.success) {
    for (const z of result.error.issues) {
      const path = z.path as Path;
      if (z.code === 'unrecognized_keys') {
        for (const key of (z as { keys: string[] }).keys) {
          const range = keyRangeOf(out, index, path, key) ?? rangeOf(out, index, path);
          out.issues.push({
            doc: index,
            path: [...path, key],
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
          path,
          range: headRange(out, index, path.slice(0, -1)),
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
    if (withoutUnknown !== undefined && schema.schema.safeParse(withoutUnknown).success) checked = withoutUnknown;
  }
  // The API server's checks run on every well-formed branch, also when another one has a missing or mistyped
  // field (reported above, in the loader's words): all errors at once, as `kubectl apply` lists them.
  const problems = validateObjectParts(checked).semantic;
  for (const p of problems)
    issue(p.path, p.code, p.message, {
      ...(p.fixes ? { fixes: p.fixes } : {}),
      ...(p.detail ? { detail: p.detail } : {}),
    });
  const simulated = result.success || checked !== obj;
  if (problems.length > 0 || !isPodKind || !simulated) return;
  out.objects.push({ doc: index, ...defaultedWorkload(kind as SimObject['kind'], checked) });
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

function cleanYamlMessage(m: string): string {
  return m.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
}
