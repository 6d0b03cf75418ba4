// A hostPath volume that exposes the node itself: its root, system directories, the kubelet's or the
// container runtime's state, or the runtime's socket. Whoever runs in the container can then read the
// node's secrets, change its configuration, or start privileged containers through the runtime — the checks
// users know as kube-linter's `sensitive-host-mounts` and `docker-sock` and kubeaudit's `mounts`.
import type { DocContext, Finding, Rule } from './types';
import { containersOf, get, isObj, list, str } from './support/data';

/** Host paths (and everything under them) and why each matters. */
const SENSITIVE: readonly [string, string][] = [
  ['/var/run/docker.sock', "the Docker daemon's socket: full control of the node's containers"],
  ['/run/docker.sock', "the Docker daemon's socket: full control of the node's containers"],
  ['/run/containerd/containerd.sock', "containerd's socket: full control of the node's containers"],
  ['/var/run/containerd/containerd.sock', "containerd's socket: full control of the node's containers"],
  ['/var/run/crio/crio.sock', "CRI-O's socket: full control of the node's containers"],
  ['/var/lib/kubelet', "the kubelet's state, including other pods' volumes and its credentials"],
  ['/etc/kubernetes', "the node's Kubernetes configuration and credentials"],
  ['/etc', "the node's configuration"],
  ['/root', "the node's root home directory"],
  ['/proc', "the node's kernel and process interface"],
  ['/sys', "the node's kernel interface"],
  ['/dev', "the node's devices"],
  ['/boot', "the node's kernel and boot loader"],
  ['/lib', "the node's system libraries"],
  ['/usr', "the node's system programs"],
];

function normalise(p: string): string {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  return `/${parts.join('/')}`;
}

/** Why a host path is sensitive, or undefined. `/` itself is the whole node. */
export function sensitiveHostPath(path: string): string | undefined {
  const p = normalise(path);
  if (p === '/') return "the node's whole filesystem";
  for (const [root, why] of SENSITIVE) if (p === root || p.startsWith(`${root}/`)) return why;
  return undefined;
}

export const hostPathSensitive: Rule = {
  id: 'host-path-sensitive',
  defaultSeverity: 'warning',
  description:
    "A hostPath volume exposes the node's root, system directories, kubelet state or container runtime socket",
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      list(pod.spec['volumes']).forEach((v, i) => {
        if (!isObj(v)) return;
        const path = str(get(v, ['hostPath', 'path']));
        if (path === undefined) return;
        const why = sensitiveHostPath(path);
        if (why === undefined) return;
        out.push(finding(doc, pod.spec, [...pod.path, 'volumes', i], str(v['name']) ?? '', path, why));
      });
    }
    return out;
  },
};

function finding(
  doc: DocContext,
  spec: Record<string, unknown>,
  volumePath: (string | number)[],
  name: string,
  path: string,
  why: string,
): Finding {
  const pod = { path: volumePath.slice(0, -2), spec };
  // The mounts of this volume that can write: making them read-only is the one change that removes the
  // write half of the risk (reading is still exposed, so the finding stays unless the volume goes).
  const writable = containersOf(pod).flatMap((c) =>
    list(c.c['volumeMounts'])
      .map((m, j) => ({ m, path: [...c.path, 'volumeMounts', j], c }))
      .filter(({ m }) => isObj(m) && m['name'] === name && m['readOnly'] !== true),
  );
  const socket = normalise(path).endsWith('.sock');
  return {
    range: doc.range([...volumePath, 'hostPath', 'path']),
    // Reading /proc or /sys read-only is what node agents (exporters, log shippers) are for: say so quietly.
    ...(socket || writable.length > 0 ? {} : { severity: 'information' as const }),
    message: `Volume "${name}" mounts ${path} from the node (${why}): a process in the pod can ${socket ? 'use it to run anything on the node' : writable.length > 0 ? 'read and change it' : 'read it'}`,
    related: writable.slice(0, 10).map(({ path: p, c }) => ({
      range: doc.range([...p, 'name']),
      message: socket ? `${c.label} mounts it here` : `${c.label} mounts it writable here`,
    })),
    fixes:
      socket || writable.length === 0
        ? []
        : [
            {
              title: `Mount "${name}" read-only`,
              changes: writable.map(({ path: p }) => ({ kind: 'set' as const, path: [...p, 'readOnly'], value: true })),
            },
          ],
  };
}
