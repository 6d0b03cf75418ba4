// The values the API server fills in when a field is left out: the one table of Kubernetes defaults. The
// defaulting step (defaults.ts, defaultVolumes.ts) applies it once when a manifest is loaded, the schema's
// `default` annotations (hover and completion texts) quote it, and the defaulted types (defaulted.ts) make the
// filled fields required, so no consumer writes a default again.
//
// Sources, one group per defaulting function of k8s.io/kubernetes:
// - pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, _Pod, _Container, _Probe, _HTTPGetAction,
//   _ObjectFieldSelector, _Service, _*VolumeSource, _ServiceAccountTokenProjection, _PersistentVolumeClaim[Spec];
//   ContainerPort.protocol and ServicePort.protocol carry `+default="TCP"` in staging/src/k8s.io/api/core/v1/types.go.
// - pkg/apis/apps/v1/defaults.go: SetDefaults_Deployment, _ReplicaSet, _StatefulSet, _DaemonSet.
// - pkg/apis/batch/v1/defaults.go: SetDefaults_Job, SetDefaults_CronJob.
// test/model/defaultValues.test.ts checks every value against those sources.

/** SetDefaults_Probe. initialDelaySeconds is not set there: 0 is Go's zero value, which the kubelet reads. */
export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

/** SetDefaults_HTTPGetAction (probes and lifecycle hooks). */
export const HTTP_GET_DEFAULTS = { path: '/', scheme: 'HTTP' } as const;

/** SetDefaults_PodSpec (v1.DefaultTerminationGracePeriodSeconds, v1.DefaultSchedulerName); securityContext: {}. */
export const POD_SPEC_DEFAULTS = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
} as const;

/** SetDefaults_Pod (Pods only, not templates): v1.DefaultEnableServiceLinks. */
export const POD_DEFAULTS = { enableServiceLinks: true } as const;

/** SetDefaults_Container (v1.TerminationMessagePathDefault, v1.TerminationMessageReadFile). */
export const CONTAINER_DEFAULTS = {
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
} as const;

/** SetDefaults_Container: imagePullPolicy by the image's tag (`latest`, or no tag and no digest: Always). */
export const IMAGE_PULL_POLICY_DEFAULTS = { latest: 'Always', other: 'IfNotPresent' } as const;

/** ContainerPort.protocol and ServicePort.protocol (`+default="TCP"`; SetDefaults_Service for Services). */
export const PORT_PROTOCOL_DEFAULT = 'TCP';

/** SetDefaults_ObjectFieldSelector: fieldRef.apiVersion (env and downwardAPI volumes). */
export const FIELD_REF_API_VERSION_DEFAULT = 'v1';

/** SetDefaults_Secret/ConfigMap/DownwardAPI/ProjectedVolumeSource (0644), _ServiceAccountTokenProjection (1 h). */
export const VOLUME_DEFAULTS = {
  defaultMode: 0o644,
  serviceAccountTokenExpirationSeconds: 3600,
  /** SetDefaults_HostPathVolumeSource: v1.HostPathUnset. */
  hostPathType: '',
  iscsiInterface: 'default',
  rbd: { pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' },
  azureDisk: { cachingMode: 'ReadWrite', fsType: 'ext4', readOnly: false, kind: 'Shared' },
  scaleIO: { storageMode: 'ThinProvisioned', fsType: 'xfs' },
} as const;

/** SetDefaults_PersistentVolumeClaimSpec and SetDefaults_PersistentVolumeClaim. */
export const PVC_DEFAULTS = { volumeMode: 'Filesystem', phase: 'Pending' } as const;

/** SetDefaults_Service (v1.DefaultClientIPServiceAffinitySeconds = 10800); ipFamilies/ipFamilyPolicy: registry. */
export const SERVICE_DEFAULTS = {
  type: 'ClusterIP',
  sessionAffinity: 'None',
  clientIPTimeoutSeconds: 10800,
  externalTrafficPolicy: 'Cluster',
  internalTrafficPolicy: 'Cluster',
  allocateLoadBalancerNodePorts: true,
  /** What a single-stack IPv4 cluster's service registry fills in (not defaults.go). */
  ipFamilyPolicy: 'SingleStack',
  ipFamily: 'IPv4',
} as const;

/** apps/v1 SetDefaults_Deployment. */
export const DEPLOYMENT_DEFAULTS = {
  replicas: 1,
  strategyType: 'RollingUpdate',
  maxUnavailable: '25%',
  maxSurge: '25%',
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
} as const;

/** apps/v1 SetDefaults_ReplicaSet. */
export const REPLICA_SET_DEFAULTS = { replicas: 1 } as const;

/** apps/v1 SetDefaults_StatefulSet. */
export const STATEFUL_SET_DEFAULTS = {
  podManagementPolicy: 'OrderedReady',
  updateStrategyType: 'RollingUpdate',
  partition: 0,
  pvcRetention: 'Retain',
  replicas: 1,
  revisionHistoryLimit: 10,
} as const;

/** apps/v1 SetDefaults_DaemonSet. */
export const DAEMON_SET_DEFAULTS = {
  updateStrategyType: 'RollingUpdate',
  maxUnavailable: 1,
  maxSurge: 0,
  revisionHistoryLimit: 10,
} as const;

/** batch/v1 SetDefaults_Job. completions is set only when parallelism is unset too (else it stays unset). */
export const JOB_DEFAULTS = {
  completions: 1,
  parallelism: 1,
  backoffLimit: 6,
  /** With backoffLimitPerIndex set, backoffLimit defaults to math.MaxInt32. */
  backoffLimitWithPerIndex: 2147483647,
  completionMode: 'NonIndexed',
  suspend: false,
  /** podReplacementPolicy: Failed with a podFailurePolicy, else TerminatingOrFailed. */
  podReplacementPolicy: 'TerminatingOrFailed',
  podReplacementPolicyWithFailurePolicy: 'Failed',
} as const;

/**
 * Not defaulting but admission, which fills these in on every Pod the API server creates: the ServiceAccount
 * plugin (plugin/pkg/admission/serviceaccount: DefaultServiceAccountName) and the Priority plugin (0 without a
 * PriorityClass and without a global default one). Read where no pod spec is at hand (describe without a spec).
 */
export const ADMISSION_DEFAULTS = { serviceAccountName: 'default', priority: 0 } as const;

/** batch/v1 SetDefaults_CronJob. */
export const CRON_JOB_DEFAULTS = {
  concurrencyPolicy: 'Allow',
  suspend: false,
  successfulJobsHistoryLimit: 3,
  failedJobsHistoryLimit: 1,
} as const;
