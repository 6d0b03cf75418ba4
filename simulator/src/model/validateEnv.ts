// A container's env entries (validateEnv and validateEnvVarValueFrom in k8s.io/kubernetes
// pkg/apis/core/validation): names, and the downward-API and ConfigMap/Secret references a value may take.
import type { EnvVar } from './container';
import type { Issues, Path } from './issues';
import { configMapKeyErrors, envVarNameErrors } from './names';
import type { Incomplete } from './partialParse';

/** The pod fields an env var's fieldRef may name (validEnvDownwardAPIFieldPathExpressions). */
export const ENV_FIELD_PATHS: readonly string[] = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** The resources a resourceFieldRef may name (validContainerResourceFieldPathExpressions). */
export const RESOURCE_FIELD_REFS: readonly string[] = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

export function validateEnv(env: Incomplete<EnvVar>, path: Path, issues: Issues): void {
  if (!env.name) issues.required([...path, 'name'], '', 'env-name');
  else issues.names([...path, 'name'], env.name, envVarNameErrors, 'env-name');
  const from = env.valueFrom;
  if (!from) return;
  const fp = [...path, 'valueFrom'];
  const n = (['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const).filter(
    (k) => from[k],
  ).length;
  if (n === 0)
    issues.invalid(
      fp,
      '',
      'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      'env-value-from',
    );
  if (n > 1) issues.invalid(fp, '', 'may not have more than one field specified at a time', 'env-value-from');
  if (env.value) issues.invalid(fp, '', 'may not be specified when `value` is not empty', 'env-value-from');
  // A missing fieldPath, resource or key is a structural error: only the values that are there are checked.
  const f = from.fieldRef;
  if (
    f?.fieldPath !== undefined &&
    !ENV_FIELD_PATHS.includes(f.fieldPath) &&
    !/^metadata\.(labels|annotations)\['[^']+'\]$/.test(f.fieldPath)
  ) {
    issues.unsupported(
      [...fp, 'fieldRef', 'fieldPath'],
      f.fieldPath,
      [...ENV_FIELD_PATHS, "metadata.labels['<KEY>']", "metadata.annotations['<KEY>']"],
      'env-field-path',
    );
  }
  const r = from.resourceFieldRef;
  if (
    r?.resource !== undefined &&
    !RESOURCE_FIELD_REFS.includes(r.resource) &&
    !/^(limits|requests)\.hugepages-/.test(r.resource)
  ) {
    issues.unsupported([...fp, 'resourceFieldRef', 'resource'], r.resource, RESOURCE_FIELD_REFS, 'env-resource');
  }
  for (const key of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const sel = from[key];
    if (!sel) continue;
    if (!sel.name) issues.required([...fp, key, 'name'], '', 'env-ref-name');
    if (sel.key !== undefined) issues.names([...fp, key, 'key'], sel.key, configMapKeyErrors, 'config-key');
  }
}
