// What the inside of a pod looks like at a moment: which ports accept connections (containers share the
// network namespace), what HTTP answers, and which files exist (a small virtual filesystem in which
// volumes are shared between containers and a container's own files vanish when it restarts).
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { runningInstance } from './runtime';
import type { ExecContext, FileOp } from '../behaviour/types';
import { afterSignal } from './stopEffects';

export interface Listener {
  container: ContainerRuntime;
  instance: Instance;
}

/** The running container that accepts connections on `port` at `now`, if any. */
export function listenerOn(pod: PodRuntime, port: number, now: number): Listener | undefined {
  for (const c of pod.containers) {
    const inst = runningInstance(c, now);
    if (inst === undefined || c.downPorts.has(port) || inst.closedPorts?.has(port)) continue;
    for (const l of c.process.listen) {
      if (l.port === port && inst.startedAt + l.afterSeconds * 1000 <= now) return { container: c, instance: inst };
    }
  }
  return undefined;
}

/** Ports each running container listens on at `now` (for explanations). */
export function listeningPorts(pod: PodRuntime, now: number): { container: string; ports: number[] }[] {
  const out: { container: string; ports: number[] }[] = [];
  for (const c of pod.containers) {
    const inst = runningInstance(c, now);
    if (inst === undefined) continue;
    const ports = c.process.listen
      .filter((l) => inst.startedAt + l.afterSeconds * 1000 <= now && !c.downPorts.has(l.port))
      .map((l) => l.port);
    if (ports.length > 0) out.push({ container: c.name, ports });
  }
  return out;
}

function httpStatus(pod: PodRuntime, port: number, path: string, now: number): number | 'refused' {
  const a = httpAnswer(pod, port, path, now);
  return a === 'refused' ? a : a.status;
}

export interface HttpAnswer {
  status: number;
  /** The Location header of a 3xx answer, as the server wrote it. */
  location?: string;
}

/** What a GET of `path` (with its query) on `port` answers at `now`. */
export function httpAnswer(pod: PodRuntime, port: number, path: string, now: number): HttpAnswer | 'refused' {
  const l = listenerOn(pod, port, now);
  if (l === undefined) return 'refused';
  const q = path.indexOf('?');
  const bare = q < 0 ? path : path.slice(0, q);
  const override = l.container.httpOverrides.get(bare);
  if (override !== undefined) return { status: override };
  const p = l.container.process;
  // Answers that change over time (e.g. agnhost liveness: 200 for 10 s, then 500).
  let routes = p.http.routes;
  for (const change of p.httpTimeline ?? []) {
    if (l.instance.startedAt + change.at * 1000 <= now) routes = { ...routes, ...change.routes };
  }
  const routed = routes[bare];
  const status = routed ?? p.http.defaultStatus;
  if (status < 300 || status >= 400) return { status };
  const r = routed !== undefined ? p.http.redirects?.[bare] : p.http.defaultRedirect;
  const location =
    r?.location ??
    (r?.locationQuery !== undefined ? queryParam(q < 0 ? '' : path.slice(q + 1), r.locationQuery) : undefined);
  return location === undefined ? { status } : { status, location };
}

/** Go's r.URL.Query().Get(name) followed by url.QueryUnescape, as agnhost's /redirect does ('' when absent). */
function queryParam(query: string, name: string): string {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    if (unescape(k) !== name) continue;
    return unescape(unescape(eq < 0 ? '' : part.slice(eq + 1)));
  }
  return '';
}

