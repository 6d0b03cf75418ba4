// Builders shared by the scheduler tests (scheduler*.test.ts): containers with requests, pods, pods bound to a node.
import assert from 'node:assert/strict';
import type { AssignedPod, ContainerInput, PodSpecInput, schedulePod } from '../../simulator/src/cluster/scheduler';

export const Gi = 1024 ** 3;
export const Mi = 1024 ** 2;

export const c = (
  name: string,
  requests?: Record<string, string | number>,
  extra: Partial<ContainerInput> = {},
): ContainerInput => ({
  name,
  ...(requests ? { resources: { requests } } : {}),
  ...extra,
});
export const pod = (spec: PodSpecInput, owner?: string) => ({ spec, ...(owner ? { owner } : {}) });
export const on = (nodeName: string, spec: PodSpecInput, extra: Partial<AssignedPod> = {}): AssignedPod => ({
  nodeName,
  spec,
  ...extra,
});

export function failure(result: ReturnType<typeof schedulePod>) {
  assert.equal(result.ok, false, 'expected the pod not to fit');
  if (result.ok) throw new Error('unreachable');
  return result;
}
