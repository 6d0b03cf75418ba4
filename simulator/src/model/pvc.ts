// PersistentVolumeClaim parts used inside workloads: ephemeral volume templates and StatefulSet
// volumeClaimTemplates.
import { PVC_DEFAULTS } from './defaultValues';
import {
  z,
  obj,
  str,
  opt,
  optStr,
  optTime,
  optList,
  optStrList,
  optStrMap,
  optEnum,
  optQuantityMap,
  status,
  type Type,
} from './primitives';
import { LabelSelectorSchema, ObjectMetaSchema } from './meta';

export const TypedLocalObjectReferenceSchema = obj({
  apiGroup: optStr(),
  kind: str(),
  name: str(),
});

export const TypedObjectReferenceSchema = obj({
  apiGroup: optStr(),
  kind: str(),
  name: str(),
  namespace: optStr(),
});

export const VolumeResourceRequirementsSchema = obj({
  limits: optQuantityMap(),
  requests: optQuantityMap(),
});

const persistentVolumeClaimSpecImpl = obj({
  accessModes: optStrList(),
  dataSource: opt(TypedLocalObjectReferenceSchema),
  dataSourceRef: opt(TypedObjectReferenceSchema),
  resources: opt(VolumeResourceRequirementsSchema),
  selector: opt(LabelSelectorSchema),
  storageClassName: optStr(),
  volumeAttributesClassName: optStr({ setBy: 'controller' }),
  volumeMode: optEnum(['Filesystem', 'Block'], { default: PVC_DEFAULTS.volumeMode }),
  volumeName: optStr(),
});
/** The zod object type of PersistentVolumeClaimSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface PersistentVolumeClaimSpecSchemaType extends Type<typeof persistentVolumeClaimSpecImpl> {}
export const PersistentVolumeClaimSpecSchema: PersistentVolumeClaimSpecSchemaType = persistentVolumeClaimSpecImpl;

/** Condition shape shared by PersistentVolumeClaim, Pod and Job status. */
export const ConditionWithProbeTimeSchema = obj({
  lastProbeTime: optTime(),
  lastTransitionTime: optTime(),
  message: optStr(),
  reason: optStr(),
  status: str(),
  type: str(),
});

export const ModifyVolumeStatusSchema = obj({
  status: str(),
  targetVolumeAttributesClassName: optStr(),
});

const persistentVolumeClaimStatusImpl = obj({
  accessModes: optStrList(),
  allocatedResourceStatuses: optStrMap(),
  allocatedResources: optQuantityMap(),
  capacity: optQuantityMap(),
  conditions: optList(ConditionWithProbeTimeSchema),
  currentVolumeAttributesClassName: optStr(),
  modifyVolumeStatus: opt(ModifyVolumeStatusSchema),
  phase: optStr(),
});
/** The zod object type of PersistentVolumeClaimStatusSchema, named so that declaration files refer to it instead of repeating it. */
export interface PersistentVolumeClaimStatusSchemaType extends Type<typeof persistentVolumeClaimStatusImpl> {}
export const PersistentVolumeClaimStatusSchema: PersistentVolumeClaimStatusSchemaType = persistentVolumeClaimStatusImpl;

const persistentVolumeClaimTemplateImpl = obj({
  metadata: opt(ObjectMetaSchema),
  spec: PersistentVolumeClaimSpecSchema,
});
/** The zod object type of PersistentVolumeClaimTemplateSchema, named so that declaration files refer to it instead of repeating it. */
export interface PersistentVolumeClaimTemplateSchemaType extends Type<typeof persistentVolumeClaimTemplateImpl> {}
export const PersistentVolumeClaimTemplateSchema: PersistentVolumeClaimTemplateSchemaType =
  persistentVolumeClaimTemplateImpl;

const persistentVolumeClaimImpl = obj({
  apiVersion: z.literal('v1').optional(),
  kind: z.literal('PersistentVolumeClaim').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(PersistentVolumeClaimSpecSchema),
  status: status(PersistentVolumeClaimStatusSchema),
});
/** The zod object type of PersistentVolumeClaimSchema, named so that declaration files refer to it instead of repeating it. */
export interface PersistentVolumeClaimSchemaType extends Type<typeof persistentVolumeClaimImpl> {}
export const PersistentVolumeClaimSchema: PersistentVolumeClaimSchemaType = persistentVolumeClaimImpl;

export type PersistentVolumeClaimSpec = z.infer<typeof PersistentVolumeClaimSpecSchema>;
export type PersistentVolumeClaimTemplate = z.infer<typeof PersistentVolumeClaimTemplateSchema>;
export type PersistentVolumeClaim = z.infer<typeof PersistentVolumeClaimSchema>;
