// What-if actions and scenario events, one concept in two shapes: the panel's list (WhatIfAction) and the
// scenario file's (ScenarioEventSpec), converted both ways; and the moment a what-if shows its effect.
import { podsNamed } from '../../../simulator/src/view';
import type { ScenarioEventSpec, SimulationResult } from '../../../simulator/src/index';
import type { WhatIfAction } from './protocol';

const withPod = (pod: string | undefined) => (pod === undefined ? {} : { pod });

export function whatIfEvent(a: WhatIfAction): ScenarioEventSpec {
  switch (a.kind) {
    case 'kill':
      return { at: a.at, kill: { container: a.container, ...withPod(a.pod), exitCode: a.exitCode } };
    case 'oom':
      return { at: a.at, oom: { container: a.container, ...withPod(a.pod) } };
    case 'delete': {
      const grace = a.force ? 0 : a.gracePeriodSeconds;
      return {
        at: a.at,
        delete: { pod: a.pod, force: a.force, ...(grace === undefined ? {} : { gracePeriodSeconds: grace }) },
      };
    }
    case 'http':
      return { at: a.at, http: { container: a.container, ...withPod(a.pod), path: a.path, status: a.status } };
    case 'endpoint':
      return { at: a.at, endpoint: { container: a.container, ...withPod(a.pod), port: a.port, state: a.state } };
    case 'nodeFailure':
      return { at: a.at, nodeFailure: { node: a.node } };
  }
}

/** A validated scenario event as the panel lists it; undefined for an event with no action (never valid). */
export function actionOf(e: ScenarioEventSpec): WhatIfAction | undefined {
  const at = e.at;
  if (e.kill)
    return { kind: 'kill', at, container: e.kill.container, ...withPod(e.kill.pod), exitCode: e.kill.exitCode };
  if (e.oom) return { kind: 'oom', at, container: e.oom.container, ...withPod(e.oom.pod) };
  if (e.delete) {
    const d = e.delete;
    const force = d.force === true || d.gracePeriodSeconds === 0;
    return {
      kind: 'delete',
      at,
      pod: d.pod,
      force,
      ...(d.gracePeriodSeconds === undefined || force ? {} : { gracePeriodSeconds: d.gracePeriodSeconds }),
    };
  }
  if (e.http)
    return {
      kind: 'http',
      at,
      container: e.http.container,
      ...withPod(e.http.pod),
      path: e.http.path,
      status: e.http.status,
    };
  if (e.endpoint)
    return {
      kind: 'endpoint',
      at,
      container: e.endpoint.container,
      ...withPod(e.endpoint.pod),
      port: e.endpoint.port,
      state: e.endpoint.state,
    };
  if (e.nodeFailure) return { kind: 'nodeFailure', at, node: e.nodeFailure.node };
  return undefined;
}

/**
 * The moment a what-if shows: the first status the pods it names publish at or after it (a killed container
 * shows once the kubelet has seen it end), else its own time. Seconds.
 */
export function effectTime(result: SimulationResult, a: WhatIfAction): number {
  const atMs = a.at * 1000;
  const named = a.kind === 'nodeFailure' ? [...result.pods] : podsNamed(result.pods, a.pod);
  let first = Infinity;
  for (const p of named) {
    if (p.createdAt > atMs || (p.removedAt !== null && p.removedAt < atMs)) continue;
    const h = p.history.find((x) => x.t >= atMs);
    if (h && h.t < first) first = h.t;
  }
  return Number.isFinite(first) ? Math.min(first / 1000, result.until) : a.at;
}
