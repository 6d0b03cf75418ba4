// A pure model of kube-scheduler's decision for one pod (docs/kubelet-behaviour.md, "Scheduling").
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
//
// The parts: schedulerTypes (inputs, results, reason texts), schedulerRequests (effective requests),
// schedulerAffinity (taints, tolerations, node affinity), schedulerFilters (host ports, resource fit, the filter
// pass), schedulerPreemption (FailedScheduling message, preemption), schedulerScoring (choosing among feasible nodes).
import { effectiveTaints, UNSCHEDULABLE_TAINT_KEY as UNSCHEDULABLE_TAINT, type NodeModel } from './nodes';
import type {
  AssignedPod,
  NodeFailure,
  NodePods,
  PodSpecInput,
  PodToSchedule,
  ScheduleOptions,
  ScheduleResult,
  TolerationInput,
} from './schedulerTypes';
import { REASON_AFFINITY_CONFLICT, REASON_AFFINITY_PREFILTER, REASON_NO_NODES } from './schedulerTypes';
import { affinityPinnedNodes, firstUntoleratedTaint, nodeMatchesPodAffinity } from './schedulerAffinity';
import { filterContext, filterNode, nodeStates, type NodeState } from './schedulerFilters';
import { finish, histogramOf } from './schedulerPreemption';
import { pickNode } from './schedulerScoring';

export type {
  AssignedPod,
  ContainerInput,
  NodePods,
  PodSpecInput,
  PodToSchedule,
  ScheduleOptions,
  ScheduleResult,
} from './schedulerTypes';
export { effectivePodRequest } from './schedulerRequests';
export { addPodToState, emptyState, refillState, type NodeState } from './schedulerFilters';
export { firstUntoleratedTaint, toleratesTaint } from './schedulerAffinity';
// ---------------------------------------------------------------------------------------------------------------
// The scheduling cycle

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
  return scheduleOnStates(pod, nodeStates(nodes, placed), options);
}

/**
 * schedulePod over node states the caller keeps up to date (the simulation's pod index, engine/podIndex.ts), so a
 * cluster of many pods is not summed again for each pod. The states are only read.
 */
export function scheduleOnStates(
  pod: PodToSchedule,
  states: readonly NodeState[],
  options: ScheduleOptions = {},
): ScheduleResult {
  const total = states.length;
  if (total === 0)
    return { ok: false, reasons: [REASON_NO_NODES], failures: [], histogram: [], message: REASON_NO_NODES };

  const spec = pod.spec;
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

  if (options.volumeBinding !== undefined) {
    const reason = options.volumeBinding;
    const failures = states.map<NodeFailure>((s) => ({
      node: s.node.name,
      plugin: 'VolumeBinding(PreFilter)',
      reasons: [reason],
      unresolvable: true,
    }));
    return finish(ctx, states, failures, [], options, `0/${total} nodes are available: ${reason}.`);
  }

  const failures: NodeFailure[] = [];
  const feasible: NodeState[] = [];
  for (const s of states) {
    if (pinned && !pinned.has(s.node.name)) {
      failures.push({
        node: s.node.name,
        plugin: 'NodeAffinity(PreFilter)',
        reasons: [REASON_AFFINITY_PREFILTER],
        unresolvable: true,
      });
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

// ---------------------------------------------------------------------------------------------------------------
// DaemonSet placement

/**
 * The tolerations the DaemonSet controller adds to its pods (k/k pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations):
 * not-ready/unreachable NoExecute, disk/memory/pid-pressure and unschedulable NoSchedule, and network-unavailable
 * NoSchedule for host-network pods.
 */
function daemonSetTolerations(hostNetwork = false): TolerationInput[] {
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
