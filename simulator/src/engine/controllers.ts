// The controllers that create pods (docs/kubelet-behaviour.md, "Controllers"): ReplicaSet (and Deployment through it),
// StatefulSet, DaemonSet and Job. CronJob lives in cronjob.ts. Each reconciles when one of its pods changes.
import type { Simulation } from './simulation';
import type { PodOwner, PodRuntime } from './runtime';
import { createPod, type PodFactory } from './pods';
import { deletePod } from './termination';
import { podFromTemplate, type DefaultedPodSpec, type DefaultedPodTemplateSpec } from '../model';
import { ownedPodName, statefulSetPodName } from '../cluster/names';
import { scheduleOnStates } from '../cluster/scheduler';
import { CreateRetry, refusedCreate } from './admission';

export interface Controller {
  readonly owner: PodOwner;
  reconcile(): void;
}

export interface Template {
  doc: number;
  namespace: string;
  /** Path of the pod spec inside the document. */
  specPath: string;
  template: DefaultedPodTemplateSpec;
}

/** Coalesces reconcile requests so a burst of pod changes runs one reconcile. */
export class ControllerSet {
  private readonly byOwner = new Map<string, Controller>();
  private readonly pending = new Set<Controller>();

  constructor(private readonly sim: Simulation) {
    sim.hooks = { podChanged: (pod) => this.podChanged(pod) };
  }

  add(c: Controller): void {
    this.byOwner.set(`${c.owner.kind}/${c.owner.name}`, c);
    this.request(c);
  }

  get(kind: string, name: string): Controller | undefined {
    return this.byOwner.get(`${kind}/${name}`);
  }

  /** The controller's object was deleted (a CronJob's Job past the history limits): it reconciles no more. */
  remove(c: Controller): void {
    this.byOwner.delete(`${c.owner.kind}/${c.owner.name}`);
  }

  request(c: Controller): void {
    if (this.pending.has(c)) return;
    this.pending.add(c);
    this.sim.after(0, () => {
      this.pending.delete(c);
      c.reconcile();
    });
  }

  private podChanged(pod: PodRuntime): void {
    if (pod.owner === null) return;
    const c = this.byOwner.get(`${pod.owner.kind}/${pod.owner.name}`);
    if (c) this.request(c);
  }
}

/**
 * The spec of the pods made from a template. The API server defaults each new Pod object (SetDefaults_Pod); the result
 * is the same for every pod of one template, so it is worked out once and shared, as the template's spec was.
 */
const podSpecs = new WeakMap<DefaultedPodTemplateSpec, DefaultedPodSpec>();
function podSpecOf(template: DefaultedPodTemplateSpec): DefaultedPodSpec {
  let spec = podSpecs.get(template);
  if (!spec) podSpecs.set(template, (spec = podFromTemplate(template.spec!)));
  return spec;
}

function spawn(
  sim: Simulation,
  t: Template,
  owner: PodOwner,
  name: string,
  factory: PodFactory,
  nodeName?: string,
): PodRuntime {
  const spec = podSpecOf(t.template);
  return createPod(
    sim,
    {
      name,
      namespace: t.namespace,
      doc: t.doc,
      owner,
      specPath: t.specPath,
      spec,
      labels: { ...(t.template.metadata?.labels ?? {}) },
      ...(nodeName ? { nodeName } : {}),
    },
    factory,
  );
}

/** A pod counts as active unless it is Succeeded/Failed or being deleted (IsPodActive). */
export function isActive(p: PodRuntime): boolean {
  return p.terminalPhase === null && p.deletedAt === null && p.removedAt === null;
}

export function ownedBy(sim: Simulation, owner: PodOwner): PodRuntime[] {
  return sim.podsByOwner.get(`${owner.kind}/${owner.name}`) ?? [];
}

export class ReplicaSetController implements Controller {
  private readonly retry = new CreateRetry();

  constructor(
    private readonly sim: Simulation,
    readonly owner: PodOwner,
    private readonly replicas: number,
    private readonly t: Template,
    private readonly factory: PodFactory,
  ) {}

