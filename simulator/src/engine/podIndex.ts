// The simulation's indexes of pods that exist now, so that per-step work follows the live objects, not every pod a
// run ever created: the pods whose API object exists (the pod cap counts these), the pods that wait for the
// scheduler, and per node the pods holding its resources (the scheduler's node states, kept up to date instead
// of summed again for each new pod). Every pod ever created stays in `Simulation.pods` for the trace, unless the reader
// asked only for the pods that exist from some time on (forgetRemoved).
import type { NodeModel } from '../cluster/nodes';
import { addPodToState, emptyState, refillState, type AssignedPod, type NodeState } from '../cluster/scheduler';
import type { PodRuntime } from './runtime';

interface Holding extends AssignedPod {
  /** Creation order: a node's pods are kept in it, as a pass over all pods would list them. */
  readonly seq: number;
}

export class PodIndex {
  /** Pods whose API object exists (not removed yet). */
  readonly live = new Set<PodRuntime>();
  /**
   * How many existing pods bear each name: a generated name is drawn again when it is taken. The API server refuses
   * only the name of an object that exists, and a month of Jobs must not keep every name it gave out.
   */
  private readonly names = new Map<string, number>();
  /** Pods without a node that the scheduler turned down, in the order they were created. */
  readonly unscheduled = new Set<PodRuntime>();
  /** Creation numbers of the pods that exist or still hold a node (refresh forgets the others). */
  private readonly seqOf = new Map<PodRuntime, number>();
  private readonly holding = new Map<PodRuntime, Holding>();
  private readonly states = new Map<string, NodeState>();
  private nextSeq = 0;
  /** Size of `Simulation.pods` at which forgetRemoved next looks through it. */
  private pruneAt = 64;

  constructor(nodes: readonly NodeModel[]) {
    for (const n of nodes) this.states.set(n.name, emptyState(n));
  }

  created(pod: PodRuntime): void {
    this.seqOf.set(pod, this.nextSeq++);
    this.live.add(pod);
    this.names.set(pod.name, (this.names.get(pod.name) ?? 0) + 1);
  }

  /** Whether a pod named `name` exists. */
  taken(name: string): boolean {
    return this.names.has(name);
  }

  /**
   * Re-reads what the indexes depend on (node, terminal phase, removal, termination). Called by every writer of
   * those fields: pods.ts (binding, scheduling failures), termination.ts and nodeFailure.ts.
   */
  refresh(pod: PodRuntime): void {
    if (pod.removedAt !== null) {
      if (this.live.delete(pod)) {
        const n = (this.names.get(pod.name) ?? 1) - 1;
        if (n > 0) this.names.set(pod.name, n);
        else this.names.delete(pod.name);
      }
      this.unscheduled.delete(pod);
    }
    if (pod.node !== null) this.unscheduled.delete(pod);
    // A pod holds its node's resources until its containers stopped (a deleted pod holds them while terminating).
    const holds = pod.node !== null && pod.terminalPhase === null && (pod.removedAt === null || pod.terminating);
    const held = this.holding.get(pod);
    if (holds && held === undefined && pod.node !== null) this.hold(pod, pod.node);
    else if (!holds && held !== undefined) this.release(pod, held);
    // A removed pod that holds nothing is never placed again (deletion and node failure skip removed pods).
    if (pod.removedAt !== null && !this.holding.has(pod)) this.seqOf.delete(pod);
  }

  /**
   * Drops from `pods` (Simulation.pods, in creation order) those removed at or before `from` (ms), which no reader
   * asks for. It looks only when the list doubled since its last look, so a long run pays once per pod.
   */
  forgetRemoved(pods: PodRuntime[], from: number): void {
    if (pods.length < this.pruneAt) return;
    let n = 0;
    for (const p of pods) if (p.removedAt === null || p.removedAt > from) pods[n++] = p;
    pods.length = n;
    this.pruneAt = Math.max(64, 2 * n);
  }

  /** The scheduler's state of each of `nodes`: the pods bound there and still holding resources. */
  statesOf(nodes: readonly NodeModel[]): NodeState[] {
    return nodes.map((n) => this.stateOf(n));
  }

  private stateOf(node: NodeModel): NodeState {
    let s = this.states.get(node.name);
    if (s === undefined) this.states.set(node.name, (s = emptyState(node)));
    return s;
  }

  private hold(pod: PodRuntime, node: NodeModel): void {
    const h: Holding = {
      name: pod.name,
      nodeName: node.name,
      spec: pod.spec,
      ...(pod.owner ? { owner: `${pod.owner.kind}/${pod.owner.name}` } : {}),
      seq: this.seqOf.get(pod) ?? 0,
    };
    this.holding.set(pod, h);
    const s = this.stateOf(node);
    const pods = s.pods as Holding[];
    const last = pods[pods.length - 1];
    if (last === undefined || last.seq < h.seq) {
      // The usual case: the newest pod is bound last, and adding it gives the sums a full pass would.
      addPodToState(s, h);
      return;
    }
    const i = pods.findIndex((p) => p.seq > h.seq);
    refillState(s, [...pods.slice(0, i), h, ...pods.slice(i)]);
  }

  private release(pod: PodRuntime, h: Holding): void {
    this.holding.delete(pod);
    const s = this.states.get(h.nodeName);
    if (s !== undefined)
      refillState(
        s,
        s.pods.filter((p) => p !== h),
      );
  }
}
