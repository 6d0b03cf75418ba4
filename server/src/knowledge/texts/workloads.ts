// apps/v1 workload specs (Deployment, ReplicaSet, StatefulSet, DaemonSet) and PVC templates.
import {
  DAEMON_SET_DEFAULTS,
  DEPLOYMENT_DEFAULTS,
  PVC_DEFAULTS,
  STATEFUL_SET_DEFAULTS,
} from '../../../../simulator/src/index';
import { d, type DocTable, type FieldDoc } from '../doc';

const selector = (what: string): FieldDoc =>
  d(
    `Label selector of the pods this ${what} owns; must match the template's labels and cannot be changed later. Required.`,
    'selector: { matchLabels: { app: web } }',
  );
const template = (what: string): FieldDoc =>
  d(
    `Pod template: the metadata and spec of the pods the ${what} creates. Required.`,
    'template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: web, image: nginx:1.27 }] } }',
  );
const replicas = d(`Number of pods wanted. Default ${DEPLOYMENT_DEFAULTS.replicas}; 0 scales to zero.`, 'replicas: 3');
const minReadySeconds = d(
  'How long a new pod must be Ready, without a container crash, before it counts as available. Default 0 (seconds).',
  'minReadySeconds: 10',
);
const history = d(
  `How many old revisions (ReplicaSets / ControllerRevisions) are kept for rollback. Default ${STATEFUL_SET_DEFAULTS.revisionHistoryLimit}.`,
  'revisionHistoryLimit: 3',
);
const updateTypes = {
  RollingUpdate: 'Replace pods gradually, as rollingUpdate allows (the default).',
  OnDelete: 'Only replace a pod when you delete it yourself.',
};

