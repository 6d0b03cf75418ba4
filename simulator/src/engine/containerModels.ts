// The behaviour model of each container a pod starts (behaviour/infer.ts), shared between the pods of one
// template where it cannot differ.
import type { ContainerKind } from './runtime';
import type { DefaultedPodSpec } from '../model';
import { inferProcess, type InferInput } from '../behaviour/infer';
import type { ProcessAccess, ProcessModel } from '../behaviour/types';
import type { World } from '../world/objects';
import type { ContainerOverrideSpec } from '../scenario';

/** How long an init container whose program we cannot read is assumed to run. */
const UNKNOWN_INIT_SECONDS = 2;

/**
 * Inference reads the container's spec, its override, the Services, the world and the namespace, and files only
 * through the container's mounts. Without mounts it is the same for every pod of a template (a 10,000-replica
 * Deployment, a month of CronJob runs), so it is worked out once per spec and those inputs.
 */
interface SharedModel {
  kind: ContainerKind;
  override: ContainerOverrideSpec | undefined;
  share: boolean;
  services: readonly string[];
  world: World;
  namespace: string;
  model: ProcessModel;
}
const sharedModels = new WeakMap<object, SharedModel[]>();

export function sharedModel(
  spec: DefaultedPodSpec['containers'][number],
  kind: ContainerKind,
  override: ContainerOverrideSpec | undefined,
  pod: { share: boolean; services: readonly string[]; namespace: string },
  world: World,
  // Pods of one template share the container spec and the pod securityContext, so one access per spec.
  access: ProcessAccess,
): ProcessModel | undefined {
  if ((spec.volumeMounts ?? []).length > 0) return undefined;
  const { share, services, namespace } = pod;
  const list = sharedModels.get(spec) ?? [];
  const same = (m: SharedModel) =>
    m.kind === kind &&
    m.override === override &&
    m.share === share &&
    m.services === services &&
    m.world === world &&
    m.namespace === namespace;
  const hit = list.find(same);
  if (hit) return hit.model;
  const model = modelFor(
    {
      container: spec,
      override,
      shareProcessNamespace: share,
      services: [...services],
      world,
      namespace,
      access,
    },
    kind,
    spec.name,
  );
  if (list.length < 8) list.push({ kind, override, share, services: services, world, namespace: namespace, model });
  sharedModels.set(spec, list);
  return model;
}

/** The behaviour model of one container (one run of it, when `files` describes what that run finds). */
export function modelFor(input: InferInput, kind: ContainerKind, name: string): ProcessModel {
  const process = inferProcess(input);
  if (kind !== 'init' || process.source !== 'unknown' || process.exit !== undefined) return process;
  // An init container exists to finish: when we cannot tell what it does, assume it succeeds.
  return {
    ...process,
    exit: { afterSeconds: UNKNOWN_INIT_SECONDS, code: 0 },
    notes: [...process.notes, `init container ${name}: assumed to finish successfully after ${UNKNOWN_INIT_SECONDS}s`],
  };
}
