// The world around the pods: the ConfigMaps and Secrets a pod can read, from the file (every document and
// `kind: List` item, as `kubectl apply -f` creates them, docs/world-behaviour.md) and from a scenario's `objects:`.
// The rule for what is not there (README "The world the simulation sees"): a reference to an object that is
// nowhere in the world is *unknown* (the cluster may have it), unless the world is declared complete; an object
// that is there but lacks a key is a proven miss.
import type { ConfigMap, Secret } from '../model/configMap';
import { ConfigMapSchema, SecretSchema } from '../model/configMap';
import { validateObjectParts, formatIssue } from '../model/validate';
import { decodeBase64, utf8Text } from '../model/base64';

/** A claim is only looked up by name (the scheduler's VolumeBinding PreFilter): it has no env and no files. */
export type WorldKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim';

/** Where an object of the world was declared. */
export type WorldSource =
  | { kind: 'file'; doc: number; path: string }
  | { kind: 'scenario'; index: number }
  /** Objects every cluster has (kube-root-ca.crt). */
  | { kind: 'cluster' };

export interface WorldObject {
  kind: WorldKind;
  namespace: string;
  name: string;
  /** What env reads (envFrom, keyRefs): a ConfigMap's `data` (not `binaryData`), a Secret's decoded data. */
  env: ReadonlyMap<string, string | undefined>;
  /** What a volume writes, one file per key: data and binaryData; undefined for bytes that are not UTF-8. */
  files: ReadonlyMap<string, string | undefined>;
  from: WorldSource;
}

/** A reference the world could not answer: what it names and where in the pod spec. */
export interface UnknownReference {
  kind: WorldKind;
  namespace: string;
  name: string;
  /** The field that makes the reference (`spec.containers[0].envFrom[0]`, `spec.volumes[1]`). */
  path: string;
}

export type Lookup = { state: 'found'; object: WorldObject } | { state: 'missing' } | { state: 'unknown' };

export interface World {
  readonly objects: readonly WorldObject[];
  /** Declared complete: what is not in `objects` does not exist. */
  readonly complete: boolean;
  find(kind: WorldKind, namespace: string, name: string): Lookup;
}

/**
 * Every namespace has it: the root-ca-cert-publisher controller creates `kube-root-ca.crt` (key `ca.crt`, the
 * cluster's CA, whose content the simulator does not know).
 */
const ROOT_CA: WorldObject = {
  kind: 'ConfigMap',
  namespace: '',
  name: 'kube-root-ca.crt',
  env: new Map([['ca.crt', undefined]]),
  files: new Map([['ca.crt', undefined]]),
  from: { kind: 'cluster' },
};

export function makeWorld(objects: readonly WorldObject[], complete: boolean): World {
  const index = new Map<string, WorldObject>();
  // kubectl apply creates them in order: a later object of the same name updates the earlier one.
  for (const o of objects) index.set(`${o.kind}/${o.namespace}/${o.name}`, o);
  return {
    objects,
    complete,
    find: (kind, namespace, name) => {
      const object = index.get(`${kind}/${namespace}/${name}`);
      if (object !== undefined) return { state: 'found', object };
      if (kind === 'ConfigMap' && name === ROOT_CA.name) return { state: 'found', object: { ...ROOT_CA, namespace } };
      return complete ? { state: 'missing' } : { state: 'unknown' };
    },
  };
}

function decoded(map: Record<string, string> | undefined): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(map ?? {})) {
    const r = decodeBase64(v);
    out.set(k, r.ok ? utf8Text(r.bytes) : undefined);
  }
  return out;
}

/** The world object of a validated, well-formed ConfigMap or Secret. */
export function worldObjectOf(value: ConfigMap | Secret, kind: WorldKind, from: WorldSource): WorldObject {
  const namespace = value.metadata?.namespace || 'default';
  const name = value.metadata?.name ?? '';
  if (kind === 'ConfigMap') {
    const cm = value as ConfigMap;
    const env = new Map<string, string | undefined>(Object.entries(cm.data ?? {}));
    return { kind, namespace, name, env, files: new Map([...env, ...decoded(cm.binaryData)]), from };
  }
  const s = value as Secret;
  // The API server merges stringData into data, stringData winning (SecretStringDataConversion).
  const data = decoded(s.data);
  for (const [k, v] of Object.entries(s.stringData ?? {})) data.set(k, v);
  return { kind, namespace, name, env: data, files: data, from };
}

/** A PersistentVolumeClaim of the world: its name is what the scheduler looks up; its spec is not modelled. */
export function claimObject(namespace: string, name: string, from: WorldSource): WorldObject {
  return { kind: 'PersistentVolumeClaim', namespace, name, env: new Map(), files: new Map(), from };
}

/** A scenario's `objects:` entry: a ConfigMap, Secret or PersistentVolumeClaim manifest, checked as the API server would. */
export function scenarioObject(value: unknown, index: number): WorldObject | { error: string } {
  const v = (value ?? {}) as Record<string, unknown>;
  const kind = v['kind'];
  if (v['apiVersion'] === 'v1' && kind === 'PersistentVolumeClaim') {
    const meta = (v['metadata'] ?? {}) as Record<string, unknown>;
    const name = meta['name'];
    const namespace = typeof meta['namespace'] === 'string' && meta['namespace'] !== '' ? meta['namespace'] : 'default';
    if (typeof name !== 'string' || name === '') return { error: 'a PersistentVolumeClaim needs metadata.name' };
    return claimObject(namespace, name, { kind: 'scenario', index });
  }
  if (v['apiVersion'] !== 'v1' || (kind !== 'ConfigMap' && kind !== 'Secret'))
    return { error: 'only v1 ConfigMap, Secret and PersistentVolumeClaim objects can be added to the world' };
  const parsed = (kind === 'ConfigMap' ? ConfigMapSchema : SecretSchema).safeParse(v);
  const problems = validateObjectParts(v);
  const first = [...problems.structural, ...problems.semantic][0];
  if (!parsed.success || first !== undefined) return { error: first ? formatIssue(first) : 'not a valid object' };
  return worldObjectOf(parsed.data, kind, { kind: 'scenario', index });
}
