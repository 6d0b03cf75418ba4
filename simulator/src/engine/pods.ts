// Creating pods (from a bare Pod or a controller's template) and binding them to nodes.
import type { Simulation } from './simulation';
import type { ContainerKind, ContainerRuntime, PodOwner, PodRuntime } from './runtime';
import { podRef } from './runtime';
import { setPod } from './statusInputs';
import { modelFor, sharedModel } from './containerModels';
import { publishStatus } from './status';
import type { DefaultedPodSpec } from '../model';
import type { ProcessModel, StartFile } from '../behaviour/types';
import { apiFilesFor, filesAtStart, hasStatefulMount } from './podFiles';
import { processAccess } from './podAccess';
import { lookupImage } from '../behaviour/catalog';
import { nonRootVerdict, podWorldFacts } from './podWorld';
import { containerEnv } from '../world/env';
import { makeWorld, type World } from '../world/objects';
import type { ContainerOverrideSpec } from '../scenario';
import { scheduleOnStates } from '../cluster/scheduler';
import { podIP } from '../cluster/nodes';
import { generateUid } from '../cluster/names';
import type { Cause } from '../trace';
import type { NodeModel } from '../cluster/nodes';
import type { Namespaces } from './admission';

export interface PodRequest {
  name: string;
  namespace: string;
  doc: number;
  owner: PodOwner | null;
  specPath: string;
  spec: DefaultedPodSpec;
  labels: Record<string, string>;
  /** DaemonSet pods are bound to their node directly. */
  nodeName?: string;
}

export interface PodFactory {
  overrides: Record<string, ContainerOverrideSpec>;
  /** Names of the Services in the manifest: in-cluster DNS names that resolve. */
  services: string[];
  /** The ConfigMaps and Secrets pods read (world/objects.ts); absent: no world, every reference unknown. */
  world?: World;
  /** The Pod Security levels of the file's namespaces (engine/admission.ts); absent: nothing is enforced. */
  namespaces?: Namespaces;
}

const NO_WORLD = makeWorld([], false);

export function createPod(sim: Simulation, req: PodRequest, factory: PodFactory): PodRuntime {
  const rng = sim.rng.fork(`pod:${req.namespace}/${req.name}`);
  const containers: ContainerRuntime[] = [];
  const uid = generateUid(rng);
  const world = factory.world ?? NO_WORLD;
  const { facts, env } = podWorldFacts(world, { ...req, uid });
  const pod: PodRuntime = {
    uid,
    name: req.name,
    namespace: req.namespace,
    doc: req.doc,
    owner: req.owner,
    specPath: req.specPath,
    spec: req.spec,
    labels: req.labels,
    world: facts,
    createdAt: sim.now,
    deletedAt: null,
    removedAt: null,
    deletionGrace: 0,
    node: null,
    ip: undefined,
    sandboxReady: false,
    containers,
    terminalPhase: null,
    busy: false,
    syncRequested: false,
    requeueToken: 0,
    workersCreated: false,
    probeInputs: 0,
    initialized: false,
    version: 1,
    builtVersion: 0,
    history: [],
    terminating: false,
  };
  const add = (
    list: DefaultedPodSpec['containers'] | undefined,
    field: string,
    kindOf: (restart: string | undefined) => ContainerKind,
  ) => {
    (list ?? []).forEach((spec, i) => {
      const override =
        factory.overrides[`${req.name}/${spec.name}`] ??
        prefixOverride(factory.overrides, req.name, spec.name) ??
        factory.overrides[spec.name];
      const kind = kindOf(spec.restartPolicy ?? undefined);
      const access = processAccess(req, { name: spec.name, spec }, lookupImage(spec.image));
      const infer = (files?: (path: string) => StartFile | undefined) =>
        modelFor(
          {
            container: spec,
            override,
            shareProcessNamespace: req.spec.shareProcessNamespace === true,
            services: factory.services,
            world,
            namespace: req.namespace,
            files: files ?? apiFilesFor(pod, { name: spec.name, spec }),
            access,
          },
          kind,
          spec.name,
        );
      const process =
        sharedModel(
          spec,
          kind,
          override,
          { share: req.spec.shareProcessNamespace === true, services: factory.services, namespace: req.namespace },
          world,
          access,
        ) ?? infer();
      const container: ContainerRuntime = {
        name: spec.name,
        kind,
        path: `${req.specPath}.${field}[${i}]`,
        spec,
        process,
        ...(hasStatefulMount(pod, spec) ? { rerun: infer } : {}),
        env: { ...(env.get(spec.name) ?? containerEnv(spec, world, req.namespace)).values },
        instances: [],
        ready: false,
        started: false,
        livenessFailed: false,
        startupFailed: false,
        workers: [],
        httpOverrides: new Map(),
        downPorts: new Set(),
      };
      containers.push(container);
    });
  };
  add(req.spec.initContainers, 'initContainers', (r) => (r === 'Always' ? 'sidecar' : 'init'));
  add(req.spec.containers, 'containers', () => 'regular');
  // A script on a volume that outlives its runs reads the volume as the first run will find it (an emptyDir is
  // empty), now that every container's writes are known.
  for (const c of containers)
    if (c.rerun) (c as { process: ProcessModel }).process = c.rerun(filesAtStart(pod, c, sim.now));
  for (const c of containers) {
    for (const n of c.process.notes)
      sim.note('info', `${req.name}/${c.name}: ${n}`, req.doc, { name: c.name, note: n });
    if (nonRootVerdict(pod, c).kind !== 'unknown') continue;
    const note = `runAsNonRoot without runAsUser: the user of image \`${c.spec.image ?? ''}\` is not known to the simulator, so whether the kubelet refuses it (CreateContainerConfigError when the image runs as root or names its user) is not predicted`;
    sim.note('info', `${req.name}/${c.name}: ${note}`, req.doc, { name: c.name, note });
  }
  // The certain-vs-unknown rule (README "The world the simulation sees"): one note per reference, not per pod.
  for (const r of facts.unknownRefs)
    sim.note(
      'info',
      `${r.kind} \`${r.name}\` (${r.path}) is not in the file or the scenario: what it holds is unknown, so nothing that depends on it is predicted (the cluster may have it; declare the world complete to treat it as missing)`,
      req.doc,
    );
  if (sim.keepFrom !== undefined) sim.index.forgetRemoved(sim.pods, sim.keepFrom);
  sim.pods.push(pod);
  sim.index.created(pod);
  if (pod.owner) {
    const key = `${pod.owner.kind}/${pod.owner.name}`;
    const list = sim.podsByOwner.get(key);
    if (list) list.push(pod);
    else sim.podsByOwner.set(key, [pod]);
  }
  trySchedule(sim, pod, req.nodeName);
  return pod;
}

