// The simulator's live state of pods and containers. Times are integer milliseconds since t = 0.
import type { Container, PodSpec, Probe } from '../model';
import type { ProcessModel } from '../behaviour/types';
import type { NodeModel } from '../cluster/nodes';
import type { Cause, EndReason, PodStatus } from '../trace';
import type { ExecMemo } from './execMemo';

export type ContainerKind = 'init' | 'sidecar' | 'regular';
export type ProbeSlot = 'startup' | 'liveness' | 'readiness';

/** One run of a container: what `kubectl describe` calls a container (a new ID after each restart). */
export interface Instance {
  id: number;
  restartCount: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  /** Terminated reason: Completed, Error, OOMKilled, StartError. */
  reason?: string;
  message?: string;
  /** Why it ended, when a manifest field is behind it. */
  cause?: Cause;
  /** A stop was requested (kill): no self-exit or OOM after this. */
  stopping?: boolean;
  /** Why it ended (set by the kill that ended it, else when it finishes). */
  endedBy?: EndReason;
  /** Time of the kubelet's Killing event for it. */
  killedAt?: number;
  /** Set when the kubelet refused to restart the container after this instance (doBackOff): the expiry (ms). */
  backOffUntil?: number;
  /** Called once when the instance ends (a kill waiting for it returns then). */
  onFinish?: (() => void) | undefined;
  /** Ports closed early (e.g. `nc -l` after its first connection). */
  closedPorts?: Set<number>;
}

export interface BackOffEntry {
  delay: number;
  lastUpdate: number;
}

export interface ProbeWorker {
  slot: ProbeSlot;
  probe: Probe;
  /** Manifest path of the probe (`spec.containers[0].livenessProbe`). */
  path: string;
  instanceId: number;
  onHold: boolean;
  lastResult: 'success' | 'failure' | null;
  resultRun: number;
  stopped: boolean;
  /** Why the last failure happened (manifest paths + evidence). */
  lastCause?: Cause | undefined;
  /** The last exec result and what it depended on (execMemo.ts). */
  execMemo?: ExecMemo | undefined;
  /** A manual run is pending (prober_manager.go UpdatePodStatus → manualTriggerCh, capacity 1). */
  triggered?: boolean;
}

export interface ContainerRuntime {
  name: string;
  kind: ContainerKind;
  /** Path of the container in its document, e.g. `spec.template.spec.containers[0]`. */
  path: string;
  spec: Container;
  process: ProcessModel;
  env: Record<string, string>;
  instances: Instance[];
  backOff?: BackOffEntry;
  imageBackOff?: BackOffEntry;
  /** The kubelet's reason cache: why the last start attempt did not happen (`backOff` in ms for CrashLoopBackOff). */
  waiting?: { reason: string; message: string; cause?: Cause; backOff?: { delay: number; until: number } };
  /** Stored probe results for the current instance. */
  ready: boolean;
  started: boolean;
  livenessFailed: boolean;
  startupFailed: boolean;
  workers: ProbeWorker[];
  /** What-if changes: HTTP answers per path, ports made to refuse connections, memory. */
  httpOverrides: Map<string, number>;
  downPorts: Set<number>;
}

export interface PodOwner {
  kind: string;
  name: string;
}

export interface PodRuntime {
  uid: string;
  name: string;
  namespace: string;
  doc: number;
  owner: PodOwner | null;
  /** Path of the pod spec in its document (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`). */
  specPath: string;
  spec: PodSpec;
  labels: Record<string, string>;
  createdAt: number;
  deletedAt: number | null;
  removedAt: number | null;
  /** Grace period of the deletion request (ms). */
  deletionGrace: number;
  node: NodeModel | null;
  ip: string | undefined;
  scheduling?: { message: string; cause?: Cause };
  /** Counts scheduling attempts, so that only the latest 5-minute retry timer fires. */
  schedulingAttempt?: number;
  sandboxReady: boolean;
  containers: ContainerRuntime[];
  /** Set once the pod reached Succeeded or Failed; never changes back. */
  terminalPhase: 'Succeeded' | 'Failed' | null;
  phaseReason?: { reason: string; message: string };
  /** The pod worker is inside a sync (which can last while a kill waits for its grace period). */
  busy: boolean;
  syncRequested: boolean;
  requeueToken: number;
  workersCreated: boolean;
  initialized: boolean;
  /** Bumped on every change that can alter the status. */
  version: number;
  builtVersion: number;
  history: { t: number; status: PodStatus }[];
  /** The node stopped answering and the node controller marked the pod not ready (MarkPodsNotReady). */
  nodeLost?: boolean;
  /** Set once the pod is being shut down (deletion or node failure). */
  terminating: boolean;
  /** The earliest back-off expiry met by the current sync (1.35 requeues exactly there). */
  backOffWake?: number | undefined;
}

export function probeOf(spec: Container, slot: ProbeSlot): Probe | undefined {
  switch (slot) {
    case 'startup':
      return spec.startupProbe;
    case 'liveness':
      return spec.livenessProbe;
    case 'readiness':
      return spec.readinessProbe;
  }
}

export function currentInstance(c: ContainerRuntime): Instance | undefined {
  return c.instances[c.instances.length - 1];
}

export function isRunning(i: Instance | undefined, now: number): boolean {
  return i !== undefined && i.startedAt <= now && (i.finishedAt === undefined || i.finishedAt > now);
}

/** The current instance if it is running at `now`. */
export function runningInstance(c: ContainerRuntime, now: number): Instance | undefined {
  const i = currentInstance(c);
  return isRunning(i, now) ? i : undefined;
}

/** The pod as events and `kubectl describe` name it. */
export function podRef(pod: PodRuntime): string {
  return `Pod/${pod.name}`;
}

export function touch(pod: PodRuntime): void {
  pod.version++;
}

/** Probe field names in the container spec. */
export const PROBE_FIELD: Record<ProbeSlot, string> = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
};
