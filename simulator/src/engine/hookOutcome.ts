// How long a lifecycle hook takes and whether it fails: the behaviour model's inferHook, run against the
// pod as it is when the hook runs.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime } from './runtime';
import type { DefaultedLifecycleHandler } from '../model';
import { execContext } from './podView';
import { inferHook, type HookResult } from '../behaviour/infer';

export type HookOutcome = HookResult;

export function hookOutcome(
  sim: Simulation,
  pod: PodRuntime,
  c: ContainerRuntime,
  h: DefaultedLifecycleHandler,
): HookOutcome {
  return inferHook(h, { container: c.spec, context: execContext(pod, c, sim.now), model: c.process });
}
