// ObjectMeta, owner references and label selectors (meta/v1).
import {
  z,
  obj,
  str,
  req,
  opt,
  optStr,
  optBool,
  optInt64,
  optTime,
  optStrList,
  optStrMap,
  optList,
  optEnum,
  type Type,
} from './primitives';

export const ManagedFieldsEntrySchema = obj({
  apiVersion: optStr(),
  fieldsType: optStr(),
  fieldsV1: opt(z.record(z.string(), z.unknown())),
  manager: optStr(),
  operation: optEnum(['Apply', 'Update']),
  subresource: optStr(),
  time: optTime(),
});

export const OwnerReferenceSchema = obj({
  apiVersion: str(),
  blockOwnerDeletion: optBool(),
  controller: optBool(),
  kind: str(),
  name: str(),
  uid: str(),
});

const objectMetaImpl = obj({
  annotations: optStrMap(),
  creationTimestamp: optTime({ readOnly: true, setBy: 'api-server' }),
  deletionGracePeriodSeconds: optInt64({ readOnly: true, setBy: 'api-server', unit: 'seconds' }),
  deletionTimestamp: optTime({ readOnly: true, setBy: 'api-server' }),
  finalizers: optStrList(),
  generateName: optStr(),
  generation: optInt64({ readOnly: true, setBy: 'api-server' }),
  labels: optStrMap(),
  managedFields: optList(ManagedFieldsEntrySchema, { readOnly: true, setBy: 'api-server' }),
  name: optStr(),
  namespace: optStr({ default: 'default' }),
  ownerReferences: optList(OwnerReferenceSchema, { setBy: 'controller' }),
  resourceVersion: optStr({ readOnly: true, setBy: 'api-server' }),
  selfLink: optStr({ readOnly: true, deprecated: 'no longer populated by the system' }),
  uid: optStr({ readOnly: true, setBy: 'api-server' }),
});
/** The zod object type of ObjectMetaSchema, named so that declaration files refer to it instead of repeating it. */
export interface ObjectMetaSchemaType extends Type<typeof objectMetaImpl> {}
export const ObjectMetaSchema: ObjectMetaSchemaType = objectMetaImpl;

/** Shared by label selectors (In, NotIn, Exists, DoesNotExist) and node selectors (+ Gt, Lt). */
export const LabelSelectorRequirementSchema = obj({
  key: str(),
  operator: req(str(), { values: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }),
  values: optStrList(),
});

const labelSelectorImpl = obj({
  matchExpressions: optList(LabelSelectorRequirementSchema),
  matchLabels: optStrMap(),
});
/** The zod object type of LabelSelectorSchema, named so that declaration files refer to it instead of repeating it. */
export interface LabelSelectorSchemaType extends Type<typeof labelSelectorImpl> {}
export const LabelSelectorSchema: LabelSelectorSchemaType = labelSelectorImpl;

/** A reference to an object in the same namespace by name (LocalObjectReference). */
export const LocalObjectReferenceSchema = obj({ name: optStr() });

export type ObjectMeta = z.infer<typeof ObjectMetaSchema>;
export type OwnerReference = z.infer<typeof OwnerReferenceSchema>;
export type LabelSelector = z.infer<typeof LabelSelectorSchema>;
export type LabelSelectorRequirement = z.infer<typeof LabelSelectorRequirementSchema>;
export type LocalObjectReference = z.infer<typeof LocalObjectReferenceSchema>;
