// The security settings a container really runs with: the pod's securityContext merged with the container's, the
// container's field winning where both are set (k/k pkg/securitycontext/util.go DetermineEffectiveSecurityContext:
// runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile, appArmorProfile, windowsOptions come from
// the pod when the container leaves them out; capabilities, privileged, readOnlyRootFilesystem,
// allowPrivilegeEscalation and procMount exist only on the container). One module for the simulation (who a
// process runs as, what it may write) and for the static rules (Pod Security Standards), so both read the same
// values from the same fields.
import type { PodSecurityContext, SecurityContext } from './security';

/** Which manifest object set a value: the pod's `securityContext` or the container's. */
export type SecurityFieldSource = 'pod' | 'container';

/** A value with the manifest object that set it (for diagnostics: the line to point at). */
export interface Sourced<T> {
  value: T;
  from: SecurityFieldSource;
}

export interface EffectiveSecurity {
  runAsUser?: Sourced<number>;
  runAsGroup?: Sourced<number>;
  runAsNonRoot?: Sourced<boolean>;
  /** Pod only: the volumes' group and a supplementary group of every process. */
  fsGroup?: number;
  /** Pod only: more supplementary groups. */
  supplementalGroups: number[];
  /** Container only (default false). */
  readOnlyRootFilesystem: boolean;
  /** Container only (default false). */
  privileged: boolean;
  /** Container only; undefined when not set. */
  allowPrivilegeEscalation?: boolean;
  /** Container only: capabilities added and dropped, upper-cased without a `CAP_` prefix. */
  capabilities: { add: string[]; drop: string[] };
}

/** What the merge reads of a pod spec and of a container (the model's types, or raw objects of the same shape). */
export interface SecurityInput {
  pod?: Partial<PodSecurityContext> | null;
  container?: Partial<SecurityContext> | null;
}

const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

function pick<T>(read: (x: unknown) => T | undefined, container: unknown, pod: unknown): Sourced<T> | undefined {
  const c = read(container);
  if (c !== undefined) return { value: c, from: 'container' };
  const p = read(pod);
  return p === undefined ? undefined : { value: p, from: 'pod' };
}

/** `CAP_NET_BIND_SERVICE` and `net_bind_service` both name NET_BIND_SERVICE (the runtime adds the prefix). */
export function capabilityName(s: string): string {
  const u = s.trim().toUpperCase();
  return u.startsWith('CAP_') ? u.slice(4) : u;
}

function caps(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map(capabilityName) : [];
}

/** The effective security settings of one container (never throws on odd input: unknown shapes read as unset). */
export function effectiveSecurity(input: SecurityInput): EffectiveSecurity {
  const pod = (input.pod ?? {}) as Record<string, unknown>;
  const ctr = (input.container ?? {}) as Record<string, unknown>;
  const out: EffectiveSecurity = {
    supplementalGroups: Array.isArray(pod['supplementalGroups'])
      ? (pod['supplementalGroups'] as unknown[]).map(int).filter((x): x is number => x !== undefined)
      : [],
    readOnlyRootFilesystem: bool(ctr['readOnlyRootFilesystem']) ?? false,
    privileged: bool(ctr['privileged']) ?? false,
    capabilities: {
      add: caps((ctr['capabilities'] as Record<string, unknown> | undefined)?.['add']),
      drop: caps((ctr['capabilities'] as Record<string, unknown> | undefined)?.['drop']),
    },
  };
  const user = pick(int, ctr['runAsUser'], pod['runAsUser']);
  if (user) out.runAsUser = user;
  const group = pick(int, ctr['runAsGroup'], pod['runAsGroup']);
  if (group) out.runAsGroup = group;
  const nonRoot = pick(bool, ctr['runAsNonRoot'], pod['runAsNonRoot']);
  if (nonRoot) out.runAsNonRoot = nonRoot;
  const fsGroup = int(pod['fsGroup']);
  if (fsGroup !== undefined) out.fsGroup = fsGroup;
  const ape = bool(ctr['allowPrivilegeEscalation']);
  if (ape !== undefined) out.allowPrivilegeEscalation = ape;
  return out;
}

/**
 * The manifest path of a sourced field: `<podSpecPath>.securityContext.<field>` or
 * `<containerPath>.securityContext.<field>`.
 */
export function securityFieldPath(
  from: SecurityFieldSource,
  field: string,
  paths: { podSpec: string; container: string },
): string {
  return `${from === 'pod' ? paths.podSpec : paths.container}.securityContext.${field}`;
}
