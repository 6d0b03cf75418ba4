// The trace: what `podlab run --format json` prints (see README "Trace format").
// Times are seconds since the manifest was applied (t = 0). Shapes follow core/v1 PodStatus with times as numbers.

/** Why something happened: the manifest fields behind it and the evidence, in plain words. */
export interface Cause {
  /** Index of the YAML document (0-based) the paths belong to. */
  doc: number;
  /** Paths into that document, e.g. `spec.template.spec.containers[0].livenessProbe.tcpSocket.port`. */
  paths: string[];
  /** Plain-words evidence, e.g. "no container of the pod listens on 8081; `app` listens on 8080". */
  evidence: string;
  /** A connection to `port` was refused: the same finding as `evidence`, for programs (fixes, explanations). */
  refused?: PortRefused;
}

/**
 * Why nothing answered on a port, in the behaviour model's terms: `opensAfter` is set when some container
 * does listen on the port, but only that many seconds after it starts; otherwise no container listens there.
 */
export interface PortRefused {
  port: number;
  opensAfter?: number;
}

export type EventType = 'Normal' | 'Warning';

export interface TraceEvent {
  t: number;
  /** `Kind/name`, e.g. `Pod/web-0`, `ReplicaSet/web-5d8f7c9b6d`, `Job/pi`. */
  object: string;
  type: EventType;
  reason: string;
  message: string;
  /** `kubelet`, `default-scheduler`, `replicaset-controller`, `deployment-controller`, `job-controller`, … */
  source: string;
  cause?: Cause;
}

export type ProbeKind = 'startup' | 'liveness' | 'readiness';
export type ProbeResult = 'success' | 'failure' | 'unknown';

export interface ProbeRecord {
  t: number;
  pod: string;
  container: string;
  probe: ProbeKind;
  result: ProbeResult;
  message?: string;
  /** The prober's warning output (a redirect it did not follow); the result still counts as success. */
  warning?: string;
  cause?: Cause;
  /** The container instance probed: its restartCount (0 for the first run). */
  restartCount: number;
  /**
   * The prober worker's `resultRun` after this probe: how many identical results in a row count towards the
   * threshold (k/k pkg/kubelet/prober/worker.go doProbe). It starts again at 1 when the result changes and
   * after a liveness/startup failure crossed the threshold (the worker goes on hold, resultRun = 0); it is
   * 0 for an errored probe, whose result the kubelet throws away.
   */
  run: number;
  /** The threshold `run` is counted against: failureThreshold for a failure, successThreshold otherwise. */
  threshold: number;
}

export interface ContainerStateWaiting {
  reason: string;
  message?: string;
}
export interface ContainerStateRunning {
  startedAt: number;
}
export interface ContainerStateTerminated {
  exitCode: number;
  reason: string;
  message?: string;
  signal?: number;
  startedAt: number;
  finishedAt: number;
}
export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

/** The crash-loop back-off that holds a container (state.waiting CrashLoopBackOff): seconds and absolute time. */
export interface BackOff {
  /** The back-off delay, as in the waiting message (`back-off 40s …`). */
  delay: number;
  /** When it expires: the last instance's finishedAt + delay. The restart comes at the first sync after it. */
  until: number;
}

export interface ContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
  cause?: Cause;
  /** PodLab's addition: set while the state is waiting in CrashLoopBackOff. */
  backOff?: BackOff;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';
export interface PodCondition {
  type: string;
  status: ConditionStatus;
  reason?: string;
  message?: string;
  lastTransitionTime: number;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodStatus {
  phase: PodPhase;
  reason?: string;
  message?: string;
  podIP?: string;
  hostIP?: string;
  startTime?: number;
  conditions: PodCondition[];
  initContainerStatuses: ContainerStatus[];
  containerStatuses: ContainerStatus[];
}

/** The READY, STATUS, RESTARTS and AGE columns exactly as `kubectl get pods` prints them. */
export interface KubectlColumns {
  ready: string;
  status: string;
  restarts: string;
  age: string;
}

/** Why an instance ended: the kubelet killed it (and for which reason), the kernel, or the process itself. */
export type EndReason =
  | 'exited' // the process ended by itself
  | 'oom' // the kernel's OOM killer (memory limit)
  | 'liveness' // killed after the liveness probe failed failureThreshold times
  | 'startup' // killed after the startup probe failed failureThreshold times
  | 'postStart' // killed because its postStart hook failed
  | 'deletion' // stopped because the pod is being deleted
  | 'deadline' // stopped because the pod passed activeDeadlineSeconds
  | 'podDone' // stopped because the pod reached Succeeded/Failed (e.g. sidecars after the app exited)
  | 'scenario'; // a what-if kill from the scenario

/** One run of a container (a container ID): when it ran and how it ended. */
export interface TraceInstance {
  restartCount: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  /** Terminated reason: Completed, Error, OOMKilled, StartError. */
  reason?: string;
  endedBy?: EndReason;
  /** When the kubelet's Killing event for this instance came (the stop signal follows, preStop first). */
  killedAt?: number;
}

/** A port the behaviour model says the container's process listens on, `afterSeconds` after it starts. */
export interface ListenPort {
  port: number;
  afterSeconds: number;
}

/** Per container: every instance so far and what the behaviour model expects the process to do. */
export interface TraceContainer {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  instances: TraceInstance[];
  listens: ListenPort[];
}

export interface TracePod {
  name: string;
  namespace: string;
  /** `Kind/name` of the controlling owner, or null for a bare pod. */
  owner: string | null;
  /** Index of the YAML document that produced this pod. */
  doc: number;
  node: string | null;
  createdAt: number;
  /** When the deletion was requested (deletionTimestamp), or null. */
  deletedAt: number | null;
  /** When the API object disappeared (after graceful termination, or at once with --force), or null. */
  removedAt: number | null;
  status: PodStatus;
  kubectl: KubectlColumns;
  /** Container runs up to `at` (instances started later are left out) and their listening ports. */
  containers: TraceContainer[];
}

export interface TraceNote {
  level: 'info' | 'warning';
  message: string;
  doc?: number;
  /**
   * A note about a container's program (the image catalogue's, the behaviour model's): the container and the
   * note without the pod's name, so that the panel shows it once for all the pods of one template.
   */
  container?: { name: string; note: string };
}

export interface Trace {
  podlab: 1;
  until: number;
  at: number;
  seed: number;
  pods: TracePod[];
  events: TraceEvent[];
  probes: ProbeRecord[];
  /** Skipped documents, assumptions the behaviour model made, limits that were hit. */
  notes: TraceNote[];
  /** Set when the run stopped early at its event budget. */
  truncated?: { at: number; reason: string };
  /** The ConfigMaps and Secrets the run simulated and the references it could not answer (when there are any). */
  world?: TraceWorld;
}

/** "The world it simulated": objects by origin, which pods read them, and the references left unknown. */
export interface TraceWorld {
  /** Declared complete: what is not listed does not exist. */
  complete: boolean;
  objects: {
    kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim';
    namespace: string;
    name: string;
    /** The file (document, and `items[i]` inside a List), a scenario's `objects:`, or the cluster itself. */
    from: { kind: 'file'; doc: number; path: string } | { kind: 'scenario'; index: number } | { kind: 'cluster' };
    /** Pods that read it (env or volume) or, for a claim, mount it. */
    usedBy: string[];
  }[];
  /** References to objects the world does not have (unknown values, no prediction). */
  unknown: {
    kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim';
    namespace: string;
    name: string;
    doc: number;
    path: string;
  }[];
}
