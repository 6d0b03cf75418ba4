// core/v1 ConfigMap and Secret: the objects a pod reads through env (valueFrom, envFrom) and volumes.
import { type z, obj, str, opt, optBool, optStr, optStrMap, type Type } from './primitives';
import { ObjectMetaSchema } from './meta';

/** `binaryData` and a Secret's `data` are []byte in Go: base64 text in YAML (decoded by validateConfig.ts). */
const base64Map = optStrMap;

export const ConfigMapSchema = obj({
  apiVersion: str(),
  kind: str(),
  metadata: opt(ObjectMetaSchema),
  data: optStrMap(),
  binaryData: base64Map(),
  immutable: optBool(),
});

export const SecretSchema = obj({
  apiVersion: str(),
  kind: str(),
  metadata: opt(ObjectMetaSchema),
  data: base64Map(),
  /** Write-only: the API server merges it into `data` (stringData wins) and never returns it. */
  stringData: optStrMap(),
  immutable: optBool(),
  type: optStr(),
});

export interface ConfigMap extends Type<z.infer<typeof ConfigMapSchema>> {}
export interface Secret extends Type<z.infer<typeof SecretSchema>> {}
