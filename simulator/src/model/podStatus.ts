// Pod status as reported by the kubelet (read-only for users; accurate so that the oracle agrees).
import {
  type z,
  obj,
  str,
  bool,
  int32,
  int64,
  opt,
  optStr,
  optBool,
  optInt32,
  optTime,
  optList,
  optQuantityMap,
  intList,
  type Type,
} from './primitives';
import { ResourceRequirementsSchema } from './container';
import { ConditionWithProbeTimeSchema } from './pvc';

export const ContainerStateRunningSchema = obj({ startedAt: optTime() });

export const ContainerStateTerminatedSchema = obj({
  containerID: optStr(),
  exitCode: int32(),
  finishedAt: optTime(),
  message: optStr(),
  reason: optStr(),
  signal: optInt32(),
  startedAt: optTime(),
});

export const ContainerStateWaitingSchema = obj({ message: optStr(), reason: optStr() });

export const ContainerStateSchema = obj({
  running: opt(ContainerStateRunningSchema),
  terminated: opt(ContainerStateTerminatedSchema),
  waiting: opt(ContainerStateWaitingSchema),
});

export const ResourceHealthSchema = obj({ health: optStr(), resourceID: str() });
export const ResourceStatusSchema = obj({ name: str(), resources: optList(ResourceHealthSchema) });

export const LinuxContainerUserSchema = obj({
  gid: int64(),
  supplementalGroups: opt(intList('int64')),
  uid: int64(),
});
export const ContainerUserSchema = obj({ linux: opt(LinuxContainerUserSchema) });

export const VolumeMountStatusSchema = obj({
  mountPath: str(),
  name: str(),
  readOnly: optBool(),
  recursiveReadOnly: optStr(),
});

const containerStatusImpl = obj({
  allocatedResources: optQuantityMap(),
  allocatedResourcesStatus: optList(ResourceStatusSchema),
  containerID: optStr(),
  image: str(),
  imageID: str(),
  lastState: opt(ContainerStateSchema),
  name: str(),
  ready: bool(),
  resources: opt(ResourceRequirementsSchema),
  restartCount: int32(),
  started: optBool(),
  state: opt(ContainerStateSchema),
  user: opt(ContainerUserSchema),
  volumeMounts: optList(VolumeMountStatusSchema),
});
/** The zod object type of ContainerStatusSchema, named so that declaration files refer to it instead of repeating it. */
export interface ContainerStatusSchemaType extends Type<typeof containerStatusImpl> {}
export const ContainerStatusSchema: ContainerStatusSchemaType = containerStatusImpl;

export const HostIPSchema = obj({ ip: str() });
export const PodIPSchema = obj({ ip: str() });
export const PodResourceClaimStatusSchema = obj({ name: str(), resourceClaimName: optStr() });

const podStatusImpl = obj({
  conditions: optList(ConditionWithProbeTimeSchema),
  containerStatuses: optList(ContainerStatusSchema),
  ephemeralContainerStatuses: optList(ContainerStatusSchema),
  hostIP: optStr(),
  hostIPs: optList(HostIPSchema),
  initContainerStatuses: optList(ContainerStatusSchema),
  message: optStr(),
  nominatedNodeName: optStr(),
  phase: optStr({ values: ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] }),
  podIP: optStr(),
  podIPs: optList(PodIPSchema),
  qosClass: optStr({ values: ['Guaranteed', 'Burstable', 'BestEffort'] }),
  reason: optStr(),
  resize: optStr(),
  resourceClaimStatuses: optList(PodResourceClaimStatusSchema),
  startTime: optTime(),
});
/** The zod object type of PodStatusSchema, named so that declaration files refer to it instead of repeating it. */
export interface PodStatusSchemaType extends Type<typeof podStatusImpl> {}
export const PodStatusSchema: PodStatusSchemaType = podStatusImpl;

export type ContainerState = z.infer<typeof ContainerStateSchema>;
export type ContainerStatus = z.infer<typeof ContainerStatusSchema>;
export type PodStatus = z.infer<typeof PodStatusSchema>;
