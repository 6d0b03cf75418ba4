// Node scoring: the deterministic choice among feasible nodes (approximating the default score plugins).
import { effectiveTaints } from './nodes';
import type { PodToSchedule } from './schedulerTypes';
import { effectivePodRequest } from './schedulerRequests';
import { nodeSelectorTermMatches, tolerationsTolerateTaint } from './schedulerAffinity';
import type { NodeState } from './schedulerFilters';
import { compareGoStrings } from './schedulerPreemption';

/** The feasible node the pod goes to: the best by the ordering described in scheduler.ts. */
export function pickNode(pod: PodToSchedule, feasible: readonly NodeState[]): string {
  const spec = pod.spec;
  const request = effectivePodRequest(spec, { nonZero: true });
  const preferred = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const softTolerations = (spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  const freeFraction = (capacity: number, used: number) =>
    capacity <= 0 ? 0 : Math.max(0, capacity - used) / capacity;
  const scored = feasible.map((s) => {
    const a = s.node.allocatable;
    return {
      name: s.node.name,
      intolerable: effectiveTaints(s.node).filter(
        (t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(softTolerations, t),
      ).length,
      affinity: preferred.reduce((sum, p) => sum + (nodeSelectorTermMatches(p.preference, s.node) ? p.weight : 0), 0),
      sameOwner: pod.owner === undefined ? 0 : (s.owners.get(pod.owner) ?? 0),
      free:
        (freeFraction(a.cpuMillis, s.usedNonZero.cpuMillis + request.cpuMillis) +
          freeFraction(a.memoryBytes, s.usedNonZero.memoryBytes + request.memoryBytes)) /
        2,
    };
  });
  scored.sort(
    (x, y) =>
      x.intolerable - y.intolerable ||
      y.affinity - x.affinity ||
      x.sameOwner - y.sameOwner ||
      y.free - x.free ||
      compareGoStrings(x.name, y.name),
  );
  return (scored[0] as (typeof scored)[number]).name;
}
