// The simulator's entry point: a pure function of (objects, scenario, seed) that plays them the way the
// kubelet, the scheduler and the controllers would. The result can give a trace at any time up to `until`.
// No wall clock, no randomness but the seeded one, no I/O.
import type { DefaultedWorkload } from './model';
import type { Scenario } from './scenario';
import { DEFAULT_KUBELET } from './scenario';
import { Simulation, timingsFor, type ClusterModel } from './engine/simulation';
import { ControllerSet, DaemonSetController, ReplicaSetController, StatefulSetController } from './engine/controllers';
import { JobController } from './engine/jobs';
import { CronJobController } from './engine/cronjob';
import { createPod, type PodFactory } from './engine/pods';
import { scheduleWhatIf } from './engine/whatIf';
import { createPodWorker } from './engine/kubelet';
import { buildCluster, checkClusterSpec, defaultCluster } from './cluster/nodes';
import { normalizeImageRef } from './model/imageRef';
import { createRng } from './cluster/rng';
import { replicaSetName } from './cluster/names';
import { buildTrace, livePodsAt } from './traceBuilder';
import type { Trace, TraceNote, TracePod } from './trace';
import type { PodRuntime } from './engine/runtime';
import { DEFAULT_BUDGET } from './limits';
import { makeWorld, scenarioObject, type World, type WorldObject } from './world/objects';
import { enforced, namespacesOf, rejection, type NamespaceObject } from './engine/admission';

/** A workload as the API server stores it: validated and defaulted (model/defaulted.ts). */
export type WorkloadObject = DefaultedWorkload;

/**
 * One object to simulate, already validated and defaulted, with the index of its YAML document and, for an item
 * of a `kind: List`, the path prefix of the item in that document (`items[3].`).
 */
export type SimObject = WorkloadObject & { doc: number; at?: string };

export interface SimulateOptions {
  /** Seconds to simulate. */
  until: number;
  seed?: number;
  scenario?: Scenario;
  /** Upper bound on simulation steps (default DEFAULT_BUDGET, limits.ts); the run stops early (and says so) past it. */
  budget?: number;
  /** Wall-clock time at t = 0 (epoch ms), for CronJob schedules. Default 2026-01-05T00:00:00Z (a Monday). */
  epoch?: number;
  /** Most pods the run may create (default MAX_PODS, limits.ts); controllers stop there, with a note. */
  maxPods?: number;
  /**
   * Play repeated identical work from a record (a crash loop's back-off syncs, engine/backOffReplay.ts). The output is
   * the same either way; false computes every step in full, for the tests that compare the two. Default true.
   */
  batch?: boolean;
  /**
   * What the run keeps for its reader. Default 'trace': every pod and event, for traceAt and livePodsAt at any time.
   * `{ livePodsFrom: t }` (seconds) keeps what livePodsAt reads at t or later only: the pods removed by t are
   * dropped and events are not kept, so a month of a CronJob's Jobs holds a few pods, not 43,200 (`podlab run
   * --format table`). traceAt, and livePodsAt before t, then throw.
   */
  keep?: 'trace' | { livePodsFrom: number };
  /** Names of Services defined beside the workloads (their DNS names resolve inside the pods). */
  services?: string[];
  /** ConfigMaps and Secrets defined beside the workloads (LoadedManifest.world). A scenario may add more. */
  world?: readonly WorldObject[];
  /** Nothing exists but the world's objects (a scenario's `worldComplete` overrides it). Default false. */
  worldComplete?: boolean;
  /** The file's Namespaces: a Pod Security level one enforces keeps its pods from being created. */
  namespaces?: readonly NamespaceObject[];
}

export interface SimulationResult {
  /** The objects that were simulated. */
  objects: readonly SimObject[];
  /** The ConfigMaps and Secrets the pods could read, and whether that world was declared complete. */
  world: World;
  until: number;
  seed: number;
  /** The pods created (with `keep: { livePodsFrom }`, those not removed by then). */
  pods: readonly PodRuntime[];
  /** The trace as `podlab run --format json` prints it, with pod statuses as they were at `at` seconds. */
  traceAt(at: number): Trace;
  /** The trace's pods that exist at `at` seconds (not removed): `kubectl get pods`, without the whole trace. */
  livePodsAt(at: number): TracePod[];
  /** Notes of the run (assumptions, limits reached) and where it stopped early, if it did. */
  readonly notes: readonly TraceNote[];
  readonly truncated: Trace['truncated'];
}

export const DEFAULT_EPOCH = 1_767_571_200_000; // 2026-01-05T00:00:00Z

