// Affinity, tolerations and topology spread.
import { d, type DocTable, type FieldDoc } from '../doc';

const preferredNode = d(
  'Node preferences: the scheduler favours nodes matching the terms with the highest total weight, but may use others.',
  'preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: disktype, operator: In, values: [ssd] }] } }]',
);
const podTerms = (what: string): Record<string, FieldDoc> => ({
  requiredDuringSchedulingIgnoredDuringExecution: d(
    `Hard rule: the pod is only scheduled where it ${what} the pods matched by every term. Not re-checked once the pod runs.`,
    'requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: web } }, topologyKey: kubernetes.io/hostname }]',
  ),
  preferredDuringSchedulingIgnoredDuringExecution: d(
    `Soft rule: nodes where it ${what} the matched pods score higher, weighted per term.`,
    'preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: web } }, topologyKey: kubernetes.io/hostname } }]',
  ),
});
const operators = {
  In: 'The label value is one of `values`.',
  NotIn: 'The label is missing or its value is not in `values`.',
  Exists: 'The label exists (no values).',
  DoesNotExist: 'The label does not exist (no values).',
  Gt: 'The label value, as an integer, is greater than the single value.',
  Lt: 'The label value, as an integer, is less than the single value.',
};

export const SCHEDULING_TEXTS: DocTable = {
  Toleration: {
    key: d('Taint key the toleration matches. Empty with operator Exists matches every taint.', 'key: dedicated'),
    operator: d('How the taint value is compared. Default Equal.', 'operator: Exists', {
      Equal: "The taint's value must equal `value` (the default).",
      Exists: 'Any value matches; leave `value` out.',
    }),
    value: d('Taint value to match (with operator Equal).', 'value: db'),
    effect: d('Taint effect matched. Default: empty, which matches every effect.', 'effect: NoSchedule', {
      NoSchedule: 'New pods without a toleration are not scheduled on the node.',
      PreferNoSchedule: 'The scheduler tries to avoid the node.',
      NoExecute: 'Pods without a toleration are also evicted from the node.',
    }),
    tolerationSeconds: d(
      'With NoExecute: how long the pod may stay after the taint appears, then it is evicted. Default: forever (seconds).',
      'tolerationSeconds: 300',
    ),
  },
  Affinity: {
    nodeAffinity: d(
      'Rules on node labels (a richer nodeSelector).',
      'nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: disktype, operator: In, values: [ssd] }] }] } }',
    ),
    podAffinity: d(
      'Schedule the pod near (same node, zone …) pods with certain labels.',
      'podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: cache } }, topologyKey: kubernetes.io/hostname }] }',
    ),
    podAntiAffinity: d(
      'Keep the pod away from pods with certain labels, e.g. spread replicas over nodes.',
      'podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: web } }, topologyKey: kubernetes.io/hostname } }] }',
    ),
  },
  NodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: d(
      'Hard rule: the node must match at least one of the nodeSelectorTerms. Not re-checked once the pod runs.',
      'requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: kubernetes.io/arch, operator: In, values: [amd64] }] }] }',
    ),
    preferredDuringSchedulingIgnoredDuringExecution: preferredNode,
  },
  NodeSelector: {
    nodeSelectorTerms: d(
      'Terms ORed together; the expressions inside one term are ANDed. Required.',
      'nodeSelectorTerms: [{ matchExpressions: [{ key: disktype, operator: In, values: [ssd] }] }]',
    ),
  },
  NodeSelectorTerm: {
    matchExpressions: d(
      'Requirements on node labels, all of which must hold.',
      'matchExpressions: [{ key: disktype, operator: In, values: [ssd] }]',
    ),
    matchFields: d(
      'Requirements on node fields (only `metadata.name` is supported).',
      'matchFields: [{ key: metadata.name, operator: In, values: [worker-1] }]',
    ),
  },
  NodeSelectorRequirement: {
    key: d('Node label key (or field name in matchFields). Required.', 'key: topology.kubernetes.io/zone'),
    operator: d('How the label is compared with values. Required.', 'operator: In', operators),
    values: d(
      'Values for In/NotIn (one or more), Gt/Lt (exactly one integer); empty for Exists/DoesNotExist.',
      'values: [eu-west-1a, eu-west-1b]',
    ),
  },
  PreferredSchedulingTerm: {
    weight: d('Weight of this preference, 1–100. Required.', 'weight: 50'),
    preference: d(
      'Node selector term the preference is about. Required.',
      'preference: { matchExpressions: [{ key: disktype, operator: In, values: [ssd] }] }',
    ),
  },
  PodAffinity: podTerms('runs in the same topology domain as'),
  PodAntiAffinity: podTerms('does not run in the same topology domain as'),
  PodAffinityTerm: {
    labelSelector: d(
      'Selects the pods the rule is about. Default: none (matches no pods).',
      'labelSelector: { matchLabels: { app: web } }',
    ),
    topologyKey: d(
      'Node label defining the domain: `kubernetes.io/hostname` for "same node", `topology.kubernetes.io/zone` for "same zone". Required.',
      'topologyKey: kubernetes.io/hostname',
    ),
    namespaces: d("Namespaces searched for those pods. Default: the pod's own namespace.", 'namespaces: [frontend]'),
    namespaceSelector: d(
      'Selects namespaces by label (`{}` = all). Combined with `namespaces`.',
      'namespaceSelector: { matchLabels: { team: a } }',
    ),
    matchLabelKeys: d(
      'Label keys whose values are copied from this pod into the selector (e.g. pod-template-hash).',
      'matchLabelKeys: [pod-template-hash]',
    ),
    mismatchLabelKeys: d("Label keys whose values must differ from this pod's.", 'mismatchLabelKeys: [tenant]'),
  },
  WeightedPodAffinityTerm: {
    weight: d('Weight of the term, 1–100. Required.', 'weight: 100'),
    podAffinityTerm: d(
      'The pod affinity term. Required.',
      'podAffinityTerm: { labelSelector: { matchLabels: { app: web } }, topologyKey: kubernetes.io/hostname }',
    ),
  },
  TopologySpreadConstraint: {
    maxSkew: d('Largest allowed difference in matching pods between two domains. Minimum 1. Required.', 'maxSkew: 1'),
    topologyKey: d(
      'Node label defining the domains, e.g. `topology.kubernetes.io/zone`. Required.',
      'topologyKey: topology.kubernetes.io/zone',
    ),
    whenUnsatisfiable: d('What to do when no node keeps the skew. Required.', 'whenUnsatisfiable: ScheduleAnyway', {
      DoNotSchedule: 'Leave the pod Pending (hard rule).',
      ScheduleAnyway: 'Schedule anyway, preferring nodes that reduce the skew.',
    }),
    labelSelector: d(
      'Selects the pods that are counted in each domain.',
      'labelSelector: { matchLabels: { app: web } }',
    ),
    minDomains: d('Minimum number of eligible domains (only with DoNotSchedule). Default 1.', 'minDomains: 3'),
    matchLabelKeys: d(
      'Label keys whose values are taken from this pod into the selector.',
      'matchLabelKeys: [pod-template-hash]',
    ),
    nodeAffinityPolicy: d(
      'Whether nodeSelector/nodeAffinity limit the domains counted. Default Honor.',
      'nodeAffinityPolicy: Ignore',
      {
        Honor: "Only nodes matching the pod's node affinity count (the default).",
        Ignore: 'All nodes count.',
      },
    ),
    nodeTaintsPolicy: d(
      'Whether tainted nodes the pod does not tolerate are counted. Default Ignore.',
      'nodeTaintsPolicy: Honor',
      {
        Honor: 'Leave out nodes with taints the pod does not tolerate.',
        Ignore: 'Count all nodes (the default).',
      },
    ),
  },
};
