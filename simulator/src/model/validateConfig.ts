// ValidateConfigMap and ValidateSecret (k8s.io/kubernetes pkg/apis/core/validation/validation.go), and the
// decoding step before them: a Secret's `data` and a ConfigMap's `binaryData` are []byte, which the API server
// reads from base64 (encoding/json → base64.StdEncoding) and rejects as a bad request when they are not.
import type { ConfigMap, Secret } from './configMap';
import type { Issues, Path } from './issues';
import type { Incomplete } from './partialParse';
import { validateObjectMeta } from './validateMeta';
import { configMapKeyErrors } from './names';
import { decodeBase64, utf8Length } from './base64';

/** core.MaxSecretSize, the limit of both kinds (1 MiB): the total of the values' bytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function checkKeys(map: Record<string, unknown> | undefined, path: Path, issues: Issues): void {
  for (const key of Object.keys(map ?? {})) issues.names([...path, key], key, configMapKeyErrors, 'config-key');
}

/**
 * Base64 values that do not decode: the API server answers `<Kind> in version "v1" cannot be handled as a
 * <Kind>: illegal base64 data at input byte N` (issues zachomedia/cert-manager-webhook-pdns #53, kubernetes #7817).
 * Returns the decoded size of the values that do decode.
 */
function checkBase64(
  kind: 'ConfigMap' | 'Secret',
  map: Record<string, string> | undefined,
  path: Path,
  issues: Issues,
): number {
  let size = 0;
  for (const [key, value] of Object.entries(map ?? {})) {
    const r = decodeBase64(value);
    if (r.ok) size += r.bytes.length;
    else
      issues.invalid(
        [...path, key],
        value.length > 40 ? `${value.slice(0, 40)}…` : value,
        `${kind} in version "v1" cannot be handled as a ${kind}: illegal base64 data at input byte ${r.offset} (the value must be base64${kind === 'Secret' ? '; use stringData for plain text' : ''})`,
        'base64',
      );
  }
  return size;
}

export function validateConfigMap(cm: Incomplete<ConfigMap>, issues: Issues): void {
  validateObjectMeta(cm.metadata, ['metadata'], 'subdomain', issues);
  const data = cm.data ?? {};
  const binary = cm.binaryData ?? {};
  checkKeys(data, ['data'], issues);
  checkKeys(binary, ['binaryData'], issues);
  for (const key of Object.keys(data))
    if (Object.prototype.hasOwnProperty.call(binary, key))
      issues.invalid(['data', key], key, 'duplicate of key present in binaryData', 'config-key');
  for (const key of Object.keys(binary))
    if (Object.prototype.hasOwnProperty.call(data, key))
      issues.invalid(['binaryData', key], key, 'duplicate of key present in data', 'config-key');
  let size = checkBase64('ConfigMap', binary, ['binaryData'], issues);
  for (const v of Object.values(data)) size += utf8Length(v);
  // "pass back "" to indicate that the error refers to the whole object"
  if (size > MAX_CONFIG_BYTES) issues.tooLong([], MAX_CONFIG_BYTES, 'config-too-long');
}

export function validateSecret(s: Incomplete<Secret>, issues: Issues): void {
  validateObjectMeta(s.metadata, ['metadata'], 'subdomain', issues);
  const data = s.data ?? {};
  const strings = s.stringData ?? {};
  checkKeys(data, ['data'], issues);
  // stringData is merged into data before validation (the conversion step), so its keys follow the same rule.
  checkKeys(strings, ['stringData'], issues);
  let size = checkBase64('Secret', data, ['data'], issues);
  for (const [k, v] of Object.entries(strings)) {
    const before = Object.prototype.hasOwnProperty.call(data, k) ? decodeBase64(data[k]!) : undefined;
    if (before?.ok) size -= before.bytes.length;
    size += utf8Length(v);
  }
  if (size > MAX_CONFIG_BYTES) issues.tooLong(['data'], MAX_CONFIG_BYTES, 'config-too-long');
}
