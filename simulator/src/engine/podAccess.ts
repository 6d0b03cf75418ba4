// Who a container's process is and where it may write (world-semantics §6; docs/world-behaviour.md
// "securityContext"): the effective runAsUser/runAsGroup/fsGroup (model/effectiveSecurity.ts) over the image's USER
// (catalogue), a read-only root filesystem, and the volumes' own rules — an emptyDir is 0777 (and group fsGroup),
// ConfigMap/Secret/downwardAPI/projected volumes and `readOnly` mounts are read-only. Only what the manifest and the
// catalogue make certain is denied; anything else is left to the model's usual assumption (the write works).
import type { PodSpec } from '../model';
import type { ContainerRuntime } from './runtime';
import type { ImageProfile } from '../behaviour/imageProfile';
import type { ProcessAccess, WriteDenial } from '../behaviour/types';
import { effectiveSecurity } from '../model/effectiveSecurity';
import { imageUserOf } from './runAsNonRoot';
import { coveringMount } from './podFiles';

/** World-writable with the sticky bit in every catalogued base image (FHS; Debian base-files, Alpine baselayout). */
const STICKY_TMP = ['/tmp', '/var/tmp', '/dev/shm'];
/**
 * Root-owned, not writable by others in every catalogued image (the base images' layout): a non-root user cannot
 * create files here unless the image gives it a directory (ImageProfile.dirs).
 */
const ROOT_OWNED = [
  '/root',
  '/etc',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib64',
  '/var',
  '/opt',
  '/srv',
  '/run',
  '/boot',
];
/** Mounted by the runtime over the root filesystem, writable even when it is read-only. */
const RUNTIME_MOUNTS = ['/dev', '/proc', '/sys', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf'];

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);

type Mounted = Pick<ContainerRuntime, 'name' | 'spec'>;

/**
 * The answer for a container spec object, with the pod spec and image it was worked out for: the pods of one template
 * share their spec objects (controllers.ts podSpecOf), so a month of a CronJob's Jobs works it out once.
 */
const shared = new WeakMap<
  object,
  { pod: object; name: string; image: ImageProfile | undefined; access: ProcessAccess }
>();

export function processAccess(
  pod: { spec: Pick<PodSpec, 'securityContext' | 'volumes'> },
  c: Mounted,
  image: ImageProfile | undefined,
): ProcessAccess {
  const hit = shared.get(c.spec);
  if (hit !== undefined && hit.pod === pod.spec && hit.name === c.name && hit.image === image) return hit.access;
  const access = accessOf(pod, c, image);
  shared.set(c.spec, { pod: pod.spec, name: c.name, image, access });
  return access;
}

function accessOf(
  pod: { spec: Pick<PodSpec, 'securityContext' | 'volumes'> },
  c: Mounted,
  image: ImageProfile | undefined,
): ProcessAccess {
  const eff = effectiveSecurity({ pod: pod.spec.securityContext, container: c.spec.securityContext });
  const imageUser = image?.user === undefined ? undefined : imageUserOf(image.user);
  const uid =
    eff.runAsUser?.value ?? (imageUser !== undefined && 'uid' in imageUser ? imageUser.uid : image?.user?.uid);
  // No runAsGroup: the primary group is root's (0) when runAsUser is set (security-context.md), else the image's.
  const gid = eff.runAsGroup?.value ?? (eff.runAsUser !== undefined ? 0 : image?.user?.gid);
  const groups = new Set<number>([
    ...(gid !== undefined ? [gid] : []),
    ...(eff.fsGroup !== undefined ? [eff.fsGroup] : []),
    ...eff.supplementalGroups,
  ]);
  const readOnlyRoot = eff.readOnlyRootFilesystem;
  const root = uid === 0;
  const nonRoot = uid !== undefined && !root;

  const denied = (path: string): WriteDenial | undefined => {
    const m = coveringMount(c, path);
    if (m !== undefined) {
      if (m.readOnly) return 'EROFS';
      const v = pod.spec.volumes?.find((x) => x.name === m.volume);
      if (v === undefined) return undefined;
      if (v.configMap || v.secret || v.downwardAPI || v.projected) return 'EROFS';
      if (v.emptyDir !== undefined) return undefined; // 0777 (empty_dir.go setupDir)
      return undefined; // a host path or claim: its owners are not known
    }
    if (RUNTIME_MOUNTS.some((d) => under(path, d))) return undefined;
    // Unknown images may declare VOLUMEs (writable even on a read-only root) and own any directory.
    if (image === undefined) return undefined;
    // An image VOLUME is a fresh directory of the runtime's, writable even on a read-only root; its owner is the
    // image's business (redis's /data belongs to redis).
    if ((image.volumes ?? []).some((d) => under(path, d))) return undefined;
    if (readOnlyRoot) return 'EROFS';
    if (root || !nonRoot) return undefined;
    if (STICKY_TMP.some((d) => under(path, d))) return undefined;
    const dir = [...(image.dirs ?? [])].sort((a, b) => b.path.length - a.path.length).find((d) => under(path, d.path));
    if (dir !== undefined) {
      const bits = dir.uid === uid ? dir.mode >> 6 : groups.has(dir.gid) ? dir.mode >> 3 : dir.mode;
      return (bits & 2) !== 0 ? undefined : 'EACCES';
    }
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (parent === '/' || ROOT_OWNED.some((d) => under(path, d))) return 'EACCES';
    return undefined;
  };
  return { ...(uid !== undefined ? { uid } : {}), readOnlyRoot, denied };
}
