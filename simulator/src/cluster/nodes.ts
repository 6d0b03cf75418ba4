// The modelled cluster: its nodes, as the scheduler and the kubelet see them.
//
// Default cluster (no `cluster:` block in the scenario): one node `node-1` with
//   labels      kubernetes.io/hostname=node-1, kubernetes.io/os=linux, kubernetes.io/arch=amd64
//               (plus the beta.kubernetes.io/os and /arch labels the kubelet still sets);
//   allocatable cpu 4, memory 8Gi, pods 110 (the kubelet's default maxPods), ephemeral-storage 100Gi;
//   no taints, schedulable, no images present, InternalIP 172.18.0.2, podCIDR 10.244.0.0/24 (kind-like).
// A scenario node's `capacity` is taken as its allocatable (no kube-reserved/system-reserved/eviction threshold is
// subtracted); fields it leaves out take the default node's values. Extended resources (`nvidia.com/gpu: 1`,
// `hugepages-2Mi: 1Gi`) may be listed in `capacity` too. A cordoned node (`unschedulable: true`) also gets the
// node.kubernetes.io/unschedulable:NoSchedule taint, as the node lifecycle controller adds it.
import { cpuMillis, memoryBytes } from '../model/quantity';
import { memoByString } from '../model/memo';
import { normalizeImageRef } from '../model/imageRef';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeAllocatable {
  cpuMillis: number;
  memoryBytes: number;
  pods: number;
  ephemeralBytes: number;
  /** Extended resources and hugepages by resource name (`nvidia.com/gpu`: 1, `hugepages-2Mi`: bytes). */
  extended?: Record<string, number>;
}

export interface NodeModel {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  allocatable: NodeAllocatable;
  /** Images present on the node, normalised with `normalizeImageRef`. Use `nodeHasImage` to look one up. */
  images: Set<string>;
  /** Scenario `cluster.imagesPresent`: every image counts as present. */
  allImagesPresent?: boolean;
  /**
   * The node stopped answering (scenario `nodeFailure`). The scheduler then sees the taints the node lifecycle
   * controller adds, `node.kubernetes.io/unreachable` NoSchedule and NoExecute (see `effectiveTaints`).
   */
  failed?: boolean;
  /** status.addresses InternalIP (kind-like: 172.18.0.2, .3, …). */
  internalIP?: string;
  /** spec.podCIDR (10.244.<index>.0/24, as kubeadm/kind with the default 10.244.0.0/16). */
  podCIDR?: string;
}

/** The scenario's `cluster` block (README, "Scenario files"), structurally. */
export interface ClusterSpecInput {
  nodes?: readonly NodeSpecInput[] | null;
  imagesPresent?: boolean | null;
  missingImages?: readonly string[] | null;
}

export interface NodeSpecInput {
  name?: string | null;
  /** cpu, memory, pods, ephemeral-storage, and extended resources. */
  capacity?: Readonly<Record<string, string | number | undefined>> | null;
  labels?: Readonly<Record<string, string>> | null;
  taints?: readonly { key: string; value?: string | null; effect: string }[] | null;
  unschedulable?: boolean | null;
  images?: readonly string[] | null;
}

export interface ClusterSpecIssue {
  /** e.g. `cluster.nodes[1].capacity.memory` */
  path: string;
  message: string;
}

/** Thrown by `buildCluster` for a cluster block that `checkClusterSpec` rejects. */
export class ClusterSpecError extends Error {
  constructor(readonly issues: readonly ClusterSpecIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'ClusterSpecError';
  }
}

const DEFAULT_NODE_NAME = 'node-1';
export const DEFAULT_ALLOCATABLE: Readonly<NodeAllocatable> = Object.freeze({
  cpuMillis: 4000,
  memoryBytes: 8 * 1024 ** 3,
  pods: 110,
  ephemeralBytes: 100 * 1024 ** 3,
});

/** The cordon taint the node lifecycle controller adds to an unschedulable node. */
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';
/** The taint key the node lifecycle controller adds to a node that stopped reporting. */
const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';

const TAINT_EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** The node's taints as the scheduler sees them: a failed node also carries the unreachable taints. */
export function effectiveTaints(node: NodeModel): Taint[] {
  if (!node.failed) return node.taints;
  const extra: Taint[] = [];
  for (const effect of ['NoSchedule', 'NoExecute']) {
    if (!node.taints.some((t) => t.key === UNREACHABLE_TAINT_KEY && t.effect === effect))
      extra.push({ key: UNREACHABLE_TAINT_KEY, effect });
  }
  return [...node.taints, ...extra];
}

/** The labels the kubelet puts on every node. */
function standardNodeLabels(name: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
}

/** A node with the default resources; `overrides` replace whole fields (labels are merged over the standard ones). */
export function makeNode(name: string, index = 0, overrides: Partial<Omit<NodeModel, 'name'>> = {}): NodeModel {
  const { labels, ...rest } = overrides;
  return {
    labels: { ...standardNodeLabels(name), ...labels },
    taints: [],
    unschedulable: false,
    allocatable: { ...DEFAULT_ALLOCATABLE },
    images: new Set(),
    internalIP: `172.18.0.${2 + index}`,
    podCIDR: `10.244.${index}.0/24`,
    ...rest,
    name,
  };
}

/** One node `node-1`: 4 CPU, 8Gi memory, 110 pods, 100Gi ephemeral storage (see the header). Fresh objects each call. */
export function defaultCluster(): NodeModel[] {
  return [makeNode(DEFAULT_NODE_NAME)];
}

/** Problems `buildCluster` would throw for: bad quantities, names, duplicate names, taint effects. */
export function checkClusterSpec(spec: ClusterSpecInput | null | undefined): ClusterSpecIssue[] {
  return build(spec).issues;
}

