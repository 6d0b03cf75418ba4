// The only writers of the pod and container fields that the published status is built from (runtime.ts declares
// them `readonly`). Each writer bumps the pod's version, so the next publish rebuilds and no caller can forget to;
// a change that cannot move the status (a port set down) is written here too, so that every what-if goes through
// one door.
import type { ProcessModel } from '../behaviour/types';
import type { PodStatus } from '../trace';
import { currentInstance, type ContainerRuntime, type Exit, type Instance, type PodRuntime } from './runtime';
import { sameContainerInputs } from './sameInputs';

type RunModel = { process?: ProcessModel | undefined; current?: boolean };
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type PodStatusInputs = Pick<
  PodRuntime,
  | 'deletedAt'
  | 'deletionGrace'
  | 'node'
  | 'ip'
  | 'scheduling'
  | 'sandboxReady'
  | 'initialized'
  | 'terminalPhase'
  | 'phaseReason'
  | 'nodeLost'
>;
type ContainerStatusInputs = Pick<ContainerRuntime, 'waiting' | 'ready' | 'started'>;

function changed(pod: PodRuntime): void {
  (pod as Mutable<PodRuntime>).version++;
}

export function setPod(pod: PodRuntime, change: Partial<PodStatusInputs>): void {
  const current = pod as Partial<PodStatusInputs>;
  if ((Object.keys(change) as (keyof PodStatusInputs)[]).every((k) => change[k] === current[k])) return;
  Object.assign(pod, change);
  changed(pod);
}

export function setContainer(pod: PodRuntime, c: ContainerRuntime, change: Partial<ContainerStatusInputs>): void {
  if (sameContainerInputs(c, change)) return;
  Object.assign(c, change);
  changed(pod);
}

/** A new run starts at `now`; its own `process` (if any) is the container's current one too unless `current` is false. */
export function startInstance(pod: PodRuntime, c: ContainerRuntime, now: number, r: RunModel = {}): Instance {
  const prev = currentInstance(c);
  const inst: Instance = {
    id: c.instances.length + 1,
    restartCount: prev === undefined ? 0 : prev.restartCount + 1,
    startedAt: now,
    ...(r.process ? { process: r.process } : {}),
  };
  (c.instances as Instance[]).push(inst);
  const mc = c as Mutable<ContainerRuntime>;
  if (r.process && r.current !== false) mc.process = r.process;
  mc.waiting = undefined;
  mc.ready = false;
  mc.started = c.spec.startupProbe === undefined;
  mc.livenessFailed = false;
  mc.startupFailed = false;
  changed(pod);
  return inst;
}

/** The instance ended at `now`; an ended container is not ready. */
export function recordExit(pod: PodRuntime, c: ContainerRuntime, inst: Instance, now: number, exit: Exit): void {
  const mi = inst as Mutable<Instance>;
  mi.finishedAt = now;
  mi.exitCode = exit.exitCode;
  mi.reason = exit.reason;
  if (exit.cause) mi.cause = exit.cause;
  if (exit.message) mi.message = exit.message;
  (c as Mutable<ContainerRuntime>).ready = false;
  changed(pod);
}

/** What-if: the container answers `status` on `path` from now on. */
export function overrideHttp(pod: PodRuntime, c: ContainerRuntime, path: string, status: number): void {
  (c.httpOverrides as Map<string, number>).set(path, status);
  changed(pod);
}

/**
 * What-if: a port of the container refuses connections (`down`) or accepts them again. Not a status input (the
 * status does not show it), but the probes' answers read it.
 */
export function setPortDown(pod: PodRuntime, c: ContainerRuntime, port: number, down: boolean): void {
  const ports = c.downPorts as Set<number>;
  if (down) ports.add(port);
  else ports.delete(port);
  pod.probeInputs++;
}

/** Publishes a status built by `build` (given the previous one) unless no input changed since the last one. */
export function recordStatus(pod: PodRuntime, now: number, build: (prev: PodStatus | undefined) => PodStatus): void {
  if (pod.builtVersion === pod.version && pod.history.length > 0) return;
  (pod as Mutable<PodRuntime>).builtVersion = pod.version;
  const history = pod.history as { t: number; status: PodStatus }[];
  const prev = history[history.length - 1];
  const status = build(prev?.status);
  if (prev !== undefined && prev.t === now) prev.status = status;
  else history.push({ t: now, status });
}
