// PodSpec, PodTemplateSpec and Pod (core/v1).
import { ADMISSION_DEFAULTS, POD_DEFAULTS, POD_SPEC_DEFAULTS } from './defaultValues';
import {
  z,
  obj,
  str,
  req,
  opt,
  optStr,
  optBool,
  optInt32,
  optInt64,
  optList,
  optStrList,
  optStrMap,
  optEnum,
  optQuantityMap,
  status,
  type Type,
} from './primitives';
import { LocalObjectReferenceSchema, ObjectMetaSchema } from './meta';
import { ContainerSchema, EphemeralContainerSchema, ResourceRequirementsSchema } from './container';
import { PodSecurityContextSchema } from './security';
import { AffinitySchema, TolerationSchema, TopologySpreadConstraintSchema } from './affinity';
import { VolumeSchema } from './volumes';
import { PodStatusSchema } from './podStatus';

export const PodDNSConfigOptionSchema = obj({ name: optStr(), value: optStr() });

export const PodDNSConfigSchema = obj({
  nameservers: optStrList(),
  options: optList(PodDNSConfigOptionSchema),
  searches: optStrList(),
});

export const HostAliasSchema = obj({ hostnames: optStrList(), ip: str() });

export const PodOSSchema = obj({ name: req(str(), { values: ['linux', 'windows'] }) });

export const PodReadinessGateSchema = obj({ conditionType: str() });

export const PodResourceClaimSchema = obj({
  name: str(),
  resourceClaimName: optStr(),
  resourceClaimTemplateName: optStr(),
});

export const PodSchedulingGateSchema = obj({ name: str() });

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;

const podSpecImpl = obj({
  activeDeadlineSeconds: optInt64({ unit: 'seconds' }),
  affinity: opt(AffinitySchema),
  automountServiceAccountToken: optBool(),
  containers: z.array(ContainerSchema.nullable()).transform((a) => a.filter((c) => c !== null)),
  dnsConfig: opt(PodDNSConfigSchema),
  dnsPolicy: optEnum(DNS_POLICIES, { default: POD_SPEC_DEFAULTS.dnsPolicy }),
  enableServiceLinks: optBool({ default: POD_DEFAULTS.enableServiceLinks }),
  ephemeralContainers: optList(EphemeralContainerSchema, { setBy: 'api-server' }),
  hostAliases: optList(HostAliasSchema),
  hostIPC: optBool({ default: false }),
  hostNetwork: optBool({ default: false }),
  hostPID: optBool({ default: false }),
  hostUsers: optBool({ default: true }),
  hostname: optStr(),
  imagePullSecrets: optList(LocalObjectReferenceSchema),
  initContainers: optList(ContainerSchema),
  nodeName: optStr({ setBy: 'scheduler' }),
  nodeSelector: optStrMap(),
  os: opt(PodOSSchema),
  overhead: optQuantityMap({ setBy: 'admission' }),
  preemptionPolicy: optEnum(['Never', 'PreemptLowerPriority'], { setBy: 'admission' }),
  priority: optInt32({ setBy: 'admission' }),
  priorityClassName: optStr(),
  readinessGates: optList(PodReadinessGateSchema),
  resourceClaims: optList(PodResourceClaimSchema),
  resources: opt(ResourceRequirementsSchema),
  restartPolicy: optEnum(RESTART_POLICIES, { default: POD_SPEC_DEFAULTS.restartPolicy }),
  runtimeClassName: optStr(),
  schedulerName: optStr({ default: POD_SPEC_DEFAULTS.schedulerName }),
  schedulingGates: optList(PodSchedulingGateSchema),
  securityContext: opt(PodSecurityContextSchema, { default: {} }),
  serviceAccount: optStr({ deprecated: 'use serviceAccountName' }),
  serviceAccountName: optStr({ default: ADMISSION_DEFAULTS.serviceAccountName, setBy: 'admission' }),
  setHostnameAsFQDN: optBool({ default: false }),
  shareProcessNamespace: optBool({ default: false }),
  subdomain: optStr(),
  terminationGracePeriodSeconds: optInt64({
    default: POD_SPEC_DEFAULTS.terminationGracePeriodSeconds,
    unit: 'seconds',
  }),
  tolerations: optList(TolerationSchema),
  topologySpreadConstraints: optList(TopologySpreadConstraintSchema),
  volumes: optList(VolumeSchema),
});
/** The zod object type of PodSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface PodSpecSchemaType extends Type<typeof podSpecImpl> {}
export const PodSpecSchema: PodSpecSchemaType = podSpecImpl;

const podTemplateSpecImpl = obj({
  metadata: opt(ObjectMetaSchema),
  spec: opt(PodSpecSchema),
});
/** The zod object type of PodTemplateSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface PodTemplateSpecSchemaType extends Type<typeof podTemplateSpecImpl> {}
export const PodTemplateSpecSchema: PodTemplateSpecSchemaType = podTemplateSpecImpl;

const podImpl = obj({
  apiVersion: z.literal('v1').optional(),
  kind: z.literal('Pod').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(PodSpecSchema),
  status: status(PodStatusSchema),
});
/** The zod object type of PodSchema, named so that declaration files refer to it instead of repeating it. */
export interface PodSchemaType extends Type<typeof podImpl> {}
export const PodSchema: PodSchemaType = podImpl;

export type PodDNSConfig = z.infer<typeof PodDNSConfigSchema>;
export type HostAlias = z.infer<typeof HostAliasSchema>;
export type PodSpec = z.infer<typeof PodSpecSchema>;
export type PodTemplateSpec = z.infer<typeof PodTemplateSpecSchema>;
export type Pod = z.infer<typeof PodSchema>;
export type RestartPolicy = (typeof RESTART_POLICIES)[number];
