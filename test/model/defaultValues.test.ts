// The one table of Kubernetes defaults (model/defaultValues.ts) against the Kubernetes sources, and the schema's
// `default` annotations (hover, completion) against the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMISSION_DEFAULTS,
  CONTAINER_DEFAULTS,
  CRON_JOB_DEFAULTS,
  ContainerSchema,
  CronJobSpecSchema,
  DAEMON_SET_DEFAULTS,
  DEPLOYMENT_DEFAULTS,
  DaemonSetSpecSchema,
  DeploymentSpecSchema,
  FIELD_REF_API_VERSION_DEFAULT,
  HTTP_GET_DEFAULTS,
  IMAGE_PULL_POLICY_DEFAULTS,
  JOB_DEFAULTS,
  JobSpecSchema,
  POD_DEFAULTS,
  POD_SPEC_DEFAULTS,
  PORT_PROTOCOL_DEFAULT,
  PROBE_DEFAULTS,
  PVC_DEFAULTS,
  PodSpecSchema,
  ProbeSchema,
  REPLICA_SET_DEFAULTS,
  ReplicaSetSpecSchema,
  SERVICE_DEFAULTS,
  STATEFUL_SET_DEFAULTS,
  ServiceSpecSchema,
  StatefulSetSpecSchema,
  VOLUME_DEFAULTS,
  VolumeSchema,
  getFieldMeta,
  schemaAtPath,
} from '../../simulator/src/model';

