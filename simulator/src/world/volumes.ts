// The files of configMap, secret, downwardAPI and projected volumes (docs/world-behaviour.md): one file per key
// (`items` selects and renames, `path` may hold directories), mode `items[].mode` else `defaultMode` (0644 by
// default), and the kubelet's MountVolume.SetUp errors for what the world proves missing.
import type { Volume } from '../model/volumes';
import type { UnknownReference, World, WorldKind, WorldObject } from './objects';

export interface VolumeFile {
  /** undefined: the file exists but its content is not known (binary data, a token, an unknown field). */
  content: string | undefined;
  mode: number;
}

export type VolumeFiles =
  | { state: 'known'; files: ReadonlyMap<string, VolumeFile> }
  /** The object is not in the world (and the world is not complete): nothing is known about the files. */
  | { state: 'unknown' }
  /** SetUp fails: the error after `MountVolume.SetUp failed for volume "<name>" : `. */
  | { state: 'failed'; message: string };

/** What a pod takes from the world (engine/podWorld.ts builds it). */
export interface PodWorldFacts {
  /** The kubelet's env error per container name (the first missing object or key) and the field. */
  readonly envErrors: ReadonlyMap<string, { message: string; path: string }>;
  /** configMap/secret/downwardAPI/projected volumes by name. */
  readonly volumes: ReadonlyMap<string, VolumeFiles>;
  readonly used: readonly WorldObject[];
  readonly unknownRefs: readonly UnknownReference[];
  /** persistentVolumeClaim volumes whose claim the world proves missing: the scheduler's VolumeBinding rejects the pod. */
  readonly missingClaims: readonly { name: string; path: string }[];
}

export interface PodFacts {
  name: string;
  namespace: string;
  uid: string;
  labels: Readonly<Record<string, string>>;
}

const DEFAULT_MODE = 0o644; // ConfigMapVolumeSourceDefaultMode, SecretVolumeSourceDefaultMode, Projected…

interface KeyItem {
  key: string;
  path: string;
  mode?: number | undefined;
}

/** fieldpath.FormatMap: `key="value"` lines, keys sorted, no final newline. */
function formatMap(m: Readonly<Record<string, string>>): string {
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${JSON.stringify(m[k])}`)
    .join('\n');
}

function downwardValue(fieldPath: string | undefined, pod: PodFacts): string | undefined {
  switch (fieldPath) {
    case 'metadata.name':
      return pod.name;
    case 'metadata.namespace':
      return pod.namespace;
    case 'metadata.uid':
      return pod.uid;
    case 'metadata.labels':
      return formatMap(pod.labels);
  }
  const label = /^metadata\.labels\['([^']+)'\]$/.exec(fieldPath ?? '');
  return label ? (pod.labels[label[1]!] ?? '') : undefined; // annotations, node, IPs, resources: not modelled
}

/** Adds one source's files; returns an error message when SetUp would fail. */
function addObjectFiles(
  files: Map<string, VolumeFile>,
  object: WorldObject,
  items: readonly KeyItem[] | undefined,
  mode: number,
  optional: boolean,
): string | undefined {
  if (items === undefined || items.length === 0) {
    for (const [k, v] of object.files) files.set(k, { content: v, mode });
    return undefined;
  }
  for (const it of items) {
    if (!object.files.has(it.key)) {
      if (optional) continue;
      return object.kind === 'ConfigMap'
        ? `configmap references non-existent config key: ${it.key}`
        : `references non-existent secret key: ${it.key}`;
    }
    files.set(it.path, { content: object.files.get(it.key), mode: it.mode ?? mode });
  }
  return undefined;
}

/**
 * The files of one volume of a pod; `undefined` for other volume types. `unknownRefs` collects the references the
 * world could not answer (with `path`, the volume's path in the pod spec).
 */
export function apiVolumeFiles(
  volume: Volume,
  world: World,
  pod: PodFacts,
  path: string,
  unknownRefs: UnknownReference[],
  used: WorldObject[],
): VolumeFiles | undefined {
  const files = new Map<string, VolumeFile>();
  const errors: string[] = [];
  let unknown = false;
  const source = (kind: WorldKind, name: string, items: readonly KeyItem[] | undefined, mode: number, opt: boolean) => {
    const r = world.find(kind, pod.namespace, name);
    if (r.state === 'unknown') {
      unknown = true;
      unknownRefs.push({ kind, namespace: pod.namespace, name, path });
    } else if (r.state === 'missing') {
      if (!opt) errors.push(`${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`);
    } else {
      used.push(r.object);
      const e = addObjectFiles(files, r.object, items, mode, opt);
      if (e !== undefined) errors.push(e);
    }
  };
  const downward = (
    items: readonly { path: string; mode?: number | undefined; fieldRef?: { fieldPath: string } }[],
  ) => {
    for (const it of items)
      files.set(it.path, { content: downwardValue(it.fieldRef?.fieldPath, pod), mode: it.mode ?? mode });
  };
  let mode = DEFAULT_MODE;
  if (volume.configMap) {
    const v = volume.configMap;
    mode = v.defaultMode ?? DEFAULT_MODE;
    source('ConfigMap', v.name ?? '', v.items, mode, v.optional === true);
  } else if (volume.secret) {
    const v = volume.secret;
    mode = v.defaultMode ?? DEFAULT_MODE;
    source('Secret', v.secretName ?? '', v.items, mode, v.optional === true);
  } else if (volume.downwardAPI) {
    mode = volume.downwardAPI.defaultMode ?? DEFAULT_MODE;
    downward(volume.downwardAPI.items ?? []);
  } else if (volume.projected) {
    mode = volume.projected.defaultMode ?? DEFAULT_MODE;
    for (const s of volume.projected.sources ?? []) {
      if (s.configMap)
        source('ConfigMap', s.configMap.name ?? '', s.configMap.items, mode, s.configMap.optional === true);
      if (s.secret) source('Secret', s.secret.name ?? '', s.secret.items, mode, s.secret.optional === true);
      if (s.downwardAPI) downward(s.downwardAPI.items ?? []);
      if (s.serviceAccountToken) files.set(s.serviceAccountToken.path, { content: undefined, mode });
      if (s.clusterTrustBundle) unknown = true;
    }
  } else return undefined;
  // The projected plugin aggregates its sources' errors (utilerrors.NewAggregate: one error prints as itself).
  if (errors.length > 0)
    return { state: 'failed', message: errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]` };
  return unknown ? { state: 'unknown' } : { state: 'known', files };
}