export function simulate(objects: readonly SimObject[], options: SimulateOptions): SimulationResult {
  const scenario = options.scenario ?? {};
  const seed = options.seed ?? 1;
  const kubelet = scenario.kubelet ?? DEFAULT_KUBELET;
  const issues = checkClusterSpec(scenario.cluster);
  const cluster: ClusterModel = {
    nodes: issues.length === 0 ? buildCluster(scenario.cluster) : defaultCluster(),
    missingImages: new Set((scenario.cluster?.missingImages ?? []).map(normalizeImageRef)),
  };
  const until = Math.round(options.until * 1000);
  const sim = new Simulation(
    until,
    options.budget ?? DEFAULT_BUDGET,
    createRng(seed),
    kubelet,
    timingsFor(kubelet),
    cluster,
    createPodWorker,
  );
  for (const e of issues) sim.note('warning', `scenario ${e.path}: ${e.message}; using the default node instead`);
  if (options.maxPods !== undefined) sim.maxPods = options.maxPods;
  if (options.batch === false) sim.batch = false;
  const keep = options.keep ?? 'trace';
  const keepFrom = keep === 'trace' ? undefined : Math.round(Math.min(keep.livePodsFrom, options.until) * 1000);
  sim.keepFrom = keepFrom;
  sim.probes.listing = keepFrom === undefined;
  sim.epoch = options.epoch ?? DEFAULT_EPOCH;
  const worldObjects = [...(options.world ?? [])];
  (scenario.objects ?? []).forEach((value, i) => {
    const o = scenarioObject(value, i);
    if ('error' in o) sim.note('warning', `scenario objects[${i}]: ${o.error}; left out of the world`);
    else worldObjects.push(o);
  });
  const world = makeWorld(worldObjects, scenario.worldComplete ?? options.worldComplete ?? false);
  const factory: PodFactory = {
    overrides: scenario.containers ?? {},
    services: options.services ?? [],
    world,
    namespaces: namespacesOf(options.namespaces),
  };
  const controllers = new ControllerSet(sim);

  sim.at(0, () => {
    for (const o of objects) start(sim, o, factory, controllers, options.epoch ?? DEFAULT_EPOCH);
  });
  scheduleWhatIf(sim, scenario.events ?? []);
  sim.run();

  return {
    objects,
    world,
    until: options.until,
    seed,
    pods: sim.pods,
    traceAt: (at: number) => {
      if (keepFrom !== undefined) throw new Error('simulate: this run kept only the live pods (options.keep)');
      return buildTrace(sim, Math.min(at, options.until), seed, world);
    },
    livePodsAt: (at: number) => {
      const t = Math.min(at, options.until);
      if (keepFrom !== undefined && Math.round(t * 1000) < keepFrom)
        throw new Error(`simulate: this run kept the pods from ${keepFrom / 1000}s only (options.keep)`);
      return livePodsAt(sim, t);
    },
    notes: sim.notes,
    truncated: sim.truncated,
  };
}

function start(sim: Simulation, o: SimObject, factory: PodFactory, controllers: ControllerSet, epoch: number): void {
  const meta = o.value.metadata ?? {};
  const name = meta.name ?? meta.generateName ?? o.kind.toLowerCase();
  const namespace = meta.namespace ?? 'default';
  const owner = { kind: o.kind, name };
  const at = o.at ?? '';
  switch (o.kind) {
    case 'Pod': {
      // The API server rejects it (the loader reports that as an error of the manifest; kept for direct callers).
      const verdict = enforced(factory.namespaces, namespace, o.value);
      if (verdict !== undefined) return sim.note('warning', rejection(verdict, name), o.doc);
      if (!sim.canCreatePod()) return;
      createPod(
        sim,
        {
          name,
          namespace,
          doc: o.doc,
          owner: null,
          specPath: `${at}spec`,
          spec: o.value.spec,
          labels: { ...(meta.labels ?? {}) },
        },
        factory,
      );
      return;
    }
    case 'Deployment': {
      const spec = o.value.spec;
      const rs = replicaSetName(name, spec.template);
      const replicas = spec.replicas;
      sim.emit(
        `Deployment/${name}`,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${rs} from 0 to ${replicas}`,
        'deployment-controller',
      );
      const template = {
        ...spec.template,
        metadata: {
          ...spec.template.metadata,
          labels: { ...(spec.template.metadata?.labels ?? {}), 'pod-template-hash': rs.slice(name.length + 1) },
        },
      };
      controllers.add(
        new ReplicaSetController(
          sim,
          { kind: 'ReplicaSet', name: rs },
          replicas,
          { doc: o.doc, namespace, specPath: `${at}spec.template.spec`, template },
          factory,
        ),
      );
      return;
    }
    case 'ReplicaSet': {
      const spec = o.value.spec;
      controllers.add(
        new ReplicaSetController(
          sim,
          owner,
          spec.replicas,
          { doc: o.doc, namespace, specPath: `${at}spec.template.spec`, template: spec.template! },
          factory,
        ),
      );
      return;
    }
    case 'StatefulSet': {
      const spec = o.value.spec;
      const parallel = spec.podManagementPolicy === 'Parallel';
      controllers.add(
        new StatefulSetController(
          sim,
          owner,
          spec.replicas,
          parallel,
          { doc: o.doc, namespace, specPath: `${at}spec.template.spec`, template: spec.template },
          factory,
        ),
      );
      return;
    }
    case 'DaemonSet': {
      const spec = o.value.spec;
      controllers.add(
        new DaemonSetController(
          sim,
          owner,
          { doc: o.doc, namespace, specPath: `${at}spec.template.spec`, template: spec.template },
          factory,
        ),
      );
      return;
    }
    case 'Job': {
      const spec = o.value.spec;
      controllers.add(
        new JobController(
          sim,
          owner,
          spec,
          { doc: o.doc, namespace, specPath: `${at}spec.template.spec`, template: spec.template },
          factory,
        ),
      );
      return;
    }
    case 'CronJob': {
      const cron = new CronJobController(sim, owner, o.value.spec, o.doc, namespace, controllers, factory, epoch, at);
      controllers.add(cron);
      cron.start();
      return;
    }
  }
}
