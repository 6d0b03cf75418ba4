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
}

export interface ContainerStateWaiting { reason: string; message?: string }
export interface ContainerStateRunning { startedAt: number }
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

export interface ContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
  cause?: Cause;
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
}

export interface TraceNote {
  level: 'info' | 'warning';
  message: string;
  doc?: number;
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
}
