// What a pod takes from the world (world/): each container's env error, each API volume's files, the objects it
// used and the references the world could not answer; and the kubelet's reactions to what is proven missing:
// FailedMount retries before the sandbox (docs/world-behaviour.md) and CreateContainerConfigError at start (§1, and
// the runAsNonRoot check that follows the env in generateContainerConfig).
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import { podRef } from './runtime';
import { setContainer } from './statusInputs';
import type { PodSpec } from '../model';
import { containerEnv, type ContainerEnv } from '../world/env';
import type { UnknownReference, World, WorldObject } from '../world/objects';
import { apiVolumeFiles, type PodFacts, type PodWorldFacts, type VolumeFiles } from '../world/volumes';
import { lookupImage } from '../behaviour/catalog';
import { verifyRunAsNonRoot, type NonRootVerdict } from './runAsNonRoot';

/** Pods whose failed volumes are being retried (each has its own FailedMount back-off chain). */
const mounting = new WeakSet<PodRuntime>();

/** The world as the pod reads it: env per container (name → env), volumes, errors, references. */
export function podWorldFacts(
  world: World,
  pod: PodFacts & { spec: PodSpec; specPath: string },
): { facts: PodWorldFacts; env: Map<string, ContainerEnv> } {
  const envErrors = new Map<string, { message: string; path: string }>();
  const volumes = new Map<string, VolumeFiles>();
  const used: WorldObject[] = [];
  const unknownRefs: UnknownReference[] = [];
  const env = new Map<string, ContainerEnv>();
  const lists = [
    ['initContainers', pod.spec.initContainers ?? []],
    ['containers', pod.spec.containers],
  ] as const;
  for (const [field, list] of lists)
    list.forEach((c, i) => {
      const e = containerEnv(c, world, pod.namespace, `${pod.specPath}.${field}[${i}]`);
      env.set(c.name, e);
      if (e.error) envErrors.set(c.name, e.error);
      used.push(...e.used);
      unknownRefs.push(...e.unknownRefs);
    });
  const missingClaims: { name: string; path: string }[] = [];
  (pod.spec.volumes ?? []).forEach((v, i) => {
    const claim = v.persistentVolumeClaim?.claimName;
    if (claim) {
      const found = world.find('PersistentVolumeClaim', pod.namespace, claim);
      if (found.state === 'found') used.push(found.object);
      // Unknown (the cluster may have it): the pod schedules as it always did, and the reference is listed as
      // unknown, as a ConfigMap's is, so that what the run assumed is said.
      if (found.state === 'unknown')
        unknownRefs.push({
          kind: 'PersistentVolumeClaim',
          namespace: pod.namespace,
          name: claim,
          path: `${pod.specPath}.volumes[${i}]`,
        });
      if (found.state === 'missing')
        missingClaims.push({ name: claim, path: `${pod.specPath}.volumes[${i}].persistentVolumeClaim.claimName` });
    }
    const files = apiVolumeFiles(v, world, pod, `${pod.specPath}.volumes[${i}]`, unknownRefs, used);
    if (files !== undefined) volumes.set(v.name, files);
  });
  return { facts: { envErrors, volumes, used: [...new Set(used)], unknownRefs, missingClaims }, env };
}

/** Exponential back-off of a failed volume operation: 0.5 s, doubling, capped at 2 min 2 s (exponential_backoff.go). */
const MOUNT_RETRY_FIRST = 500;
const MOUNT_RETRY_MAX = 122_000;

/**
 * Whether every volume of the pod can be set up. The first time it cannot, each failed volume's SetUp is retried
 * on its own back-off, a FailedMount event each time, for as long as the pod lives; no sandbox is created, so
 * the containers wait as ContainerCreating (1.28+: the 2 min 3 s WaitForAttachAndMount timeout emits nothing).
 */
export function volumesMounted(sim: Simulation, pod: PodRuntime): boolean {
  const volumes = pod.world?.volumes;
  if (volumes === undefined) return true;
  // Asked at every sync (a month of crash-loop syncs): nothing is allocated unless a volume failed.
  let anyFailed = false;
  for (const f of volumes.values()) if (f.state === 'failed') anyFailed = true;
  if (!anyFailed) return true;
  const failed = [...volumes].filter(([, f]) => f.state === 'failed');
  if (mounting.has(pod)) return false;
  mounting.add(pod);
  for (const [name, f] of failed) {
    if (f.state !== 'failed') continue;
    const index = pod.spec.volumes?.findIndex((v) => v.name === name) ?? -1;
    const cause = { doc: pod.doc, paths: [`${pod.specPath}.volumes[${index}]`], evidence: f.message };
    const attempt = (gap: number) => {
      if (pod.deletedAt !== null || pod.terminalPhase !== null) return;
      sim.emit(
        podRef(pod),
        'Warning',
        'FailedMount',
        `MountVolume.SetUp failed for volume "${name}" : ${f.message}`,
        'kubelet',
        cause,
      );
      sim.after(gap, () => attempt(Math.min(gap * 2, MOUNT_RETRY_MAX)));
    };
    attempt(MOUNT_RETRY_FIRST);
  }
  return false;
}

/** The kubelet's runAsNonRoot verdict for a container of the pod (runAsNonRoot.ts). */
export function nonRootVerdict(
  pod: Pick<PodRuntime, 'name' | 'namespace' | 'uid' | 'spec' | 'specPath'>,
  c: Pick<ContainerRuntime, 'spec' | 'path'>,
): NonRootVerdict {
  return verifyRunAsNonRoot({
    podSecurity: pod.spec.securityContext,
    container: c.spec,
    imageUser: lookupImage(c.spec.image)?.user,
    podRef: `${pod.name}_${pod.namespace}(${pod.uid})`,
    paths: { podSpec: pod.specPath, container: c.path },
  });
}

/**
 * generateContainerConfig's errors (after the image step): the env's, then runAsNonRoot's. The Failed event
 * `Error: <err>` and the waiting reason CreateContainerConfigError with the error as its message; true when the
 * container cannot start.
 */
export function failsContainerConfig(sim: Simulation, pod: PodRuntime, c: ContainerRuntime): boolean {
  const nonRoot = () => {
    const v = nonRootVerdict(pod, c);
    return v.kind === 'error' ? { message: v.message, paths: v.paths } : undefined;
  };
  const env = pod.world?.envErrors.get(c.name);
  const error = env !== undefined ? { message: env.message, paths: [env.path] } : nonRoot();
  if (error === undefined) return false;
  const cause = { doc: pod.doc, paths: error.paths, evidence: error.message };
  sim.emit(podRef(pod), 'Warning', 'Failed', `Error: ${error.message}`, 'kubelet', cause);
  setContainer(pod, c, { waiting: { reason: 'CreateContainerConfigError', message: error.message, cause } });
  return true;
}
