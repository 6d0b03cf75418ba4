// A pure model of kube-scheduler's decision for one pod (kubelet-semantics.md §9, §7).
//
// Filters, in the default plugin order, stopping per node at the first plugin that fails:
//   NodeUnschedulable → NodeName → TaintToleration → NodeAffinity → NodePorts → NodeResourcesFit
// (the volume, topology-spread and inter-pod-affinity filters that follow upstream are not modelled).
// NodeAffinity's PreFilter is modelled too: required terms that all pin `metadata.name` with `In` restrict the
// candidate nodes, and the others report "node(s) didn't satisfy plugin(s) [NodeAffinity]".
//
// When no node fits, the FailedScheduling message is built like FitError.Error() (k/k pkg/scheduler/framework
// types.go): `0/<N> nodes are available: <histogram>.`, the histogram entries `"<count> <reason>"` sorted as strings
// and joined by ", ", then the PostFilter (DefaultPreemption) part ` preemption: 0/<N> nodes are available: <…>.`,
// which ends in ".." because the preemption text has its own period. Per node, preemption says
// "Preemption is not helpful for scheduling" when the node failed with UnschedulableAndUnresolvable (unschedulable
// node, node name, taints, node affinity, and — in current fit.go, release not pinned — a request larger than the
// node's whole allocatable; `resourceUnresolvable: false` gives the older behaviour), and otherwise "No preemption victims found for incoming pod" unless lower-priority pods could be
// evicted. Pods carry no priority unless `spec.priority` is set (all 0), so preemption normally finds no victims.
//
// Among feasible nodes the choice is deterministic, an ordering that approximates the default scorers (which add
// weighted scores and break ties at random): fewest untolerated PreferNoSchedule taints (TaintToleration), highest
// preferred node-affinity weight (NodeAffinity), fewest pods of the same owner (PodTopologySpread's default
// spreading), most free cpu+memory after placement with non-zero default requests (LeastAllocated), then node name.
import { effectiveTaints, UNSCHEDULABLE_TAINT_KEY as UNSCHEDULABLE_TAINT, type NodeModel, type Taint } from './nodes';
import { cpuMillis, memoryBytes } from '../model/quantity';

// ---------------------------------------------------------------------------------------------------------------
// Structural inputs (core/v1 JSON shapes; the model's zod types fit them)

export type QuantityInput = string | number;
export type ResourceListInput = Readonly<Record<string, QuantityInput | undefined>>;

export interface ContainerPortInput {
  containerPort?: number | null;
  hostPort?: number | null;
  hostIP?: string | null;
  protocol?: string | null;
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
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: readonly NodeSelectorTermInput[] | null } | null;
    preferredDuringSchedulingIgnoredDuringExecution?: readonly { weight: number; preference: NodeSelectorTermInput }[] | null;
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
}

// ---------------------------------------------------------------------------------------------------------------
// Results

export type FilterPlugin = 'NodeAffinity(PreFilter)' | 'NodeUnschedulable' | 'NodeName' | 'TaintToleration' | 'NodeAffinity' | 'NodePorts' | 'NodeResourcesFit';

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

export const SCHEDULER_NAME = 'default-scheduler';
export const REASON_UNSCHEDULABLE = "node(s) were unschedulable";
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

