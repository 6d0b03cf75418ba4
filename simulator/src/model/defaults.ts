// API-server defaulting (k8s.io/kubernetes pkg/apis/{core,apps,batch}/v1/defaults.go), as a pure function:
// applyDefaults returns a defaulted deep copy and never touches its input.
//
// Scope: the defaulting functions only. Admission plugins (service account token volume, priority), name
// generation and the Job selector/labels generated from the object's uid are left to the simulator.
import type { Container, EphemeralContainer } from './container';
import type { Probe, LifecycleHandler, HTTPGetAction } from './probe';
import type { PodSpec, PodTemplateSpec, Pod } from './podSpec';
import { defaultPvc, defaultVolume } from './defaultVolumes';
import { defaultImagePullPolicy } from './imageRef';
import type { Deployment, ReplicaSet, StatefulSet, DaemonSet } from './workloads';
import type { Job, JobSpec, CronJob, CronJobSpec } from './batch';
import type { Service } from './service';
import { KIND_SCHEMAS, schemaFor } from './kinds';
import {
  CONTAINER_DEFAULTS,
  CRON_JOB_DEFAULTS,
  DAEMON_SET_DEFAULTS,
  DEPLOYMENT_DEFAULTS,
  FIELD_REF_API_VERSION_DEFAULT,
  HTTP_GET_DEFAULTS,
  JOB_DEFAULTS,
  POD_DEFAULTS,
  POD_SPEC_DEFAULTS,
  PORT_PROTOCOL_DEFAULT,
  PROBE_DEFAULTS,
  REPLICA_SET_DEFAULTS,
  SERVICE_DEFAULTS,
  STATEFUL_SET_DEFAULTS,
} from './defaultValues';

type Plain = Record<string, unknown>;

/** Deep copy of JSON-like data (the model holds no functions, dates or cycles). */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => deepCopy(x)) as T;
  if (v !== null && typeof v === 'object') {
    const out: Plain = {};
    for (const [k, x] of Object.entries(v as Plain)) out[k] = deepCopy(x);
    return out as T;
  }
  return v;
}

function defaultHttpGet(h: HTTPGetAction | undefined): void {
  if (!h) return;
  if (!h.path) h.path = HTTP_GET_DEFAULTS.path;
  if (!h.scheme) h.scheme = HTTP_GET_DEFAULTS.scheme;
}

export function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.initialDelaySeconds ??= PROBE_DEFAULTS.initialDelaySeconds;
  if (!p.timeoutSeconds) p.timeoutSeconds = PROBE_DEFAULTS.timeoutSeconds;
  if (!p.periodSeconds) p.periodSeconds = PROBE_DEFAULTS.periodSeconds;
  if (!p.successThreshold) p.successThreshold = PROBE_DEFAULTS.successThreshold;
  if (!p.failureThreshold) p.failureThreshold = PROBE_DEFAULTS.failureThreshold;
  defaultHttpGet(p.httpGet);
}

function defaultHandler(h: LifecycleHandler | undefined): void {
  if (h) defaultHttpGet(h.httpGet);
}

export function defaultContainer(c: Container | EphemeralContainer): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(c.image);
  if (!c.terminationMessagePath) c.terminationMessagePath = CONTAINER_DEFAULTS.terminationMessagePath;
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = CONTAINER_DEFAULTS.terminationMessagePolicy;
  for (const port of c.ports ?? []) if (!port.protocol) port.protocol = PORT_PROTOCOL_DEFAULT;
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
  for (const e of c.env ?? []) {
    const f = e.valueFrom?.fieldRef;
    if (f && !f.apiVersion) f.apiVersion = FIELD_REF_API_VERSION_DEFAULT;
  }
}

/** SetDefaults_PodSpec plus the defaults of everything a pod spec contains (templates and pods alike). */
export function defaultPodSpec(spec: PodSpec | undefined): void {
  if (!spec) return;
  if (!spec.dnsPolicy) spec.dnsPolicy = POD_SPEC_DEFAULTS.dnsPolicy;
  if (!spec.restartPolicy) spec.restartPolicy = POD_SPEC_DEFAULTS.restartPolicy;
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= POD_SPEC_DEFAULTS.terminationGracePeriodSeconds;
  if (!spec.schedulerName) spec.schedulerName = POD_SPEC_DEFAULTS.schedulerName;
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c); // (absent in a partly decoded document)
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

function defaultTemplate(t: PodTemplateSpec | undefined): void {
  defaultPodSpec(t?.spec);
}

