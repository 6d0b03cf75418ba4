// core/v1 ConfigMap and Secret.
import { d, type DocTable, type FieldDoc } from '../doc';

function head(kind: string): Record<string, FieldDoc> {
  return {
    apiVersion: d(`API group and version of the object's schema; ${kind} is served as \`v1\`.`, 'apiVersion: v1'),
    kind: d(`Type of the object: \`${kind}\`.`, `kind: ${kind}`),
    metadata: d('Name, namespace, labels and annotations of the object.', 'metadata: { name: app-config }'),
    immutable: d(
      'When true, the data can never be changed (only the object deleted and created again); the kubelet stops watching it.',
      'immutable: true',
    ),
  };
}

export const CONFIG_TEXTS: DocTable = {
  ConfigMap: {
    ...head('ConfigMap'),
    data: d(
      'Text values by key. Keys: letters, digits, `-`, `_` and `.`; each becomes a variable with `envFrom` and a file in a configMap volume. At most 1 MiB in all.',
      'data: { mode: production, app.properties: "port=8080" }',
    ),
    binaryData: d(
      'Binary values by key, base64-encoded; files in a volume, never env variables. A key may not also be in `data`.',
      'binaryData: { logo.png: iVBORw0KGgo= }',
    ),
  },
  Secret: {
    ...head('Secret'),
    data: d(
      'Values by key, base64-encoded (`echo -n s3cr3t | base64`); the pod sees them decoded, as env variables or files. At most 1 MiB in all.',
      'data: { password: czNjcjN0 }',
    ),
    stringData: d(
      'Plain-text values, merged into `data` (encoded) when written; a key here wins over the same key in `data`. Never returned when read back.',
      'stringData: { password: s3cr3t }',
    ),
    type: d(
      'What the Secret holds; some types require keys (`kubernetes.io/tls`: tls.crt and tls.key). Default Opaque.',
      'type: kubernetes.io/tls',
    ),
  },
};