/** `Successfully assigned <ns>/<pod> to <node>` (reason Scheduled). */
export function scheduledMessage(namespace: string, pod: string, node: string): string {
  return `Successfully assigned ${namespace}/${pod} to ${node}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Effective requests

export interface PodRequest {
  cpuMillis: number;
  memoryBytes: number;
  ephemeralBytes: number;
  /** Extended resources and hugepages, by name (only names with a non-zero request). */
  scalar: Record<string, number>;
}

const emptyRequest = (): PodRequest => ({ cpuMillis: 0, memoryBytes: 0, ephemeralBytes: 0, scalar: {} });

/** Scoring defaults for containers without a request (k/k pkg/scheduler/util: DefaultMilliCPURequest/DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function containerRequest(c: ContainerInput, nonZero: boolean): PodRequest {
  const r = emptyRequest();
  const requests = c.resources?.requests ?? {};
  let hasCpu = false;
  let hasMemory = false;
  for (const [name, q] of Object.entries(requests)) {
    if (q === undefined) continue;
    switch (name) {
      case 'cpu':
        r.cpuMillis = cpuMillis(q) ?? 0;
        hasCpu = true;
        break;
      case 'memory':
        r.memoryBytes = memoryBytes(q) ?? 0;
        hasMemory = true;
        break;
      case 'ephemeral-storage':
        r.ephemeralBytes = memoryBytes(q) ?? 0;
        break;
      case 'pods':
        break;
      default: {
        const v = memoryBytes(q) ?? 0; // Quantity.Value(): rounded up
        if (v !== 0) r.scalar[name] = v;
      }
    }
  }
  if (nonZero) {
    if (!hasCpu) r.cpuMillis = DEFAULT_MILLI_CPU_REQUEST;
    if (!hasMemory) r.memoryBytes = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

function add(into: PodRequest, r: PodRequest): void {
  into.cpuMillis += r.cpuMillis;
  into.memoryBytes += r.memoryBytes;
  into.ephemeralBytes += r.ephemeralBytes;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + v;
}

function max(into: PodRequest, r: PodRequest): void {
  into.cpuMillis = Math.max(into.cpuMillis, r.cpuMillis);
  into.memoryBytes = Math.max(into.memoryBytes, r.memoryBytes);
  into.ephemeralBytes = Math.max(into.ephemeralBytes, r.ephemeralBytes);
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = Math.max(into.scalar[k] ?? 0, v);
}

function copy(r: PodRequest): PodRequest {
  return { ...r, scalar: { ...r.scalar } };
}

/**
 * The pod's effective request, per resource, as the scheduler (NodeResourcesFit) and the kubelet's admission compute
 * it (component-helpers `resource.PodRequests`):
 *   max( sum(regular containers) + sum(sidecars),
 *        for each init container in order: a sidecar → the sum of the sidecars so far;
 *                                          a regular one → its request + the sidecars declared before it )
 *   + spec.overhead.
 * Without sidecars before a regular init container this is max(largest regular init container, sum of containers
 * and sidecars) + overhead (k/website sidecar-containers.md). Pod-level `spec.resources.requests` (cpu, memory)
 * replace the aggregate for those resources. `nonZero` applies the scoring defaults (100m, 200Mi) to containers
 * that request no cpu/memory.
 */
export function effectivePodRequest(spec: PodSpecInput, options: { nonZero?: boolean } = {}): PodRequest {
  // Specs are immutable once parsed, and a cluster holds many pods of one template: compute once per spec.
  const nonZero = options.nonZero === true;
  const cache = nonZero ? nonZeroRequests : plainRequests;
  let cached = cache.get(spec);
  if (cached === undefined) {
    cached = computePodRequest(spec, nonZero);
    cache.set(spec, cached);
  }
  return copy(cached);
}

const plainRequests = new WeakMap<PodSpecInput, PodRequest>();
const nonZeroRequests = new WeakMap<PodSpecInput, PodRequest>();

function computePodRequest(spec: PodSpecInput, nonZero: boolean): PodRequest {
  const reqs = emptyRequest();
  for (const c of spec.containers ?? []) add(reqs, containerRequest(c, nonZero));

  const sidecarsSoFar = emptyRequest();
  const initMax = emptyRequest();
  for (const c of spec.initContainers ?? []) {
    const r = containerRequest(c, nonZero);
    if (c.restartPolicy === 'Always') {
      add(reqs, r);
      add(sidecarsSoFar, r);
      max(initMax, sidecarsSoFar);
    } else {
      const withSidecars = copy(r);
      add(withSidecars, sidecarsSoFar);
      max(initMax, withSidecars);
    }
  }
  max(reqs, initMax);

  const podLevel = spec.resources?.requests;
  if (podLevel) {
    if (podLevel.cpu !== undefined) reqs.cpuMillis = cpuMillis(podLevel.cpu) ?? reqs.cpuMillis;
    if (podLevel.memory !== undefined) reqs.memoryBytes = memoryBytes(podLevel.memory) ?? reqs.memoryBytes;
  }

  if (spec.overhead) {
    const o = containerRequest({ resources: { requests: spec.overhead } }, false);
    add(reqs, o);
  }
  return reqs;
}

// ---------------------------------------------------------------------------------------------------------------
// Tolerations and taints (k8s.io/api core/v1 toleration.go ToleratesTaint)

/** Whether one toleration tolerates one taint. Operator empty = Equal; empty key with Exists matches every key. */
export function toleratesTaint(t: TolerationInput, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly TolerationInput[] | null | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first NoSchedule/NoExecute taint of the node that no toleration tolerates (FindMatchingUntoleratedTaint). */
export function firstUntoleratedTaint(taints: readonly Taint[], tolerations: readonly TolerationInput[] | null | undefined): Taint | undefined {
  return taints.find((taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerationsTolerateTaint(tolerations, taint));
}

// ---------------------------------------------------------------------------------------------------------------
// Node selectors and node affinity (k8s.io/component-helpers scheduling/corev1/nodeaffinity)

function requirementMatches(r: NodeSelectorRequirementInput, value: string | undefined): boolean | 'error' {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      if (values.length === 0) return 'error';
      return value !== undefined && values.includes(value);
    case 'NotIn':
      if (values.length === 0) return 'error';
      return value === undefined || !values.includes(value);
    case 'Exists':
      if (values.length !== 0) return 'error';
      return value !== undefined;
    case 'DoesNotExist':
      if (values.length !== 0) return 'error';
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !/^[+-]?\d+$/.test(values[0] ?? '')) return 'error';
      if (value === undefined || !/^[+-]?\d+$/.test(value)) return false;
      const have = Number.parseInt(value, 10);
      const want = Number.parseInt(values[0] ?? '', 10);
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return 'error';
  }
}

/** Whether a node selector term matches; terms without expressions and fields match nothing; invalid ones neither. */
export function nodeSelectorTermMatches(term: NodeSelectorTermInput, node: NodeModel): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  let ok = true;
  for (const r of exprs) {
    const m = requirementMatches(r, Object.prototype.hasOwnProperty.call(node.labels, r.key) ? node.labels[r.key] : undefined);
    if (m === 'error') return false;
    ok &&= m;
  }
  for (const r of fields) {
    // Only metadata.name with In/NotIn is a valid field selector.
    if (r.key !== 'metadata.name' || (r.operator !== 'In' && r.operator !== 'NotIn') || (r.values ?? []).length !== 1) return false;
    const m = requirementMatches(r, node.name);
    if (m === 'error') return false;
    ok &&= m;
  }
  return ok;
}

/** `spec.nodeSelector` and required node affinity, as the NodeAffinity filter checks them. */
export function nodeMatchesPodAffinity(spec: PodSpecInput, node: NodeModel): boolean {
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
    if (node.labels[k] !== v) return false;
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) {
    const terms = required.nodeSelectorTerms ?? [];
    if (!terms.some((t) => nodeSelectorTermMatches(t, node))) return false;
  }
  return true;
}

/** NodeAffinity PreFilter: the node names the required terms pin with `metadata.name In`, or undefined (all nodes). */
function affinityPinnedNodes(spec: PodSpecInput): Set<string> | undefined | 'conflict' {
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key === 'metadata.name' && r.operator === 'In') {
        const s = new Set(r.values ?? []);
        termNames = termNames === undefined ? s : new Set([...termNames].filter((n) => s.has(n)));
      }
    }
    if (termNames === undefined) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  if (names !== undefined && names.size === 0) return 'conflict';
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// Host ports (NodePorts; k/k pkg/scheduler/framework types.go HostPortInfo)

interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

function hostPorts(spec: PodSpecInput): HostPort[] {
  const out: HostPort[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      const port = p.hostPort ?? 0;
      if (port <= 0) continue;
      const ip = !p.hostIP || p.hostIP === '::' ? '0.0.0.0' : p.hostIP;
      out.push({ ip, protocol: p.protocol || 'TCP', port });
    }
  }
  return out;
}

function portsConflict(want: readonly HostPort[], used: readonly HostPort[]): boolean {
  return want.some((w) =>
    used.some((u) => u.port === w.port && u.protocol === w.protocol && (w.ip === '0.0.0.0' || u.ip === '0.0.0.0' || u.ip === w.ip)),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// NodeResourcesFit

/**
 * NodeResourcesFit for a request on a node already holding `used` (sum of effective requests of `podCount` pods):
 * the reasons in upstream order (Too many pods, cpu, memory, ephemeral-storage, then extended resources by name).
 * The kubelet's admission reuses the same test (OutOfcpu, OutOfmemory, …).
 */
export function fitsResources(request: PodRequest, node: NodeModel, used: PodRequest, podCount: number): InsufficientResource[] {
  const a = node.allocatable;
  const out: InsufficientResource[] = [];
  if (podCount + 1 > a.pods) {
    out.push({ resource: 'pods', reason: 'Too many pods', requested: 1, used: podCount, capacity: a.pods, unresolvable: false });
  }
  const check = (resource: string, want: number, have: number, capacity: number) => {
    if (want > 0 && want > capacity - have) {
      out.push({ resource, reason: `Insufficient ${resource}`, requested: want, used: have, capacity, unresolvable: want > capacity });
    }
  };
  check('cpu', request.cpuMillis, used.cpuMillis, a.cpuMillis);
  check('memory', request.memoryBytes, used.memoryBytes, a.memoryBytes);
  check('ephemeral-storage', request.ephemeralBytes, used.ephemeralBytes, a.ephemeralBytes);
  for (const name of Object.keys(request.scalar).sort()) {
    check(name, request.scalar[name] ?? 0, used.scalar[name] ?? 0, a.extended?.[name] ?? 0);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The scheduling cycle

interface NodeState {
  node: NodeModel;
  pods: PlacedPod[];
  used: PodRequest;
  usedNonZero: PodRequest;
  ports: HostPort[];
}

function emptyState(node: NodeModel): NodeState {
  return { node, pods: [], used: emptyRequest(), usedNonZero: emptyRequest(), ports: [] };
}

function addPodToState(s: NodeState, p: PlacedPod): void {
  s.pods.push(p);
  add(s.used, effectivePodRequest(p.spec));
  add(s.usedNonZero, effectivePodRequest(p.spec, { nonZero: true }));
  s.ports.push(...hostPorts(p.spec));
}

function nodeStates(nodes: readonly NodeModel[], placed: readonly (AssignedPod | NodePods)[]): NodeState[] {
  const byName = new Map<string, NodeState>();
  const states = nodes.map((node) => {
    const s = emptyState(node);
    byName.set(node.name, s);
    return s;
  });
  const place = (nodeName: string, p: PlacedPod) => {
    const s = byName.get(nodeName);
    if (s && p.phase !== 'Succeeded' && p.phase !== 'Failed') addPodToState(s, p);
  };
  for (const x of placed) {
    if ('pods' in x) for (const p of x.pods) place(x.node, p);
    else place(x.nodeName, x);
  }
  return states;
}

interface FilterContext {
  spec: PodSpecInput;
  request: PodRequest;
  ports: HostPort[];
  unresolvableFit: boolean;
}

function filterContext(spec: PodSpecInput, options: ScheduleOptions): FilterContext {
  return { spec, request: effectivePodRequest(spec), ports: hostPorts(spec), unresolvableFit: options.resourceUnresolvable !== false };
}

/** Runs the filter plugins for one node, stopping at the first that fails; undefined when the node fits. */
function filterNode(ctx: FilterContext, s: NodeState): NodeFailure | undefined {
  const { node } = s;
  const spec = ctx.spec;
  // NodeUnschedulable
  if (node.unschedulable && !tolerationsTolerateTaint(spec.tolerations, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule' })) {
    return { node: node.name, plugin: 'NodeUnschedulable', reasons: [REASON_UNSCHEDULABLE], unresolvable: true };
  }
  // NodeName
  if (spec.nodeName && spec.nodeName !== node.name) {
    return { node: node.name, plugin: 'NodeName', reasons: [REASON_NODE_NAME], unresolvable: true };
  }
  // TaintToleration
  const taint = firstUntoleratedTaint(effectiveTaints(node), spec.tolerations);
  if (taint) {
    return { node: node.name, plugin: 'TaintToleration', reasons: [untoleratedTaintReason(taint)], unresolvable: true, taint };
  }
  // NodeAffinity
  if (!nodeMatchesPodAffinity(spec, node)) {
    return { node: node.name, plugin: 'NodeAffinity', reasons: [REASON_NODE_AFFINITY], unresolvable: true };
  }
  // NodePorts
  if (ctx.ports.length > 0 && portsConflict(ctx.ports, s.ports)) {
    return { node: node.name, plugin: 'NodePorts', reasons: [REASON_NODE_PORTS], unresolvable: false };
  }
  // NodeResourcesFit
  const insufficient = fitsResources(ctx.request, node, s.used, s.pods.length);
  if (insufficient.length > 0) {
    return {
      node: node.name,
      plugin: 'NodeResourcesFit',
      reasons: insufficient.map((i) => i.reason),
      unresolvable: ctx.unresolvableFit && insufficient.some((i) => i.unresolvable),
      insufficient,
    };
  }
  return undefined;
}

function histogramOf(failures: readonly { reasons: readonly string[] }[]): string[] {
  const counts = new Map<string, number>();
  for (const f of failures) for (const r of f.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort(compareGoStrings);
}

/** Go's sort.Strings order (bytewise; equal to UTF-16 code-unit order for these ASCII texts). */
function compareGoStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Schedules one pod onto `nodes`, given the pods already bound to them (`placed`: a flat `AssignedPod[]`, or pods
 * grouped by node). Pure: nothing is mutated.
 * Note: the real scheduler never sees a pod whose `spec.nodeName` is set (it is bound directly and the kubelet admits
 * it); if one is passed anyway, the NodeName filter applies.
 */
export function schedulePod(
  pod: PodToSchedule,
  nodes: readonly NodeModel[],
  placed: readonly (AssignedPod | NodePods)[] = [],
  options: ScheduleOptions = {},
): ScheduleResult {
  const total = nodes.length;
  if (total === 0) return { ok: false, reasons: [REASON_NO_NODES], failures: [], histogram: [], message: REASON_NO_NODES };

  const spec = pod.spec;
  const states = nodeStates(nodes, placed);
  const ctx = filterContext(spec, options);

  const pinned = affinityPinnedNodes(spec);
  if (pinned === 'conflict') {
    // A PreFilter rejection: the message carries the PreFilter text instead of a histogram.
    const failures = states.map<NodeFailure>((s) => ({
      node: s.node.name,
      plugin: 'NodeAffinity(PreFilter)',
      reasons: [REASON_AFFINITY_CONFLICT],
      unresolvable: true,
    }));
    return finish(ctx, states, failures, [], options, `0/${total} nodes are available: ${REASON_AFFINITY_CONFLICT}.`);
  }

  const failures: NodeFailure[] = [];
  const feasible: NodeState[] = [];
  for (const s of states) {
    if (pinned && !pinned.has(s.node.name)) {
      failures.push({ node: s.node.name, plugin: 'NodeAffinity(PreFilter)', reasons: [REASON_AFFINITY_PREFILTER], unresolvable: true });
      continue;
    }
    const f = filterNode(ctx, s);
    if (f) failures.push(f);
    else feasible.push(s);
  }

  if (feasible.length > 0) {
    return { ok: true, node: pickNode(pod, feasible), feasible: feasible.map((s) => s.node.name) };
  }
  const histogram = histogramOf(failures);
  return finish(ctx, states, failures, histogram, options, `0/${total} nodes are available: ${histogram.join(', ')}.`);
}

function finish(
  ctx: FilterContext,
  states: NodeState[],
  failures: NodeFailure[],
  histogram: string[],
  options: ScheduleOptions,
  base: string,
): ScheduleResult {
  const reasons = [...new Set(failures.flatMap((f) => f.reasons))].sort(compareGoStrings);
  const result = { ok: false as const, reasons, failures, histogram };
  if (options.preemption === false) return { ...result, message: base };
  if (ctx.spec.preemptionPolicy === 'Never') {
    return { ...result, message: `${base} preemption: not eligible due to preemptionPolicy=Never..` };
  }
  const { plan, perNode } = findPreemption(ctx, states, failures);
  // With a candidate, PostFilter succeeds (the pod is nominated) and adds no text.
  if (plan) return { ...result, message: base, preemption: plan };
  return { ...result, message: `${base} preemption: 0/${states.length} nodes are available: ${histogramOf(perNode).join(', ')}..` };
}

/**
 * DefaultPreemption, simplified: on each node that failed resolvably, remove every lower-priority pod and re-run the
 * filters; if the pod then fits, add the removed pods back from the highest priority down while it still fits
 * (reprieve). Candidates are ranked by their highest victim priority, then number of victims, then node name.
 */
function findPreemption(
  ctx: FilterContext,
  states: NodeState[],
  failures: NodeFailure[],
): { plan?: PreemptionPlan; perNode: { reasons: string[] }[] } {
  const priority = ctx.spec.priority ?? 0;
  const failed = new Map(failures.map((f) => [f.node, f]));
  const perNode: { reasons: string[] }[] = [];
  const candidates: { node: string; victims: PlacedPod[]; top: number }[] = [];
  const stateWith = (node: NodeModel, pods: readonly PlacedPod[]): NodeState => {
    const t = emptyState(node);
    for (const p of pods) addPodToState(t, p);
    return t;
  };

  for (const s of states) {
    const f = failed.get(s.node.name);
    if (!f || f.unresolvable) {
      perNode.push({ reasons: [PREEMPTION_NOT_HELPFUL] });
      continue;
    }
    const lower = s.pods.filter((p) => (p.spec.priority ?? 0) < priority);
    if (lower.length === 0) {
      perNode.push({ reasons: [PREEMPTION_NO_VICTIMS] });
      continue;
    }
    const kept = s.pods.filter((p) => !lower.includes(p));
    const again = filterNode(ctx, stateWith(s.node, kept));
    if (again) {
      perNode.push({ reasons: again.reasons });
      continue;
    }
    const victims: PlacedPod[] = [];
    for (const p of [...lower].sort((a, b) => (b.spec.priority ?? 0) - (a.spec.priority ?? 0))) {
      if (filterNode(ctx, stateWith(s.node, [...kept, p])) === undefined) kept.push(p);
      else victims.push(p);
    }
    candidates.push({ node: s.node.name, victims, top: Math.max(...victims.map((v) => v.spec.priority ?? 0)) });
  }
  if (candidates.length === 0) return { perNode };
  candidates.sort((a, b) => a.top - b.top || a.victims.length - b.victims.length || compareGoStrings(a.node, b.node));
  const best = candidates[0] as (typeof candidates)[number];
  return { perNode, plan: { node: best.node, victims: best.victims } };
}

function pickNode(pod: PodToSchedule, feasible: readonly NodeState[]): string {
  const spec = pod.spec;
  const request = effectivePodRequest(spec, { nonZero: true });
  const preferred = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const softTolerations = (spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  const freeFraction = (capacity: number, used: number) => (capacity <= 0 ? 0 : Math.max(0, capacity - used) / capacity);
  const scored = feasible.map((s) => {
    const a = s.node.allocatable;
    return {
      name: s.node.name,
      intolerable: effectiveTaints(s.node).filter((t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(softTolerations, t)).length,
      affinity: preferred.reduce((sum, p) => sum + (nodeSelectorTermMatches(p.preference, s.node) ? p.weight : 0), 0),
      sameOwner: pod.owner === undefined ? 0 : s.pods.filter((p) => p.owner === pod.owner).length,
      free:
        (freeFraction(a.cpuMillis, s.usedNonZero.cpuMillis + request.cpuMillis) +
          freeFraction(a.memoryBytes, s.usedNonZero.memoryBytes + request.memoryBytes)) /
        2,
    };
  });
  scored.sort(
    (x, y) =>
      x.intolerable - y.intolerable ||
      y.affinity - x.affinity ||
      x.sameOwner - y.sameOwner ||
      y.free - x.free ||
      compareGoStrings(x.name, y.name),
  );
  return (scored[0] as (typeof scored)[number]).name;
}

// ---------------------------------------------------------------------------------------------------------------
// DaemonSet placement

/**
 * The tolerations the DaemonSet controller adds to its pods (k/k pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations):
 * not-ready/unreachable NoExecute, disk/memory/pid-pressure and unschedulable NoSchedule, and network-unavailable
 * NoSchedule for host-network pods.
 */
export function daemonSetTolerations(hostNetwork = false): TolerationInput[] {
  const t: TolerationInput[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: UNSCHEDULABLE_TAINT, operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

/**
 * Whether the DaemonSet controller runs a daemon pod with this spec on `node` (NodeShouldRunDaemonPod): the node
 * name (if set), nodeSelector and required node affinity match, and every NoSchedule/NoExecute taint is tolerated by
 * the pod's tolerations plus the ones the controller adds. Resources are not checked (the scheduler or the kubelet
 * does that). Failed nodes are not excluded here: their unreachable NoExecute taint is tolerated by daemon pods.
 */
export function nodeAdmits(spec: PodSpecInput & { hostNetwork?: boolean | null }, node: NodeModel): boolean {
  if (spec.nodeName && spec.nodeName !== node.name) return false;
  if (!nodeMatchesPodAffinity(spec, node)) return false;
  const tolerations = [...(spec.tolerations ?? []), ...daemonSetTolerations(spec.hostNetwork === true)];
  return firstUntoleratedTaint(effectiveTaints(node), tolerations) === undefined;
}