function prefixOverride(
  overrides: Record<string, ContainerOverrideSpec>,
  podName: string,
  container: string,
): ContainerOverrideSpec | undefined {
  for (const [key, value] of Object.entries(overrides)) {
    const slash = key.indexOf('/');
    if (slash > 0 && key.slice(slash + 1) === container && podName.startsWith(`${key.slice(0, slash)}-`)) return value;
  }
  return undefined;
}

function trySchedule(sim: Simulation, pod: PodRuntime, nodeName?: string): void {
  if (pod.node !== null || pod.removedAt !== null) return;
  const owner = pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : undefined;
  const nodes = sim.nodes.filter((n) => !sim.failedNodes.has(n.name));
  const claim = pod.world?.missingClaims[0];
  const result = scheduleOnStates(
    { spec: nodeName ? { ...pod.spec, nodeName } : pod.spec, ...(owner ? { owner } : {}) },
    sim.index.statesOf(nodes),
    claim ? { volumeBinding: `persistentvolumeclaim "${claim.name}" not found` } : {},
  );
  if (result.ok) {
    const node = sim.nodes.find((n) => n.name === result.node)!;
    setPod(pod, { node, ip: nextPodIp(sim, node), scheduling: undefined });
    sim.index.refresh(pod);
    sim.emit(
      podRef(pod),
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.namespace}/${pod.name} to ${node.name}`,
      'default-scheduler',
    );
    publishStatus(sim, pod);
    sim.worker.requestSync(pod);
    return;
  }
  const paths = claim ? [claim.path] : schedulingPaths(pod, result.histogram);
  const cause: Cause = { doc: pod.doc, paths, evidence: result.message };
  setPod(pod, { scheduling: { message: result.message, cause } });
  sim.index.unscheduled.add(pod);
  publishStatus(sim, pod);
  sim.emit(podRef(pod), 'Warning', 'FailedScheduling', result.message, 'default-scheduler', cause);
  // Unschedulable pods are retried on cluster changes (retryUnschedulable) or after 5 minutes at the latest.
  const token = (pod.schedulingAttempt = (pod.schedulingAttempt ?? 0) + 1);
  sim.after(300_000, () => {
    if (pod.schedulingAttempt === token) trySchedule(sim, pod, nodeName);
  });
}

/** Unschedulable pods get another try (after the scheduler's 1 s back-off) when something frees resources. */
export function retryUnschedulable(sim: Simulation): void {
  if (sim.retryScheduled) return;
  sim.retryScheduled = true;
  sim.after(1000, () => {
    sim.retryScheduled = false;
    for (const p of [...sim.index.unscheduled]) trySchedule(sim, p);
  });
}

function schedulingPaths(pod: PodRuntime, reasons: string[]): string[] {
  const paths: string[] = [];
  const text = reasons.join(' ');
  if (/Insufficient|Too many pods/.test(text)) {
    pod.spec.containers.forEach((c, i) => {
      if (c.resources?.requests) paths.push(`${pod.specPath}.containers[${i}].resources.requests`);
    });
  }
  if (/affinity\/selector/.test(text)) {
    if (pod.spec.nodeSelector) paths.push(`${pod.specPath}.nodeSelector`);
    if (pod.spec.affinity?.nodeAffinity) paths.push(`${pod.specPath}.affinity.nodeAffinity`);
  }
  if (/taint/.test(text)) paths.push(pod.spec.tolerations ? `${pod.specPath}.tolerations` : pod.specPath);
  if (/free ports/.test(text)) paths.push(`${pod.specPath}.containers`);
  if (paths.length === 0) paths.push(pod.specPath);
  return paths;
}

function nextPodIp(sim: Simulation, node: NodeModel): string {
  const n = sim.ipCounters.get(node.name) ?? 3;
  sim.ipCounters.set(node.name, n + 1);
  return podIP(node, n);
}
