// `kubectl describe pod` for one simulated pod: a port of describe.go describePod, laid out with the same
// tabwriter settings (minwidth 0, padding 2), so alignment blocks match kubectl's.
import type { TraceEvent, TracePod } from '../trace';
import { aggregateEvents, describeEventLines } from './describe-events';
import { describeContainerLines, type ContainerContext, type DescribeContainer } from './describe-containers';
import { volumeLines, type DescribeVolume } from './describe-volumes';
import { humanDuration } from './duration';
import { podQOSClass } from './quantity';
import { DESCRIBE_TABWRITER, tabwrite } from './tabwriter';
import { formatTimestamp } from './timestamp';
import { ADMISSION_DEFAULTS } from '../model/defaultValues';

export type { DescribeContainer } from './describe-containers';

export interface DescribeToleration {
  key?: string | null;
  operator?: string | null;
  value?: string | null;
  effect?: string | null;
  tolerationSeconds?: number | null;
}

/** The PodSpec fields describe prints (core/v1 JSON names; a defaulted PodSpec, model/defaulted.ts, fits). */
export interface DescribePodSpec {
  containers?: readonly DescribeContainer[] | null;
  initContainers?: readonly DescribeContainer[] | null;
  volumes?: readonly DescribeVolume[] | null;
  nodeSelector?: Readonly<Record<string, string>> | null;
  tolerations?: readonly DescribeToleration[] | null;
  serviceAccountName?: string | null;
  priority?: number | null;
  priorityClassName?: string | null;
  runtimeClassName?: string | null;
  readinessGates?: readonly { conditionType: string }[] | null;
  terminationGracePeriodSeconds: number;
}

export interface DescribeInput {
  /** The trace's pod (a TracePod fits). */
  pod: Pick<TracePod, 'name' | 'namespace' | 'owner' | 'node' | 'createdAt' | 'deletedAt' | 'status'>;
  metadata?: {
    labels?: Readonly<Record<string, string>> | null;
    annotations?: Readonly<Record<string, string>> | null;
    /** Grace period of the pending deletion (the pod's terminationGracePeriodSeconds when left out). */
    deletionGracePeriodSeconds?: number | null;
  } | null;
  /** Without a spec, containers are listed from the status (name and image only). */
  spec?: DescribePodSpec | null;
  /** The node's IP for `Node: node-1/10.0.0.1`, when status.hostIP is not set. */
  nodeIP?: string | null;
  /** Events: the whole trace's list may be passed; those of `Pod/<name>` with t ≤ now are shown. */
  events?: readonly TraceEvent[] | null;
}

export interface DescribeOptions {
  /** Unix time of t = 0: print RFC1123Z times like kubectl. Default: `t=<seconds>s` since apply. */
  epoch?: number;
  /** 'fake' (default): stable made-up Container ID / Image ID once a container exists; 'omit': leave the lines out. */
  ids?: 'fake' | 'omit';
  /** Add the DefaultTolerationSeconds admission tolerations (not-ready / unreachable, 300 s). Default true. */
  defaultTolerations?: boolean;
  /** Name of the service-account token volume (e.g. `kube-api-access-x7k2p`) to add as admission would. Default none. */
  apiAccessVolume?: string;
  /** Fold events as the kubelet's recorder does (`x3 over 68s`). Default true; false lists each event. */
  aggregate?: boolean;
  /** `--show-events=false` leaves the Events section out. Default true. */
  showEvents?: boolean;
}

