// The pod's small virtual filesystem, built from the file changes of every run of every container: volumes are
// shared between the containers and outlive each container (an emptyDir lives as long as the pod), while a
// container's own root filesystem is new for each instance (only the latest run's changes count there).
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { modelOf } from './runtime';
import { afterSignal } from './stopEffects';
import type { FileOp, StartFile } from '../behaviour/types';

interface Mount {
  volume: string;
  mountPath: string;
  subPath: string;
  readOnly: boolean;
}

/** What locating a file needs of a container (its name and mounts), so a spec can be asked before it runs. */
type Mounted = Pick<ContainerRuntime, 'name' | 'spec'>;

/** Mounts by container spec: specs do not change during a run, and file lookups ask on every probe. */
const mountCache = new WeakMap<Mounted['spec'], Mount[]>();

function mountsOf(c: Mounted): Mount[] {
  let mounts = mountCache.get(c.spec);
  if (mounts === undefined) {
    mounts = (c.spec.volumeMounts ?? []).map((m) => ({
      volume: m.name,
      mountPath: trimSlash(m.mountPath),
      subPath: m.subPath ?? '',
      readOnly: m.readOnly === true,
    }));
    mountCache.set(c.spec, mounts);
  }
  return mounts;
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** The volume mount at or over `path` (the deepest one), if any. */
export function coveringMount(c: Mounted, path: string): Mount | undefined {
  let best: Mount | undefined;
  for (const m of mountsOf(c)) {
    if (
      (path === m.mountPath || path.startsWith(m.mountPath === '/' ? '/' : m.mountPath + '/')) &&
      (!best || m.mountPath.length > best.mountPath.length)
    )
      best = m;
  }
  return best;
}

/** A file key: `vol:<name>/<rel>` inside a volume, `ctr:<container>:<path>` in the container's own layer. */
function keyFor(c: Mounted, path: string): { key: string; volume?: string } {
  const best = coveringMount(c, path);
  if (best === undefined) return { key: `ctr:${c.name}:${path}` };
  const rel = path.slice(best.mountPath.length).replace(/^\/+/, '');
  const sub = best.subPath && rel ? `${best.subPath}/${rel}` : best.subPath || rel; // a subPath file mounted as itself
  return { key: `vol:${best.volume}/${sub}`, volume: best.volume };
}

/** Whether a volume of the container is mounted at `path` or over it (hiding the image's files there). */
export function volumeCovers(c: ContainerRuntime, path: string): boolean {
  return keyFor(c, path).volume !== undefined;
}

/** Volumes whose content comes from the API (ConfigMap, Secret, downward API…): assume their files exist. */
function volumeHasApiContent(pod: PodRuntime, name: string): boolean {
  const v = pod.spec.volumes?.find((x) => x.name === name);
  if (v === undefined) return false;
  return (
    v.configMap !== undefined ||
    v.secret !== undefined ||
    v.downwardAPI !== undefined ||
    v.projected !== undefined ||
    v.hostPath !== undefined ||
    v.persistentVolumeClaim !== undefined
  );
}

/**
 * A file of a configMap/secret/downwardAPI/projected volume whose content the world gives (world/volumes.ts):
 * undefined when the world does not know the volume's files. `<mount>/..data/<key>` is the same file (the
 * AtomicWriter layout, docs/world-behaviour.md).
 */
function apiFile(pod: PodRuntime, key: string, volume: string): StartFile | undefined {
  const v = pod.world?.volumes.get(volume);
  if (v?.state !== 'known') return undefined;
  const rel = key.slice(`vol:${volume}/`.length).replace(/^\.\.data\//, '');
  const f = v.files.get(rel);
  if (f !== undefined) return f.content === undefined ? { kind: 'unknown' } : { kind: 'known', content: f.content };
  const dir = rel === '' || rel === '..data' || [...v.files.keys()].some((p) => p.startsWith(`${rel}/`));
  return dir ? undefined : { kind: 'missing' };
}

/** What a container finds on its API volumes before any run (for the behaviour model at creation). */
export function apiFilesFor(pod: PodRuntime, c: Mounted): (path: string) => StartFile | undefined {
  return (path) => {
    const { key, volume } = keyFor(c, path);
    return volume === undefined ? undefined : apiFile(pod, key, volume);
  };
}

/**
 * A file's state from the changes made to it: absent, present (content maybe unknown), or not known at all (a
 * file on a host path or claim from before the pod that no run replaced).
 */
type Folded = { exists: false } | { exists: true; content: string | undefined } | { exists: 'unknown' };

/** Repeated appends beyond this many make the content unknown (a counter loop that ran for hours). */
const MAX_REPEATS = 10_000;

const NO_OPS: readonly FileOp[] = [];
const COLON = 58; // `ctr:<container>:<path>`

/** The changes covering `key` made by `c` and its instances up to `now`, with their times, in order. */
function opsOn(pod: PodRuntime, key: string, now: number): { t: number; seq: number; op: FileOp }[] {
  const out: { t: number; seq: number; op: FileOp }[] = [];
  const volume = key.startsWith('vol:');
  let seq = 0;
  for (const c of pod.containers) {
    if (!volume && !(key.startsWith(c.name, 4) && key.charCodeAt(4 + c.name.length) === COLON)) continue;
    const instances: readonly Instance[] = volume ? c.instances : c.instances.slice(-1);
    for (const inst of instances) {
      if (inst.startedAt > now) continue;
      const end = Math.min(inst.finishedAt ?? Infinity, now);
      const own = modelOf(c, inst).files;
      const stop = inst.signalledAt === undefined ? NO_OPS : afterSignal(c, inst).files;
      if (own.length === 0 && stop.length === 0) continue;
      for (const op of stop.length === 0 ? own : [...own, ...stop]) {
        seq++;
        const k = keyFor(c, op.path).key;
        if (k !== key && !(op.op === 'rm' && key.startsWith(k + '/'))) continue;
        const first = inst.startedAt + op.at * 1000;
        if (first > end) continue;
        if (op.every === undefined || op.every <= 0) {
          out.push({ t: first, seq, op });
          continue;
        }
        const step = op.every * 1000;
        const last = first + Math.floor((end - first) / step) * step;
        // Only an append needs every round; for the others the latest round decides.
        if (op.op !== 'append') out.push({ t: last, seq, op });
        else if ((last - first) / step >= MAX_REPEATS) out.push({ t: last, seq, op: { ...op, content: undefined } });
        else for (let t = first; t <= last; t += step) out.push({ t, seq, op });
      }
    }
  }
  return out.sort((a, b) => a.t - b.t || a.seq - b.seq);
}

function fold(pod: PodRuntime, key: string, volume: string | undefined, now: number): Folded | undefined {
  const ops = opsOn(pod, key, now);
  if (ops.length === 0) return undefined;
  // An emptyDir starts empty, and the model assumes a container's own files absent until written; the content of
  // other volumes from before the pod is not known.
  const v = volume === undefined ? undefined : pod.spec.volumes?.find((x) => x.name === volume);
  const api = volume === undefined ? undefined : apiFile(pod, key, volume);
  let state: Folded =
    api !== undefined
      ? api.kind === 'missing'
        ? { exists: false }
        : { exists: true, content: api.kind === 'known' ? api.content : undefined }
      : volume === undefined || v?.emptyDir !== undefined
        ? { exists: false }
        : { exists: 'unknown' };
  for (const { op } of ops) {
    if (op.op === 'rm') state = { exists: false };
    else if (op.op === 'write') state = { exists: true, content: op.content };
    else if (op.op === 'append') {
      const before: string | undefined = state.exists === true ? state.content : state.exists ? undefined : '';
      state = {
        exists: true,
        content: before !== undefined && op.content !== undefined ? before + op.content : undefined,
      };
    } else if (state.exists === 'unknown') state = { exists: true, content: undefined };
    else if (!state.exists) state = { exists: true, content: '' };
  }
  return state;
}

/** A file's content: missing, known text, or present with content the model does not know. */
export function fileContent(pod: PodRuntime, c: ContainerRuntime, path: string, now: number): StartFile {
  const { key, volume } = keyFor(c, path);
  const f = fold(pod, key, volume, now);
  const api = f === undefined && volume !== undefined ? apiFile(pod, key, volume) : undefined;
  if (api !== undefined) return api;
  if (f === undefined || f.exists === 'unknown')
    return volume !== undefined && volumeHasApiContent(pod, volume) ? { kind: 'unknown' } : { kind: 'missing' };
  if (!f.exists) return { kind: 'missing' };
  return f.content === undefined ? { kind: 'unknown' } : { kind: 'known', content: f.content };
}

/** What `cat` sees: undefined when missing, '' when present with unknown content. */
export function fileState(pod: PodRuntime, c: ContainerRuntime, path: string, now: number): string | undefined {
  const f = fileContent(pod, c, path, now);
  return f.kind === 'missing' ? undefined : f.kind === 'known' ? f.content : '';
}

/**
 * What a container starting at `now` finds on its volumes, for the behaviour model of this run: the files that
 * earlier runs (of any container) left there. An emptyDir starts empty, so a file nobody wrote is missing — unless
 * another container of the pod writes it and may do so while this one runs. Elsewhere (the image's own files,
 * API volumes, host paths) the answer is undefined: the model keeps its usual assumptions.
 */
export function filesAtStart(
  pod: PodRuntime,
  c: ContainerRuntime,
  now: number,
): (path: string) => StartFile | undefined {
  return (path) => {
    const { key, volume } = keyFor(c, path);
    if (volume === undefined) return undefined;
    const f = fold(pod, key, volume, now);
    if (f?.exists === 'unknown') return undefined;
    if (f !== undefined) {
      if (!f.exists) return { kind: 'missing' };
      return f.content === undefined ? { kind: 'unknown' } : { kind: 'known', content: f.content };
    }
    const api = apiFile(pod, key, volume);
    if (api !== undefined) return api;
    const v = pod.spec.volumes?.find((x) => x.name === volume);
    if (v?.emptyDir === undefined) return undefined;
    const others = pod.containers.some((x) => x !== c && x.process.files.some((op) => keyFor(x, op.path).key === key));
    return others ? undefined : { kind: 'missing' };
  };
}

/** Whether the container mounts a volume that outlives a container's run (where one run can leave state). */
export function hasStatefulMount(pod: PodRuntime, spec: ContainerRuntime['spec']): boolean {
  return (spec.volumeMounts ?? []).some((m) => {
    const v = pod.spec.volumes?.find((x) => x.name === m.name);
    return (
      v !== undefined &&
      (v.emptyDir !== undefined ||
        v.hostPath !== undefined ||
        v.persistentVolumeClaim !== undefined ||
        v.ephemeral !== undefined)
    );
  });
}
