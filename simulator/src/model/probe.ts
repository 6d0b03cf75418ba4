// Probes and lifecycle hooks (core/v1 Probe, LifecycleHandler, Lifecycle and their actions).
import { HTTP_GET_DEFAULTS, PROBE_DEFAULTS } from './defaultValues';
import {
  type z,
  obj,
  str,
  int32,
  int64,
  intOrString,
  optStr,
  optInt32,
  optInt64,
  optList,
  optStrList,
  optEnum,
  opt,
  type Type,
} from './primitives';

export const ExecActionSchema = obj({
  command: optStrList(),
});

export const HTTPHeaderSchema = obj({
  name: str(),
  value: str(),
});

const hTTPGetActionImpl = obj({
  host: optStr(),
  httpHeaders: optList(HTTPHeaderSchema),
  path: optStr({ default: HTTP_GET_DEFAULTS.path }),
  port: intOrString(),
  scheme: optEnum(['HTTP', 'HTTPS'], { default: HTTP_GET_DEFAULTS.scheme }),
});
/** The zod object type of HTTPGetActionSchema, named so that declaration files refer to it instead of repeating it. */
export interface HTTPGetActionSchemaType extends Type<typeof hTTPGetActionImpl> {}
export const HTTPGetActionSchema: HTTPGetActionSchemaType = hTTPGetActionImpl;

export const TCPSocketActionSchema = obj({
  host: optStr(),
  port: intOrString(),
});

export const GRPCActionSchema = obj({
  port: int32(),
  service: optStr(),
});

export const SleepActionSchema = obj({
  seconds: int64(),
});

const probeImpl = obj({
  exec: opt(ExecActionSchema),
  failureThreshold: optInt32({ default: PROBE_DEFAULTS.failureThreshold }),
  grpc: opt(GRPCActionSchema),
  httpGet: opt(HTTPGetActionSchema),
  initialDelaySeconds: optInt32({ default: PROBE_DEFAULTS.initialDelaySeconds, unit: 'seconds' }),
  periodSeconds: optInt32({ default: PROBE_DEFAULTS.periodSeconds, unit: 'seconds' }),
  successThreshold: optInt32({ default: PROBE_DEFAULTS.successThreshold }),
  tcpSocket: opt(TCPSocketActionSchema),
  terminationGracePeriodSeconds: optInt64({ unit: 'seconds' }),
  timeoutSeconds: optInt32({ default: PROBE_DEFAULTS.timeoutSeconds, unit: 'seconds' }),
});
/** The zod object type of ProbeSchema, named so that declaration files refer to it instead of repeating it. */
export interface ProbeSchemaType extends Type<typeof probeImpl> {}
export const ProbeSchema: ProbeSchemaType = probeImpl;

const lifecycleHandlerImpl = obj({
  exec: opt(ExecActionSchema),
  httpGet: opt(HTTPGetActionSchema),
  sleep: opt(SleepActionSchema),
  tcpSocket: opt(TCPSocketActionSchema, {
    deprecated: 'tcpSocket lifecycle handlers are not supported; kept for compatibility',
  }),
});
/** The zod object type of LifecycleHandlerSchema, named so that declaration files refer to it instead of repeating it. */
export interface LifecycleHandlerSchemaType extends Type<typeof lifecycleHandlerImpl> {}
export const LifecycleHandlerSchema: LifecycleHandlerSchemaType = lifecycleHandlerImpl;

const lifecycleImpl = obj({
  postStart: opt(LifecycleHandlerSchema),
  preStop: opt(LifecycleHandlerSchema),
});
/** The zod object type of LifecycleSchema, named so that declaration files refer to it instead of repeating it. */
export interface LifecycleSchemaType extends Type<typeof lifecycleImpl> {}
export const LifecycleSchema: LifecycleSchemaType = lifecycleImpl;

export type ExecAction = z.infer<typeof ExecActionSchema>;
export type HTTPHeader = z.infer<typeof HTTPHeaderSchema>;
export type HTTPGetAction = z.infer<typeof HTTPGetActionSchema>;
export type TCPSocketAction = z.infer<typeof TCPSocketActionSchema>;
export type GRPCAction = z.infer<typeof GRPCActionSchema>;
export type SleepAction = z.infer<typeof SleepActionSchema>;
export type Probe = z.infer<typeof ProbeSchema>;
export type LifecycleHandler = z.infer<typeof LifecycleHandlerSchema>;
export type Lifecycle = z.infer<typeof LifecycleSchema>;
