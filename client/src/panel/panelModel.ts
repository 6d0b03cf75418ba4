// Turns a simulation into what the panel shows: every pod with its status history and container runs.
import {
  PROBE_FIELD,
  whatIfTarget,
  predict,
  verdicts,
  type SimulationResult,
  type ProbeSlot,
  type Verdict,
} from '../../../simulator/src/index';
import type { PanelPod, PanelScenario, PanelSimulation, PanelVerdict, PanelWorkload, WhatIfAction } from './protocol';

const SLOTS: ProbeSlot[] = ['startup', 'liveness', 'readiness'];

/**
 * The run's verdicts from predict() — the function whose predictions the language server publishes as
 * diagnostics — so the panel and the Problems view agree. `defaultCluster`: no cluster was described.
 */
export function verdictsOf(result: SimulationResult, defaultCluster: boolean): Verdict[] {
  return verdicts(result, predict(result, { defaultCluster }));
}

function panelVerdict(v: Verdict): PanelVerdict {
  const out: PanelVerdict = {
    object: v.object,
    pod: v.pod,
    outcome: v.outcome,
    status: v.status,
    at: v.at,
    headline: v.headline,
    reason: v.reason,
    more: v.more,
  };
  const p = v.prediction;
  if (p) {
    out.code = p.code;
    out.why = p.message;
    out.cause = { doc: p.doc, paths: p.paths, evidence: v.reason };
  }
  return out;
}

/** The simulated workloads, one per document, with the counts their summary rows compare against. */
function workloadsOf(result: SimulationResult): PanelWorkload[] {
  const out: PanelWorkload[] = [];
  for (const o of result.objects) {
    if (out.some((w) => w.doc === o.doc)) continue;
    const name = o.value.metadata?.name ?? '';
    const w: PanelWorkload = { object: `${o.kind}/${name}`, kind: o.kind, name, doc: o.doc };
    if (o.kind === 'Deployment' || o.kind === 'ReplicaSet' || o.kind === 'StatefulSet') {
      const replicas = o.value.spec.replicas;
      if (typeof replicas === 'number') w.replicas = replicas;
    } else if (o.kind === 'Job') {
      const { completions, backoffLimit } = o.value.spec;
      if (typeof completions === 'number') w.completions = completions;
      if (typeof backoffLimit === 'number') w.backoffLimit = backoffLimit;
    }
    out.push(w);
  }
  return out;
}

export function panelSimulation(
  title: string,
  result: SimulationResult,
  whatIf: WhatIfAction[],
  scenario: PanelScenario | null = null,
  runVerdicts: readonly Verdict[] = verdictsOf(result, true),
): PanelSimulation {
  const trace = result.traceAt(result.until);
  const pods: PanelPod[] = result.pods.map((p) => ({
    name: p.name,
    target: whatIfTarget(result.objects, p),
    owner: p.owner ? `${p.owner.kind}/${p.owner.name}` : null,
    node: p.node?.name ?? null,
    doc: p.doc,
    createdAt: p.createdAt / 1000,
    deletedAt: p.deletedAt === null ? null : p.deletedAt / 1000,
    removedAt: p.removedAt === null ? null : p.removedAt / 1000,
    history: p.history.map((h) => ({ t: h.t / 1000, status: h.status })),
    containers: p.containers.map((c) => ({
      name: c.name,
      kind: c.kind,
      probes: SLOTS.filter((s) => (c.spec as unknown as Record<string, unknown>)[PROBE_FIELD[s]] !== undefined),
      instances: c.instances.map((i) => {
        const out: PanelPod['containers'][number]['instances'][number] = { start: i.startedAt / 1000 };
        if (i.finishedAt !== undefined) out.end = i.finishedAt / 1000;
        if (i.exitCode !== undefined) out.exitCode = i.exitCode;
        if (i.reason !== undefined) out.reason = i.reason;
        if (i.endedBy !== undefined) out.endedBy = i.endedBy;
        if (i.killedAt !== undefined) out.killedAt = i.killedAt / 1000;
        return out;
      }),
    })),
  }));
  const sim: PanelSimulation = {
    title,
    until: result.until,
    pods,
    events: trace.events,
    probes: trace.probes,
    notes: trace.notes,
    whatIf,
    scenario,
    verdicts: runVerdicts.map(panelVerdict),
    workloads: workloadsOf(result),
  };
  if (trace.truncated) sim.truncated = trace.truncated;
  if (trace.world) sim.world = trace.world;
  return sim;
}
