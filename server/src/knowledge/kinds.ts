// What each kind and apiVersion is, for hover on `kind:` and `apiVersion:` values and for completion.
import { DEPRECATED_API_VERSIONS, KIND_SCHEMAS } from '../../../simulator/src/index';

export const KIND_TEXTS: Record<string, string> = {
  Pod: 'The smallest deployable unit: one or more containers that share a network namespace, volumes and a node. Written by hand mostly for tests and debugging; use a workload to keep pods running.',
  Deployment:
    'Runs a number of identical, interchangeable pods and replaces them with rolling updates (through ReplicaSets). The usual choice for stateless apps.',
  ReplicaSet:
    'Keeps a number of identical pods running. Normally created and managed by a Deployment rather than written by hand.',
  StatefulSet:
    'Runs pods with stable names (`web-0`, `web-1` …), stable DNS entries through a headless Service and a PVC per pod, created and updated in order. For databases and clustered apps.',
  DaemonSet:
    'Runs one pod on every node (or on the nodes matching its selector/affinity), e.g. log shippers and node agents.',
  Job: 'Runs pods until a number of them succeed, retrying failures up to backoffLimit. For batch work that finishes.',
  CronJob: 'Creates a Job on a cron schedule, keeping a history of finished Jobs.',
  Service: 'A stable virtual IP and DNS name that load-balances to the pods matching its selector.',
};

/** Texts for the top-level keys of a document whose kind PodLab does not know (or that has none yet). */
export const GENERIC_ROOT_TEXTS: Record<string, string> = {
  apiVersion:
    "**apiVersion** · string\n\nAPI group and version of the object's schema: `v1` for Pod and Service, `apps/v1` for Deployment, StatefulSet, DaemonSet and ReplicaSet, `batch/v1` for Job and CronJob.\n\nExample: `apiVersion: apps/v1`",
  kind: '**kind** · string\n\nType of the object, e.g. `Deployment`; together with apiVersion it decides which fields are valid.\n\nExample: `kind: Deployment`',
  metadata:
    '**metadata** · ObjectMeta\n\nName, namespace, labels and annotations of the object.\n\nExample: `metadata: { name: web, labels: { app: web } }`',
};

const GROUP_TEXTS: Record<string, string> = {
  v1: 'The core API group, version v1.',
  'apps/v1': 'The `apps` API group, version v1 (stable since Kubernetes 1.9).',
  'batch/v1': 'The `batch` API group, version v1.',
};

/** The apiVersions PodLab models, with the kinds served under each. */
export const API_VERSIONS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const k of Object.values(KIND_SCHEMAS)) m.set(k.apiVersion, [...(m.get(k.apiVersion) ?? []), k.kind]);
  return m;
})();

function apiVersionOfKind(kind: string): string | undefined {
  return Object.values(KIND_SCHEMAS).find((k) => k.kind === kind)?.apiVersion;
}

/** Markdown explaining an apiVersion value (and whether it still serves the kind). */
export function apiVersionMarkdown(apiVersion: string, kind: string | undefined): string | undefined {
  const removed = DEPRECATED_API_VERSIONS.find(
    (v) => v.apiVersion === apiVersion && (kind === undefined || v.kinds.includes(kind)),
  );
  if (removed) {
    return `**${apiVersion}** · removed API version\n\nNo longer served since Kubernetes ${removed.removedIn}: use \`apiVersion: ${removed.replacement}\`.`;
  }
  const kinds = API_VERSIONS.get(apiVersion);
  if (!kinds) return undefined;
  let s = `**${apiVersion}** · API version\n\n${GROUP_TEXTS[apiVersion] ?? ''} Serves ${kinds.map((k) => `\`${k}\``).join(', ')}.`;
  if (kind !== undefined && !kinds.includes(kind)) {
    const right = apiVersionOfKind(kind);
    if (right) s += `\n\n\`${kind}\` is not served here: use \`apiVersion: ${right}\`.`;
  }
  return s;
}

/** Markdown explaining a kind value. */
export function kindMarkdown(kind: string): string | undefined {
  const text = KIND_TEXTS[kind];
  if (text === undefined) return undefined;
  return `**${kind}** · \`apiVersion: ${apiVersionOfKind(kind) ?? 'v1'}\`\n\n${text}`;
}