  reconcile(): void {
    const active = ownedBy(this.sim, this.owner).filter(isActive).length;
    const rng = this.sim.rng.fork(this.retry.rngKey(`${this.owner.kind}/${this.owner.name}`));
    for (let i = active; i < this.replicas && this.sim.canCreatePod(); i++) {
      let name = ownedPodName(this.owner.name, rng);
      while (this.sim.index.taken(name)) name = ownedPodName(this.owner.name, rng);
      // slowStartBatch: the first failed creation ends this sync; the workqueue retries it.
      const object = `ReplicaSet/${this.owner.name}`;
      const again = () => this.reconcile();
      const source = 'replicaset-controller';
      if (refusedCreate(this.sim, this.t, this.factory.namespaces, this.retry, name, { object, source }, again)) return;
      this.sim.emit(
        `ReplicaSet/${this.owner.name}`,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${name}`,
        'replicaset-controller',
      );
      spawn(this.sim, this.t, this.owner, name, this.factory);
    }
  }
}

export class StatefulSetController implements Controller {
  private readonly retry = new CreateRetry();

  constructor(
    private readonly sim: Simulation,
    readonly owner: PodOwner,
    private readonly replicas: number,
    private readonly parallel: boolean,
    private readonly t: Template,
    private readonly factory: PodFactory,
  ) {}

  reconcile(): void {
    const pods = ownedBy(this.sim, this.owner);
    for (let i = 0; i < this.replicas; i++) {
      const name = statefulSetPodName(this.owner.name, i);
      const existing = pods.filter((p) => p.name === name && p.removedAt === null);
      const current = existing[existing.length - 1];
      if (current === undefined) {
        if (!this.sim.canCreatePod()) return;
        const set = this.owner.name;
        const event = {
          object: `StatefulSet/${set}`,
          source: 'statefulset-controller',
          say: (err: string) => `create Pod ${name} in StatefulSet ${set} failed error: ${err}`,
        };
        if (refusedCreate(this.sim, this.t, this.factory.namespaces, this.retry, name, event, () => this.reconcile()))
          return;
        this.sim.emit(
          `StatefulSet/${this.owner.name}`,
          'Normal',
          'SuccessfulCreate',
          `create Pod ${name} in StatefulSet ${this.owner.name} successful`,
          'statefulset-controller',
        );
        spawn(this.sim, this.t, this.owner, name, this.factory);
        if (!this.parallel) return;
        continue;
      }
      if (current.terminalPhase !== null && current.deletedAt === null) {
        // A failed StatefulSet pod is deleted and recreated under the same name.
        deletePod(this.sim, current, 0, false);
        if (!this.parallel) return;
        continue;
      }
      if (!this.parallel && !isRunningAndReady(current)) return;
    }
  }
}

function isRunningAndReady(p: PodRuntime): boolean {
  const s = p.history[p.history.length - 1]?.status;
  return (
    s !== undefined &&
    s.phase === 'Running' &&
    s.conditions.some((c) => c.type === 'Ready' && c.status === 'True') &&
    p.deletedAt === null
  );
}

export class DaemonSetController implements Controller {
  private readonly retry = new CreateRetry();

  constructor(
    private readonly sim: Simulation,
    readonly owner: PodOwner,
    private readonly t: Template,
    private readonly factory: PodFactory,
  ) {}

  reconcile(): void {
    const pods = ownedBy(this.sim, this.owner);
    const rng = this.sim.rng.fork(this.retry.rngKey(`${this.owner.kind}/${this.owner.name}`));
    for (const node of this.sim.nodes) {
      if (this.sim.failedNodes.has(node.name)) continue;
      if (pods.some((p) => p.node?.name === node.name && isActive(p))) continue;
      // The DaemonSet controller runs the scheduler's node filters for each node (nodeShouldRunDaemonPod).
      const spec = { ...this.t.template.spec!, nodeName: node.name };
      if (!scheduleOnStates({ spec }, this.sim.index.statesOf([node])).ok) continue;
      if (!this.sim.canCreatePod()) return;
      const name = ownedPodName(this.owner.name, rng);
      const event = { object: `DaemonSet/${this.owner.name}`, source: 'daemonset-controller' };
      if (refusedCreate(this.sim, this.t, this.factory.namespaces, this.retry, name, event, () => this.reconcile()))
        return;
      this.sim.emit(
        `DaemonSet/${this.owner.name}`,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${name}`,
        'daemonset-controller',
      );
      spawn(this.sim, this.t, this.owner, name, this.factory, node.name);
    }
  }
}

export { spawn };
