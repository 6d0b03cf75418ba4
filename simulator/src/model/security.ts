// Pod and container security contexts (core/v1 PodSecurityContext, SecurityContext and their parts).
import {
  type z,
  obj,
  str,
  req,
  opt,
  optStr,
  optBool,
  optInt64,
  optList,
  optStrList,
  optEnum,
  intList,
  type Type,
} from './primitives';

export const SELinuxOptionsSchema = obj({
  level: optStr(),
  role: optStr(),
  type: optStr(),
  user: optStr(),
});

export const CapabilitiesSchema = obj({
  add: optStrList(),
  drop: optStrList(),
});

export const SeccompProfileSchema = obj({
  localhostProfile: optStr(),
  type: req(str(), { values: ['RuntimeDefault', 'Unconfined', 'Localhost'] }),
});

export const AppArmorProfileSchema = obj({
  localhostProfile: optStr(),
  type: req(str(), { values: ['RuntimeDefault', 'Unconfined', 'Localhost'] }),
});

export const WindowsSecurityContextOptionsSchema = obj({
  gmsaCredentialSpec: optStr(),
  gmsaCredentialSpecName: optStr(),
  hostProcess: optBool(),
  runAsUserName: optStr(),
});

export const SysctlSchema = obj({
  name: str(),
  value: str(),
});

const securityContextImpl = obj({
  allowPrivilegeEscalation: optBool(),
  appArmorProfile: opt(AppArmorProfileSchema),
  capabilities: opt(CapabilitiesSchema),
  privileged: optBool({ default: false }),
  procMount: optEnum(['Default', 'Unmasked']),
  readOnlyRootFilesystem: optBool({ default: false }),
  runAsGroup: optInt64(),
  runAsNonRoot: optBool(),
  runAsUser: optInt64(),
  seLinuxOptions: opt(SELinuxOptionsSchema),
  seccompProfile: opt(SeccompProfileSchema),
  windowsOptions: opt(WindowsSecurityContextOptionsSchema),
});
/** The zod object type of SecurityContextSchema, named so that declaration files refer to it instead of repeating it. */
export interface SecurityContextSchemaType extends Type<typeof securityContextImpl> {}
export const SecurityContextSchema: SecurityContextSchemaType = securityContextImpl;

const podSecurityContextImpl = obj({
  appArmorProfile: opt(AppArmorProfileSchema),
  fsGroup: optInt64(),
  fsGroupChangePolicy: optEnum(['OnRootMismatch', 'Always']),
  runAsGroup: optInt64(),
  runAsNonRoot: optBool(),
  runAsUser: optInt64(),
  seLinuxChangePolicy: optEnum(['Recursive', 'MountOption']),
  seLinuxOptions: opt(SELinuxOptionsSchema),
  seccompProfile: opt(SeccompProfileSchema),
  supplementalGroups: opt(intList('int64')),
  supplementalGroupsPolicy: optEnum(['Merge', 'Strict']),
  sysctls: optList(SysctlSchema),
  windowsOptions: opt(WindowsSecurityContextOptionsSchema),
});
/** The zod object type of PodSecurityContextSchema, named so that declaration files refer to it instead of repeating it. */
export interface PodSecurityContextSchemaType extends Type<typeof podSecurityContextImpl> {}
export const PodSecurityContextSchema: PodSecurityContextSchemaType = podSecurityContextImpl;

export type SELinuxOptions = z.infer<typeof SELinuxOptionsSchema>;
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
export type SeccompProfile = z.infer<typeof SeccompProfileSchema>;
export type AppArmorProfile = z.infer<typeof AppArmorProfileSchema>;
export type WindowsSecurityContextOptions = z.infer<typeof WindowsSecurityContextOptionsSchema>;
export type Sysctl = z.infer<typeof SysctlSchema>;
export type SecurityContext = z.infer<typeof SecurityContextSchema>;
export type PodSecurityContext = z.infer<typeof PodSecurityContextSchema>;
