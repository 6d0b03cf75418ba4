// Well-known values and map keys that the model does not list as enums: field paths of the downward API,
// resource names, capabilities, topology labels … keyed by `<Type>.<field>`.

import { ENV_FIELD_PATHS, RESOURCE_FIELD_REFS } from '../../../simulator/src/index';

export const WELL_KNOWN_VALUES: Record<string, readonly string[]> = {
  // the validator's own lists; labels and annotations as whole maps are valid in downwardAPI volumes
  'ObjectFieldSelector.fieldPath': [...ENV_FIELD_PATHS, 'metadata.labels', 'metadata.annotations'],
  'ResourceFieldSelector.resource': RESOURCE_FIELD_REFS,
  'Capabilities.add': [
    'NET_BIND_SERVICE',
    'NET_ADMIN',
    'NET_RAW',
    'SYS_ADMIN',
    'SYS_PTRACE',
    'SYS_TIME',
    'CHOWN',
    'DAC_OVERRIDE',
    'FOWNER',
    'SETUID',
    'SETGID',
    'KILL',
  ],
  'Capabilities.drop': [
    'ALL',
    'NET_RAW',
    'NET_ADMIN',
    'SYS_ADMIN',
    'SYS_PTRACE',
    'SETUID',
    'SETGID',
    'CHOWN',
    'DAC_OVERRIDE',
    'FOWNER',
    'KILL',
    'MKNOD',
  ],
  'PersistentVolumeClaimSpec.accessModes': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'PodAffinityTerm.topologyKey': [
    'kubernetes.io/hostname',
    'topology.kubernetes.io/zone',
    'topology.kubernetes.io/region',
  ],
  'TopologySpreadConstraint.topologyKey': [
    'kubernetes.io/hostname',
    'topology.kubernetes.io/zone',
    'topology.kubernetes.io/region',
  ],
  'NodeSelectorRequirement.key': [
    'kubernetes.io/hostname',
    'kubernetes.io/os',
    'kubernetes.io/arch',
    'topology.kubernetes.io/zone',
    'topology.kubernetes.io/region',
    'node.kubernetes.io/instance-type',
  ],
  'Toleration.key': [
    'node.kubernetes.io/not-ready',
    'node.kubernetes.io/unreachable',
    'node.kubernetes.io/disk-pressure',
    'node.kubernetes.io/memory-pressure',
    'node-role.kubernetes.io/control-plane',
  ],
  'EmptyDirVolumeSource.medium': ['Memory'],
  'CronJobSpec.schedule': [
    '"*/5 * * * *"',
    '"0 * * * *"',
    '"0 0 * * *"',
    '"0 0 * * 0"',
    '"@hourly"',
    '"@daily"',
    '"@weekly"',
    '"@monthly"',
  ],
  'CronJobSpec.timeZone': ['Etc/UTC'],
  'ContainerResizePolicy.resourceName': ['cpu', 'memory'],
  'ServicePort.appProtocol': ['http', 'https', 'grpc', 'kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss'],
  'ServiceSpec.clusterIP': ['None'],
  'ServiceSpec.trafficDistribution': ['PreferClose'],
  'PodFailurePolicyOnPodConditionsPattern.type': ['DisruptionTarget'],
  'PodFailurePolicyOnPodConditionsPattern.status': ['"True"', '"False"', '"Unknown"'],
};

/** Keys offered inside free-form maps, keyed by `<Type>.<field>` of the map field. */
export const WELL_KNOWN_KEYS: Record<string, readonly string[]> = {
  'ResourceRequirements.requests': ['cpu', 'memory', 'ephemeral-storage'],
  'ResourceRequirements.limits': ['cpu', 'memory', 'ephemeral-storage'],
  'VolumeResourceRequirements.requests': ['storage'],
  'VolumeResourceRequirements.limits': ['storage'],
  'PodSpec.overhead': ['cpu', 'memory'],
  'PodSpec.nodeSelector': [
    'kubernetes.io/os',
    'kubernetes.io/arch',
    'kubernetes.io/hostname',
    'topology.kubernetes.io/zone',
    'topology.kubernetes.io/region',
    'node.kubernetes.io/instance-type',
  ],
  'ObjectMeta.labels': [
    'app.kubernetes.io/name',
    'app.kubernetes.io/instance',
    'app.kubernetes.io/version',
    'app.kubernetes.io/component',
    'app.kubernetes.io/part-of',
    'app.kubernetes.io/managed-by',
    'app',
  ],
  'ObjectMeta.annotations': ['kubectl.kubernetes.io/default-container'],
};

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export { POD_SPEC_PATHS } from '../../../simulator/src/index';
import { POD_SPEC_PATHS } from '../../../simulator/src/index';

/** Where the pod template's labels sit in each pod-carrying kind. */
export function podLabelsPath(kind: string): string[] | undefined {
  const spec = POD_SPEC_PATHS[kind];
  return spec ? [...spec.slice(0, -1), 'metadata', 'labels'] : undefined;
}