export const WORKLOAD_TEXTS: DocTable = {
  DeploymentSpec: {
    replicas,
    selector: selector('Deployment'),
    template: template('Deployment'),
    strategy: d(
      `How pods are replaced when the template changes. Default ${DEPLOYMENT_DEFAULTS.strategyType} with ${DEPLOYMENT_DEFAULTS.maxSurge} maxSurge and ${DEPLOYMENT_DEFAULTS.maxUnavailable} maxUnavailable.`,
      'strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }',
    ),
    minReadySeconds,
    revisionHistoryLimit: d(
      `How many old ReplicaSets are kept for \`kubectl rollout undo\`. Default ${DEPLOYMENT_DEFAULTS.revisionHistoryLimit}.`,
      'revisionHistoryLimit: 3',
    ),
    progressDeadlineSeconds: d(
      `How long a rollout may go without progress before the Deployment reports ProgressDeadlineExceeded (it does not roll back). Default ${DEPLOYMENT_DEFAULTS.progressDeadlineSeconds} (seconds).`,
      'progressDeadlineSeconds: 300',
    ),
    paused: d('While true, template changes do not start a rollout. Default false.', 'paused: true'),
  },
  DeploymentStrategy: {
    type: d(`How old pods are replaced. Default ${DEPLOYMENT_DEFAULTS.strategyType}.`, 'type: Recreate', {
      RollingUpdate: 'Start new pods and stop old ones gradually, within maxSurge and maxUnavailable (the default).',
      Recreate: 'Stop all old pods first, then start the new ones (downtime, but never two versions at once).',
    }),
    rollingUpdate: d(
      'Limits of a rolling update (only with type RollingUpdate).',
      'rollingUpdate: { maxSurge: 25%, maxUnavailable: 0 }',
    ),
  },
  RollingUpdateDeployment: {
    maxSurge: d(
      `How many pods may exist above \`replicas\` during an update: a number or a percentage (rounded up). Default ${DEPLOYMENT_DEFAULTS.maxSurge}.`,
      'maxSurge: 1',
    ),
    maxUnavailable: d(
      `How many pods may be unavailable during an update: a number or a percentage (rounded down). Default ${DEPLOYMENT_DEFAULTS.maxUnavailable}. Cannot be 0 when maxSurge is 0.`,
      'maxUnavailable: 0',
    ),
  },
  ReplicaSetSpec: {
    replicas,
    selector: selector('ReplicaSet'),
    template: template('ReplicaSet'),
    minReadySeconds,
  },
  StatefulSetSpec: {
    replicas,
    selector: selector('StatefulSet'),
    template: template('StatefulSet'),
    serviceName: d(
      'Headless Service that gives each pod a stable DNS name `<pod>.<serviceName>`; create it yourself. Required.',
      'serviceName: db',
    ),
    podManagementPolicy: d(
      `Order in which pods are created and removed. Default ${STATEFUL_SET_DEFAULTS.podManagementPolicy}.`,
      'podManagementPolicy: Parallel',
      {
        OrderedReady:
          'One at a time: pod N+1 starts only when pod N is Running and Ready; removal in reverse order (the default).',
        Parallel: 'Create and delete pods all at once, without waiting (updates still follow updateStrategy).',
      },
    ),
    volumeClaimTemplates: d(
      'PVC templates: each pod gets its own claim `<template>-<pod>`, kept across restarts and rescheduling.',
      'volumeClaimTemplates: [{ metadata: { name: data }, spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } } }]',
    ),
    updateStrategy: d(
      `How pods are replaced when the template changes. Default ${STATEFUL_SET_DEFAULTS.updateStrategyType} with partition ${STATEFUL_SET_DEFAULTS.partition}.`,
      'updateStrategy: { type: RollingUpdate, rollingUpdate: { partition: 2 } }',
    ),
    ordinals: d('First ordinal used in pod names. Default start 0 (`web-0`, `web-1` …).', 'ordinals: { start: 1 }'),
    persistentVolumeClaimRetentionPolicy: d(
      `Whether the PVCs of the pods are kept or deleted when the StatefulSet is deleted or scaled down. Default ${STATEFUL_SET_DEFAULTS.pvcRetention} for both.`,
      'persistentVolumeClaimRetentionPolicy: { whenDeleted: Delete, whenScaled: Retain }',
    ),
    minReadySeconds,
    revisionHistoryLimit: history,
  },
  StatefulSetUpdateStrategy: {
    type: d('How pods are updated. Default RollingUpdate.', 'type: OnDelete', {
      RollingUpdate: 'Replace pods one at a time, from the highest ordinal down (the default).',
      OnDelete: 'Only replace a pod when you delete it yourself.',
    }),
    rollingUpdate: d('Partition and maxUnavailable of a rolling update.', 'rollingUpdate: { partition: 1 }'),
  },
  RollingUpdateStatefulSetStrategy: {
    partition: d(
      `Only pods with an ordinal ≥ partition are updated (for canaries). Default ${STATEFUL_SET_DEFAULTS.partition}.`,
      'partition: 2',
    ),
    maxUnavailable: d(
      'How many pods may be down at once during an update (MaxUnavailableStatefulSet gate). Default 1.',
      'maxUnavailable: 2',
    ),
  },
  StatefulSetOrdinals: {
    start: d('Ordinal of the first pod. Default 0.', 'start: 1'),
  },
  StatefulSetPersistentVolumeClaimRetentionPolicy: {
    whenDeleted: d(
      `What happens to the PVCs when the StatefulSet is deleted. Default ${STATEFUL_SET_DEFAULTS.pvcRetention}.`,
      'whenDeleted: Delete',
      {
        Retain: 'Keep the PVCs (the default).',
        Delete: 'Delete the PVCs with the StatefulSet.',
      },
    ),
    whenScaled: d(
      `What happens to the PVCs of removed pods on scale-down. Default ${STATEFUL_SET_DEFAULTS.pvcRetention}.`,
      'whenScaled: Delete',
      {
        Retain: 'Keep the PVCs (the default).',
        Delete: 'Delete the PVCs of the removed pods.',
      },
    ),
  },
  DaemonSetSpec: {
    selector: selector('DaemonSet'),
    template: template('DaemonSet'),
    updateStrategy: d(
      `How pods are replaced when the template changes. Default ${DAEMON_SET_DEFAULTS.updateStrategyType} with maxUnavailable ${DAEMON_SET_DEFAULTS.maxUnavailable}.`,
      'updateStrategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 1 } }',
    ),
    minReadySeconds,
    revisionHistoryLimit: history,
  },
  DaemonSetUpdateStrategy: {
    type: d('How pods are updated. Default RollingUpdate.', 'type: OnDelete', updateTypes),
    rollingUpdate: d('Limits of a rolling update.', 'rollingUpdate: { maxUnavailable: 10% }'),
  },
  RollingUpdateDaemonSet: {
    maxUnavailable: d(
      `How many nodes may be without a ready pod during an update: number or percentage. Default ${DAEMON_SET_DEFAULTS.maxUnavailable}.`,
      'maxUnavailable: 10%',
    ),
    maxSurge: d(
      `How many nodes may run an extra new pod beside the old one during an update. Default ${DAEMON_SET_DEFAULTS.maxSurge}.`,
      'maxSurge: 1',
    ),
  },
  PersistentVolumeClaimSpec: {
    accessModes: d(
      'How the volume can be mounted: ReadWriteOnce (one node), ReadOnlyMany, ReadWriteMany, ReadWriteOncePod.',
      'accessModes: [ReadWriteOnce]',
    ),
    resources: d('Storage size requested (and optionally a limit).', 'resources: { requests: { storage: 10Gi } }'),
    storageClassName: d(
      'StorageClass that provisions the volume. Default: the cluster\'s default class; `""` means none.',
      'storageClassName: fast-ssd',
    ),
    volumeMode: d(`Filesystem or raw Block device. Default ${PVC_DEFAULTS.volumeMode}.`, 'volumeMode: Block', {
      Filesystem: 'A mounted filesystem (the default).',
      Block: 'A raw block device (use volumeDevices).',
    }),
    volumeName: d('Binds to this existing PersistentVolume.', 'volumeName: pv-0001'),
    selector: d(
      'Label selector over existing PersistentVolumes to bind to.',
      'selector: { matchLabels: { tier: gold } }',
    ),
    dataSource: d(
      'Pre-fills the volume from a snapshot or another PVC.',
      'dataSource: { kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io, name: snap-1 }',
    ),
    dataSourceRef: d(
      'Like dataSource, but may point to any populator object (and to another namespace).',
      'dataSourceRef: { kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io, name: snap-1 }',
    ),
    volumeAttributesClassName: d(
      'VolumeAttributesClass (IOPS, throughput …) applied to the volume.',
      'volumeAttributesClassName: gold',
    ),
  },
  VolumeResourceRequirements: {
    requests: d('Storage requested, e.g. `storage: 10Gi`.', 'requests: { storage: 10Gi }'),
    limits: d('Maximum storage.', 'limits: { storage: 20Gi }'),
  },
  PersistentVolumeClaimTemplate: {
    metadata: d('Labels and annotations of the generated PVC.', 'metadata: { labels: { app: web } }'),
    spec: d(
      'Spec of the generated PVC. Required.',
      'spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }',
    ),
  },
};
