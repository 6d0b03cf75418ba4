// The simulator's live state of pods and containers. Times are integer milliseconds since t = 0.
// The published pod status (status.ts) is rebuilt only when one of its inputs changed. Those inputs are `readonly`
// here and change only through the writers in statusInputs.ts, which record the change themselves, so no caller
// can forget to; the worker's own bookkeeping stays plainly mutable.
import type { DefaultedContainer, DefaultedPodSpec, DefaultedProbe } from '../model';
import type { ProcessModel, StartFile } from '../behaviour/types';
import type { NodeModel } from '../cluster/nodes';
import type { Cause, EndReason, PodStatus } from '../trace';
import type { ExecMemo } from './execMemo';
import type { ProbeStream } from './probeLog';
import type { PodWorldFacts } from '../world/volumes';

export type ContainerKind = 'init' | 'sidecar' | 'regular';
export type ProbeSlot = 'startup' | 'liveness' | 'readiness';
/** One run of a container: what `kubectl describe` calls a container (a new ID after each restart). */
export interface Instance {
  readonly id: number;
  readonly restartCount: number;
  readonly startedAt: number;
  readonly finishedAt?: number;
  readonly exitCode?: number;
  /** Terminated reason: Completed, Error, OOMKilled, StartError. */
  readonly reason?: string;
  readonly message?: string;
  /** Why it ended, when a manifest field is behind it. */
  readonly cause?: Cause;
  /** A stop was requested (kill): no self-exit or OOM after this. */
  stopping?: boolean;
  /** Why it ended (set by the kill that ended it, else when it finishes). */
  endedBy?: EndReason;
  /** Time of the kubelet's Killing event for it. */
  killedAt?: number;
  /** Time the runtime sent it the stop signal (after preStop): its trap's effects count from here. */
  signalledAt?: number;
  /** Set when the kubelet refused to restart the container after this instance (doBackOff): the expiry (ms). */
  backOffUntil?: number;
  /** Called once when the instance ends (a kill waiting for it returns then). */
  onFinish?: (() => void) | undefined;
  /** From when its model no longer changes with time (probeMemo.ts settledFrom), once worked out. */
  settledFrom?: number;
  /** Ports closed early (e.g. `nc -l` after its first connection). */
  closedPorts?: Set<number>;
  /**
   * The behaviour model of this run, when it was worked out at its start (a script that reads what an earlier run
   * left on a volume); absent: the container's `process`.
   */
  readonly process?: ProcessModel;
}

/** How an instance ended (recordExit). */
export interface Exit {
  exitCode: number;
  reason: string;
  cause?: Cause | undefined;
  message?: string | undefined;
}

export interface BackOffEntry {
  delay: number;
  lastUpdate: number;
}

/** What one probe found (probeHandlers.ts runProbe). */
export interface ProbeOutcome {
  result: 'success' | 'failure' | 'error';
  message?: string;
  warning?: string;
  cause?: Cause;
}

export interface ProbeWorker {
  slot: ProbeSlot;
  probe: DefaultedProbe;
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
  /** Its last result in the run's probe log, which the next one may repeat (probeLog.ts). */
  stream?: ProbeStream | undefined;
  /** The answer reused while the pod's answers cannot change (probeMemo.ts). */
  kept?: { version: number; instanceId: number; outcome: ProbeOutcome } | undefined;
  /**
   * Set after a tick whose result repeated the previous one and changed nothing, with a reused answer: the next
   * tick's time and the pod's `version` and `probeInputs` then. While they hold, that tick repeats it too
   * (probeTick.ts); -1: probe in full.
   */
  steadyAt: number;
  steadyVersion: number;
  steadyInputs: number;
}

/** The kubelet's reason cache: why the last start attempt did not happen. */
interface Waiting {
  reason: string;
  message: string;
  cause?: Cause;
  /** CrashLoopBackOff: the back-off delay and when it ends (ms), as the kubelet's back-off entry has them. */
  backOff?: { delay: number; until: number };
}