/**
 * The part of SetDefaults_Pod that only a Pod object gets, never a template (defaults.go: "we only want this
 * defaulting semantic to take place on a v1.Pod and not a v1.PodTemplate"). The API server runs it on every pod it
 * creates, so also on the pods a controller makes from its template (defaulted.ts, podFromTemplate).
 * Left out: the resizePolicy defaults behind the InPlacePodVerticalScaling gate, off in 1.32 (the schema's version).
 */
export function defaultPodOnly(spec: PodSpec): void {
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    // requests default to limits, resource by resource
    const limits = c.resources?.limits;
    if (limits && c.resources) {
      const requests = (c.resources.requests ??= {});
      for (const [name, q] of Object.entries(limits)) if (!(name in requests)) requests[name] = q;
    }
    // host network: a host port equals the container port (defaultHostNetworkPorts)
    if (spec.hostNetwork) for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
  }
  spec.enableServiceLinks ??= POD_DEFAULTS.enableServiceLinks;
}

/** SetDefaults_Pod: SetDefaults_PodSpec and what it contains, then the Pod-only defaults. */
function defaultPod(pod: Pod): void {
  const spec = pod.spec;
  if (!spec) return;
  defaultPodSpec(spec);
  defaultPodOnly(spec);
}

function defaultDeployment(d: Deployment): void {
  const spec = d.spec;
  if (!spec) return;
  spec.replicas ??= DEPLOYMENT_DEFAULTS.replicas;
  spec.strategy ??= {};
  if (!spec.strategy.type) spec.strategy.type = DEPLOYMENT_DEFAULTS.strategyType;
  if (spec.strategy.type === 'RollingUpdate') {
    const ru = (spec.strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= DEPLOYMENT_DEFAULTS.maxUnavailable;
    ru.maxSurge ??= DEPLOYMENT_DEFAULTS.maxSurge;
  }
  spec.revisionHistoryLimit ??= DEPLOYMENT_DEFAULTS.revisionHistoryLimit;
  spec.progressDeadlineSeconds ??= DEPLOYMENT_DEFAULTS.progressDeadlineSeconds;
  defaultTemplate(spec.template);
}

function defaultReplicaSet(rs: ReplicaSet): void {
  if (!rs.spec) return;
  rs.spec.replicas ??= REPLICA_SET_DEFAULTS.replicas;
  defaultTemplate(rs.spec.template);
}

function defaultStatefulSet(s: StatefulSet): void {
  const spec = s.spec;
  if (!spec) return;
  if (!spec.podManagementPolicy) spec.podManagementPolicy = STATEFUL_SET_DEFAULTS.podManagementPolicy;
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = STATEFUL_SET_DEFAULTS.updateStrategyType;
    spec.updateStrategy.rollingUpdate ??= {};
  }
  if (spec.updateStrategy.type === 'RollingUpdate' && spec.updateStrategy.rollingUpdate) {
    spec.updateStrategy.rollingUpdate.partition ??= STATEFUL_SET_DEFAULTS.partition;
  }
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  if (!spec.persistentVolumeClaimRetentionPolicy.whenDeleted)
    spec.persistentVolumeClaimRetentionPolicy.whenDeleted = STATEFUL_SET_DEFAULTS.pvcRetention;
  if (!spec.persistentVolumeClaimRetentionPolicy.whenScaled)
    spec.persistentVolumeClaimRetentionPolicy.whenScaled = STATEFUL_SET_DEFAULTS.pvcRetention;
  spec.replicas ??= STATEFUL_SET_DEFAULTS.replicas;
  spec.revisionHistoryLimit ??= STATEFUL_SET_DEFAULTS.revisionHistoryLimit;
  for (const pvc of spec.volumeClaimTemplates ?? []) defaultPvc(pvc);
  defaultTemplate(spec.template);
}

function defaultDaemonSet(ds: DaemonSet): void {
  const spec = ds.spec;
  if (!spec) return;
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) spec.updateStrategy.type = DAEMON_SET_DEFAULTS.updateStrategyType;
  if (spec.updateStrategy.type === 'RollingUpdate') {
    const ru = (spec.updateStrategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= DAEMON_SET_DEFAULTS.maxUnavailable;
    ru.maxSurge ??= DAEMON_SET_DEFAULTS.maxSurge;
  }
  spec.revisionHistoryLimit ??= DAEMON_SET_DEFAULTS.revisionHistoryLimit;
  defaultTemplate(spec.template);
}

