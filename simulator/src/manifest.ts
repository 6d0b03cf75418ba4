// Reading a manifest: YAML documents with source ranges (the `yaml` CST), each object checked against the
// model (structure with zod, then the API server's own validation), defaulted, and handed to the simulator.
// Problems carry exact ranges so the CLI can print file:line:col and the language server can squiggle.
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { findDeprecatedApiVersion, schemaFor } from './model';
import { KUBERNETES_YAML_OPTIONS } from './model/yaml';
import { applyDefaults } from './model/defaults';
import { fix, validateObject, type IssueData } from './model/validate';
import type { SimObject } from './simulate';
import { MAX_ALIAS_COUNT } from './limits';

export type Path = (string | number)[];

export interface Position {
  /** 0-based, as in LSP. */
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

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
    start: pos(lineCounter, start),
    end: pos(lineCounter, Math.max(start, end)),
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
    if (withoutUnknown === undefined || !schema.schema.safeParse(withoutUnknown).success) return;
    checked = withoutUnknown;
  }
  const problems = validateObject(checked);
  for (const p of problems)
    issue(p.path, p.code, p.message, {
      ...(p.fixes ? { fixes: p.fixes } : {}),
      ...(p.detail ? { detail: p.detail } : {}),
    });
  if (problems.length > 0 || !isPodKind) return;
  const value = applyDefaults(checked) as SimObject['value'];
  out.objects.push({ doc: index, kind: kind as SimObject['kind'], value } as SimObject);
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

/** Where to point at an object: its key when it has one (`spec:`), else the start of the item. */
function headRange(m: LoadedManifest, doc: number, path: Path): Range {
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    const key = keyRangeOf(m, doc, path.slice(0, -1), last);
    if (key) return key;
  }
  const r = rangeOf(m, doc, path);
  return { start: r.start, end: r.start };
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

function pos(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(offset);
  return { line: p.line - 1, character: p.col - 1 };
}

/** `spec.containers[0].livenessProbe.tcpSocket.port` → ['spec', 'containers', 0, 'livenessProbe', 'tcpSocket', 'port']. */
export function parsePath(path: string): Path {
  const out: Path = [];
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    out.push(part.startsWith('[') ? Number(part.slice(1, -1)) : part);
  }
  return out;
}

export function formatPath(path: Path): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

/**
 * The source range of a path in a document: the value's range when it exists, the key for an unknown key
 * (when the last step names a key of a mapping), else the nearest existing ancestor.
 */
export function rangeOf(m: Pick<LoadedManifest, 'docs' | 'lineCounter'>, doc: number, path: Path | string): Range {
  const steps = typeof path === 'string' ? parsePath(path) : path;
  const d = m.docs.find((x) => x.index === doc);
  const at = (node: Node | null | undefined): Range => {
    const r = node?.range ?? d?.yaml.contents?.range ?? [0, 0, 0];
    return { start: pos(m.lineCounter, r[0]), end: pos(m.lineCounter, r[1]) };
  };
  if (d === undefined) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  let node: unknown = d.yaml.contents;
  for (const step of steps) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (pair === undefined) return at(node);
      if (pair.value === null || pair.value === undefined) return at(pair.key as Node);
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) return at(node);
      node = item;
    } else {
      return at(node as Node);
    }
  }
  return at(node as Node);
}

/** The range of the key of the last path step (for "unknown field" squiggles on the key itself). */
export function keyRangeOf(
  m: Pick<LoadedManifest, 'docs' | 'lineCounter'>,
  doc: number,
  path: Path,
  key: string,
): Range | undefined {
  const d = m.docs.find((x) => x.index === doc);
  let node: unknown = d?.yaml.contents;
  for (const step of path) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))?.value;
    else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
  }
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const r = (pair?.key as Node | undefined)?.range;
  if (!r || !d) return undefined;
  return { start: pos(m.lineCounter, r[0]), end: pos(m.lineCounter, r[1]) };
}

/**
 * Where to point at a cause: the value for a scalar, the key for a mapping or list (`requests:`,
 * `command:`), so the squiggle sits on one line.
 */
export function causeRange(m: Pick<LoadedManifest, 'docs' | 'lineCounter'>, doc: number, path: Path | string): Range {
  const steps = typeof path === 'string' ? parsePath(path) : path;
  const d = m.docs.find((x) => x.index === doc);
  let node: unknown = d?.yaml.contents;
  for (const step of steps) node = (node as { get?: (k: unknown, keep: boolean) => unknown } | null)?.get?.(step, true);
  const last = steps[steps.length - 1];
  if ((isMap(node) || isSeq(node)) && typeof last === 'string') {
    const key = keyRangeOf(m, doc, steps.slice(0, -1), last);
    if (key) return key;
  }
  return rangeOf(m, doc, steps);
}