test('the table holds what defaults.go fills in', () => {
  // k8s.io/kubernetes pkg/apis/core/v1/defaults.go SetDefaults_Probe: TimeoutSeconds 1, PeriodSeconds 10,
  // SuccessThreshold 1, FailureThreshold 3 (each when 0); InitialDelaySeconds is not defaulted (Go zero value 0).
  assert.deepEqual(
    { ...PROBE_DEFAULTS },
    { initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
  );
  // SetDefaults_HTTPGetAction: Path "/", Scheme v1.URISchemeHTTP ("HTTP").
  assert.deepEqual({ ...HTTP_GET_DEFAULTS }, { path: '/', scheme: 'HTTP' });
  // SetDefaults_PodSpec: DNSPolicy v1.DNSClusterFirst, RestartPolicy v1.RestartPolicyAlways,
  // TerminationGracePeriodSeconds v1.DefaultTerminationGracePeriodSeconds (30), SchedulerName
  // v1.DefaultSchedulerName ("default-scheduler"); kubelet-semantics.md §5 gives the same 30 s.
  assert.deepEqual(
    { ...POD_SPEC_DEFAULTS },
    {
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
    },
  );
  // SetDefaults_Pod: EnableServiceLinks v1.DefaultEnableServiceLinks (true).
  assert.equal(POD_DEFAULTS.enableServiceLinks, true);
  // SetDefaults_Container: TerminationMessagePath v1.TerminationMessagePathDefault ("/dev/termination-log"),
  // TerminationMessagePolicy v1.TerminationMessageReadFile ("File"); ImagePullPolicy PullAlways for the tag
  // "latest", else PullIfNotPresent.
  assert.deepEqual(
    { ...CONTAINER_DEFAULTS },
    { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' },
  );
  assert.deepEqual({ ...IMAGE_PULL_POLICY_DEFAULTS }, { latest: 'Always', other: 'IfNotPresent' });
  // staging/src/k8s.io/api/core/v1/types.go ContainerPort.Protocol `+default="TCP"`; SetDefaults_Service:
  // ports' Protocol v1.ProtocolTCP; SetDefaults_ObjectFieldSelector: APIVersion "v1".
  assert.equal(PORT_PROTOCOL_DEFAULT, 'TCP');
  assert.equal(FIELD_REF_API_VERSION_DEFAULT, 'v1');
  // SetDefaults_{Secret,ConfigMap,DownwardAPI,Projected}VolumeSource: DefaultMode 0644;
  // SetDefaults_ServiceAccountTokenProjection: ExpirationSeconds time.Hour (3600); SetDefaults_HostPathVolumeSource:
  // v1.HostPathUnset (""); SetDefaults_PersistentVolumeClaimSpec: VolumeMode Filesystem; _PersistentVolumeClaim:
  // phase Pending.
  assert.equal(VOLUME_DEFAULTS.defaultMode, 0o644);
  assert.equal(VOLUME_DEFAULTS.serviceAccountTokenExpirationSeconds, 3600);
  assert.equal(VOLUME_DEFAULTS.hostPathType, '');
  assert.deepEqual({ ...PVC_DEFAULTS }, { volumeMode: 'Filesystem', phase: 'Pending' });
  // SetDefaults_Service: SessionAffinity None, Type ClusterIP, ClientIP timeout
  // v1.DefaultClientIPServiceAffinitySeconds (10800), ExternalTrafficPolicy and InternalTrafficPolicy Cluster,
  // AllocateLoadBalancerNodePorts true.
  assert.deepEqual(
    [
      SERVICE_DEFAULTS.sessionAffinity,
      SERVICE_DEFAULTS.type,
      SERVICE_DEFAULTS.clientIPTimeoutSeconds,
      SERVICE_DEFAULTS.externalTrafficPolicy,
      SERVICE_DEFAULTS.internalTrafficPolicy,
      SERVICE_DEFAULTS.allocateLoadBalancerNodePorts,
    ],
    ['None', 'ClusterIP', 10800, 'Cluster', 'Cluster', true],
  );
  // pkg/apis/apps/v1/defaults.go SetDefaults_Deployment: Replicas 1, strategy RollingUpdate with MaxUnavailable
  // and MaxSurge "25%", RevisionHistoryLimit 10, ProgressDeadlineSeconds 600.
  assert.deepEqual(
    { ...DEPLOYMENT_DEFAULTS },
    {
      replicas: 1,
      strategyType: 'RollingUpdate',
      maxUnavailable: '25%',
      maxSurge: '25%',
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  );
  // SetDefaults_ReplicaSet: Replicas 1. SetDefaults_StatefulSet: PodManagementPolicy OrderedReady, UpdateStrategy
  // RollingUpdate with Partition 0, PVC retention Retain/Retain, Replicas 1, RevisionHistoryLimit 10.
  assert.equal(REPLICA_SET_DEFAULTS.replicas, 1);
  assert.deepEqual(
    { ...STATEFUL_SET_DEFAULTS },
    {
      podManagementPolicy: 'OrderedReady',
      updateStrategyType: 'RollingUpdate',
      partition: 0,
      pvcRetention: 'Retain',
      replicas: 1,
      revisionHistoryLimit: 10,
    },
  );
  // SetDefaults_DaemonSet: RollingUpdate with MaxUnavailable 1 and MaxSurge 0, RevisionHistoryLimit 10.
  assert.deepEqual(
    { ...DAEMON_SET_DEFAULTS },
    { updateStrategyType: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, revisionHistoryLimit: 10 },
  );
  // pkg/apis/batch/v1/defaults.go SetDefaults_Job: Completions and Parallelism 1 when both are nil, Parallelism
  // 1, BackoffLimit 6 (math.MaxInt32 with BackoffLimitPerIndex), CompletionMode NonIndexed, Suspend false,
  // PodReplacementPolicy Failed with a PodFailurePolicy, else TerminatingOrFailed.
  assert.deepEqual(
    { ...JOB_DEFAULTS },
    {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      backoffLimitWithPerIndex: 2 ** 31 - 1,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      podReplacementPolicyWithFailurePolicy: 'Failed',
    },
  );
  // SetDefaults_CronJob: ConcurrencyPolicy Allow, Suspend false, SuccessfulJobsHistoryLimit 3,
  // FailedJobsHistoryLimit 1.
  assert.deepEqual(
    { ...CRON_JOB_DEFAULTS },
    { concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 },
  );
  // Admission, not defaulting: the ServiceAccount plugin's DefaultServiceAccountName "default"; the Priority
  // plugin's 0 without a PriorityClass.
  assert.deepEqual({ ...ADMISSION_DEFAULTS }, { serviceAccountName: 'default', priority: 0 });
});

test("the schema's default annotations quote the table, field by field", () => {
  const annotated = (root: Parameters<typeof schemaAtPath>[0], path: (string | number)[]) =>
    getFieldMeta(schemaAtPath(root, path)!).default;
  const check = (root: Parameters<typeof schemaAtPath>[0], fields: Record<string, unknown>) => {
    for (const [path, value] of Object.entries(fields)) assert.equal(annotated(root, path.split('.')), value, path);
  };
  check(ProbeSchema, { ...PROBE_DEFAULTS, 'httpGet.path': HTTP_GET_DEFAULTS.path });
  check(ProbeSchema, { 'httpGet.scheme': HTTP_GET_DEFAULTS.scheme });
  check(PodSpecSchema, {
    ...POD_SPEC_DEFAULTS,
    enableServiceLinks: POD_DEFAULTS.enableServiceLinks,
    serviceAccountName: ADMISSION_DEFAULTS.serviceAccountName,
  });
  check(ContainerSchema, { ...CONTAINER_DEFAULTS });
  assert.equal(annotated(ContainerSchema, ['ports', 0, 'protocol']), PORT_PROTOCOL_DEFAULT);
  assert.equal(annotated(ContainerSchema, ['env', 0, 'valueFrom', 'fieldRef', 'apiVersion']), 'v1');
  assert.equal(
    annotated(VolumeSchema, ['projected', 'sources', 0, 'serviceAccountToken', 'expirationSeconds']),
    VOLUME_DEFAULTS.serviceAccountTokenExpirationSeconds,
  );
  assert.equal(annotated(VolumeSchema, ['secret', 'defaultMode']), VOLUME_DEFAULTS.defaultMode);
  check(ServiceSpecSchema, { type: SERVICE_DEFAULTS.type, sessionAffinity: SERVICE_DEFAULTS.sessionAffinity });
  assert.equal(annotated(ServiceSpecSchema, ['ports', 0, 'protocol']), PORT_PROTOCOL_DEFAULT);
  check(DeploymentSpecSchema, {
    replicas: DEPLOYMENT_DEFAULTS.replicas,
    revisionHistoryLimit: DEPLOYMENT_DEFAULTS.revisionHistoryLimit,
    progressDeadlineSeconds: DEPLOYMENT_DEFAULTS.progressDeadlineSeconds,
    'strategy.type': DEPLOYMENT_DEFAULTS.strategyType,
    'strategy.rollingUpdate.maxSurge': DEPLOYMENT_DEFAULTS.maxSurge,
    'strategy.rollingUpdate.maxUnavailable': DEPLOYMENT_DEFAULTS.maxUnavailable,
  });
  check(ReplicaSetSpecSchema, { replicas: REPLICA_SET_DEFAULTS.replicas });
  check(StatefulSetSpecSchema, {
    replicas: STATEFUL_SET_DEFAULTS.replicas,
    revisionHistoryLimit: STATEFUL_SET_DEFAULTS.revisionHistoryLimit,
    podManagementPolicy: STATEFUL_SET_DEFAULTS.podManagementPolicy,
  });
  check(DaemonSetSpecSchema, {
    revisionHistoryLimit: DAEMON_SET_DEFAULTS.revisionHistoryLimit,
    'updateStrategy.rollingUpdate.maxSurge': DAEMON_SET_DEFAULTS.maxSurge,
    'updateStrategy.rollingUpdate.maxUnavailable': DAEMON_SET_DEFAULTS.maxUnavailable,
  });
  check(JobSpecSchema, {
    backoffLimit: JOB_DEFAULTS.backoffLimit,
    parallelism: JOB_DEFAULTS.parallelism,
    completions: JOB_DEFAULTS.completions,
    completionMode: JOB_DEFAULTS.completionMode,
  });
  check(CronJobSpecSchema, {
    concurrencyPolicy: CRON_JOB_DEFAULTS.concurrencyPolicy,
    successfulJobsHistoryLimit: CRON_JOB_DEFAULTS.successfulJobsHistoryLimit,
    failedJobsHistoryLimit: CRON_JOB_DEFAULTS.failedJobsHistoryLimit,
  });
});
