// The model after API-server defaulting: the same shapes, with every field that the defaulting step
// (defaults.ts, from the table in defaultValues.ts) fills in made required. A manifest is defaulted once, when
// it is loaded (defaultedWorkload); the engine, the predictions and the presentation take these types, so a
// Kubernetes default is never written again as `?? 30` where a field is read.
//
// The FILLED lists name the fields each type makes required; test/model/defaulted.test.ts checks that the
// defaulting step really fills every one of them, so the types cannot claim more than the defaulting does.
import type { Container, EnvVar, EphemeralContainer, ContainerPort } from './container';
import type { HTTPGetAction, Lifecycle, LifecycleHandler, Probe } from './probe';
import type { Pod, PodSpec, PodTemplateSpec } from './podSpec';
import type { Volume } from './volumes';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from './workloads';
import type { CronJob, CronJobSpec, Job, JobSpec, JobTemplateSpec } from './batch';
import { deepCopy, defaultDecoded, defaultJobSpec, defaultPodOnly, defaultPodSpec } from './defaults';

/** T with the fields K required (and not null). */
type Filled<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** T with the fields of R replaced by R's (the defaulted forms of nested objects). */
type With<T, R> = Omit<T, keyof R> & R;

export const FILLED = {
  probe: ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'],
  httpGet: ['path', 'scheme'],
  container: ['imagePullPolicy', 'terminationMessagePath', 'terminationMessagePolicy'],
  port: ['protocol'],
  fieldRef: ['apiVersion'],
  serviceAccountToken: ['expirationSeconds'],
  podSpec: ['restartPolicy', 'dnsPolicy', 'terminationGracePeriodSeconds', 'schedulerName', 'securityContext'],
  deploymentSpec: ['replicas', 'revisionHistoryLimit', 'progressDeadlineSeconds', 'strategy'],
  replicaSetSpec: ['replicas'],
  statefulSetSpec: ['replicas', 'revisionHistoryLimit', 'podManagementPolicy', 'updateStrategy'],
  daemonSetSpec: ['revisionHistoryLimit', 'updateStrategy'],
  jobSpec: ['parallelism', 'backoffLimit', 'completionMode', 'suspend', 'podReplacementPolicy'],
  cronJobSpec: ['concurrencyPolicy', 'suspend', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'],
} as const;
type F = typeof FILLED;

export type DefaultedHTTPGetAction = Filled<HTTPGetAction, F['httpGet'][number]>;

export type DefaultedProbe = With<Filled<Probe, F['probe'][number]>, { httpGet?: DefaultedHTTPGetAction }>;

export type DefaultedLifecycleHandler = With<LifecycleHandler, { httpGet?: DefaultedHTTPGetAction }>;
type DefaultedLifecycle = With<
  Lifecycle,
  { postStart?: DefaultedLifecycleHandler; preStop?: DefaultedLifecycleHandler }
>;

type EnvSource = NonNullable<EnvVar['valueFrom']>;
type DefaultedEnvVar = With<
  EnvVar,
  {
    valueFrom?: With<EnvSource, { fieldRef?: Filled<NonNullable<EnvSource['fieldRef']>, F['fieldRef'][number]> }>;
  }
>;

type ContainerParts = {
  livenessProbe?: DefaultedProbe;
  readinessProbe?: DefaultedProbe;
  startupProbe?: DefaultedProbe;
  lifecycle?: DefaultedLifecycle;
  ports?: Filled<ContainerPort, F['port'][number]>[];
  env?: DefaultedEnvVar[];
};
export type DefaultedContainer = With<Filled<Container, F['container'][number]>, ContainerParts>;
type DefaultedEphemeralContainer = With<Filled<EphemeralContainer, F['container'][number]>, ContainerParts>;

type Projected = NonNullable<Volume['projected']>;
type Projection = NonNullable<Projected['sources']>[number];
type DefaultedVolume = With<
  Volume,
  {
    projected?: With<
      Projected,
      {
        sources?: With<
          Projection,
          {
            serviceAccountToken?: Filled<
              NonNullable<Projection['serviceAccountToken']>,
              F['serviceAccountToken'][number]
            >;
          }
        >[];
      }
    >;
  }
>;

export type DefaultedPodSpec = With<
  Filled<PodSpec, F['podSpec'][number]>,
  {
    containers: DefaultedContainer[];
    initContainers?: DefaultedContainer[];
    ephemeralContainers?: DefaultedEphemeralContainer[];
    volumes?: DefaultedVolume[];
  }
>;

export type DefaultedPodTemplateSpec = With<PodTemplateSpec, { spec?: DefaultedPodSpec }>;
type Templated<S extends { template?: unknown }> = With<S, { template: DefaultedPodTemplateSpec }>;

type DeploymentSpec = NonNullable<Deployment['spec']>;
type ReplicaSetSpec = NonNullable<ReplicaSet['spec']>;
type StatefulSetSpec = NonNullable<StatefulSet['spec']>;
type DaemonSetSpec = NonNullable<DaemonSet['spec']>;

export type DefaultedJobSpec = Templated<Filled<JobSpec, F['jobSpec'][number]>>;
/** A CronJob's job template: its pod template is defaulted with the CronJob, its JobSpec when a Job is made. */
type CronJobTemplate = With<JobTemplateSpec, { spec?: Templated<JobSpec> }>;
export type DefaultedCronJobSpec = With<
  Filled<CronJobSpec, F['cronJobSpec'][number]>,
  { jobTemplate: CronJobTemplate }
>;

/** The objects the simulator runs, as loaded: validated (so a spec is there) and defaulted. */
export type DefaultedWorkload =
  | { kind: 'Pod'; value: With<Pod, { spec: DefaultedPodSpec }> }
  | {
      kind: 'Deployment';
      value: With<Deployment, { spec: Templated<Filled<DeploymentSpec, F['deploymentSpec'][number]>> }>;
    }
  | {
      kind: 'ReplicaSet';
      value: With<
        ReplicaSet,
        { spec: With<Filled<ReplicaSetSpec, F['replicaSetSpec'][number]>, { template?: DefaultedPodTemplateSpec }> }
      >;
    }
  | {
      kind: 'StatefulSet';
      value: With<StatefulSet, { spec: Templated<Filled<StatefulSetSpec, F['statefulSetSpec'][number]>> }>;
    }
  | {
      kind: 'DaemonSet';
      value: With<DaemonSet, { spec: Templated<Filled<DaemonSetSpec, F['daemonSetSpec'][number]>> }>;
    }
  | { kind: 'Job'; value: With<Job, { spec: DefaultedJobSpec }> }
  | { kind: 'CronJob'; value: With<CronJob, { spec: DefaultedCronJobSpec }> };

/**
 * The loader's one defaulting step for a validated workload: the defaults (defaultDecoded), with their effect
 * stated as a type. The cast is the one place where the defaulting's effect is asserted (and checked by the test
 * above). `decoded` is the workload as its kind's schema decoded it: the loader has parsed it already, and
 * applyDefaults would parse it again (zod's parse is most of a document's analysis when the language server
 * re-analyses it on a keystroke).
 */
export function defaultedWorkload<K extends DefaultedWorkload['kind']>(
  kind: K,
  decoded: unknown,
): Extract<DefaultedWorkload, { kind: K }> {
  return { kind, value: defaultDecoded(decoded) } as Extract<DefaultedWorkload, { kind: K }>;
}

/** SetDefaults_PodSpec and what it contains, on a deep copy: a pod spec as the API server stores it. */
export function defaultedPodSpec(spec: PodSpec): DefaultedPodSpec {
  const copy = deepCopy(spec);
  defaultPodSpec(copy);
  return copy as DefaultedPodSpec;
}

/**
 * The spec of a pod a controller creates from its (defaulted) template: the API server defaults the new Pod object,
 * so it gets SetDefaults_Pod's Pod-only defaults that no template has (requests from limits, host ports on the host
 * network, enableServiceLinks). A deep copy; the template is not touched.
 */
export function podFromTemplate(spec: DefaultedPodSpec): DefaultedPodSpec {
  const copy = deepCopy(spec);
  defaultPodOnly(copy);
  return copy;
}

/**
 * SetDefaults_Job for a Job a CronJob creates: the API server defaults the new Job object (a CronJob's own
 * defaulting leaves its job template's JobSpec alone). A deep copy; the argument is not touched.
 */
export function defaultedJobSpec(spec: JobSpec): DefaultedJobSpec {
  const copy = deepCopy(spec);
  defaultJobSpec(copy);
  return copy as DefaultedJobSpec;
}
