// core/v1 Service.
import { PORT_PROTOCOL_DEFAULT, SERVICE_DEFAULTS } from './defaultValues';
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
  optList,
  optStrList,
  optStrMap,
  optEnum,
  intOrString,
  status,
  time,
  type Type,
} from './primitives';
import { ObjectMetaSchema } from './meta';

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;

export const ServicePortSchema = obj({
  appProtocol: optStr(),
  name: optStr(),
  nodePort: optInt32({ setBy: 'api-server' }),
  port: int32(),
  protocol: optEnum(['SCTP', 'TCP', 'UDP'], { default: PORT_PROTOCOL_DEFAULT }),
  targetPort: optNotNull(intOrString(), { default: 'the value of port' }),
});

export const ClientIPConfigSchema = obj({
  timeoutSeconds: optInt32({ default: SERVICE_DEFAULTS.clientIPTimeoutSeconds, unit: 'seconds' }),
});
export const SessionAffinityConfigSchema = obj({ clientIP: opt(ClientIPConfigSchema) });

const serviceSpecImpl = obj({
  allocateLoadBalancerNodePorts: optBool({ default: SERVICE_DEFAULTS.allocateLoadBalancerNodePorts }),
  clusterIP: optStr({ setBy: 'api-server' }),
  clusterIPs: optStrList({ setBy: 'api-server' }),
  externalIPs: optStrList(),
  externalName: optStr(),
  externalTrafficPolicy: optEnum(['Cluster', 'Local'], { default: SERVICE_DEFAULTS.externalTrafficPolicy }),
  healthCheckNodePort: optInt32({ setBy: 'api-server' }),
  internalTrafficPolicy: optEnum(['Cluster', 'Local'], { default: SERVICE_DEFAULTS.internalTrafficPolicy }),
  ipFamilies: optStrList({ setBy: 'api-server' }),
  ipFamilyPolicy: optEnum(['SingleStack', 'PreferDualStack', 'RequireDualStack'], {
    default: SERVICE_DEFAULTS.ipFamilyPolicy,
  }),
  loadBalancerClass: optStr(),
  loadBalancerIP: optStr({ deprecated: 'use the annotations of your cloud provider' }),
  loadBalancerSourceRanges: optStrList(),
  ports: optList(ServicePortSchema),
  publishNotReadyAddresses: optBool({ default: false }),
  selector: optStrMap(),
  sessionAffinity: optEnum(['ClientIP', 'None'], { default: SERVICE_DEFAULTS.sessionAffinity }),
  sessionAffinityConfig: opt(SessionAffinityConfigSchema),
  trafficDistribution: optStr(),
  type: optEnum(SERVICE_TYPES, { default: SERVICE_DEFAULTS.type }),
});
/** The zod object type of ServiceSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface ServiceSpecSchemaType extends Type<typeof serviceSpecImpl> {}
export const ServiceSpecSchema: ServiceSpecSchemaType = serviceSpecImpl;

export const ServiceConditionSchema = obj({
  lastTransitionTime: time(),
  message: str(),
  observedGeneration: optInt64(),
  reason: str(),
  status: str(),
  type: str(),
});

export const PortStatusSchema = obj({ error: optStr(), port: int32(), protocol: str() });

export const LoadBalancerIngressSchema = obj({
  hostname: optStr(),
  ip: optStr(),
  ipMode: optEnum(['VIP', 'Proxy']),
  ports: optList(PortStatusSchema),
});

export const LoadBalancerStatusSchema = obj({ ingress: optList(LoadBalancerIngressSchema) });

export const ServiceStatusSchema = obj({
  conditions: optList(ServiceConditionSchema),
  loadBalancer: opt(LoadBalancerStatusSchema),
});

const serviceImpl = obj({
  apiVersion: z.literal('v1').optional(),
  kind: z.literal('Service').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(ServiceSpecSchema),
  status: status(ServiceStatusSchema),
});
/** The zod object type of ServiceSchema, named so that declaration files refer to it instead of repeating it. */
export interface ServiceSchemaType extends Type<typeof serviceImpl> {}
export const ServiceSchema: ServiceSchemaType = serviceImpl;

export type ServicePort = z.infer<typeof ServicePortSchema>;
export type ServiceSpec = z.infer<typeof ServiceSpecSchema>;
export type Service = z.infer<typeof ServiceSchema>;
