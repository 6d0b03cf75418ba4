// The apps/v1 controllers (pkg/apis/apps/validation/validation.go): ValidateDeployment, ValidateReplicaSet,
// ValidateStatefulSet, ValidateDaemonSet, with the rolling-update checks they share
// (ValidateRollingUpdateDeployment, ValidateRollingUpdateDaemonSet). Called with the parsed object and its
// defaulted copy.
import type { Deployment, ReplicaSet, StatefulSet, DaemonSet } from './workloads';
import type { Issues, Path } from './issues';
import { dns1123SubdomainErrors, isPercent } from './names';
import { validateObjectMeta } from './validateMeta';
import { validateSelector } from './validateSelector';
import { validateTemplate } from './validateTemplate';
import type { Incomplete } from './partialParse';

function intOrPercent(v: string | number | undefined, path: Path, issues: Issues): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') {
    issues.nonNegative(path, v, 'rolling-update');
    return v;
  }
  if (!isPercent(v)) {
    issues.invalid(
      path,
      v,
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'rolling-update',
    );
    return undefined;
  }
  const n = Number(v.slice(0, -1));
  if (n > 100) issues.invalid(path, v, 'must not be greater than 100%', 'rolling-update');
  return n;
}

function validateRollingUpdate(
  ru: { maxSurge?: string | number | undefined; maxUnavailable?: string | number | undefined },
  path: Path,
  issues: Issues,
): void {
  const surge = intOrPercent(ru.maxSurge, [...path, 'maxSurge'], issues);
  const unavailable = intOrPercent(ru.maxUnavailable, [...path, 'maxUnavailable'], issues);
  if (surge === 0 && unavailable === 0) {
    issues.invalid(
      [...path, 'maxUnavailable'],
      ru.maxUnavailable,
      'may not be 0 when `maxSurge` is 0',
      'rolling-update',
    );
  }
}

const ALWAYS = ['Always'] as const;

type AppsObject = Deployment | ReplicaSet | StatefulSet | DaemonSet;

/**
 * What the four apps/v1 validators share, in validation.go's order: the object's metadata, then (spec being
 * required) the selector against the template's labels, then the template with `restartPolicy: Always` and no
 * `activeDeadlineSeconds`. False when there is no spec, so nothing of the kind's own is left to check.
 */
function validateAppsHead<T extends AppsObject>(
  obj: Incomplete<T>,
  raw: Incomplete<T>,
  kind: 'deployment' | 'replicaset' | 'statefulset' | 'daemonset',
  issues: Issues,
  extraVolumes?: ReadonlyMap<string, Path>,
): boolean {
  validateObjectMeta(obj.metadata, ['metadata'], 'subdomain', issues);
  const s = obj.spec;
  if (!s) {
    issues.required(['spec', 'selector'], '', 'selector-required');
    return false;
  }
  validateSelector(s.selector, s.template, kind, ['spec'], issues);
  validateTemplate(
    s.template,
    raw.spec?.template,
    ['spec', 'template'],
    {
      restartPolicies: ALWAYS,
      fixPolicies: ALWAYS,
      forbidActiveDeadline: true,
      ...(extraVolumes ? { extraVolumes } : {}),
    },
    issues,
  );
  return true;
}

export function validateDeployment(d: Incomplete<Deployment>, raw: Incomplete<Deployment>, issues: Issues): void {
  const s = d.spec;
  if (!validateAppsHead(d, raw, 'deployment', issues) || !s) return;
  issues.nonNegative(['spec', 'replicas'], s.replicas, 'replicas');
  issues.nonNegative(['spec', 'minReadySeconds'], s.minReadySeconds, 'min-ready-seconds');
  issues.nonNegative(['spec', 'revisionHistoryLimit'], s.revisionHistoryLimit, 'revision-history-limit');
  if (s.progressDeadlineSeconds !== undefined) {
    issues.nonNegative(['spec', 'progressDeadlineSeconds'], s.progressDeadlineSeconds, 'progress-deadline');
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      issues.invalid(
        ['spec', 'progressDeadlineSeconds'],
        s.progressDeadlineSeconds,
        'must be greater than minReadySeconds',
        'progress-deadline',
      );
    }
  }
  const st = s.strategy;
  if (st?.type === 'Recreate' && st.rollingUpdate) {
    issues.forbidden(
      ['spec', 'strategy', 'rollingUpdate'],
      "may not be specified when strategy `type` is 'Recreate'",
      'strategy',
    );
  } else if (st?.rollingUpdate) validateRollingUpdate(st.rollingUpdate, ['spec', 'strategy', 'rollingUpdate'], issues);
}