/** SetDefaults_Job (the JobSpec of a CronJob's jobTemplate is only defaulted when the Job is created). */
export function defaultJobSpec(spec: JobSpec | undefined): void {
  if (!spec) return;
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = JOB_DEFAULTS.completions;
    spec.parallelism = JOB_DEFAULTS.parallelism;
  }
  spec.parallelism ??= JOB_DEFAULTS.parallelism;
  spec.backoffLimit ??=
    spec.backoffLimitPerIndex !== undefined ? JOB_DEFAULTS.backoffLimitWithPerIndex : JOB_DEFAULTS.backoffLimit;
  if (!spec.completionMode) spec.completionMode = JOB_DEFAULTS.completionMode;
  spec.suspend ??= JOB_DEFAULTS.suspend;
  if (!spec.podReplacementPolicy)
    spec.podReplacementPolicy = spec.podFailurePolicy
      ? JOB_DEFAULTS.podReplacementPolicyWithFailurePolicy
      : JOB_DEFAULTS.podReplacementPolicy;
  defaultTemplate(spec.template);
}

/** SetDefaults_CronJob, and the pod template of its job template (its JobSpec is defaulted when a Job is made). */
export function defaultCronJobSpec(spec: CronJobSpec | undefined): void {
  if (!spec) return;
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = CRON_JOB_DEFAULTS.concurrencyPolicy;
  spec.suspend ??= CRON_JOB_DEFAULTS.suspend;
  spec.successfulJobsHistoryLimit ??= CRON_JOB_DEFAULTS.successfulJobsHistoryLimit;
  spec.failedJobsHistoryLimit ??= CRON_JOB_DEFAULTS.failedJobsHistoryLimit;
  defaultTemplate(spec.jobTemplate?.spec?.template);
}

function defaultService(svc: Service): void {
  const spec = svc.spec;
  if (!spec) return;
  if (!spec.sessionAffinity) spec.sessionAffinity = SERVICE_DEFAULTS.sessionAffinity;
  if (!spec.type) spec.type = SERVICE_DEFAULTS.type;
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = PORT_PROTOCOL_DEFAULT;
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= SERVICE_DEFAULTS.clientIPTimeoutSeconds;
  }
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy)
    spec.externalTrafficPolicy = SERVICE_DEFAULTS.externalTrafficPolicy;
  if (spec.type !== 'ExternalName') {
    if (!spec.internalTrafficPolicy) spec.internalTrafficPolicy = SERVICE_DEFAULTS.internalTrafficPolicy;
    // what a single-stack IPv4 cluster fills in (the service registry, not defaults.go)
    if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = SERVICE_DEFAULTS.ipFamilyPolicy;
    if (!spec.ipFamilies || spec.ipFamilies.length === 0) spec.ipFamilies = [SERVICE_DEFAULTS.ipFamily];
  }
  if (spec.type === 'LoadBalancer')
    spec.allocateLoadBalancerNodePorts ??= SERVICE_DEFAULTS.allocateLoadBalancerNodePorts;
}

const BY_KIND: Record<string, (o: never) => void> = {
  Pod: defaultPod,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: (j: Job) => defaultJobSpec(j.spec),
  CronJob: (cj: CronJob) => defaultCronJobSpec(cj.spec),
  Service: defaultService,
};

/**
 * Returns a deep copy of an object with the values the API server fills in. The object is normalised by
 * the structural schema of its kind first (nulls dropped, as the API server stores them; `apiVersion` may be
 * left out). Objects of other kinds, and documents that fail their schema, come back as an unchanged copy.
 */
export function applyDefaults<T>(obj: T): T {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return deepCopy(obj);
  const o = obj as Plain;
  const kind = o['kind'];
  if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(BY_KIND, kind)) return deepCopy(obj);
  const entry =
    o['apiVersion'] === undefined
      ? Object.values(KIND_SCHEMAS).find((k) => k.kind === kind)
      : schemaFor(o['apiVersion'], kind);
  const parsed = entry?.schema.safeParse(obj);
  if (!parsed?.success) return deepCopy(obj);
  return defaultDecoded(parsed.data as T);
}

/**
 * A defaulted deep copy of an object already decoded by its schema, or decoded only in part
 * (partialParse.ts: required fields may be missing, and the defaulting functions skip what is not there),
 * so that the API-server checks of a half-written document see the same defaults as those of a whole one.
 */
export function defaultDecoded<T>(decoded: T): T {
  const copy = deepCopy(decoded);
  const kind = (copy as Plain | null)?.['kind'];
  if (typeof kind === 'string' && Object.prototype.hasOwnProperty.call(BY_KIND, kind))
    (BY_KIND[kind] as (o: never) => void)(copy as never);
  return copy;
}
