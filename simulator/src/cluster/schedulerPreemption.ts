// The FailedScheduling message (FitError histogram) and the DefaultPreemption PostFilter with its ` preemption: …` text.
import type { NodeModel } from './nodes';
import type { NodeFailure, PlacedPod, PreemptionPlan, ScheduleOptions, ScheduleResult } from './schedulerTypes';
import { PREEMPTION_NO_VICTIMS, PREEMPTION_NOT_HELPFUL } from './schedulerTypes';
import { addPodToState, emptyState, filterNode, type FilterContext, type NodeState } from './schedulerFilters';

/** FitError's histogram: `<count> <reason>` entries, sorted as Go sorts strings. */
export function histogramOf(failures: readonly { reasons: readonly string[] }[]): string[] {
  const counts = new Map<string, number>();
  for (const f of failures) for (const r of f.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort(compareGoStrings);
}

/** Go's sort.Strings order (bytewise; equal to UTF-16 code-unit order for these ASCII texts). */
export function compareGoStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The failed result: distinct reasons, the histogram, and the message with its PostFilter (preemption) part. */
export function finish(
  ctx: FilterContext,
  states: readonly NodeState[],
  failures: NodeFailure[],
  histogram: string[],
  options: ScheduleOptions,
  base: string,
): ScheduleResult {
  const reasons = [...new Set(failures.flatMap((f) => f.reasons))].sort(compareGoStrings);
  const result = { ok: false as const, reasons, failures, histogram };
  if (options.preemption === false) return { ...result, message: base };
  if (ctx.spec.preemptionPolicy === 'Never') {
    return { ...result, message: `${base} preemption: not eligible due to preemptionPolicy=Never..` };
  }
  const { plan, perNode } = findPreemption(ctx, states, failures);
  // With a candidate, PostFilter succeeds (the pod is nominated) and adds no text.
  if (plan) return { ...result, message: base, preemption: plan };
  return {
    ...result,
    message: `${base} preemption: 0/${states.length} nodes are available: ${histogramOf(perNode).join(', ')}..`,
  };
}

/**
 * component-helpers/scheduling/corev1 PodPriority: a pod without a priority (made when no PriorityClass applied)
 * has the static default priority 0. The scheduler's own rule, not API-server defaulting.
 */
function podPriority(spec: { priority?: number | null }): number {
  return spec.priority ?? 0;
}

/**
 * DefaultPreemption, simplified: on each node that failed resolvably, remove every lower-priority pod and re-run the
 * filters; if the pod then fits, add the removed pods back from the highest priority down while it still fits
 * (reprieve). Candidates are ranked by their highest victim priority, then number of victims, then node name.
 */
function findPreemption(
  ctx: FilterContext,
  states: readonly NodeState[],
  failures: NodeFailure[],
): { plan?: PreemptionPlan; perNode: { reasons: string[] }[] } {
  const priority = podPriority(ctx.spec);
  const failed = new Map(failures.map((f) => [f.node, f]));
  const perNode: { reasons: string[] }[] = [];
  const candidates: { node: string; victims: PlacedPod[]; top: number }[] = [];
  const stateWith = (node: NodeModel, pods: readonly PlacedPod[]): NodeState => {
    const t = emptyState(node);
    for (const p of pods) addPodToState(t, p);
    return t;
  };

  for (const s of states) {
    const f = failed.get(s.node.name);
    if (!f || f.unresolvable) {
      perNode.push({ reasons: [PREEMPTION_NOT_HELPFUL] });
      continue;
    }
    const lower = s.pods.filter((p) => podPriority(p.spec) < priority);
    if (lower.length === 0) {
      perNode.push({ reasons: [PREEMPTION_NO_VICTIMS] });
      continue;
    }
    const kept = s.pods.filter((p) => !lower.includes(p));
    const again = filterNode(ctx, stateWith(s.node, kept));
    if (again) {
      perNode.push({ reasons: again.reasons });
      continue;
    }
    const victims: PlacedPod[] = [];
    for (const p of [...lower].sort((a, b) => podPriority(b.spec) - podPriority(a.spec))) {
      if (filterNode(ctx, stateWith(s.node, [...kept, p])) === undefined) kept.push(p);
      else victims.push(p);
    }
    candidates.push({ node: s.node.name, victims, top: Math.max(...victims.map((v) => podPriority(v.spec))) });
  }
  if (candidates.length === 0) return { perNode };
  candidates.sort((a, b) => a.top - b.top || a.victims.length - b.victims.length || compareGoStrings(a.node, b.node));
  const best = candidates[0] as (typeof candidates)[number];
  return { perNode, plan: { node: best.node, victims: best.victims } };
}