export function validateReplicaSet(rs: Incomplete<ReplicaSet>, raw: Incomplete<ReplicaSet>, issues: Issues): void {
  const s = rs.spec;
  if (!validateAppsHead(rs, raw, 'replicaset', issues) || !s) return;
  issues.nonNegative(['spec', 'replicas'], s.replicas, 'replicas');
  issues.nonNegative(['spec', 'minReadySeconds'], s.minReadySeconds, 'min-ready-seconds');
}

export function validateStatefulSet(ss: Incomplete<StatefulSet>, raw: Incomplete<StatefulSet>, issues: Issues): void {
  // the claim templates count as volumes of the pod template (validation.go passes them to ValidatePodTemplateSpec)
  const claims = new Map<string, Path>();
  (ss.spec?.volumeClaimTemplates ?? []).forEach((c, i) => {
    const name = c.metadata?.name;
    if (name && !claims.has(name)) claims.set(name, ['spec', 'volumeClaimTemplates', i, 'metadata', 'name']);
  });
  const s = ss.spec;
  if (!validateAppsHead(ss, raw, 'statefulset', issues, claims) || !s) return;
  issues.nonNegative(['spec', 'replicas'], s.replicas, 'replicas');
  issues.nonNegative(['spec', 'minReadySeconds'], s.minReadySeconds, 'min-ready-seconds');
  issues.nonNegative(['spec', 'revisionHistoryLimit'], s.revisionHistoryLimit, 'revision-history-limit');
  issues.nonNegative(['spec', 'ordinals', 'start'], s.ordinals?.start, 'ordinals');
  const us = s.updateStrategy;
  if (us?.type === 'OnDelete' && us.rollingUpdate) {
    issues.invalid(
      ['spec', 'updateStrategy', 'rollingUpdate'],
      us.rollingUpdate,
      "only allowed for updateStrategy 'RollingUpdate'",
      'strategy',
    );
  }
  issues.nonNegative(
    ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
    us?.rollingUpdate?.partition,
    'strategy',
  );
  (s.volumeClaimTemplates ?? []).forEach((c, i) => {
    if (!c.metadata?.name)
      issues.required(['spec', 'volumeClaimTemplates', i, 'metadata', 'name'], '', 'volume-claim-name');
    else
      issues.names(
        ['spec', 'volumeClaimTemplates', i, 'metadata', 'name'],
        c.metadata.name,
        dns1123SubdomainErrors,
        'volume-claim-name',
      );
  });
}

export function validateDaemonSet(ds: Incomplete<DaemonSet>, raw: Incomplete<DaemonSet>, issues: Issues): void {
  const s = ds.spec;
  if (!validateAppsHead(ds, raw, 'daemonset', issues) || !s) return;
  issues.nonNegative(['spec', 'minReadySeconds'], s.minReadySeconds, 'min-ready-seconds');
  issues.nonNegative(['spec', 'revisionHistoryLimit'], s.revisionHistoryLimit, 'revision-history-limit');
  const us = s.updateStrategy;
  if (us?.type === 'OnDelete' && us.rollingUpdate) {
    issues.forbidden(
      ['spec', 'updateStrategy', 'rollingUpdate'],
      "may not be specified when strategy `type` is 'OnDelete'",
      'strategy',
    );
  } else if (us?.rollingUpdate)
    validateRollingUpdate(us.rollingUpdate, ['spec', 'updateStrategy', 'rollingUpdate'], issues);
}
