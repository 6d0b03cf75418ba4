// The environment lines of a container in `kubectl describe pod` (describe.go describeContainerEnvVars):
// plain values, and what fieldRef, resourceFieldRef and secret/config map references resolve to.
import { quantityNanos, readQuantity } from '../model/quantity';
import { defaultedRequests, type ResourceRequirementsLike } from './quantity';

export interface DescribeEnvVar {
  name: string;
  value?: string | null;
  valueFrom?: {
    fieldRef?: { apiVersion: string; fieldPath: string } | null;
    resourceFieldRef?: { containerName?: string | null; resource: string; divisor?: string | number | null } | null;
    secretKeyRef?: { name?: string | null; key: string; optional?: boolean | null } | null;
    configMapKeyRef?: { name?: string | null; key: string; optional?: boolean | null } | null;
  } | null;
}

export interface DescribeEnvFrom {
  prefix?: string | null;
  configMapRef?: { name?: string | null; optional?: boolean | null } | null;
  secretRef?: { name?: string | null; optional?: boolean | null } | null;
}

/** The pod fields a fieldRef can read. */
export interface FieldRefContext {
  namespace: string;
  podName: string;
  nodeName: string | null;
  serviceAccountName: string;
  podIP?: string;
  hostIP?: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
}

/** The container fields the environment lines read. */
interface EnvContainer {
  env?: readonly DescribeEnvVar[] | null;
  envFrom?: readonly DescribeEnvFrom[] | null;
  resources?: ResourceRequirementsLike | null;
}

const ceilDiv = (a: bigint, b: bigint): bigint => a / b + (a % b === 0n ? 0n : 1n);

function resourceFieldValue(c: EnvContainer, resource: string, divisor: string | number | null | undefined): string {
  const [kind, name] = resource.split('.') as [string, string | undefined];
  const list = kind === 'limits' ? c.resources?.limits : defaultedRequests(c.resources);
  const raw = name ? list?.[name] : undefined;
  const q = raw === undefined ? undefined : readQuantity(raw);
  const d = readQuantity(divisor ?? '1');
  if (!q || !d || quantityNanos(d) <= 0n) return '0';
  // cpu in milli-units (MilliValue), everything else in whole units (Value), both rounded up.
  const unit = name === 'cpu' ? 1_000_000n : 1_000_000_000n;
  return ceilDiv(ceilDiv(quantityNanos(q), unit), ceilDiv(quantityNanos(d), unit)).toString();
}

function fieldRefValue(path: string, ctx: FieldRefContext): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? ctx.labels : ctx.annotations)[m[2] as string] ?? '';
  switch (path) {
    case 'metadata.name':
      return ctx.podName;
    case 'metadata.namespace':
      return ctx.namespace;
    case 'spec.nodeName':
      return ctx.nodeName ?? '';
    case 'spec.serviceAccountName':
      return ctx.serviceAccountName;
    case 'status.podIP':
    case 'status.podIPs':
      return ctx.podIP ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return ctx.hostIP ?? '';
    default:
      return '';
  }
}

/** describe.go describeContainerEnvVars (and the envFrom lines before it). */
export function envLines(c: EnvContainer, ctx: FieldRefContext): string[] {
  const out: string[] = [];
  if (c.envFrom && c.envFrom.length > 0) {
    out.push('    Environment Variables from:');
    for (const e of c.envFrom) {
      const [from, ref] = e.configMapRef
        ? ['ConfigMap', e.configMapRef]
        : e.secretRef
          ? ['Secret', e.secretRef]
          : ['', null];
      const optional = ref?.optional === true;
      const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
      out.push(`      ${ref?.name ?? ''}\t${kind}\tOptional: ${optional}`);
    }
  }
  const env = c.env ?? [];
  out.push(env.length === 0 ? '    Environment:\t<none>' : '    Environment:');
  for (const e of env) {
    const vf = e.valueFrom;
    if (!vf) {
      (e.value ?? '').split('\n').forEach((s, i) => out.push(i === 0 ? `      ${e.name}:\t${s}` : `      \t${s}`));
    } else if (vf.fieldRef) {
      const api = vf.fieldRef.apiVersion;
      out.push(`      ${e.name}:\t${fieldRefValue(vf.fieldRef.fieldPath, ctx)} (${api}:${vf.fieldRef.fieldPath})`);
    } else if (vf.resourceFieldRef) {
      const r = vf.resourceFieldRef.resource;
      let v = resourceFieldValue(c, r, vf.resourceFieldRef.divisor);
      if (v === '0' && (r === 'limits.cpu' || r === 'limits.memory')) v = 'node allocatable';
      out.push(`      ${e.name}:\t${v} (${r})`);
    } else if (vf.secretKeyRef) {
      const s = vf.secretKeyRef;
      out.push(
        `      ${e.name}:\t<set to the key '${s.key}' in secret '${s.name ?? ''}'>\tOptional: ${s.optional === true}`,
      );
    } else if (vf.configMapKeyRef) {
      const s = vf.configMapKeyRef;
      out.push(
        `      ${e.name}:\t<set to the key '${s.key}' of config map '${s.name ?? ''}'>\tOptional: ${s.optional === true}`,
      );
    }
  }
  return out;
}