export interface ContainerRuntime {
  readonly name: string;
  readonly kind: ContainerKind;
  /** Path of the container in its document, e.g. `spec.template.spec.containers[0]`. */
  readonly path: string;
  readonly spec: DefaultedContainer;
  /** The behaviour model of the latest run (before the first start: the model as far as known at creation). */
  readonly process: ProcessModel;
  /**
   * Present when the container mounts a volume that outlives a run (emptyDir, hostPath, PVC): works out one run's
   * model from the files it finds at its start, so that a script counting its restarts behaves differently each run.
   */
  readonly rerun?: (files: (path: string) => StartFile | undefined) => ProcessModel;
  readonly env: Record<string, string>;
  readonly instances: readonly Instance[];
  readonly waiting?: Waiting | undefined;
  /** Stored probe results for the current instance. */
  readonly ready: boolean;
  readonly started: boolean;
  // Not status inputs: the kubelet's back-off entries, the probe failures it acts on, the probe workers.
  backOff?: BackOffEntry;
  imageBackOff?: BackOffEntry;
  livenessFailed: boolean;
  startupFailed: boolean;
  workers: ProbeWorker[];
  /** What-if changes: HTTP answers per path (overrideHttp), ports made to refuse connections (setPortDown). */
  readonly httpOverrides: ReadonlyMap<string, number>;
  readonly downPorts: ReadonlySet<number>;
}

export interface PodOwner {
  kind: string;
  name: string;
}

export interface PodRuntime {
  readonly uid: string;
  readonly name: string;
  readonly namespace: string;
  readonly doc: number;
  readonly owner: PodOwner | null;
  /** Path of the pod spec in its document (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`). */
  readonly specPath: string;
  readonly spec: DefaultedPodSpec;
  readonly labels: Record<string, string>;
  readonly world?: PodWorldFacts;
  readonly createdAt: number;
  readonly containers: readonly ContainerRuntime[];
  // Status inputs (setPod).
  readonly deletedAt: number | null;
  /** Grace period of the deletion request (ms). */
  readonly deletionGrace: number;
  readonly node: NodeModel | null;
  readonly ip: string | undefined;
  readonly scheduling?: { message: string; cause?: Cause } | undefined;
  readonly sandboxReady: boolean;
  readonly initialized: boolean;
  /** Set once the pod reached Succeeded or Failed; never changes back. */
  readonly terminalPhase: 'Succeeded' | 'Failed' | null;
  readonly phaseReason?: { reason: string; message: string };
  /** The node stopped answering and the node controller marked the pod not ready (MarkPodsNotReady). */
  readonly nodeLost?: boolean;
  /** Bumped on every change of a status input; the status is rebuilt when it moved (recordStatus). */
  readonly version: number;
  readonly builtVersion: number;
  /** The published statuses, oldest first: what `kubectl get pods` shows at any moment. */
  readonly history: readonly { readonly t: number; readonly status: PodStatus }[];
  // Not status inputs: the API object's removal, and the pod worker's bookkeeping.
  removedAt: number | null;
  /** Set once the pod is being shut down (deletion or node failure). */
  terminating: boolean;
  /** Counts scheduling attempts, so that only the latest 5-minute retry timer fires. */
  schedulingAttempt?: number;
  /** The pod worker is inside a sync (which can last while a kill waits for its grace period). */
  busy: boolean;
  syncRequested: boolean;
  requeueToken: number;
  workersCreated: boolean;
  /**
   * Bumped by the changes a probe's answer reads that are not status inputs (a port made to refuse connections, a
   * kill's stop): with `version`, a steady probe tick knows that nothing it read moved (probeTick.ts).
   */
  probeInputs: number;
  /** The earliest back-off expiry met by the current sync (1.35 requeues exactly there). */
  backOffWake?: number | undefined;
}

export function probeOf(spec: DefaultedContainer, slot: ProbeSlot): DefaultedProbe | undefined {
  return spec[PROBE_FIELD[slot]];
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

/** Probe field names in the container spec. */
export const PROBE_FIELD = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
} as const satisfies Record<ProbeSlot, string>;

/** The behaviour model a run plays (its own, or the container's). */
export function modelOf(c: ContainerRuntime, inst: Instance): ProcessModel {
  return inst.process ?? c.process;
}
