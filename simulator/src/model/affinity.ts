// Scheduling constraints: node/pod (anti-)affinity, tolerations and topology spread constraints.
import {
  type z,
  obj,
  str,
  req,
  int32,
  list,
  opt,
  optStr,
  optInt32,
  optInt64,
  optList,
  optStrList,
  optEnum,
  type Type,
} from './primitives';
import { LabelSelectorSchema } from './meta';

export const NodeSelectorRequirementSchema = obj({
  key: str(),
  operator: req(str(), { values: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] }),
  values: optStrList(),
});

export const NodeSelectorTermSchema = obj({
  matchExpressions: optList(NodeSelectorRequirementSchema),
  matchFields: optList(NodeSelectorRequirementSchema),
});

export const NodeSelectorSchema = obj({
  nodeSelectorTerms: list(NodeSelectorTermSchema),
});

export const PreferredSchedulingTermSchema = obj({
  preference: NodeSelectorTermSchema,
  weight: int32(),
});

const nodeAffinityImpl = obj({
  preferredDuringSchedulingIgnoredDuringExecution: optList(PreferredSchedulingTermSchema),
  requiredDuringSchedulingIgnoredDuringExecution: opt(NodeSelectorSchema),
});
/** The zod object type of NodeAffinitySchema, named so that declaration files refer to it instead of repeating it. */
export interface NodeAffinitySchemaType extends Type<typeof nodeAffinityImpl> {}
export const NodeAffinitySchema: NodeAffinitySchemaType = nodeAffinityImpl;

export const PodAffinityTermSchema = obj({
  labelSelector: opt(LabelSelectorSchema),
  matchLabelKeys: optStrList(),
  mismatchLabelKeys: optStrList(),
  namespaceSelector: opt(LabelSelectorSchema),
  namespaces: optStrList(),
  topologyKey: str(),
});

export const WeightedPodAffinityTermSchema = obj({
  podAffinityTerm: PodAffinityTermSchema,
  weight: int32(),
});

const podAffinityImpl = obj({
  preferredDuringSchedulingIgnoredDuringExecution: optList(WeightedPodAffinityTermSchema),
  requiredDuringSchedulingIgnoredDuringExecution: optList(PodAffinityTermSchema),
});
/** The zod object type of PodAffinitySchema, named so that declaration files refer to it instead of repeating it. */
export interface PodAffinitySchemaType extends Type<typeof podAffinityImpl> {}
export const PodAffinitySchema: PodAffinitySchemaType = podAffinityImpl;

const podAntiAffinityImpl = obj({
  preferredDuringSchedulingIgnoredDuringExecution: optList(WeightedPodAffinityTermSchema),
  requiredDuringSchedulingIgnoredDuringExecution: optList(PodAffinityTermSchema),
});
/** The zod object type of PodAntiAffinitySchema, named so that declaration files refer to it instead of repeating it. */
export interface PodAntiAffinitySchemaType extends Type<typeof podAntiAffinityImpl> {}
export const PodAntiAffinitySchema: PodAntiAffinitySchemaType = podAntiAffinityImpl;

const affinityImpl = obj({
  nodeAffinity: opt(NodeAffinitySchema),
  podAffinity: opt(PodAffinitySchema),
  podAntiAffinity: opt(PodAntiAffinitySchema),
});
/** The zod object type of AffinitySchema, named so that declaration files refer to it instead of repeating it. */
export interface AffinitySchemaType extends Type<typeof affinityImpl> {}
export const AffinitySchema: AffinitySchemaType = affinityImpl;

const tolerationImpl = obj({
  effect: optEnum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
  key: optStr(),
  operator: optEnum(['Equal', 'Exists'], { default: 'Equal' }),
  tolerationSeconds: optInt64({ unit: 'seconds' }),
  value: optStr(),
});
/** The zod object type of TolerationSchema, named so that declaration files refer to it instead of repeating it. */
export interface TolerationSchemaType extends Type<typeof tolerationImpl> {}
export const TolerationSchema: TolerationSchemaType = tolerationImpl;

const topologySpreadConstraintImpl = obj({
  labelSelector: opt(LabelSelectorSchema),
  matchLabelKeys: optStrList(),
  maxSkew: int32(),
  minDomains: optInt32(),
  nodeAffinityPolicy: optEnum(['Honor', 'Ignore'], { default: 'Honor' }),
  nodeTaintsPolicy: optEnum(['Honor', 'Ignore'], { default: 'Ignore' }),
  topologyKey: str(),
  whenUnsatisfiable: req(str(), { values: ['DoNotSchedule', 'ScheduleAnyway'] }),
});
/** The zod object type of TopologySpreadConstraintSchema, named so that declaration files refer to it instead of repeating it. */
export interface TopologySpreadConstraintSchemaType extends Type<typeof topologySpreadConstraintImpl> {}
export const TopologySpreadConstraintSchema: TopologySpreadConstraintSchemaType = topologySpreadConstraintImpl;

export type NodeSelectorRequirement = z.infer<typeof NodeSelectorRequirementSchema>;
export type NodeSelectorTerm = z.infer<typeof NodeSelectorTermSchema>;
export type NodeSelector = z.infer<typeof NodeSelectorSchema>;
export type NodeAffinity = z.infer<typeof NodeAffinitySchema>;
export type PodAffinityTerm = z.infer<typeof PodAffinityTermSchema>;
export type WeightedPodAffinityTerm = z.infer<typeof WeightedPodAffinityTermSchema>;
export type PodAffinity = z.infer<typeof PodAffinitySchema>;
export type PodAntiAffinity = z.infer<typeof PodAntiAffinitySchema>;
export type Affinity = z.infer<typeof AffinitySchema>;
export type Toleration = z.infer<typeof TolerationSchema>;
export type TopologySpreadConstraint = z.infer<typeof TopologySpreadConstraintSchema>;
