// Object-level rules per kind (ValidatePod, ValidateDeployment, …, ValidateJob, ValidateCronJob,
// ValidateService). Called with the parsed object and its defaulted copy.
import type { Pod, PodTemplateSpec } from './podSpec';
import type { Deployment, ReplicaSet, StatefulSet, DaemonSet } from './workloads';
import type { Job, JobSpec, CronJob } from './batch';
import type { Service } from './service';
import { type Issues, type Path } from './issues';
import { dns1123LabelErrors, dns1123SubdomainErrors, isPercent, portNameErrors, portNumberErrors } from './names';
import { fix } from './fixes';
import { validateCronJobSchedule } from '../cluster/cron';
import { validatePodSpec } from './validatePod';
import { validateLabels, validateObjectMeta, validateTemplateMeta } from './validateMeta';
import { validateSelector } from './validateSelector';

type Obj = { readonly [k: string]: unknown };

interface TemplateRules {
  restartPolicies: readonly string[];
  /** The policies a fix may set, the preferred one first. */
  fixPolicies: readonly string[];
  /** Volume names that come from elsewhere (StatefulSet volumeClaimTemplates), with where they are defined. */
  extraVolumes?: ReadonlyMap<string, Path>;
  forbidActiveDeadline?: boolean;
}

function validateTemplate(
  t: PodTemplateSpec | undefined,
  raw: PodTemplateSpec | undefined,
  path: Path,
  rules: TemplateRules,
  issues: Issues,
): void {
  if (!t) {
    issues.required(path, '', 'template-required');
    return;
  }
  validateTemplateMeta(t.metadata, [...path, 'metadata'], issues);
  const spec = t.spec;
  if (!spec) {
    issues.required([...path, 'spec', 'containers'], '', 'containers-required');
    return;
  }
  validatePodSpec(spec, raw?.spec, [...path, 'spec'], issues, rules.extraVolumes);
  if (spec.restartPolicy && !rules.restartPolicies.includes(spec.restartPolicy)) {
    const issue = issues.unsupported(
      [...path, 'spec', 'restartPolicy'],
      spec.restartPolicy,
      rules.restartPolicies,
      'template-restart-policy',
    );
    issue.fixes = rules.fixPolicies.map((v, i) =>
      fix(`Set restartPolicy to ${v}`, { kind: 'set', path: [...path, 'spec', 'restartPolicy'], value: v }, i === 0),
    );
  }
  if (rules.forbidActiveDeadline && spec.activeDeadlineSeconds !== undefined) {
    issues.forbidden(
      [...path, 'spec', 'activeDeadlineSeconds'],
      'activeDeadlineSeconds in ReplicaSet is not Supported',
      'active-deadline',
    );
  }
}

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
const JOB_POLICIES = ['OnFailure', 'Never'] as const;

