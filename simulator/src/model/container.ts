// Containers and their parts (core/v1 Container, EphemeralContainer, EnvVar, ContainerPort, …).
import { CONTAINER_DEFAULTS, FIELD_REF_API_VERSION_DEFAULT, PORT_PROTOCOL_DEFAULT } from './defaultValues';
import {
  z,
  obj,
  str,
  req,
  int32,
  opt,
  optNotNull,
  optStr,
  optBool,
  optInt32,
  optList,
  optStrList,
  optEnum,
  optQuantityMap,
  quantity,
  type Type,
} from './primitives';
import { LifecycleSchema, ProbeSchema } from './probe';
import { SecurityContextSchema } from './security';

export const ConfigMapKeySelectorSchema = obj({
  key: str(),
  name: optStr(),
  optional: optBool(),
});

export const SecretKeySelectorSchema = obj({
  key: str(),
  name: optStr(),
  optional: optBool(),
});

export const ObjectFieldSelectorSchema = obj({
  apiVersion: optStr({ default: FIELD_REF_API_VERSION_DEFAULT }),
  fieldPath: str(),
});

export const ResourceFieldSelectorSchema = obj({
  containerName: optStr(),
  divisor: optNotNull(quantity()),
  resource: str(),
});

const envVarSourceImpl = obj({
  configMapKeyRef: opt(ConfigMapKeySelectorSchema),
  fieldRef: opt(ObjectFieldSelectorSchema),
  resourceFieldRef: opt(ResourceFieldSelectorSchema),
  secretKeyRef: opt(SecretKeySelectorSchema),
});
/** The zod object type of EnvVarSourceSchema, named so that declaration files refer to it instead of repeating it. */
export interface EnvVarSourceSchemaType extends Type<typeof envVarSourceImpl> {}
export const EnvVarSourceSchema: EnvVarSourceSchemaType = envVarSourceImpl;

const envVarImpl = obj({
  name: str(),
  value: optStr(),
  valueFrom: opt(EnvVarSourceSchema),
});
/** The zod object type of EnvVarSchema, named so that declaration files refer to it instead of repeating it. */
export interface EnvVarSchemaType extends Type<typeof envVarImpl> {}
export const EnvVarSchema: EnvVarSchemaType = envVarImpl;

export const ConfigMapEnvSourceSchema = obj({
  name: optStr(),
  optional: optBool(),
});

export const SecretEnvSourceSchema = obj({
  name: optStr(),
  optional: optBool(),
});

const envFromSourceImpl = obj({
  configMapRef: opt(ConfigMapEnvSourceSchema),
  prefix: optStr(),
  secretRef: opt(SecretEnvSourceSchema),
});
/** The zod object type of EnvFromSourceSchema, named so that declaration files refer to it instead of repeating it. */
export interface EnvFromSourceSchemaType extends Type<typeof envFromSourceImpl> {}
export const EnvFromSourceSchema: EnvFromSourceSchemaType = envFromSourceImpl;

const containerPortImpl = obj({
  containerPort: int32(),
  hostIP: optStr(),
  hostPort: optInt32(),
  name: optStr(),
  protocol: optEnum(['SCTP', 'TCP', 'UDP'], { default: PORT_PROTOCOL_DEFAULT }),
});
/** The zod object type of ContainerPortSchema, named so that declaration files refer to it instead of repeating it. */
export interface ContainerPortSchemaType extends Type<typeof containerPortImpl> {}
export const ContainerPortSchema: ContainerPortSchemaType = containerPortImpl;

export const ResourceClaimSchema = obj({
  name: str(),
  request: optStr(),
});

const resourceRequirementsImpl = obj({
  claims: optList(ResourceClaimSchema),
  limits: optQuantityMap(),
  requests: optQuantityMap(),
});
/** The zod object type of ResourceRequirementsSchema, named so that declaration files refer to it instead of repeating it. */
export interface ResourceRequirementsSchemaType extends Type<typeof resourceRequirementsImpl> {}
export const ResourceRequirementsSchema: ResourceRequirementsSchemaType = resourceRequirementsImpl;

