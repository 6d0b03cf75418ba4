// Container-level rules of ValidatePodSpec (k8s.io/kubernetes pkg/apis/core/validation): ports, env, volume
// mounts and resources; probes and lifecycle hooks are in validateHandlers.ts, env in validateEnv.ts.
import type { Container, EphemeralContainer, ResourceRequirements, VolumeMount } from './container';
import { type Issues, type Path } from './issues';
import { fix, freeName, type FixData } from './fixes';
import { portNameErrors, portNumberErrors } from './names';
import { validateEnv } from './validateEnv';
import { compareQuantities, readQuantity } from './quantity';
import { validateLifecycleHandler, validateProbe } from './validateHandlers';
import type { Incomplete } from './partialParse';

export type ContainerKind = 'init' | 'sidecar' | 'regular' | 'ephemeral';

export interface ContainerContext {
  kind: ContainerKind;
  /** The pod's volume names, with where each is defined. */
  volumes: ReadonlyMap<string, Path>;
  volumesPath: Path;
  /** Undefined volume names already reported in this pod (one "add the volume" fix per name). */
  reported: Set<string>;
  terminationGracePeriodSeconds: number;
  hostNetwork: boolean;
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.');
}

function validateResources(r: Incomplete<ResourceRequirements>, path: Path, issues: Issues): void {
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, q] of Object.entries(r[kind] ?? {})) {
      const p = [...path, kind, name];
      if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-') && !isExtendedResource(name)) {
        issues.invalid(p, name, 'must be a standard resource type or fully qualified', 'resource-name');
      }
      const v = readQuantity(q);
      if (v !== undefined && v.mantissa < 0n)
        issues.invalid(p, q, 'must be greater than or equal to 0', 'resource-negative');
    }
  }
  for (const [name, req] of Object.entries(r.requests ?? {})) {
    const lim = r.limits?.[name];
    const rv = readQuantity(req);
    const lv = lim === undefined ? undefined : readQuantity(lim);
    if (isExtendedResource(name)) {
      if (lim === undefined)
        issues.forbidden(
          [...path, 'limits', name],
          'Limit must be set for non overcommitable resources',
          'extended-resource',
        );
      else if (rv !== undefined && lv !== undefined && compareQuantities(rv, lv) !== 0)
        issues.invalid(
          [...path, 'requests', name],
          req,
          `must be equal to ${name} limit of ${String(lim)}`,
          'extended-resource',
        );
    } else if (rv !== undefined && lv !== undefined && compareQuantities(rv, lv) > 0) {
      issues.invalid(
        [...path, 'requests', name],
        req,
        `must be less than or equal to ${name} limit of ${String(lim)}`,
        'requests-exceed-limits',
      );
    }
  }
}

/** A mount or device naming no volume: the pod's volumes for the explanation; the first gets "add it". */
function volumeNotFound(
  path: Path,
  name: string,
  code: string,
  mount: boolean,
  ctx: ContainerContext,
  issues: Issues,
): void {
  const issue = issues.notFound(path, name, code);
  issue.detail = { kind: 'not-found', known: [...ctx.volumes].map(([n, at]) => ({ name: n, path: at })) };
  if (mount && !ctx.reported.has(name)) {
    issue.fixes = [
      fix(
        `Add an emptyDir volume named "${name}"`,
        { kind: 'append', path: ctx.volumesPath, value: { name, emptyDir: {} } },
        true,
      ),
    ];
  }
  ctx.reported.add(name);
}

function validateMounts(
  mounts: readonly Incomplete<VolumeMount>[],
  c: Incomplete<Container>,
  path: Path,
  ctx: ContainerContext,
  issues: Issues,
): void {
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const p = [...path, 'volumeMounts', i];
    if (!m.name) issues.required([...p, 'name'], '', 'volume-mount-name');
    else if (!ctx.volumes.has(m.name))
      volumeNotFound([...p, 'name'], m.name, 'volume-mount-not-found', true, ctx, issues);
    if (!m.mountPath) issues.required([...p, 'mountPath'], '', 'mount-path');
    else if (paths.has(m.mountPath))
      issues.invalid([...p, 'mountPath'], m.mountPath, 'must be unique', 'duplicate-mount-path');
    else paths.add(m.mountPath);
    if (m.subPath && m.subPathExpr)
      issues.invalid(
        [...p, 'subPathExpr'],
        m.subPathExpr,
        'subPathExpr and subPath are mutually exclusive',
        'sub-path',
      );
    for (const key of ['subPath', 'subPathExpr'] as const) {
      const sp = m[key];
      if (!sp) continue;
      if (sp.startsWith('/')) issues.invalid([...p, key], sp, 'must be a relative path', 'sub-path');
      if (sp.split('/').includes('..')) issues.invalid([...p, key], sp, "must not contain '..'", 'sub-path');
    }
    if (m.recursiveReadOnly && m.recursiveReadOnly !== 'Disabled' && !m.readOnly) {
      issues.forbidden(
        [...p, 'recursiveReadOnly'],
        'may only be specified when readOnly is true',
        'recursive-read-only',
      );
    }
    if (m.mountPropagation === 'Bidirectional' && !c.securityContext?.privileged) {
      issues.forbidden(
        [...p, 'mountPropagation'],
        'Bidirectional mount propagation is available only to privileged containers',
        'mount-propagation',
      );
    }
  });
}

/**
 * Probes and lifecycle hooks on a regular init container or an ephemeral container (validateInitContainers,
 * validateEphemeralContainers): remove them, or, for an init container, make it a sidecar.
 */
