// The scheduler model's inputs (core/v1 JSON shapes), its results, and the reason and event texts it reports.
import type { Taint } from './nodes';

// ---------------------------------------------------------------------------------------------------------------
// Structural inputs (core/v1 JSON shapes, defaulted: the model's defaulted types fit them)

export type QuantityInput = string | number;
export type ResourceListInput = Readonly<Record<string, QuantityInput | undefined>>;

export interface ContainerPortInput {
  containerPort?: number | null;
  hostPort?: number | null;
  hostIP?: string | null;
  /** Defaulted (TCP when left out). */
  protocol: string;
}

export interface ContainerInput {
  name?: string | null;
  resources?: { requests?: ResourceListInput | null; limits?: ResourceListInput | null } | null;
  ports?: readonly ContainerPortInput[] | null;
  /** Only on init containers: `Always` makes it a sidecar. */
  restartPolicy?: string | null;
}

export interface TolerationInput {
  key?: string | null;
  operator?: string | null;
  value?: string | null;
  effect?: string | null;
  tolerationSeconds?: number | null;
}

export interface NodeSelectorRequirementInput {
  key: string;
  operator: string;
  values?: readonly string[] | null;
}

export interface NodeSelectorTermInput {
  matchExpressions?: readonly NodeSelectorRequirementInput[] | null;
  matchFields?: readonly NodeSelectorRequirementInput[] | null;
}

export interface AffinityInput {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: {
      nodeSelectorTerms?: readonly NodeSelectorTermInput[] | null;
    } | null;
    preferredDuringSchedulingIgnoredDuringExecution?:
      readonly { weight: number; preference: NodeSelectorTermInput }[] | null;
  } | null;
}

export interface PodSpecInput {
  containers?: readonly ContainerInput[] | null;
  initContainers?: readonly ContainerInput[] | null;
  overhead?: ResourceListInput | null;
  /** Pod-level resources (PodLevelResources, beta 1.34): cpu/memory requests here replace the containers' sum. */
  resources?: { requests?: ResourceListInput | null } | null;
  nodeName?: string | null;
  nodeSelector?: Readonly<Record<string, string>> | null;
  tolerations?: readonly TolerationInput[] | null;
  affinity?: AffinityInput | null;
  priority?: number | null;
  preemptionPolicy?: string | null;
}

/** A pod already bound to a node. Pods in phase Succeeded/Failed are ignored, as by the scheduler's pod informer. */
export interface PlacedPod {
  name?: string;
  spec: PodSpecInput;
  /** The controller owning it, e.g. `ReplicaSet/web-5d8f7c9b6d`; used for spreading. */
  owner?: string | undefined;
  phase?: string;
}

/** A pod bound to `nodeName` (terminating pods still count; leave out pods that are gone). */
export interface AssignedPod extends PlacedPod {
  nodeName: string;
}

/** The pods bound to one node: an alternative to a flat `AssignedPod[]`. */
export interface NodePods {
  node: string;
  pods: readonly PlacedPod[];
}

export interface PodToSchedule {
  spec: PodSpecInput;
  owner?: string | undefined;
}

export interface ScheduleOptions {
  /**
   * Run the DefaultPreemption PostFilter and append its ` preemption: …` text (current releases). Default true;
   * false gives the shorter message of releases without PostFilter text.
   */
  preemption?: boolean;
  /**
   * NodeResourcesFit marks a request larger than the node's whole allocatable as UnschedulableAndUnresolvable, so
   * preemption reports "Preemption is not helpful for scheduling" for that node (newer fit.go). Default true;
   * false: such nodes count as "No preemption victims found for incoming pod", as in older releases.
   */
  resourceUnresolvable?: boolean;
  /**
   * The VolumeBinding PreFilter's rejection, decided by the world (world-semantics §8), e.g. `persistentvolumeclaim
   * "data" not found`: UnschedulableAndUnresolvable on every node, the text in place of the histogram.
   */
  volumeBinding?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Results

export type FilterPlugin =
  | 'NodeAffinity(PreFilter)'
  | 'VolumeBinding(PreFilter)'
  | 'NodeUnschedulable'
  | 'NodeName'
  | 'TaintToleration'
  | 'NodeAffinity'
  | 'NodePorts'
  | 'NodeResourcesFit';

export interface InsufficientResource {
  /** `pods`, `cpu`, `memory`, `ephemeral-storage` or the extended resource name. */
  resource: string;
  reason: string;
  /** In the resource's unit: 1 pod, millicores, bytes, or the extended resource's count. */
  requested: number;
  used: number;
  capacity: number;
  unresolvable: boolean;
}

export interface NodeFailure {
  node: string;
  plugin: FilterPlugin;
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
  /** NodeResourcesFit details. */
  insufficient?: InsufficientResource[];
  /** TaintToleration: the taint named in the reason. */
  taint?: Taint;
}

export interface PreemptionPlan {
  node: string;
  /** The pods that would be evicted. */
  victims: PlacedPod[];
}

export type ScheduleResult =
  | { ok: true; node: string; feasible: string[] }
  | {
      ok: false;
      /** The distinct reasons, sorted (e.g. `["Insufficient memory", "node(s) had untolerated taint {a: b}"]`). */
      reasons: string[];
      /** Per-node failures, in node order. */
      failures: NodeFailure[];
      /** Sorted histogram entries, e.g. `["1 Insufficient memory", "2 node(s) had untolerated taint {a: b}"]`. */
      histogram: string[];
      /** The exact FailedScheduling event message (and PodScheduled condition message). */
      message: string;
      /** When lower-priority pods could be evicted to make room (the pod is then nominated to this node). */
      preemption?: PreemptionPlan;
    };

export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_NODE_NAME = "node(s) didn't match the requested node name";
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const REASON_NO_NODES = 'no nodes available to schedule pods';
/** NodeAffinity PreFilter: the required terms pin node names that do not intersect. */
export const REASON_AFFINITY_CONFLICT = 'pod affinity terms conflict';
/** Nodes left out by NodeAffinity's PreFilter (required `matchFields` on `metadata.name`). */
export const REASON_AFFINITY_PREFILTER = "node(s) didn't satisfy plugin(s) [NodeAffinity]";
export const PREEMPTION_NO_VICTIMS = 'No preemption victims found for incoming pod';
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';

export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}
