// Image catalogue entries (see imageEntries.ts): base images — the userlands (busybox, alpine, ubuntu, debian,
// fedora) and language runtimes (python, node, perl) that commands run in.
import { official, ROOT_USER, type ImageEntry } from './imageProfile';
import { isK8sImage, versionAtLeast } from '../model/imageRef';
import { BUILDPACK, BUSYBOX, BUSYBOX_ALPINE, DEBIAN, UBUNTU, debianLike, withTools } from './toolSets';

/** Base images: userlands and language runtimes. */
export const BASE_IMAGES: ImageEntry[] = [
  {
    key: 'busybox',
    match: official('busybox'),
    build: (ref) => ({
      cmd: ['sh'],
      userland: 'busybox',
      hasShell: true,
      tools: BUSYBOX,
      oldBusybox: versionAtLeast(ref.tag, [1, 31]) === false,
      // No USER (world-semantics §6: busybox runs as UID 0).
      user: ROOT_USER,
    }),
  },
  {
    key: 'busybox',
    match: (ref) => isK8sImage(ref, 'busybox'),
    build: (ref) => ({
      cmd: ['sh'],
      userland: 'busybox',
      hasShell: true,
      tools: BUSYBOX,
      oldBusybox: true,
      notes:
        ref.tag === 'latest'
          ? [
              '`registry.k8s.io/busybox:latest` is a schema-1 image that containerd 2.x refuses to pull; tag 1.27.2 works',
            ]
          : [],
    }),
  },
  {
    key: 'alpine',
    match: official('alpine'),
    // FROM scratch, ADD the rootfs, CMD: no USER (image-catalog §2.5).
    build: () => ({ cmd: ['/bin/sh'], userland: 'busybox', hasShell: true, tools: BUSYBOX_ALPINE, user: ROOT_USER }),
  },
  {
    key: 'bash',
    match: official('bash'),
    build: () => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['bash'],
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX_ALPINE, ['bash']),
    }),
  },
  {
    key: 'ubuntu',
    match: official('ubuntu'),
    // FROM scratch, ADD the rootfs, CMD: no USER (image-catalog §2.6).
    build: () => ({ cmd: ['bash'], userland: 'gnu', hasShell: true, tools: UBUNTU, user: ROOT_USER }),
  },
  {
    key: 'debian',
    match: official('debian'),
    build: () => ({ cmd: ['bash'], userland: 'gnu', hasShell: true, tools: DEBIAN }),
  },
  {
    key: 'fedora',
    match: (ref) =>
      official('fedora')(ref) || official('centos')(ref) || official('rockylinux')(ref) || official('almalinux')(ref),
    build: () => ({
      cmd: ['/bin/bash'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(
        DEBIAN.filter((t) => t !== 'dash'),
        ['ps', 'curl'],
      ),
    }),
  },
  {
    key: 'python',
    match: official('python'),
    build: (ref) => {
      const two = /^2(\.|$|-)/.test(ref.tag);
      return {
        cmd: [two ? 'python2' : 'python3'],
        python: two ? 2 : 3,
        env: two ? { LANG: 'C.UTF-8', PYTHONIOENCODING: 'UTF-8' } : { LANG: 'C.UTF-8' },
        ...debianLike(ref, ['python', 'python3', 'python2', 'pip', 'pip3'], { full: BUILDPACK }),
      };
    },
  },
  {
    key: 'node',
    match: official('node'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['node'],
      ...debianLike(ref, ['node', 'npm', 'npx', 'yarn'], { full: BUILDPACK }),
      // "user node uid/gid 1000 created but the image runs as root" (image-catalog §2.9).
      user: ROOT_USER,
    }),
  },
  {
    key: 'perl',
    match: official('perl'),
    build: (ref) => ({ cmd: ['perl', '-de0'], ...debianLike(ref, ['perl', 'cpan', 'cpanm'], { full: BUILDPACK }) }),
  },
];
