// The discrete-event core: a clock, a queue, the recorded events and probe results, and the run loop.
// Everything the simulation does is a timed action on the queue, so the cost grows with the number of
// events, not with simulated time.
import type { Cause, EventType, TraceEvent, TraceNote } from '../trace';
import type { KubeletSettings } from '../scenario';
import type { NodeModel } from '../cluster/nodes';

export interface ClusterModel {
  nodes: NodeModel[];
  /** Images whose pulls fail with "not found" (normalised references). */
  missingImages: ReadonlySet<string>;
}
import type { Rng } from '../cluster/rng';
import { EventQueue } from './queue';
import type { PodRuntime } from './runtime';
import { MAX_PODS, REPEATS_PER_STEP } from '../limits';
import type { PodWorker } from './podWorker';
import { PodIndex } from './podIndex';
import { ProbeLog } from './probeLog';

/** Timings of the kubelet model (ms). The values the sources leave open (docs/kubelet-behaviour.md), exposed for tests. */
export interface Timings {
  /** Sandbox creation + networking before the first container can start. */
  sandbox: number;
  /** PLEG relist: a container start or exit is noticed this long after it happens. */
  pleg: number;
  /** Requeue after a sync error (back-off, image pull errors), before jitter. */
  errorRequeue: number;
  /** Requeue after a successful sync, before jitter. */
  resync: number;
  /** A pull of an image that is not on the node. */
  pull: number;
  /** A pull of an image already on the node (pull policy Always). */
  repull: number;
  /** Initial back-off for container restarts and image pulls. */
  backOffInitial: number;
  backOffMax: number;
  /** Back-off entries expire when the finish time is this long after their last update. */
  backOffReset: number;
  /** Job pod-failure back-off: initial and cap. */
  jobBackOffInitial: number;
  jobBackOffMax: number;
  /** Minimum grace given to the stop after a preStop hook (minimumGracePeriodInSeconds). */
  minimumGrace: number;
}

export function timingsFor(k: KubeletSettings): Timings {
  const reduced = k.reducedBackOff;
  const max = Math.min(reduced ? 60_000 : 300_000, k.maxContainerRestartPeriod * 1000);
  return {
    sandbox: 1000,
    pleg: 1000,
    errorRequeue: 10_000,
    resync: 60_000,
    pull: (k.pullSeconds ?? 3) * 1000,
    repull: 500,
    backOffInitial: Math.min(reduced ? 1000 : 10_000, max),
    backOffMax: max,
    backOffReset: 600_000,
    jobBackOffInitial: 10_000,
    jobBackOffMax: 600_000,
    minimumGrace: 2000,
  };
}

export interface SimulationHooks {
  /** A pod changed in a way controllers care about (deleted, terminal, ready, removed). */
  podChanged(pod: PodRuntime): void;
}

export class Simulation {
  now = 0;
  /** Wall-clock time (Unix ms) at t = 0, for the time stamps programs write into their logs. */
  epoch = 0;
  steps = 0;
  /** Probe results that repeated the previous one and changed nothing: not steps, bounded on their own (run). */
  repeats = 0;
  truncated: { at: number; reason: string } | undefined;
  readonly queue = new EventQueue();
  readonly pods: PodRuntime[] = [];
  readonly events: TraceEvent[] = [];
  readonly probes = new ProbeLog();
  readonly notes: TraceNote[] = [];
  /** Nodes whose kubelet stopped answering (scenario `nodeFailure`). */
  readonly failedNodes = new Set<string>();
  /** Repeated identical work is played from a record (backOffReplay.ts); off, every step is computed in full. */
  batch = true;
  /**
   * Set (ms) when the reader wants only the pods that exist at that time or later (SimulateOptions.keep): the pods
   * removed by then are dropped (PodIndex.forgetRemoved) and events are kept only while their step runs (the
   * back-off replay compares a sync's own events, backOffReplay.ts), so memory follows the pods that exist.
   */
  keepFrom: number | undefined;
  /** Most pods one run creates; past it controllers stop creating pods (with a note). */
  maxPods = MAX_PODS;
  private podLimitReached = false;
  /** A retry of unschedulable pods is already on the queue (pods.ts retryUnschedulable). */
  retryScheduled = false;
  /** Pods by owner (`Kind/name`), so controllers do not scan every pod. */
  readonly podsByOwner = new Map<string, PodRuntime[]>();
  /** Pod IPs handed out per node. */
  readonly ipCounters = new Map<string, number>();
  readonly nodes: NodeModel[];
  /** The pods that exist now, those waiting for the scheduler, and what each node holds (podIndex.ts). */
  readonly index: PodIndex;
  hooks: SimulationHooks = { podChanged: () => {} };
  /** The kubelet's pod worker: modules wake it through this instead of importing kubelet.ts. */
  readonly worker: PodWorker;

