// A container's environment as the kubelet builds it (makeEnvironmentVariables, k/k pkg/kubelet/kubelet_pods.go;
// docs/world-behaviour.md): `envFrom` in order (prefix prepended, a later source overwriting an earlier one), then
// `env` in order (overriding envFrom), `$(VAR)` in `env[].value` expanded over what is defined so far. The first
// missing object or key of a non-optional reference is the error the kubelet returns (CreateContainerConfigError).
import { expandKube } from '../behaviour/expand';
import type { UnknownReference, World, WorldKind, WorldObject } from './objects';

/** Most env entries and envFrom sources read (hostile input may list millions). */
const MAX_ENTRIES = 1000;

export interface ContainerEnv {
  /** Known values. */
  values: Record<string, string>;
  /** Names that are set with a value the simulator does not know. */
  unknown: Set<string>;
  /** Index into `env` of the entry that defines each name (the last one wins). */
  index: Map<string, number>;
  /** An envFrom source the world does not know: any name may be set by it. */
  openEnded: boolean;
  /** The kubelet's error (`configmap "x" not found`, `couldn't find key k in ConfigMap ns/x`) and the field. */
  error?: { message: string; path: string };
  used: WorldObject[];
  unknownRefs: UnknownReference[];
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' ? (v as Rec) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const lower = (k: WorldKind) => (k === 'ConfigMap' ? 'configmap' : 'secret');

/**
 * `world` undefined: no world at all (every reference unknown, as before the world existed). `path` is the
 * container's path, for the fields named in errors and unknown references.
 */
export function containerEnv(
  container: { env?: unknown; envFrom?: unknown },
  world: World | undefined,
  namespace: string,
  path = '',
): ContainerEnv {
  const out: ContainerEnv = {
    values: Object.create(null) as Record<string, string>,
    unknown: new Set(),
    index: new Map(),
    openEnded: false,
    used: [],
    unknownRefs: [],
  };
  const lookup = (kind: WorldKind, name: string, at: string) => {
    const r = world?.find(kind, namespace, name) ?? { state: 'unknown' as const };
    if (r.state === 'found') out.used.push(r.object);
    if (r.state === 'unknown') out.unknownRefs.push({ kind, namespace, name, path: at });
    return r;
  };
  const set = (name: string, value: string | undefined) => {
    if (value === undefined) {
      delete out.values[name];
      out.unknown.add(name);
    } else {
      out.values[name] = value;
      out.unknown.delete(name);
    }
  };
  const fail = (message: string, at: string) => {
    out.error = { message, path: at };
    return out;
  };

  const sources = Array.isArray(container.envFrom) ? container.envFrom.slice(0, MAX_ENTRIES) : [];
  for (const [i, item] of sources.entries()) {
    const src = rec(item);
    const ref = rec(src?.['configMapRef']) ?? rec(src?.['secretRef']);
    if (src === undefined || ref === undefined) continue;
    const kind: WorldKind = rec(src['configMapRef']) ? 'ConfigMap' : 'Secret';
    const name = str(ref['name']) ?? '';
    const at = `${path}.envFrom[${i}]`;
    const r = lookup(kind, name, at);
    if (r.state === 'unknown') {
      out.openEnded = true;
      continue;
    }
    if (r.state === 'missing') {
      if (ref['optional'] === true) continue;
      return fail(`${lower(kind)} "${name}" not found`, at);
    }
    const prefix = str(src['prefix']) ?? '';
    // From 1.30 every key is passed through, valid variable name or not (docs/world-behaviour.md).
    for (const [k, v] of r.object.env) set(prefix + k, v);
  }

  const entries = Array.isArray(container.env) ? container.env.slice(0, MAX_ENTRIES) : [];
  for (const [i, item] of entries.entries()) {
    const e = rec(item);
    const name = str(e?.['name']);
    if (e === undefined || name === undefined) continue;
    out.index.set(name, i);
    const value = e['value'];
    const from = rec(e['valueFrom']);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      // A reference to a name whose value is unknown (or that an unknown envFrom source may set) is unknown.
      let unsure = false;
      const expanded = expandKube(String(value).slice(0, 100_000), (n) => {
        const v = out.values[n];
        if (v === undefined && (out.unknown.has(n) || out.openEnded)) unsure = true;
        return v;
      });
      set(name, unsure ? undefined : expanded);
      continue;
    }
    if (from === undefined) {
      set(name, '');
      continue;
    }
    const keyRef = rec(from['configMapKeyRef']) ?? rec(from['secretKeyRef']);
    if (keyRef === undefined) {
      set(name, undefined); // fieldRef / resourceFieldRef: the pod's own facts, not modelled here
      continue;
    }
    const kind: WorldKind = rec(from['configMapKeyRef']) ? 'ConfigMap' : 'Secret';
    const refName = str(keyRef['name']) ?? '';
    const key = str(keyRef['key']) ?? '';
    const at = `${path}.env[${i}].valueFrom.${kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef'}`;
    const r = lookup(kind, refName, at);
    const optional = keyRef['optional'] === true;
    if (r.state === 'unknown') set(name, undefined);
    else if (r.state === 'missing') {
      if (!optional) return fail(`${lower(kind)} "${refName}" not found`, `${at}.name`);
    } else if (r.object.env.has(key)) set(name, r.object.env.get(key));
    else if (!optional) return fail(`couldn't find key ${key} in ${kind} ${namespace}/${refName}`, `${at}.key`);
  }
  return out;
}
