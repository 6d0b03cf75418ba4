// Host ports, resource fit, the per-node state of a scheduling cycle, and the filter plugins run in order for one node.
import { effectiveTaints, UNSCHEDULABLE_TAINT_KEY as UNSCHEDULABLE_TAINT, type NodeModel } from './nodes';
import type {
  AssignedPod,
  InsufficientResource,
  NodeFailure,
  NodePods,
  PlacedPod,
  PodSpecInput,
  ScheduleOptions,
} from './schedulerTypes';
import {
  REASON_NODE_AFFINITY,
  REASON_NODE_NAME,
  REASON_NODE_PORTS,
  REASON_UNSCHEDULABLE,
  untoleratedTaintReason,
} from './schedulerTypes';
import { add, effectivePodRequest, emptyRequest, type PodRequest } from './schedulerRequests';
import { firstUntoleratedTaint, nodeMatchesPodAffinity, tolerationsTolerateTaint } from './schedulerAffinity';

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
      out.push({ ip, protocol: p.protocol, port });
    }
  }
  return out;
}

function portsConflict(want: readonly HostPort[], used: readonly HostPort[]): boolean {
  return want.some((w) =>
    used.some(
      (u) =>
        u.port === w.port && u.protocol === w.protocol && (w.ip === '0.0.0.0' || u.ip === '0.0.0.0' || u.ip === w.ip),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// NodeResourcesFit

/**
 * NodeResourcesFit for a request on a node already holding `used` (sum of effective requests of `podCount` pods):
 * the reasons in upstream order (Too many pods, cpu, memory, ephemeral-storage, then extended resources by name).
 * The kubelet's admission reuses the same test (OutOfcpu, OutOfmemory, …).
 */
function fitsResources(
  request: PodRequest,
  node: NodeModel,
  used: PodRequest,
  podCount: number,
): InsufficientResource[] {
  const a = node.allocatable;
  const out: InsufficientResource[] = [];
  if (podCount + 1 > a.pods) {
    out.push({
      resource: 'pods',
      reason: 'Too many pods',
      requested: 1,
      used: podCount,
      capacity: a.pods,
      unresolvable: false,
    });
  }
  check(out, 'cpu', request.cpuMillis, used.cpuMillis, a.cpuMillis);
  check(out, 'memory', request.memoryBytes, used.memoryBytes, a.memoryBytes);
  check(out, 'ephemeral-storage', request.ephemeralBytes, used.ephemeralBytes, a.ephemeralBytes);
  for (const name of Object.keys(request.scalar).sort()) {
    check(out, name, request.scalar[name] ?? 0, used.scalar[name] ?? 0, a.extended?.[name] ?? 0);
  }
  return out;
}

/** One resource of fitsResources (a function of its own: it runs for every node of every scheduling cycle). */
function check(out: InsufficientResource[], resource: string, want: number, have: number, capacity: number): void {
  if (want > 0 && want > capacity - have) {
    out.push({
      resource,
      reason: `Insufficient ${resource}`,
      requested: want,
      used: have,
      capacity,
      unresolvable: want > capacity,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The per-node state and the filter pass

export interface NodeState {
  node: NodeModel;
  pods: PlacedPod[];
  used: PodRequest;
  usedNonZero: PodRequest;
  ports: HostPort[];
  /** Pods per owner (`Kind/name`), for spreading without a scan of the node's pods. */
  owners: Map<string, number>;
}

export function emptyState(node: NodeModel): NodeState {
  return { node, pods: [], used: emptyRequest(), usedNonZero: emptyRequest(), ports: [], owners: new Map() };
}

export function addPodToState(s: NodeState, p: PlacedPod): void {
  s.pods.push(p);
  add(s.used, effectivePodRequest(p.spec));
  add(s.usedNonZero, effectivePodRequest(p.spec, { nonZero: true }));
  s.ports.push(...hostPorts(p.spec));
  if (p.owner !== undefined) s.owners.set(p.owner, (s.owners.get(p.owner) ?? 0) + 1);
}

/** The state of `s.node` holding `pods` instead, summed in their order (the sums a fresh pass would give). */
export function refillState(s: NodeState, pods: readonly PlacedPod[]): void {
  const fresh = emptyState(s.node);
  for (const p of pods) addPodToState(fresh, p);
  Object.assign(s, fresh);
}

export function nodeStates(nodes: readonly NodeModel[], placed: readonly (AssignedPod | NodePods)[]): NodeState[] {
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

export interface FilterContext {
  spec: PodSpecInput;
  request: PodRequest;
  ports: HostPort[];
  unresolvableFit: boolean;
}

export function filterContext(spec: PodSpecInput, options: ScheduleOptions): FilterContext {
  return {
    spec,
    request: effectivePodRequest(spec),
    ports: hostPorts(spec),
    unresolvableFit: options.resourceUnresolvable !== false,
  };
}

/** Runs the filter plugins for one node, stopping at the first that fails; undefined when the node fits. */
export function filterNode(ctx: FilterContext, s: NodeState): NodeFailure | undefined {
  const { node } = s;
  const spec = ctx.spec;
  // NodeUnschedulable
  if (
    node.unschedulable &&
    !tolerationsTolerateTaint(spec.tolerations, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule' })
  ) {
    return { node: node.name, plugin: 'NodeUnschedulable', reasons: [REASON_UNSCHEDULABLE], unresolvable: true };
  }
  // NodeName
  if (spec.nodeName && spec.nodeName !== node.name) {
    return { node: node.name, plugin: 'NodeName', reasons: [REASON_NODE_NAME], unresolvable: true };
  }
  // TaintToleration
  const taint = firstUntoleratedTaint(effectiveTaints(node), spec.tolerations);
  if (taint) {
    return {
      node: node.name,
      plugin: 'TaintToleration',
      reasons: [untoleratedTaintReason(taint)],
      unresolvable: true,
      taint,
    };
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
