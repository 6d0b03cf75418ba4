// apps/v1 workloads: Deployment, ReplicaSet, StatefulSet, DaemonSet.
import { DAEMON_SET_DEFAULTS, DEPLOYMENT_DEFAULTS, REPLICA_SET_DEFAULTS, STATEFUL_SET_DEFAULTS } from './defaultValues';
import {
  z,
  obj,
  str,
  int32,
  opt,
  optNotNull,
  optStr,
  optBool,
  optInt32,
  optInt64,
  optTime,
  optList,
  optEnum,
  intOrString,
  status,
  type Type,
} from './primitives';
import { LabelSelectorSchema, ObjectMetaSchema } from './meta';
import { PodTemplateSpecSchema } from './podSpec';
import { PersistentVolumeClaimSchema } from './pvc';

/** Conditions of apps/v1 objects (Deployment adds lastUpdateTime). */
export const WorkloadConditionSchema = obj({
  lastTransitionTime: optTime(),
  message: optStr(),
  reason: optStr(),
  status: str(),
  type: str(),
});

export const DeploymentConditionSchema = obj({
  lastTransitionTime: optTime(),
  lastUpdateTime: optTime(),
  message: optStr(),
  reason: optStr(),
  status: str(),
  type: str(),
});

export const RollingUpdateDeploymentSchema = obj({
  maxSurge: optNotNull(intOrString(), { default: DEPLOYMENT_DEFAULTS.maxSurge }),
  maxUnavailable: optNotNull(intOrString(), { default: DEPLOYMENT_DEFAULTS.maxUnavailable }),
});

export const DeploymentStrategySchema = obj({
  rollingUpdate: opt(RollingUpdateDeploymentSchema),
  type: optEnum(['Recreate', 'RollingUpdate'], { default: DEPLOYMENT_DEFAULTS.strategyType }),
});

const deploymentSpecImpl = obj({
  minReadySeconds: optInt32({ default: 0, unit: 'seconds' }),
  paused: optBool(),
  progressDeadlineSeconds: optInt32({ default: DEPLOYMENT_DEFAULTS.progressDeadlineSeconds, unit: 'seconds' }),
  replicas: optInt32({ default: DEPLOYMENT_DEFAULTS.replicas }),
  revisionHistoryLimit: optInt32({ default: DEPLOYMENT_DEFAULTS.revisionHistoryLimit }),
  selector: LabelSelectorSchema,
  strategy: opt(DeploymentStrategySchema),
  template: PodTemplateSpecSchema,
});
/** The zod object type of DeploymentSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface DeploymentSpecSchemaType extends Type<typeof deploymentSpecImpl> {}
export const DeploymentSpecSchema: DeploymentSpecSchemaType = deploymentSpecImpl;

export const DeploymentStatusSchema = obj({
  availableReplicas: optInt32(),
  collisionCount: optInt32(),
  conditions: optList(DeploymentConditionSchema),
  observedGeneration: optInt64(),
  readyReplicas: optInt32(),
  replicas: optInt32(),
  unavailableReplicas: optInt32(),
  updatedReplicas: optInt32(),
});

const deploymentImpl = obj({
  apiVersion: z.literal('apps/v1').optional(),
  kind: z.literal('Deployment').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(DeploymentSpecSchema),
  status: status(DeploymentStatusSchema),
});
/** The zod object type of DeploymentSchema, named so that declaration files refer to it instead of repeating it. */
export interface DeploymentSchemaType extends Type<typeof deploymentImpl> {}
export const DeploymentSchema: DeploymentSchemaType = deploymentImpl;

const replicaSetSpecImpl = obj({
  minReadySeconds: optInt32({ default: 0, unit: 'seconds' }),
  replicas: optInt32({ default: REPLICA_SET_DEFAULTS.replicas }),
  selector: LabelSelectorSchema,
  template: opt(PodTemplateSpecSchema),
});
/** The zod object type of ReplicaSetSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface ReplicaSetSpecSchemaType extends Type<typeof replicaSetSpecImpl> {}
export const ReplicaSetSpecSchema: ReplicaSetSpecSchemaType = replicaSetSpecImpl;

export const ReplicaSetStatusSchema = obj({
  availableReplicas: optInt32(),
  conditions: optList(WorkloadConditionSchema),
  fullyLabeledReplicas: optInt32(),
  observedGeneration: optInt64(),
  readyReplicas: optInt32(),
  replicas: int32(),
});

const replicaSetImpl = obj({
  apiVersion: z.literal('apps/v1').optional(),
  kind: z.literal('ReplicaSet').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(ReplicaSetSpecSchema),
  status: status(ReplicaSetStatusSchema),
});
/** The zod object type of ReplicaSetSchema, named so that declaration files refer to it instead of repeating it. */
export interface ReplicaSetSchemaType extends Type<typeof replicaSetImpl> {}
export const ReplicaSetSchema: ReplicaSetSchemaType = replicaSetImpl;

export const StatefulSetOrdinalsSchema = obj({ start: optInt32({ default: 0 }) });

export const StatefulSetPersistentVolumeClaimRetentionPolicySchema = obj({
  whenDeleted: optEnum(['Retain', 'Delete'], { default: STATEFUL_SET_DEFAULTS.pvcRetention }),
  whenScaled: optEnum(['Retain', 'Delete'], { default: STATEFUL_SET_DEFAULTS.pvcRetention }),
});