function deployment(d: Deployment, raw: Deployment, issues: Issues): void {
  validateObjectMeta(d.metadata, ['metadata'], 'subdomain', issues);
  const s = d.spec;
  if (!s) return void issues.required(['spec', 'selector'], '', 'selector-required');
  validateSelector(s.selector, s.template, 'deployment', ['spec'], issues);
  validateTemplate(
    s.template,
    raw.spec?.template,
    ['spec', 'template'],
    { restartPolicies: ALWAYS, fixPolicies: ALWAYS, forbidActiveDeadline: true },
    issues,
  );
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

function replicaSet(rs: ReplicaSet, raw: ReplicaSet, issues: Issues): void {
  validateObjectMeta(rs.metadata, ['metadata'], 'subdomain', issues);
  const s = rs.spec;
  if (!s) return void issues.required(['spec', 'selector'], '', 'selector-required');
  validateSelector(s.selector, s.template, 'replicaset', ['spec'], issues);
  validateTemplate(
    s.template,
    raw.spec?.template,
    ['spec', 'template'],
    { restartPolicies: ALWAYS, fixPolicies: ALWAYS, forbidActiveDeadline: true },
    issues,
  );
  issues.nonNegative(['spec', 'replicas'], s.replicas, 'replicas');
  issues.nonNegative(['spec', 'minReadySeconds'], s.minReadySeconds, 'min-ready-seconds');
}

function statefulSet(ss: StatefulSet, raw: StatefulSet, issues: Issues): void {
  validateObjectMeta(ss.metadata, ['metadata'], 'subdomain', issues);
  const s = ss.spec;
  if (!s) return void issues.required(['spec', 'selector'], '', 'selector-required');
  validateSelector(s.selector, s.template, 'statefulset', ['spec'], issues);
  const claims = new Map<string, Path>();
  (s.volumeClaimTemplates ?? []).forEach((c, i) => {
    const name = c.metadata?.name;
    if (name && !claims.has(name)) claims.set(name, ['spec', 'volumeClaimTemplates', i, 'metadata', 'name']);
  });
  validateTemplate(
    s.template,
    raw.spec?.template,
    ['spec', 'template'],
    { restartPolicies: ALWAYS, fixPolicies: ALWAYS, extraVolumes: claims, forbidActiveDeadline: true },
    issues,
  );
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

function daemonSet(ds: DaemonSet, raw: DaemonSet, issues: Issues): void {
  validateObjectMeta(ds.metadata, ['metadata'], 'subdomain', issues);
  const s = ds.spec;
  if (!s) return void issues.required(['spec', 'selector'], '', 'selector-required');
  validateSelector(s.selector, s.template, 'daemonset', ['spec'], issues);
  validateTemplate(
    s.template,
    raw.spec?.template,
    ['spec', 'template'],
    { restartPolicies: ALWAYS, fixPolicies: ALWAYS, forbidActiveDeadline: true },
    issues,
  );
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

function jobSpec(s: JobSpec, raw: JobSpec | undefined, path: Path, issues: Issues, inCronJob: boolean): void {
  for (const f of [
    'parallelism',
    'completions',
    'backoffLimit',
    'activeDeadlineSeconds',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
    'maxFailedIndexes',
  ] as const) {
    issues.nonNegative([...path, f], s[f], `job-${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  }
  if (s.completionMode === 'Indexed') {
    if (s.completions === undefined)
      issues.required([...path, 'completions'], 'when completion mode is Indexed', 'job-completions');
    else if (s.completions > 100000)
      issues.invalid(
        [...path, 'completions'],
        s.completions,
        'must be less than or equal to 100000 when completion mode is Indexed',
        'job-completions',
      );
  } else if (s.backoffLimitPerIndex !== undefined) {
    issues.required(
      [...path, 'backoffLimitPerIndex'],
      'requires indexed completion mode',
      'job-backoff-limit-per-index',
    );
  }
  if (inCronJob) {
    // ValidateJobTemplateSpec (pkg/apis/batch/validation): a Job created from a template gets its own selector.
    if (s.selector)
      issues.invalid([...path, 'selector'], s.selector, '`selector` will be auto-generated', 'job-selector');
  } else if (s.manualSelector) {
    validateSelector(s.selector, s.template, 'job', path, issues);
  } else if (s.selector) {
    issues.invalid([...path, 'selector'], s.selector, '`selector` not auto-generated', 'job-selector');
    // The generated selector keeps the user's requirements (generateSelector in the Job strategy), and
    // ValidateJobSpec still checks them against the template labels.
    validateSelector(s.selector, s.template, 'job', path, issues, { emptyInvalid: false });
  }
  const never = s.podFailurePolicy ? ['Never'] : ['Never', 'OnFailure'];
  validateTemplate(
    s.template,
    raw?.template,
    [...path, 'template'],
    { restartPolicies: JOB_POLICIES, fixPolicies: never },
    issues,
  );
  const rp = s.template.spec?.restartPolicy;
  if (s.podFailurePolicy && rp !== undefined && rp !== 'Never' && JOB_POLICIES.includes(rp as 'Never')) {
    const rpPath = [...path, 'template', 'spec', 'restartPolicy'];
    const issue = issues.invalid(
      rpPath,
      rp,
      'only "Never" is supported when podFailurePolicy is specified',
      'job-pod-failure-policy',
    );
    issue.fixes = [fix('Set restartPolicy to Never', { kind: 'set', path: rpPath, value: 'Never' }, true)];
  }
}

function job(j: Job, raw: Job, issues: Issues): void {
  validateObjectMeta(j.metadata, ['metadata'], 'subdomain', issues, 63);
  if (!j.spec) return void issues.required(['spec', 'template'], '', 'template-required');
  jobSpec(j.spec, raw.spec, ['spec'], issues, false);
}

function cronJob(cj: CronJob, raw: CronJob, issues: Issues): void {
  validateObjectMeta(cj.metadata, ['metadata'], 'subdomain', issues, 52);
  const s = cj.spec;
  if (!s) return void issues.required(['spec', 'schedule'], '', 'cron-schedule');
  for (const problem of validateCronJobSchedule(s.schedule, s.timeZone)) {
    const field = problem.path === 'spec.timeZone' ? 'timeZone' : 'schedule';
    issues.invalid(
      ['spec', field],
      field === 'timeZone' ? (s.timeZone ?? '') : s.schedule,
      problem.message,
      'cron-schedule',
    );
  }
  issues.nonNegative(['spec', 'startingDeadlineSeconds'], s.startingDeadlineSeconds, 'cron-starting-deadline');
  issues.nonNegative(['spec', 'successfulJobsHistoryLimit'], s.successfulJobsHistoryLimit, 'cron-history-limit');
  issues.nonNegative(['spec', 'failedJobsHistoryLimit'], s.failedJobsHistoryLimit, 'cron-history-limit');
  validateTemplateMeta(s.jobTemplate.metadata, ['spec', 'jobTemplate', 'metadata'], issues);
  const js = s.jobTemplate.spec;
  if (!js)
    return void issues.required(
      ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers'],
      '',
      'containers-required',
    );
  jobSpec(js, raw.spec?.jobTemplate.spec, ['spec', 'jobTemplate', 'spec'], issues, true);
}

function service(svc: Service, issues: Issues): void {
  validateObjectMeta(svc.metadata, ['metadata'], 'dns1035', issues);
  const s = svc.spec;
  if (!s) return void issues.required(['spec', 'ports'], '', 'service-ports');
  const type = s.type ?? 'ClusterIP';
  const ports = s.ports ?? [];
  const headless = s.clusterIP === 'None';
  if (type === 'ExternalName') {
    if (!s.externalName) issues.required(['spec', 'externalName'], '', 'service-external-name');
    else
      issues.names(
        ['spec', 'externalName'],
        s.externalName.replace(/\.$/, ''),
        dns1123SubdomainErrors,
        'service-external-name',
      );
  } else if (ports.length === 0 && !headless) {
    issues.required(['spec', 'ports'], '', 'service-ports');
  }
  const names = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    const pp: Path = ['spec', 'ports', i];
    if (ports.length > 1 && !p.name) issues.required([...pp, 'name'], '', 'service-port-name');
    if (p.name) {
      issues.names([...pp, 'name'], p.name, dns1123LabelErrors, 'service-port-name');
      if (names.has(p.name)) issues.duplicate([...pp, 'name'], p.name, 'service-port-name');
      names.add(p.name);
    }
    for (const m of portNumberErrors(p.port)) issues.invalid([...pp, 'port'], p.port, m, 'port-number');
    const key = JSON.stringify({ port: p.port, protocol: p.protocol ?? 'TCP' });
    if (keys.has(key)) issues.duplicate(pp, JSON.parse(key), 'service-port-duplicate');
    keys.add(key);
    if (typeof p.targetPort === 'number') {
      for (const m of portNumberErrors(p.targetPort))
        issues.invalid([...pp, 'targetPort'], p.targetPort, m, 'port-number');
    } else if (p.targetPort !== undefined)
      issues.names([...pp, 'targetPort'], p.targetPort, portNameErrors, 'port-name');
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        issues.forbidden([...pp, 'nodePort'], `may not be used when \`type\` is '${type}'`, 'service-node-port');
      } else if (p.nodePort < 30000 || p.nodePort > 32767) {
        issues.invalid(
          [...pp, 'nodePort'],
          p.nodePort,
          'provided port is not in the valid range. The range of valid ports is 30000-32767',
          'service-node-port',
        );
      }
    }
  });
  if (s.selector) validateLabels(s.selector, ['spec', 'selector'], issues);
  if (s.externalTrafficPolicy && type !== 'NodePort' && type !== 'LoadBalancer') {
    issues.invalid(
      ['spec', 'externalTrafficPolicy'],
      s.externalTrafficPolicy,
      "may only be set when `type` is 'NodePort' or 'LoadBalancer'",
      'service-traffic-policy',
    );
  }
  const t = s.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (t !== undefined && (t <= 0 || t > 86400)) {
    issues.invalid(
      ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'],
      t,
      'must be greater than 0 and less than 86400',
      'service-session-affinity',
    );
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    issues.invalid(
      ['spec', 'clusterIP'],
      'None',
      `may not be set to 'None' for ${type} services`,
      'service-cluster-ip',
    );
  }
}

/** Dispatches on kind; `raw` is the parsed object, `obj` its defaulted copy. */
export function validateObjectSemantics(raw: Obj, obj: Obj, issues: Issues): void {
  switch (obj['kind']) {
    case 'Pod': {
      const pod = obj as Pod;
      validateObjectMeta(pod.metadata, ['metadata'], 'subdomain', issues);
      if (!pod.spec) issues.required(['spec', 'containers'], '', 'containers-required');
      else validatePodSpec(pod.spec, (raw as Pod).spec, ['spec'], issues);
      return;
    }
    case 'Deployment':
      return deployment(obj, raw, issues);
    case 'ReplicaSet':
      return replicaSet(obj, raw, issues);
    case 'StatefulSet':
      return statefulSet(obj, raw, issues);
    case 'DaemonSet':
      return daemonSet(obj, raw, issues);
    case 'Job':
      return job(obj, raw, issues);
    case 'CronJob':
      return cronJob(obj, raw, issues);
    case 'Service':
      return service(obj, issues);
    default:
  }
}
