// A Deployment or StatefulSet with several replicas and nothing that asks for them to be on different
// nodes (no pod anti-affinity, no topology spread constraints). The scheduler's built-in spreading is only a
// score among others (k/website topology-spread-constraints.md "Cluster-level default constraints":
// ScheduleAnyway, maxSkew 3 per node), so all replicas can land on one node and a single node failure takes
// the whole workload down (kube-linter's `no-anti-affinity`).
import type { Finding, Rule } from './types';
import { get, int, isObj, list, stringMap, templatePath } from './support/data';
import { fix } from '../../../simulator/src/index';

export const replicasNotSpread: Rule = {
  id: 'replicas-not-spread',
  defaultSeverity: 'information',
  description:
    'A Deployment or StatefulSet runs several replicas without pod anti-affinity or topology spread constraints',
  check(doc) {
    if ((doc.kind !== 'Deployment' && doc.kind !== 'StatefulSet') || !isObj(doc.value)) return [];
    const replicas = int(get(doc.value, ['spec', 'replicas']));
    if (replicas === undefined || replicas < 2) return [];
    const tpl = templatePath(doc.kind) ?? [];
    const spec = get(doc.value, [...tpl, 'spec']);
    if (!isObj(spec)) return [];
    if (list(spec['topologySpreadConstraints']).length > 0) return [];
    if (get(spec, ['affinity', 'podAntiAffinity']) !== undefined) return [];
    const labels = stringMap(get(doc.value, [...tpl, 'metadata', 'labels']));
    const out: Finding[] = [
      {
        range: doc.range(['spec', 'replicas']),
        message: `Nothing asks for these ${replicas} replicas to run on different nodes (no pod anti-affinity or topology spread constraints): the scheduler's default spreading is only a preference, so one node failure can take them all down`,
        fixes:
          labels && Object.keys(labels).length > 0
            ? [
                fix(
                  'Spread the replicas across nodes where possible (topologySpreadConstraints, ScheduleAnyway)',
                  {
                    kind: 'set',
                    path: [...tpl, 'spec', 'topologySpreadConstraints'],
                    // ScheduleAnyway, not DoNotSchedule: on a one-node cluster the pods must still start.
                    value: [
                      {
                        maxSkew: 1,
                        topologyKey: 'kubernetes.io/hostname',
                        whenUnsatisfiable: 'ScheduleAnyway',
                        labelSelector: { matchLabels: labels },
                      },
                    ],
                  },
                  true,
                ),
              ]
            : [],
      },
    ];
    return out;
  },
};
