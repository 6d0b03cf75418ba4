// Pod-spec rules of ValidatePodSpec: containers (names, kinds), volumes, DNS, scheduling constraints.
import { POD_SPEC_DEFAULTS } from './defaultValues';
import type { PodSpec } from './podSpec';
import type { Volume } from './volumes';
import { VOLUME_SOURCE_KEYS } from './volumes';
import type { Affinity, NodeSelectorTerm, PodAffinityTerm, Toleration, TopologySpreadConstraint } from './affinity';
import { type Issues, type Path } from './issues';
import { fix, freeName } from './fixes';
import { dns1123LabelErrors } from './names';
import { validateContainer, type ContainerKind } from './validateContainer';
import { validateLabelSelector, validateLabels } from './validateMeta';
import type { Incomplete } from './partialParse';

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Checks the volumes; returns where each name is defined (the first definition). */
function validateVolumes(volumes: readonly Incomplete<Volume>[], path: Path, issues: Issues): Map<string, Path> {
  const names = new Map<string, Path>();
  const firstIndex = new Map<string, number>();
  volumes.forEach((v, i) => {
    const p = [...path, i];
    if (!v.name) issues.required([...p, 'name'], '', 'volume-name');
    else {
      issues.names([...p, 'name'], v.name, dns1123LabelErrors, 'volume-name');
      const first = names.get(v.name);
      if (first) {
        const issue = issues.duplicate([...p, 'name'], v.name, 'duplicate-volume-name');
        issue.detail = { kind: 'duplicate', first };
        // Two identical definitions: deleting this one changes nothing else.
        if (sameValue(v, volumes[firstIndex.get(v.name) ?? -1]))
          issue.fixes = [fix('Remove this duplicate volume', { kind: 'delete', path: p }, true)];
      } else {
        names.set(v.name, [...p, 'name']);
        firstIndex.set(v.name, i);
      }
    }
    const sources = VOLUME_SOURCE_KEYS.filter((k) => v[k] !== undefined);
    if (sources.length > 1) {
      issues.forbidden([...p, sources[1] as string], 'may not specify more than 1 volume type', 'volume-source-count');
    }
    if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) {
      issues.required([...p, 'persistentVolumeClaim', 'claimName'], '', 'volume-claim-name');
    }
    if (v.hostPath && !v.hostPath.path) issues.required([...p, 'hostPath', 'path'], '', 'host-path');
    for (const key of ['secret', 'configMap', 'downwardAPI', 'projected'] as const) {
      const mode = v[key]?.defaultMode;
      if (mode !== undefined && (mode < 0 || mode > 0o777)) {
        issues.invalid(
          [...p, key, 'defaultMode'],
          mode,
          'must be a number between 0 and 0777 (octal), both inclusive',
          'volume-mode',
        );
      }
    }
  });
  return names;
}

function validateNodeSelectorTerm(t: Incomplete<NodeSelectorTerm>, path: Path, issues: Issues): void {
  for (const key of ['matchExpressions', 'matchFields'] as const) {
    (t[key] ?? []).forEach((r, i) => {
      const p = [...path, key, i];
      const n = (r.values ?? []).length;
      if ((r.operator === 'In' || r.operator === 'NotIn') && n === 0) {
        issues.required([...p, 'values'], "must be specified when `operator` is 'In' or 'NotIn'", 'node-selector');
      }
      if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && n > 0) {
        issues.forbidden(
          [...p, 'values'],
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          'node-selector',
        );
      }
      if (r.operator === 'Gt' || r.operator === 'Lt') {
        if (n !== 1)
          issues.required(
            [...p, 'values'],
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
            'node-selector',
          );
        else if (!/^-?\d+$/.test((r.values ?? [])[0] as string)) {
          issues.invalid([...p, 'values', 0], (r.values ?? [])[0], 'must be an integer', 'node-selector');
        }
      }
    });
  }
}

function validatePodAffinityTerm(t: Incomplete<PodAffinityTerm>, path: Path, issues: Issues): void {
  if (!t.topologyKey) issues.required([...path, 'topologyKey'], 'can not be empty', 'affinity-topology-key');
  if (t.labelSelector) validateLabelSelector(t.labelSelector, [...path, 'labelSelector'], issues);
  if (t.namespaceSelector) validateLabelSelector(t.namespaceSelector, [...path, 'namespaceSelector'], issues);
}