function notAllowed(
  c: Incomplete<Container>,
  raw: Incomplete<Container> | undefined,
  path: Path,
  field: string,
  kind: 'init' | 'ephemeral',
  what: 'probe' | 'lifecycle',
  issues: Issues,
): void {
  const issue =
    kind === 'init'
      ? issues.forbidden(
          [...path, field],
          'may not be set for init containers without restartPolicy=Always',
          `${what}-on-init-container`,
        )
      : issues.forbidden(
          [...path, field],
          'cannot be set for an Ephemeral Container',
          `${what}-on-ephemeral-container`,
        );
  const fixes: FixData[] = [fix(`Remove ${field}`, { kind: 'delete', path: [...path, field] })];
  if (kind === 'init' && raw?.restartPolicy === undefined) {
    const label = c.name ? c.name : `initContainers[${String(path[path.length - 1])}]`;
    fixes.push(
      fix(`Make ${label} a sidecar (restartPolicy: Always)`, {
        kind: 'set',
        path: [...path, 'restartPolicy'],
        value: 'Always',
      }),
    );
  }
  issue.fixes = fixes;
}

/** Checks one container; `raw` is the same container before defaulting (for zero-value warnings). */
export function validateContainer(
  c: Incomplete<Container> | Incomplete<EphemeralContainer>,
  raw: Incomplete<Container> | Incomplete<EphemeralContainer> | undefined,
  path: Path,
  ctx: ContainerContext,
  issues: Issues,
): void {
  if (!c.image) issues.required([...path, 'image'], '', 'image-required');
  if (c.restartPolicy !== undefined && (ctx.kind === 'regular' || ctx.kind === 'ephemeral')) {
    issues.forbidden(
      [...path, 'restartPolicy'],
      `may not be set for ${ctx.kind === 'regular' ? 'non-init' : 'ephemeral'} containers`,
      'container-restart-policy',
    );
  }
  const portNames = new Map<string, Path>();
  const takenPorts = new Set((c.ports ?? []).flatMap((p) => (p.name ? [p.name] : [])));
  (c.ports ?? []).forEach((p, i) => {
    const pp = [...path, 'ports', i];
    if (ctx.kind === 'ephemeral') issues.forbidden(pp, 'cannot be set on ephemeral containers', 'ephemeral-ports');
    // Each check runs on the fields that are there; a missing containerPort is a structural error.
    if (p.containerPort !== undefined)
      for (const m of portNumberErrors(p.containerPort))
        issues.invalid([...pp, 'containerPort'], p.containerPort, m, 'port-number');
    if (p.hostPort !== undefined && p.hostPort !== 0) {
      for (const m of portNumberErrors(p.hostPort)) issues.invalid([...pp, 'hostPort'], p.hostPort, m, 'port-number');
      if (ctx.hostNetwork && p.containerPort !== undefined && p.hostPort !== p.containerPort) {
        issues.invalid(
          [...pp, 'hostPort'],
          p.hostPort,
          'must match `containerPort` when `hostNetwork` is true',
          'host-network-port',
        );
      }
    }
    if (p.name !== undefined) {
      issues.names([...pp, 'name'], p.name, portNameErrors, 'port-name');
      const first = portNames.get(p.name);
      if (first) {
        const issue = issues.duplicate([...pp, 'name'], p.name, 'duplicate-port-name');
        issue.detail = { kind: 'duplicate', first };
        const next = p.name === '' ? undefined : freeName(p.name, takenPorts, 15);
        if (next !== undefined)
          issue.fixes = [fix(`Rename to "${next}"`, { kind: 'set', path: [...pp, 'name'], value: next }, true)];
      } else portNames.set(p.name, [...pp, 'name']);
    }
  });
  for (const name of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = c[name];
    if (!probe) continue;
    const pp = [...path, name];
    if (ctx.kind === 'init' || ctx.kind === 'ephemeral') notAllowed(c, raw, path, name, ctx.kind, 'probe', issues);
    else validateProbe(name, probe, raw?.[name], pp, issues);
  }
  if (c.lifecycle) {
    const lp = [...path, 'lifecycle'];
    if (ctx.kind === 'init' || ctx.kind === 'ephemeral')
      notAllowed(c, raw, path, 'lifecycle', ctx.kind, 'lifecycle', issues);
    else {
      if (c.lifecycle.postStart)
        validateLifecycleHandler(
          c.lifecycle.postStart,
          [...lp, 'postStart'],
          ctx.terminationGracePeriodSeconds,
          issues,
        );
      if (c.lifecycle.preStop)
        validateLifecycleHandler(c.lifecycle.preStop, [...lp, 'preStop'], ctx.terminationGracePeriodSeconds, issues);
    }
  }
  (c.env ?? []).forEach((e, i) => validateEnv(e, [...path, 'env', i], issues));
  (c.envFrom ?? []).forEach((e, i) => {
    const n = (e.configMapRef ? 1 : 0) + (e.secretRef ? 1 : 0);
    if (n === 0)
      issues.invalid([...path, 'envFrom', i], '', 'must specify one of: `configMapRef` or `secretRef`', 'env-from');
    if (n > 1)
      issues.invalid([...path, 'envFrom', i], '', 'may not have more than one field specified at a time', 'env-from');
  });
  if (c.resources) validateResources(c.resources, [...path, 'resources'], issues);
  validateMounts(c.volumeMounts ?? [], c, path, ctx, issues);
  (c.volumeDevices ?? []).forEach((d, i) => {
    if (d.name !== undefined && !ctx.volumes.has(d.name))
      volumeNotFound([...path, 'volumeDevices', i, 'name'], d.name, 'volume-device-not-found', false, ctx, issues);
  });
  const sc = c.securityContext;
  if (sc?.privileged && sc.allowPrivilegeEscalation === false) {
    issues.invalid(
      [...path, 'securityContext'],
      sc,
      'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
      'security-context',
    );
  }
}
