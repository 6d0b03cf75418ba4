// Filter predicates on the node's labels and taints: tolerations, node selectors and node affinity (incl. its PreFilter).
import type { NodeModel, Taint } from './nodes';
import type {
  NodeSelectorRequirementInput,
  NodeSelectorTermInput,
  PodSpecInput,
  TolerationInput,
} from './schedulerTypes';

// ---------------------------------------------------------------------------------------------------------------
// Tolerations and taints (k8s.io/api core/v1 toleration.go ToleratesTaint)

/** Whether one toleration tolerates one taint. Operator empty = Equal; empty key with Exists matches every key. */
export function toleratesTaint(t: TolerationInput, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(
  tolerations: readonly TolerationInput[] | null | undefined,
  taint: Taint,
): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first NoSchedule/NoExecute taint of the node that no toleration tolerates (FindMatchingUntoleratedTaint). */
export function firstUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly TolerationInput[] | null | undefined,
): Taint | undefined {
  return taints.find(
    (taint) =>
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerationsTolerateTaint(tolerations, taint),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Node selectors and node affinity (k8s.io/component-helpers scheduling/corev1/nodeaffinity)

function requirementMatches(r: NodeSelectorRequirementInput, value: string | undefined): boolean | 'error' {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      if (values.length === 0) return 'error';
      return value !== undefined && values.includes(value);
    case 'NotIn':
      if (values.length === 0) return 'error';
      return value === undefined || !values.includes(value);
    case 'Exists':
      if (values.length !== 0) return 'error';
      return value !== undefined;
    case 'DoesNotExist':
      if (values.length !== 0) return 'error';
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !/^[+-]?\d+$/.test(values[0] ?? '')) return 'error';
      if (value === undefined || !/^[+-]?\d+$/.test(value)) return false;
      const have = Number.parseInt(value, 10);
      const want = Number.parseInt(values[0] ?? '', 10);
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return 'error';
  }
}

/** Whether a node selector term matches; terms without expressions and fields match nothing; invalid ones neither. */
export function nodeSelectorTermMatches(term: NodeSelectorTermInput, node: NodeModel): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  let ok = true;
  for (const r of exprs) {
    const m = requirementMatches(
      r,
      Object.prototype.hasOwnProperty.call(node.labels, r.key) ? node.labels[r.key] : undefined,
    );
    if (m === 'error') return false;
    ok &&= m;
  }
  for (const r of fields) {
    // Only metadata.name with In/NotIn is a valid field selector.
    if (r.key !== 'metadata.name' || (r.operator !== 'In' && r.operator !== 'NotIn') || (r.values ?? []).length !== 1)
      return false;
    const m = requirementMatches(r, node.name);
    if (m === 'error') return false;
    ok &&= m;
  }
  return ok;
}

/** `spec.nodeSelector` and required node affinity, as the NodeAffinity filter checks them. */
export function nodeMatchesPodAffinity(spec: PodSpecInput, node: NodeModel): boolean {
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
    if (node.labels[k] !== v) return false;
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) {
    const terms = required.nodeSelectorTerms ?? [];
    if (!terms.some((t) => nodeSelectorTermMatches(t, node))) return false;
  }
  return true;
}

/** NodeAffinity PreFilter: the node names the required terms pin with `metadata.name In`, or undefined (all nodes). */
export function affinityPinnedNodes(spec: PodSpecInput): Set<string> | undefined | 'conflict' {
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key === 'metadata.name' && r.operator === 'In') {
        const s = new Set(r.values ?? []);
        termNames = termNames === undefined ? s : new Set([...termNames].filter((n) => s.has(n)));
      }
    }
    if (termNames === undefined) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  if (names !== undefined && names.size === 0) return 'conflict';
  return names;
}