/** A missing weight (or any missing required field below) is a structural error, reported once. */
function validateWeight(w: number | undefined, path: Path, issues: Issues): void {
  if (w !== undefined && (w < 1 || w > 100)) issues.invalid(path, w, 'must be in the range 1-100', 'affinity-weight');
}

function validateAffinity(a: Incomplete<Affinity>, path: Path, issues: Issues): void {
  const na = a.nodeAffinity;
  if (na) {
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (req) {
      const rp = [...path, 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
      const terms = req.nodeSelectorTerms;
      if (terms?.length === 0) issues.required(rp, 'must have at least one node selector term', 'node-selector');
      (terms ?? []).forEach((t, i) => validateNodeSelectorTerm(t, [...rp, i], issues));
    }
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const p = [...path, 'nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', i];
      validateWeight(t.weight, [...p, 'weight'], issues);
      if (t.preference) validateNodeSelectorTerm(t.preference, [...p, 'preference'], issues);
    });
  }
  for (const key of ['podAffinity', 'podAntiAffinity'] as const) {
    const pa = a[key];
    if (!pa) continue;
    (pa.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) =>
      validatePodAffinityTerm(t, [...path, key, 'requiredDuringSchedulingIgnoredDuringExecution', i], issues),
    );
    (pa.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const p = [...path, key, 'preferredDuringSchedulingIgnoredDuringExecution', i];
      validateWeight(t.weight, [...p, 'weight'], issues);
      if (t.podAffinityTerm) validatePodAffinityTerm(t.podAffinityTerm, [...p, 'podAffinityTerm'], issues);
    });
  }
}

function validateToleration(t: Incomplete<Toleration>, path: Path, issues: Issues): void {
  if (!t.key && t.operator !== 'Exists') {
    issues.invalid(
      [...path, 'operator'],
      t.operator ?? '',
      'operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'toleration',
    );
  }
  if (t.operator === 'Exists' && t.value)
    issues.invalid([...path, 'operator'], t.value, "value must be empty when `operator` is 'Exists'", 'toleration');
  if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
    issues.invalid(
      [...path, 'effect'],
      t.effect ?? '',
      "effect must be 'NoExecute' when `tolerationSeconds` is set",
      'toleration',
    );
  }
}

function validateSpread(c: Incomplete<TopologySpreadConstraint>, path: Path, issues: Issues): void {
  if (c.maxSkew !== undefined && c.maxSkew <= 0)
    issues.invalid([...path, 'maxSkew'], c.maxSkew, 'must be greater than zero', 'topology-spread');
  if (!c.topologyKey) issues.required([...path, 'topologyKey'], 'can not be empty', 'topology-spread');
  if (c.minDomains !== undefined) {
    if (c.minDomains <= 0)
      issues.invalid([...path, 'minDomains'], c.minDomains, 'must be greater than zero', 'topology-spread');
    else if (c.whenUnsatisfiable !== 'DoNotSchedule') {
      issues.invalid(
        [...path, 'minDomains'],
        c.minDomains,
        'can only use minDomains if whenUnsatisfiable=DoNotSchedule',
        'topology-spread',
      );
    }
  }
  if (c.labelSelector) validateLabelSelector(c.labelSelector, [...path, 'labelSelector'], issues);
}

/**
 * Validates a (defaulted) pod spec; `raw` is the same spec before defaulting. `extraVolumes` are names that
 * count as volumes though defined elsewhere (a StatefulSet's volumeClaimTemplates), with where.
 */
