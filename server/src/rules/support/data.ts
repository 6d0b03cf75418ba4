// Defensive readers for the raw document value. A rule sees `doc.value` as plain data of any shape (a broken
// document included), so every step is type-checked here and nothing throws.
import { hasHole, PORT_PROTOCOL_DEFAULT, type Path } from '../../../../simulator/src/index';
import type { DocContext, PodSpecAt } from '../types';
import { MAX_RULE_LIST_ITEMS } from '../../limits';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The items of an array (at most MAX_RULE_LIST_ITEMS), or [] for anything else. */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v.slice(0, MAX_RULE_LIST_ITEMS) : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** An integer (not a numeric string). */
export function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/**
 * The value holds a Helm template's hole somewhere (simulator/src/template): a rule that compares against it
 * (a list of ports, of volumes) does not know its content, so it says nothing.
 */
export function templated(v: unknown): boolean {
  const todo = [v];
  for (let n = 0; todo.length > 0 && n < 10_000; n++) {
    const x = todo.pop();
    if (typeof x === 'string') {
      if (hasHole(x)) return true;
    } else if (Array.isArray(x)) todo.push(...(x as unknown[]).slice(0, MAX_RULE_LIST_ITEMS));
    else if (isObj(x))
      for (const [k, y] of Object.entries(x)) {
        if (hasHole(k)) return true;
        todo.push(y);
      }
  }
  return false;
}

export function get(v: unknown, path: Path): unknown {
  let cur = v;
  for (const step of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur;
}

/** A plain string map (labels, selectors): only string values are kept. */
export function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string') out[k] = x;
    else if (typeof x === 'number' || typeof x === 'boolean') out[k] = String(x);
  }
  return out;
}

// ---- containers -------------------------------------------------------------------------------------------

/** regular = spec.containers; sidecar = init container with restartPolicy Always; init = the other init containers. */
export type ContainerKind = 'regular' | 'init' | 'sidecar' | 'ephemeral';

export interface ContainerAt {
  c: Obj;
  path: Path;
  kind: ContainerKind;
  name: string | undefined;
  /** How messages name it: its name, else `containers[0]`. */
  label: string;
}

const LISTS: [string, (c: Obj) => ContainerKind][] = [
  ['initContainers', (c) => (c['restartPolicy'] === 'Always' ? 'sidecar' : 'init')],
  ['containers', () => 'regular'],
  ['ephemeralContainers', () => 'ephemeral'],
];

/** Every container of a pod spec, in the order init, regular, ephemeral. */
export function containersOf(pod: PodSpecAt): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const [key, kindOf] of LISTS) {
    list(pod.spec[key]).forEach((c, i) => {
      if (!isObj(c)) return;
      const name = str(c['name']);
      out.push({
        c,
        path: [...pod.path, key, i],
        kind: kindOf(c),
        name,
        label: name !== undefined && name !== '' ? name : `${key}[${i}]`,
      });
    });
  }
  return out;
}

/** Containers that run alongside each other once the pod is up: regular containers and sidecars. */
export function runningContainers(pod: PodSpecAt): ContainerAt[] {
  return containersOf(pod).filter((c) => c.kind === 'regular' || c.kind === 'sidecar');
}

export interface PortAt {
  port: number;
  name?: string;
  protocol: string;
  /** Path of the ports[] item. */
  path: Path;
  container: ContainerAt;
}

/** The declared ports of a container with an integer containerPort. */
export function portsOf(c: ContainerAt): PortAt[] {
  const out: PortAt[] = [];
  list(c.c['ports']).forEach((p, i) => {
    if (!isObj(p)) return;
    const port = int(p['containerPort']);
    if (port === undefined) return;
    const name = str(p['name']);
    const protocol = str(p['protocol']) ?? PORT_PROTOCOL_DEFAULT;
    out.push(
      name !== undefined && name !== ''
        ? { port, name, protocol, path: [...c.path, 'ports', i], container: c }
        : { port, protocol, path: [...c.path, 'ports', i], container: c },
    );
  });
  return out;
}

/** `web exposes 8080, 8443; metrics exposes 9090` */
export function describeExposed(ports: readonly PortAt[]): string {
  const by = new Map<string, number[]>();
  for (const p of ports) {
    const l = by.get(p.container.label) ?? [];
    if (!l.includes(p.port)) l.push(p.port);
    by.set(p.container.label, l);
  }
  return [...by].map(([label, ps]) => `${label} exposes ${ps.join(', ')}`).join('; ');
}

// ---- documents --------------------------------------------------------------------------------------------

/** Path of the pod template (metadata + spec) of a workload, `[]` for a Pod; undefined for other kinds. */
export function templatePath(kind: string | undefined): Path | undefined {
  switch (kind) {
    case 'Pod':
      return [];
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return ['spec', 'template'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template'];
    default:
      return undefined;
  }
}

/** `Deployment web` (or `Deployment` when unnamed). */
export function docTitle(doc: DocContext): string {
  const name = str(get(doc.value, ['metadata', 'name']));
  return `${doc.kind ?? 'document'}${name ? ` ${name}` : ''}`;
}

/** Structural equality of plain data (depth-limited; deeper structures compare unequal). */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 50 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i], depth + 1));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Obj)[k], (b as Obj)[k], depth + 1),
  );
}
