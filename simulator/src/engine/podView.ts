// What the inside of a pod looks like at a moment: which ports accept connections (containers share the
// network namespace), what HTTP answers, and the view an exec command has (its files are in podFiles.ts).
import type { ContainerRuntime, Instance, PodRuntime } from './runtime';
import { modelOf, runningInstance } from './runtime';
import type { ExecContext } from '../behaviour/types';
import { fileState } from './podFiles';
import { staticAnswer } from './fileServer';

export interface Listener {
  container: ContainerRuntime;
  instance: Instance;
}

/** The running container that accepts connections on `port` at `now`, if any. */
export function listenerOn(pod: PodRuntime, port: number, now: number): Listener | undefined {
  for (const c of pod.containers) {
    const inst = runningInstance(c, now);
    if (inst === undefined || c.downPorts.has(port) || inst.closedPorts?.has(port)) continue;
    for (const l of modelOf(c, inst).listen) {
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
    const ports = modelOf(c, inst)
      .listen.filter((l) => inst.startedAt + l.afterSeconds * 1000 <= now && !c.downPorts.has(l.port))
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
  /** Why a static file server answered an error (the file it looked for is not there). */
  why?: string;
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
  const p = modelOf(l.container, l.instance);
  if (p.http.files !== undefined) {
    const answer = staticAnswer(pod, l.container, p.http.files, bare, now);
    if (answer !== undefined) return answer;
  }
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
      const g = modelOf(l.container, l.instance).grpc;
      return g === undefined || g.serving ? 'SERVING' : 'NOT_SERVING';
    },
  };
}