  constructor(
    readonly until: number,
    readonly budget: number,
    readonly rng: Rng,
    readonly kubelet: KubeletSettings,
    readonly timings: Timings,
    readonly cluster: ClusterModel,
    worker: (sim: Simulation) => PodWorker,
  ) {
    this.nodes = cluster.nodes;
    this.index = new PodIndex(cluster.nodes);
    this.worker = worker(this);
  }

  /** Runs `action` at absolute time `at` (ms). Actions after `until` are dropped. */
  at(at: number, action: () => void): void {
    const t = Math.max(this.now, Math.round(at));
    if (t > this.until) return;
    this.queue.push(t, action);
  }

  after(delay: number, action: () => void): void {
    this.at(this.now + delay, action);
  }

  emit(object: string, type: EventType, reason: string, message: string, source: string, cause?: Cause): void {
    const event: TraceEvent = { t: this.now / 1000, object, type, reason, message, source };
    if (cause) event.cause = cause;
    this.events.push(event);
  }

  note(level: TraceNote['level'], message: string, doc?: number, container?: TraceNote['container']): void {
    if (this.notes.some((n) => n.message === message && n.doc === doc)) return;
    const note: TraceNote = doc === undefined ? { level, message } : { level, message, doc };
    if (container) note.container = container;
    this.notes.push(note);
  }

  /**
   * Whether another pod may be created: fewer than maxPods pods exist (pods a controller deleted, such as a
   * CronJob's Jobs beyond its history limits, no longer count). Notes the limit the first time it is reached.
   */
  canCreatePod(): boolean {
    if (this.index.live.size < this.maxPods) return true;
    if (!this.podLimitReached) {
      this.podLimitReached = true;
      this.note(
        'warning',
        `the run reached ${this.maxPods} pods existing at once at t=${this.now / 1000}s; controllers created no more pods while that many existed`,
      );
    }
    return false;
  }

  /**
   * The step being run was a probe result that repeated the previous one and changed nothing (probeLog.ts): it costs
   * a fraction of a step, so it counts against its own, larger bound instead of the step budget, and a steady fleet
   * of 10,000 replicas runs its hour without being cut short.
   */
  repeatedStep(): void {
    this.steps--;
    this.repeats++;
  }

  /** A requeue delay with the kubelet's jitter (factor 0.5) when enabled. */
  jittered(base: number): number {
    return this.kubelet.jitter ? base + Math.floor(this.rng.next() * base * 0.5) : base;
  }

  run(): void {
    for (;;) {
      const run = this.queue.pop();
      if (run === undefined) break;
      if (this.steps >= this.budget || this.repeats >= this.budget * REPEATS_PER_STEP) {
        const what =
          this.steps >= this.budget
            ? `${this.budget} simulation steps`
            : `${this.budget * REPEATS_PER_STEP} repeated probe results`;
        this.truncated = {
          at: this.now / 1000,
          reason: `stopped after ${what} at t=${this.now / 1000}s; shorten --until or simplify the manifest`,
        };
        break;
      }
      this.steps++;
      this.now = this.queue.at;
      if (this.keepFrom !== undefined && this.events.length > 0) this.events.length = 0;
      run();
    }
  }
}
