// The Init Containers: / Containers: sections of `kubectl describe pod` (describe.go describeContainers).
import type { ContainerState, ContainerStatus } from '../trace';
import { canonicalQuantity } from '../model/quantityString';
import { envLines, type DescribeEnvFrom, type DescribeEnvVar, type FieldRefContext } from './describe-env';
import { defaultedRequests, type ResourceRequirementsLike } from './quantity';
import { formatTimestamp, type ClockOptions } from './timestamp';
import { imageRepository } from '../model/imageRef';

export interface DescribeProbe {
  exec?: { command?: readonly string[] | null } | null;
  httpGet?: { path: string; port: number | string; host?: string | null; scheme: string } | null;
  tcpSocket?: { port: number | string; host?: string | null } | null;
  grpc?: { port: number; service?: string | null } | null;
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

/** The container fields describe prints, with core/v1 JSON names, as stored: defaulted (model/defaulted.ts). */
export interface DescribeContainer {
  name: string;
  image?: string | null;
  command?: readonly string[] | null;
  args?: readonly string[] | null;
  ports?: readonly { containerPort: number; hostPort?: number | null; protocol: string; name?: string | null }[] | null;
  env?: readonly DescribeEnvVar[] | null;
  envFrom?: readonly DescribeEnvFrom[] | null;
  resources?: ResourceRequirementsLike | null;
  livenessProbe?: DescribeProbe | null;
  readinessProbe?: DescribeProbe | null;
  startupProbe?: DescribeProbe | null;
  volumeMounts?:
    readonly { name: string; mountPath: string; readOnly?: boolean | null; subPath?: string | null }[] | null;
  restartPolicy?: string | null;
}

/** What the container sections need from the pod. */
export interface ContainerContext extends FieldRefContext {
  clock?: ClockOptions;
  /** 'fake': stable made-up `containerd://…` / `…@sha256:…` ids once a container exists; 'omit': no id lines. */
  ids: 'fake' | 'omit';
  /** Extra mount on every container (the service-account token volume), when set. */
  apiAccessVolume?: string;
}

/** FNV-1a based stable hex string (not cryptographic; only needs to look like an id). */
function fakeHex(input: string, length = 64): string {
  let out = '';
  for (let seed = 0; out.length < length; seed++) {
    let h = 0x811c9dc5 ^ seed;
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** describe.go describeProbe: a defaulted probe's handler and timing in one line. */
export function describeProbe(p: DescribeProbe): string {
  const attrs =
    `delay=${p.initialDelaySeconds}s timeout=${p.timeoutSeconds}s period=${p.periodSeconds}s ` +
    `#success=${p.successThreshold} #failure=${p.failureThreshold}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = p.httpGet.scheme.toLowerCase();
    const host = p.httpGet.host ?? '';
    const port = String(p.httpGet.port);
    const hostPort = port === '' ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
    let path = p.httpGet.path;
    if (!path.startsWith('/')) path = '/' + path;
    path = path.replace(/[ ?#%]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    return `http-get ${scheme}://${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function stateLines(name: string, s: ContainerState, clock: ClockOptions | undefined): string[] {
  const at = (t: number): string => formatTimestamp(t, clock);
  if (s.running) return [`    ${name}:\tRunning`, `      Started:\t${at(s.running.startedAt)}`];
  if (s.terminated) {
    const t = s.terminated;
    const out = [`    ${name}:\tTerminated`];
    if (t.reason) out.push(`      Reason:\t${t.reason}`);
    if (t.message) out.push(`      Message:\t${t.message}`);
    out.push(`      Exit Code:\t${t.exitCode}`);
    if (t.signal && t.signal > 0) out.push(`      Signal:\t${t.signal}`);
    out.push(`      Started:\t${at(t.startedAt)}`, `      Finished:\t${at(t.finishedAt)}`);
    return out;
  }
  const out = [`    ${name}:\tWaiting`];
  if (s.waiting?.reason) out.push(`      Reason:\t${s.waiting.reason}`);
  return out;
}

function portsLines(c: DescribeContainer): string[] {
  const ports = c.ports ?? [];
  const fmt = (n: number, p: (typeof ports)[number]): string => `${n}/${p.protocol}${p.name ? ` (${p.name})` : ''}`;
  const cp = ports.map((p) => fmt(p.containerPort, p)).join(', ');
  // hostPort is a plain int32 in Go: unset reads as 0 (not a default).
  const hp = ports.map((p) => fmt(p.hostPort ?? 0, p)).join(', ');
  return [
    cp.includes(',') ? `    Ports:\t${cp}` : `    Port:\t${cp || '<none>'}`,
    hp.includes(',') ? `    Host Ports:\t${hp}` : `    Host Port:\t${hp || '<none>'}`,
  ];
}

function resourceLines(c: DescribeContainer): string[] {
  const out: string[] = [];
  const section = (title: string, list: Readonly<Record<string, string | number>> | null | undefined): void => {
    const names = Object.keys(list ?? {}).sort();
    if (!list || names.length === 0) return;
    out.push(`    ${title}:`);
    for (const n of names) out.push(`      ${n}:\t${canonicalQuantity(list[n] as string | number)}`);
  };
  section('Limits', c.resources?.limits);
  section('Requests', defaultedRequests(c.resources));
  return out;
}

function mountLines(c: DescribeContainer, ctx: ContainerContext): string[] {
  const mounts = [...(c.volumeMounts ?? [])];
  if (ctx.apiAccessVolume) {
    mounts.push({
      name: ctx.apiAccessVolume,
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      readOnly: true,
    });
  }
  if (mounts.length === 0) return ['    Mounts:\t<none>'];
  mounts.sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  return [
    '    Mounts:',
    ...mounts.map((m) => {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      return `      ${m.mountPath} from ${m.name} (${flags.join(',')})`;
    }),
  ];
}

/** One `Init Containers:` or `Containers:` section as tab-separated lines. */
export function describeContainerLines(
  label: string,
  containers: readonly DescribeContainer[],
  statuses: readonly ContainerStatus[],
  ctx: ContainerContext,
): string[] {
  const out = [containers.length === 0 ? `${label}: <none>` : `${label}:`];
  for (const c of containers) {
    const st = statuses.find((s) => s.name === c.name);
    out.push(`  ${c.name}:`);
    const image = c.image ?? st?.image ?? '';
    const exists = !!st && !!(st.state.running || st.state.terminated || st.lastState.terminated);
    if (st && ctx.ids === 'fake') {
      const id = exists
        ? `containerd://${fakeHex(`${ctx.namespace}/${ctx.podName}/${c.name}#${st.restartCount}`)}`
        : '';
      out.push(`    Container ID:\t${id}`);
    }
    out.push(`    Image:\t${image}`);
    if (st && ctx.ids === 'fake') {
      out.push(`    Image ID:\t${exists ? `${imageRepository(image)}@sha256:${fakeHex(image)}` : ''}`);
    }
    out.push(...portsLines(c));
    for (const [title, list] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (list && list.length > 0) {
        out.push(`    ${title}:`);
        for (const item of list) for (const s of item.split('\n')) out.push(`      ${s}`);
      }
    }
    if (st) {
      out.push(...stateLines('State', st.state, ctx.clock));
      if (st.lastState.terminated) out.push(...stateLines('Last State', st.lastState, ctx.clock));
      out.push(`    Ready:\t${st.ready ? 'True' : 'False'}`, `    Restart Count:\t${st.restartCount}`);
    }
    out.push(...resourceLines(c));
    if (c.livenessProbe) out.push(`    Liveness:\t${describeProbe(c.livenessProbe)}`);
    if (c.readinessProbe) out.push(`    Readiness:\t${describeProbe(c.readinessProbe)}`);
    if (c.startupProbe) out.push(`    Startup:\t${describeProbe(c.startupProbe)}`);
    out.push(...envLines(c, ctx), ...mountLines(c, ctx));
  }
  return out;
}
