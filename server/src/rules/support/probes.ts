// Probes and lifecycle hooks as the rules see them: which port each network handler targets, and the probe
// timing with the API defaults.
import { HTTP_GET_DEFAULTS, PROBE_DEFAULTS, type OutcomeCode, type Path } from '../../../../simulator/src/index';
import type { ContainerAt, Obj } from './data';
import { int, isObj, str } from './data';

export const PROBES = [
  { key: 'livenessProbe', title: 'Liveness' },
  { key: 'readinessProbe', title: 'Readiness' },
  { key: 'startupProbe', title: 'Startup' },
] as const;

export type ProbeKey = (typeof PROBES)[number]['key'];

/**
 * What a probe that fails every check leads to, as predicted on its port: a liveness or startup probe kills
 * (a crash loop, or restarts when each run outlasts the back-off), a readiness probe keeps the pod out of
 * rotation, a sidecar's startup probe holds back the app. A rule that finds why the port cannot answer is the
 * cause of these (Rule.causeOf).
 */
export const FAILING_PROBE_OUTCOMES: readonly OutcomeCode[] = [
  'predicted-crash-loop',
  'predicted-restarts',
  'predicted-never-ready',
  'predicted-sidecar-not-started',
];

const HOOKS = [
  { key: 'postStart', title: 'postStart hook' },
  { key: 'preStop', title: 'preStop hook' },
] as const;

export type NetHandler = 'httpGet' | 'tcpSocket' | 'grpc';

/** A port that a probe or hook connects to. */
export interface PortRef {
  container: ContainerAt;
  /** `Liveness probe`, `preStop hook`. */
  title: string;
  /** The probe key (`livenessProbe`) for probes, undefined for hooks. */
  probe?: ProbeKey;
  /** Path of the probe or hook handler object (`…livenessProbe`, `…lifecycle.preStop`). */
  ownerPath: Path;
  handler: NetHandler;
  /** Path of the port value. */
  path: Path;
  port: number | string;
  /** `host` when set (the check then goes elsewhere than the pod). */
  host?: string;
}

function netRef(
  container: ContainerAt,
  title: string,
  owner: Obj,
  ownerPath: Path,
  handlers: readonly NetHandler[],
  probe?: ProbeKey,
): PortRef | undefined {
  for (const handler of handlers) {
    const h = owner[handler];
    if (!isObj(h)) continue;
    const p = h['port'];
    const port = int(p) ?? str(p);
    if (port === undefined) return undefined;
    const ref: PortRef = { container, title, ownerPath, handler, path: [...ownerPath, handler, 'port'], port };
    if (probe) ref.probe = probe;
    const host = str(h['host']);
    if (host !== undefined && host !== '') ref.host = host;
    return ref;
  }
  return undefined;
}

/** The network probes of a container (one per probe type that uses httpGet, tcpSocket or grpc). */
export function probePorts(c: ContainerAt): PortRef[] {
  const out: PortRef[] = [];
  for (const p of PROBES) {
    const probe = c.c[p.key];
    if (!isObj(probe)) continue;
    const ref = netRef(c, `${p.title} probe`, probe, [...c.path, p.key], ['httpGet', 'tcpSocket', 'grpc'], p.key);
    if (ref) out.push(ref);
  }
  return out;
}

/** The network lifecycle hooks of a container (httpGet, tcpSocket). */
export function hookPorts(c: ContainerAt): PortRef[] {
  const out: PortRef[] = [];
  const lc = c.c['lifecycle'];
  if (!isObj(lc)) return out;
  for (const h of HOOKS) {
    const hook = lc[h.key];
    if (!isObj(hook)) continue;
    const ref = netRef(c, h.title, hook, [...c.path, 'lifecycle', h.key], ['httpGet', 'tcpSocket']);
    if (ref) out.push(ref);
  }
  return out;
}

export interface ProbeTiming {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

// What the API server stores for a field left out (the simulator's one table of defaults).
const DEFAULTS: ProbeTiming = PROBE_DEFAULTS;

/** The probe's timing fields with the API defaults (a value that is not a usable integer counts as the default). */
export function probeTiming(probe: Obj): ProbeTiming {
  const t = { ...DEFAULTS };
  for (const k of Object.keys(DEFAULTS) as (keyof ProbeTiming)[]) {
    const v = int(probe[k]);
    if (v === undefined) continue;
    if (k === 'initialDelaySeconds' ? v >= 0 : v >= 1) t[k] = v;
  }
  return t;
}

/** The handler of a probe: its key and value (the first of exec, httpGet, tcpSocket, grpc present). */
export function probeHandler(probe: Obj): { key: 'exec' | NetHandler; value: Obj } | undefined {
  for (const key of ['httpGet', 'tcpSocket', 'grpc', 'exec'] as const) {
    const v = probe[key];
    if (isObj(v)) return { key, value: v };
  }
  return undefined;
}

/** `httpGet /healthz on 8080`, `tcpSocket on 5432`, `exec cat /tmp/healthy`. */
export function describeHandler(h: { key: string; value: Obj }): string {
  if (h.key === 'exec') {
    const cmd = Array.isArray(h.value['command'])
      ? h.value['command'].filter((x) => typeof x === 'string').join(' ')
      : '';
    return `exec ${cmd.length > 40 ? `${cmd.slice(0, 39)}…` : cmd}`.trim();
  }
  const port = int(h.value['port']) ?? str(h.value['port']) ?? '?';
  const path = h.key === 'httpGet' ? ` ${str(h.value['path']) ?? HTTP_GET_DEFAULTS.path}` : '';
  return `${h.key}${path} on ${port}`;
}