export const RollingUpdateStatefulSetStrategySchema = obj({
  maxUnavailable: optNotNull(intOrString(), { default: 1 }),
  partition: optInt32({ default: STATEFUL_SET_DEFAULTS.partition }),
});

export const StatefulSetUpdateStrategySchema = obj({
  rollingUpdate: opt(RollingUpdateStatefulSetStrategySchema),
  type: optEnum(['OnDelete', 'RollingUpdate'], { default: STATEFUL_SET_DEFAULTS.updateStrategyType }),
});

const statefulSetSpecImpl = obj({
  minReadySeconds: optInt32({ default: 0, unit: 'seconds' }),
  ordinals: opt(StatefulSetOrdinalsSchema),
  persistentVolumeClaimRetentionPolicy: opt(StatefulSetPersistentVolumeClaimRetentionPolicySchema),
  podManagementPolicy: optEnum(['OrderedReady', 'Parallel'], { default: STATEFUL_SET_DEFAULTS.podManagementPolicy }),
  replicas: optInt32({ default: STATEFUL_SET_DEFAULTS.replicas }),
  revisionHistoryLimit: optInt32({ default: STATEFUL_SET_DEFAULTS.revisionHistoryLimit }),
  selector: LabelSelectorSchema,
  serviceName: str(),
  template: PodTemplateSpecSchema,
  updateStrategy: opt(StatefulSetUpdateStrategySchema),
  volumeClaimTemplates: optList(PersistentVolumeClaimSchema),
});
/** The zod object type of StatefulSetSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface StatefulSetSpecSchemaType extends Type<typeof statefulSetSpecImpl> {}
export const StatefulSetSpecSchema: StatefulSetSpecSchemaType = statefulSetSpecImpl;

export const StatefulSetStatusSchema = obj({
  availableReplicas: optInt32(),
  collisionCount: optInt32(),
  conditions: optList(WorkloadConditionSchema),
  currentReplicas: optInt32(),
  currentRevision: optStr(),
  observedGeneration: optInt64(),
  readyReplicas: optInt32(),
  replicas: int32(),
  updateRevision: optStr(),
  updatedReplicas: optInt32(),
});

const statefulSetImpl = obj({
  apiVersion: z.literal('apps/v1').optional(),
  kind: z.literal('StatefulSet').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(StatefulSetSpecSchema),
  status: status(StatefulSetStatusSchema),
});
/** The zod object type of StatefulSetSchema, named so that declaration files refer to it instead of repeating it. */
export interface StatefulSetSchemaType extends Type<typeof statefulSetImpl> {}
export const StatefulSetSchema: StatefulSetSchemaType = statefulSetImpl;

export const RollingUpdateDaemonSetSchema = obj({
  maxSurge: optNotNull(intOrString(), { default: DAEMON_SET_DEFAULTS.maxSurge }),
  maxUnavailable: optNotNull(intOrString(), { default: DAEMON_SET_DEFAULTS.maxUnavailable }),
});

export const DaemonSetUpdateStrategySchema = obj({
  rollingUpdate: opt(RollingUpdateDaemonSetSchema),
  type: optEnum(['OnDelete', 'RollingUpdate'], { default: DAEMON_SET_DEFAULTS.updateStrategyType }),
});

const daemonSetSpecImpl = obj({
  minReadySeconds: optInt32({ default: 0, unit: 'seconds' }),
  revisionHistoryLimit: optInt32({ default: DAEMON_SET_DEFAULTS.revisionHistoryLimit }),
  selector: LabelSelectorSchema,
  template: PodTemplateSpecSchema,
  updateStrategy: opt(DaemonSetUpdateStrategySchema),
});
/** The zod object type of DaemonSetSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface DaemonSetSpecSchemaType extends Type<typeof daemonSetSpecImpl> {}
export const DaemonSetSpecSchema: DaemonSetSpecSchemaType = daemonSetSpecImpl;

export const DaemonSetStatusSchema = obj({
  collisionCount: optInt32(),
  conditions: optList(WorkloadConditionSchema),
  currentNumberScheduled: int32(),
  desiredNumberScheduled: int32(),
  numberAvailable: optInt32(),
  numberMisscheduled: int32(),
  numberReady: int32(),
  numberUnavailable: optInt32(),
  observedGeneration: optInt64(),
  updatedNumberScheduled: optInt32(),
});

const daemonSetImpl = obj({
  apiVersion: z.literal('apps/v1').optional(),
  kind: z.literal('DaemonSet').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(DaemonSetSpecSchema),
  status: status(DaemonSetStatusSchema),
});
/** The zod object type of DaemonSetSchema, named so that declaration files refer to it instead of repeating it. */
export interface DaemonSetSchemaType extends Type<typeof daemonSetImpl> {}
export const DaemonSetSchema: DaemonSetSchemaType = daemonSetImpl;

export type DeploymentStrategy = z.infer<typeof DeploymentStrategySchema>;
export type DeploymentSpec = z.infer<typeof DeploymentSpecSchema>;
export type Deployment = z.infer<typeof DeploymentSchema>;
export type ReplicaSetSpec = z.infer<typeof ReplicaSetSpecSchema>;
export type ReplicaSet = z.infer<typeof ReplicaSetSchema>;
export type StatefulSetSpec = z.infer<typeof StatefulSetSpecSchema>;
export type StatefulSet = z.infer<typeof StatefulSetSchema>;
export type DaemonSetSpec = z.infer<typeof DaemonSetSpecSchema>;
export type DaemonSet = z.infer<typeof DaemonSetSchema>;