const volumeMountImpl = obj({
  mountPath: str(),
  mountPropagation: optEnum(['None', 'HostToContainer', 'Bidirectional']),
  name: str(),
  readOnly: optBool({ default: false }),
  recursiveReadOnly: optEnum(['Disabled', 'IfPossible', 'Enabled']),
  subPath: optStr(),
  subPathExpr: optStr(),
});
/** The zod object type of VolumeMountSchema, named so that declaration files refer to it instead of repeating it. */
export interface VolumeMountSchemaType extends Type<typeof volumeMountImpl> {}
export const VolumeMountSchema: VolumeMountSchemaType = volumeMountImpl;

export const VolumeDeviceSchema = obj({
  devicePath: str(),
  name: str(),
});

export const ContainerResizePolicySchema = obj({
  resourceName: str(),
  restartPolicy: req(str(), { values: ['NotRequired', 'RestartContainer'] }),
});

const containerFields = {
  args: optStrList(),
  command: optStrList(),
  env: optList(EnvVarSchema),
  envFrom: optList(EnvFromSourceSchema),
  image: optStr(),
  imagePullPolicy: optEnum(['Always', 'IfNotPresent', 'Never'], { setBy: 'api-server' }),
  lifecycle: opt(LifecycleSchema),
  livenessProbe: opt(ProbeSchema),
  ports: optList(ContainerPortSchema),
  readinessProbe: opt(ProbeSchema),
  resizePolicy: optList(ContainerResizePolicySchema),
  resources: opt(ResourceRequirementsSchema),
  restartPolicy: optEnum(['Always']),
  securityContext: opt(SecurityContextSchema),
  startupProbe: opt(ProbeSchema),
  stdin: optBool({ default: false }),
  stdinOnce: optBool({ default: false }),
  terminationMessagePath: optStr({ default: CONTAINER_DEFAULTS.terminationMessagePath }),
  terminationMessagePolicy: optEnum(['File', 'FallbackToLogsOnError'], {
    default: CONTAINER_DEFAULTS.terminationMessagePolicy,
  }),
  tty: optBool({ default: false }),
  volumeDevices: optList(VolumeDeviceSchema),
  volumeMounts: optList(VolumeMountSchema),
  workingDir: optStr(),
};

/** A container name is a DNS-1123 label: at most 63 characters (the rest is checked by validate.ts). */
const containerName = () => z.string().max(63);

const containerImpl = obj({
  ...containerFields,
  name: containerName(),
});
/** The zod object type of ContainerSchema, named so that declaration files refer to it instead of repeating it. */
export interface ContainerSchemaType extends Type<typeof containerImpl> {}
export const ContainerSchema: ContainerSchemaType = containerImpl;

const ephemeralContainerImpl = obj({
  ...containerFields,
  name: containerName(),
  targetContainerName: optStr(),
});
/** The zod object type of EphemeralContainerSchema, named so that declaration files refer to it instead of repeating it. */
export interface EphemeralContainerSchemaType extends Type<typeof ephemeralContainerImpl> {}
export const EphemeralContainerSchema: EphemeralContainerSchemaType = ephemeralContainerImpl;

export type ConfigMapKeySelector = z.infer<typeof ConfigMapKeySelectorSchema>;
export type SecretKeySelector = z.infer<typeof SecretKeySelectorSchema>;
export type ObjectFieldSelector = z.infer<typeof ObjectFieldSelectorSchema>;
export type ResourceFieldSelector = z.infer<typeof ResourceFieldSelectorSchema>;
export type EnvVarSource = z.infer<typeof EnvVarSourceSchema>;
export type EnvVar = z.infer<typeof EnvVarSchema>;
export type EnvFromSource = z.infer<typeof EnvFromSourceSchema>;
export type ContainerPort = z.infer<typeof ContainerPortSchema>;
export type ResourceClaim = z.infer<typeof ResourceClaimSchema>;
export type ResourceRequirements = z.infer<typeof ResourceRequirementsSchema>;
export type VolumeMount = z.infer<typeof VolumeMountSchema>;
export type VolumeDevice = z.infer<typeof VolumeDeviceSchema>;
export type ContainerResizePolicy = z.infer<typeof ContainerResizePolicySchema>;
export type Container = z.infer<typeof ContainerSchema>;
export type EphemeralContainer = z.infer<typeof EphemeralContainerSchema>;