export function validatePodSpec(
  spec: Incomplete<PodSpec>,
  raw: Incomplete<PodSpec> | undefined,
  path: Path,
  issues: Issues,
  extraVolumes: ReadonlyMap<string, Path> = new Map(),
): void {
  const volumes = validateVolumes(spec.volumes ?? [], [...path, 'volumes'], issues);
  for (const [name, at] of extraVolumes) if (!volumes.has(name)) volumes.set(name, at);
  const containers = spec.containers ?? [];
  if (spec.containers?.length === 0) issues.required([...path, 'containers'], '', 'containers-required');
  const names = new Map<string, Path>();
  const ctxBase = {
    volumes,
    volumesPath: [...path, 'volumes'],
    reported: new Set<string>(),
    // The spec is the defaulted copy; the table's value only for one that could not be defaulted.
    terminationGracePeriodSeconds:
      spec.terminationGracePeriodSeconds ?? POD_SPEC_DEFAULTS.terminationGracePeriodSeconds,
    hostNetwork: !!spec.hostNetwork,
  };
  const groups = [
    ['initContainers', spec.initContainers ?? [], raw?.initContainers ?? []],
    ['containers', containers, raw?.containers ?? []],
    ['ephemeralContainers', spec.ephemeralContainers ?? [], raw?.ephemeralContainers ?? []],
  ] as const;
  const taken = new Set(groups.flatMap(([, list]) => list.flatMap((c) => (c.name === undefined ? [] : [c.name]))));
  for (const [key, list, rawList] of groups) {
    list.forEach((c, i) => {
      const p = [...path, key, i];
      if (!c.name) issues.required([...p, 'name'], '', 'container-name');
      else {
        issues.names([...p, 'name'], c.name, dns1123LabelErrors, 'container-name');
        const first = names.get(c.name);
        if (first) {
          const issue = issues.duplicate([...p, 'name'], c.name, 'duplicate-container-name');
          issue.detail = { kind: 'duplicate', first };
          const next = freeName(c.name, taken, 63);
          if (next !== undefined)
            issue.fixes = [fix(`Rename to "${next}"`, { kind: 'set', path: [...p, 'name'], value: next }, true)];
        } else names.set(c.name, [...p, 'name']);
      }
      const kind: ContainerKind =
        key === 'containers'
          ? 'regular'
          : key === 'ephemeralContainers'
            ? 'ephemeral'
            : c.restartPolicy === 'Always'
              ? 'sidecar'
              : 'init';
      validateContainer(c, rawList[i], p, { ...ctxBase, kind }, issues);
    });
  }
  issues.nonNegative(
    [...path, 'terminationGracePeriodSeconds'],
    spec.terminationGracePeriodSeconds,
    'termination-grace-period',
  );
  if (
    spec.activeDeadlineSeconds !== undefined &&
    (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647)
  ) {
    issues.invalid(
      [...path, 'activeDeadlineSeconds'],
      spec.activeDeadlineSeconds,
      'must be between 1 and 2147483647, inclusive',
      'active-deadline',
    );
  }
  if (spec.dnsPolicy === 'None' && (spec.dnsConfig?.nameservers ?? []).length === 0) {
    issues.required(
      [...path, 'dnsConfig'],
      'must provide at least one DNS nameserver when `dnsPolicy` is None',
      'dns-config',
    );
  }
  if ((spec.dnsConfig?.nameservers ?? []).length > 3) {
    issues.invalid(
      [...path, 'dnsConfig', 'nameservers'],
      spec.dnsConfig?.nameservers,
      'must not have more than 3 nameservers',
      'dns-config',
    );
  }
  if ((spec.dnsConfig?.searches ?? []).length > 32) {
    issues.invalid(
      [...path, 'dnsConfig', 'searches'],
      spec.dnsConfig?.searches,
      'must not have more than 32 search paths',
      'dns-config',
    );
  }
  if (spec.hostname) issues.names([...path, 'hostname'], spec.hostname, dns1123LabelErrors, 'hostname');
  if (spec.subdomain) issues.names([...path, 'subdomain'], spec.subdomain, dns1123LabelErrors, 'subdomain');
  if (spec.nodeSelector) validateLabels(spec.nodeSelector, [...path, 'nodeSelector'], issues);
  (spec.tolerations ?? []).forEach((t, i) => validateToleration(t, [...path, 'tolerations', i], issues));
  if (spec.affinity) validateAffinity(spec.affinity, [...path, 'affinity'], issues);
  (spec.topologySpreadConstraints ?? []).forEach((c, i) =>
    validateSpread(c, [...path, 'topologySpreadConstraints', i], issues),
  );
  const sc = spec.securityContext;
  for (const key of ['runAsUser', 'runAsGroup', 'fsGroup'] as const) {
    const v = sc?.[key];
    if (v !== undefined && (v < 0 || v > 2147483647))
      issues.invalid(
        [...path, 'securityContext', key],
        v,
        'must be between 0 and 2147483647, inclusive',
        'security-context',
      );
  }
}