function mapLines(title: string, map: Readonly<Record<string, string>> | null | undefined, sep: string): string[] {
  const keys = Object.keys(map ?? {}).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}${sep}${(map as Record<string, string>)[k]}`);
}

function annotationLines(map: Readonly<Record<string, string>> | null | undefined): string[] {
  const keys = Object.keys(map ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) return ['Annotations:\t<none>'];
  const out: string[] = [];
  keys.forEach((k, i) => {
    const first = i === 0 ? 'Annotations:' : '';
    const value = ((map as Record<string, string>)[k] ?? '').replace(/\n$/, '');
    if (value.length + k.length + 2 > 140 || value.includes('\n')) {
      out.push(`${first}\t${k}:`);
      for (const s of value.split('\n')) out.push(`\t  ${s.length > 138 ? s.slice(0, 138) + '...' : s}`);
    } else out.push(`${first}\t${k}: ${value}`);
  });
  return out;
}

function tolerationLines(tolerations: readonly DescribeToleration[]): string[] {
  if (tolerations.length === 0) return ['Tolerations:\t<none>'];
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  return sorted.map((t, i) => {
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== null && t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    return `${i === 0 ? 'Tolerations:' : ''}\t${s}`;
  });
}

/** DefaultTolerationSeconds admission: tolerate not-ready/unreachable NoExecute taints for 300 s unless already tolerated. */
function withDefaultTolerations(tolerations: readonly DescribeToleration[]): DescribeToleration[] {
  const out = [...tolerations];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const covered = tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
    if (!covered) out.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  return out;
}

/**
 * `kubectl describe pod <name>` at time `now`, without a trailing newline.
 * Times (Start Time, Started, Finished) print as `t=<seconds>s` since apply unless `opts.epoch` is given.
 * Like kubectl, some lines keep the tabwriter's trailing spaces (empty `IP:`, Conditions rows end in a space).
 */
export function formatDescribe(input: DescribeInput, now: number, opts?: DescribeOptions): string {
  const { pod } = input;
  const st = pod.status;
  const spec: Partial<DescribePodSpec> = input.spec ?? {};
  const labels = input.metadata?.labels ?? {};
  const annotations = input.metadata?.annotations ?? {};
  const clock = opts?.epoch === undefined ? undefined : { epoch: opts.epoch };
  // Admission's values when the spec is missing or written without them (model/defaultValues.ts).
  const serviceAccount = spec.serviceAccountName || ADMISSION_DEFAULTS.serviceAccountName;
  const hostIP = st.hostIP ?? input.nodeIP ?? '';
  const lines: string[] = [
    `Name:\t${pod.name}`,
    `Namespace:\t${pod.namespace}`,
    `Priority:\t${spec.priority ?? ADMISSION_DEFAULTS.priority}`,
  ];
  if (spec.priorityClassName) lines.push(`Priority Class Name:\t${spec.priorityClassName}`);
  if (spec.runtimeClassName) lines.push(`Runtime Class Name:\t${spec.runtimeClassName}`);
  lines.push(`Service Account:\t${serviceAccount}`, `Node:\t${pod.node ? `${pod.node}/${hostIP}` : '<none>'}`);
  if (st.startTime !== undefined) lines.push(`Start Time:\t${formatTimestamp(st.startTime, clock)}`);
  lines.push(...mapLines('Labels', labels, '='), ...annotationLines(annotations));
  const deleted = pod.deletedAt !== null && pod.deletedAt <= now;
  if (deleted && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    const grace = input.metadata?.deletionGracePeriodSeconds ?? spec.terminationGracePeriodSeconds;
    lines.push(`Status:\tTerminating (lasts ${humanDuration(now - (pod.deletedAt as number))})`);
    // Without a spec or the deletion's own grace period there is nothing true to print.
    if (grace !== undefined) lines.push(`Termination Grace Period:\t${grace}s`);
  } else lines.push(`Status:\t${st.phase}`);
  if (st.reason) lines.push(`Reason:\t${st.reason}`);
  if (st.message) lines.push(`Message:\t${st.message}`);
  lines.push(`IP:\t${st.podIP ?? ''}`);
  if (st.podIP) lines.push('IPs:', `  IP:\t${st.podIP}`);
  else lines.push('IPs:\t<none>');
  if (pod.owner) lines.push(`Controlled By:\t${pod.owner}`);

  const ctx: ContainerContext = {
    namespace: pod.namespace,
    podName: pod.name,
    nodeName: pod.node,
    serviceAccountName: serviceAccount,
    podIP: st.podIP,
    hostIP: st.hostIP ?? input.nodeIP ?? undefined,
    labels,
    annotations,
    clock,
    ids: opts?.ids ?? 'fake',
    apiAccessVolume: opts?.apiAccessVolume,
  };
  const fromStatus = (list: typeof st.containerStatuses): DescribeContainer[] =>
    list.map((s) => ({ name: s.name, image: s.image }));
  const initContainers = input.spec ? (spec.initContainers ?? []) : fromStatus(st.initContainerStatuses);
  const containers = input.spec ? (spec.containers ?? []) : fromStatus(st.containerStatuses);
  if (initContainers.length > 0)
    lines.push(...describeContainerLines('Init Containers', initContainers, st.initContainerStatuses, ctx));
  lines.push(...describeContainerLines('Containers', containers, st.containerStatuses, ctx));

  const gates = spec.readinessGates ?? [];
  if (gates.length > 0) {
    lines.push('Readiness Gates:', '  Type\tStatus');
    for (const g of gates)
      lines.push(
        `  ${g.conditionType} \t${st.conditions.find((c) => c.type === g.conditionType)?.status ?? '<none>'} `,
      );
  }
  if (st.conditions.length > 0) {
    lines.push('Conditions:', '  Type\tStatus');
    for (const c of st.conditions) lines.push(`  ${c.type} \t${c.status} `);
  }
  const volumes = [...(spec.volumes ?? [])];
  if (opts?.apiAccessVolume) {
    volumes.push({
      name: opts.apiAccessVolume,
      projected: {
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607 } },
          { configMap: { name: 'kube-root-ca.crt' } },
          { downwardAPI: {} },
        ],
      },
    });
  }
  lines.push(...volumeLines(volumes));
  lines.push(`QoS Class:\t${podQOSClass([...containers, ...initContainers].map((c) => c.resources))}`);
  lines.push(...mapLines('Node-Selectors', spec.nodeSelector, '='));
  const tolerations = spec.tolerations ?? [];
  lines.push(
    ...tolerationLines(opts?.defaultTolerations === false ? tolerations : withDefaultTolerations(tolerations)),
  );

  if (opts?.showEvents !== false) {
    const own = (input.events ?? []).filter((e) => e.object === `Pod/${pod.name}` && e.t <= now);
    const shown =
      opts?.aggregate === false
        ? own.map((e) => ({
            object: e.object,
            type: e.type,
            reason: e.reason,
            message: e.message,
            source: e.source,
            count: 1,
            first: e.t,
            last: e.t,
          }))
        : aggregateEvents(own);
    lines.push(...describeEventLines(shown, now));
  }
  return tabwrite(lines.join('\n'), DESCRIBE_TABWRITER);
}