/**
 * The nodes of the scenario's `cluster` block. No block, or no `nodes`, gives the default node; `nodes: []` gives a
 * cluster without nodes (pods then stay Pending with "no nodes available to schedule pods"). `imagesPresent` marks
 * every node as having every image. Throws `ClusterSpecError` when `checkClusterSpec` reports problems.
 */
export function buildCluster(spec: ClusterSpecInput | null | undefined): NodeModel[] {
  const { nodes, issues } = build(spec);
  if (issues.length > 0) throw new ClusterSpecError(issues);
  return nodes;
}

function build(spec: ClusterSpecInput | null | undefined): { nodes: NodeModel[]; issues: ClusterSpecIssue[] } {
  const issues: ClusterSpecIssue[] = [];
  const allImagesPresent = spec?.imagesPresent === true;
  if (!spec?.nodes) {
    const nodes = defaultCluster();
    if (allImagesPresent) for (const n of nodes) n.allImagesPresent = true;
    return { nodes, issues };
  }

  const nodes: NodeModel[] = [];
  const seen = new Set<string>();
  spec.nodes.forEach((ns, i) => {
    const path = `cluster.nodes[${i}]`;
    const name = ns.name ?? `node-${i + 1}`;
    if (!isDnsSubdomain(name)) {
      issues.push({
        path: `${path}.name`,
        message: `node name "${name}" must be a lowercase RFC 1123 subdomain (a-z, 0-9, '-', '.'; at most 253 characters)`,
      });
    }
    if (seen.has(name)) issues.push({ path: `${path}.name`, message: `duplicate node name "${name}"` });
    seen.add(name);

    const allocatable: NodeAllocatable = { ...DEFAULT_ALLOCATABLE };
    const extended: Record<string, number> = {};
    for (const [resource, raw] of Object.entries(ns.capacity ?? {})) {
      if (raw === undefined) continue;
      const at = `${path}.capacity.${resource}`;
      const bad = (what: string) => issues.push({ path: at, message: `${what}, got ${JSON.stringify(raw)}` });
      switch (resource) {
        case 'cpu': {
          const v = cpuMillis(raw);
          if (v === undefined || v < 0) bad('expected a CPU quantity such as 2, 1.5 or 500m');
          else allocatable.cpuMillis = v;
          break;
        }
        case 'memory':
        case 'ephemeral-storage': {
          const v = memoryBytes(raw);
          if (v === undefined || v < 0) bad('expected a byte quantity such as 8Gi, 2500Mi or 1e9');
          else if (resource === 'memory') allocatable.memoryBytes = v;
          else allocatable.ephemeralBytes = v;
          break;
        }
        case 'pods': {
          const v = memoryBytes(raw);
          if (v === undefined || v < 0 || !Number.isInteger(Number(raw))) bad('expected a whole number of pods');
          else allocatable.pods = v;
          break;
        }
        default: {
          const v = memoryBytes(raw); // Quantity.Value(): rounded up
          if (v === undefined || v < 0) bad('expected a quantity');
          else extended[resource] = v;
        }
      }
    }
    if (Object.keys(extended).length > 0) allocatable.extended = extended;

    const taints: Taint[] = [];
    (ns.taints ?? []).forEach((t, j) => {
      if (!t.key) issues.push({ path: `${path}.taints[${j}].key`, message: 'a taint needs a key' });
      if (!TAINT_EFFECTS.includes(t.effect)) {
        issues.push({
          path: `${path}.taints[${j}].effect`,
          message: `taint effect must be NoSchedule, PreferNoSchedule or NoExecute, got ${JSON.stringify(t.effect)}`,
        });
      }
      taints.push(
        t.value === undefined || t.value === null
          ? { key: t.key, effect: t.effect }
          : { key: t.key, value: t.value, effect: t.effect },
      );
    });
    const unschedulable = ns.unschedulable === true;
    // A cordoned node also carries the unschedulable taint (node lifecycle controller, TaintNodesByCondition).
    if (unschedulable && !taints.some((t) => t.key === UNSCHEDULABLE_TAINT_KEY)) {
      taints.push({ key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule' });
    }

    const node = makeNode(name, i, {
      labels: { ...(ns.labels ?? {}) },
      taints,
      unschedulable,
      allocatable,
      images: new Set((ns.images ?? []).map(normalizeImageRef)),
    });
    if (allImagesPresent) node.allImagesPresent = true;
    nodes.push(node);
  });
  return { nodes, issues };
}

function isDnsSubdomain(s: string): boolean {
  return s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Images

/** Whether `image` is present on `node` (IfNotPresent then skips the pull). */
export function nodeHasImage(node: NodeModel, image: string): boolean {
  return node.allImagesPresent === true || node.images.has(normalizeImageRef(image));
}

/** Records that `image` is now present on `node` (after a successful pull). */
export function addImage(node: NodeModel, image: string): void {
  node.images.add(normalizeImageRef(image));
}

/** The n-th pod IP of a node's podCIDR (n = 0 → x.x.x.2, as the bridge takes .1), e.g. 10.244.0.5 for n = 3. */
export function podIP(node: NodeModel, n: number): string {
  return `${networkOf(node.podCIDR ?? '10.244.0.0/24')}.${2 + (n % 253)}`;
}

/** The first three octets of a podCIDR (`10.244.0`), read once per CIDR rather than once per pod (memo.ts). */
const networkOf = memoByString((cidr) => {
  const base = cidr.split('/')[0] ?? '10.244.0.0';
  const octets = base.split('.').map((x) => Number.parseInt(x, 10) || 0);
  return `${octets[0] ?? 10}.${octets[1] ?? 244}.${octets[2] ?? 0}`;
});