function unescape(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

interface Mount {
  volume: string;
  mountPath: string;
  subPath: string;
}

function mountsOf(c: ContainerRuntime): Mount[] {
  return (c.spec.volumeMounts ?? []).map((m) => ({
    volume: m.name,
    mountPath: trimSlash(m.mountPath),
    subPath: m.subPath ?? '',
  }));
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** A file key: `vol:<name>/<rel>` inside a volume, `ctr:<container>:<path>` in the container's own layer. */
function keyFor(c: ContainerRuntime, path: string): { key: string; volume?: string } {
  let best: Mount | undefined;
  for (const m of mountsOf(c)) {
    if (
      (path === m.mountPath || path.startsWith(m.mountPath === '/' ? '/' : m.mountPath + '/')) &&
      (!best || m.mountPath.length > best.mountPath.length)
    )
      best = m;
  }
  if (best === undefined) return { key: `ctr:${c.name}:${path}` };
  const rel = path.slice(best.mountPath.length).replace(/^\/+/, '');
  const sub = best.subPath ? `${best.subPath}/${rel}` : rel;
  return { key: `vol:${best.volume}/${sub}`, volume: best.volume };
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

/** The latest op on `key` at or before `now`: the file's state. */
function lastOp(pod: PodRuntime, key: string, now: number): FileOp | undefined {
  let bestT = -1;
  let best: FileOp | undefined;
  const volume = key.startsWith('vol:');
  for (const c of pod.containers) {
    if (!volume && !key.startsWith(`ctr:${c.name}:`)) continue;
    const instances = volume ? c.instances : c.instances.slice(-1);
    for (const inst of instances) {
      if (inst.startedAt > now) continue;
      const end = Math.min(inst.finishedAt ?? Infinity, now);
      for (const op of [...c.process.files, ...afterSignal(c, inst).files]) {
        const k = keyFor(c, op.path).key;
        const covers = k === key || (op.op === 'rm' && key.startsWith(k + '/'));
        if (!covers) continue;
        const first = inst.startedAt + op.at * 1000;
        if (first > end) continue;
        let t = first;
        if (op.every !== undefined && op.every > 0)
          t = first + Math.floor((end - first) / (op.every * 1000)) * op.every * 1000;
        if (t >= bestT) {
          bestT = t;
          best = op;
        }
      }
    }
  }
  return best;
}

function fileState(pod: PodRuntime, c: ContainerRuntime, path: string, now: number): string | undefined {
  const { key, volume } = keyFor(c, path);
  const op = lastOp(pod, key, now);
  if (op === undefined) {
    if (volume !== undefined && volumeHasApiContent(pod, volume)) return '';
    return undefined;
  }
  if (op.op === 'rm') return undefined;
  return op.content ?? '';
}

/** A file's content for the kubelet: missing, known text, or present with content the model does not know. */
export function fileContent(
  pod: PodRuntime,
  c: ContainerRuntime,
  path: string,
  now: number,
): { kind: 'missing' } | { kind: 'known'; content: string } | { kind: 'unknown' } {
  const { key, volume } = keyFor(c, path);
  const op = lastOp(pod, key, now);
  if (op === undefined)
    return volume !== undefined && volumeHasApiContent(pod, volume) ? { kind: 'unknown' } : { kind: 'missing' };
  if (op.op === 'rm') return { kind: 'missing' };
  if (op.op === 'touch' || op.op === 'mkdir') return { kind: 'known', content: '' };
  return op.content === undefined ? { kind: 'unknown' } : { kind: 'known', content: op.content };
}

export function execContext(pod: PodRuntime, c: ContainerRuntime, now: number): ExecContext {
  return {
    env: c.env,
    ...(c.process.flavour ? { flavour: c.process.flavour } : {}),
    tools: c.process.tools,
    hasShell: c.process.hasShell,
    fileExists: (path) => fileState(pod, c, path, now) !== undefined,
    readFile: (path) => fileState(pod, c, path, now),
    isListening: (port) => listenerOn(pod, port, now) !== undefined,
    httpStatus: (port, path) => httpStatus(pod, port, path, now),
    grpcStatus: (port) => {
      const l = listenerOn(pod, port, now);
      if (l === undefined) return 'refused';
      const g = l.container.process.grpc;
      return g === undefined || g.serving ? 'SERVING' : 'NOT_SERVING';
    },
  };
}
