// A pod's effective resource request, as NodeResourcesFit and the kubelet's admission compute it.
import { cpuMillis, memoryBytes } from '../model/quantity';
import type { ContainerInput, PodSpecInput } from './schedulerTypes';

// ---------------------------------------------------------------------------------------------------------------
// Effective requests

export interface PodRequest {
  cpuMillis: number;
  memoryBytes: number;
  ephemeralBytes: number;
  /** Extended resources and hugepages, by name (only names with a non-zero request). */
  scalar: Record<string, number>;
}

export const emptyRequest = (): PodRequest => ({ cpuMillis: 0, memoryBytes: 0, ephemeralBytes: 0, scalar: {} });

/** Scoring defaults for containers without a request (k/k pkg/scheduler/util: DefaultMilliCPURequest/DefaultMemoryRequest). */
const DEFAULT_MILLI_CPU_REQUEST = 100;
const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function containerRequest(c: ContainerInput, nonZero: boolean): PodRequest {
  const r = emptyRequest();
  const requests = c.resources?.requests ?? {};
  let hasCpu = false;
  let hasMemory = false;
  for (const [name, q] of Object.entries(requests)) {
    if (q === undefined) continue;
    switch (name) {
      case 'cpu':
        r.cpuMillis = cpuMillis(q) ?? 0;
        hasCpu = true;
        break;
      case 'memory':
        r.memoryBytes = memoryBytes(q) ?? 0;
        hasMemory = true;
        break;
      case 'ephemeral-storage':
        r.ephemeralBytes = memoryBytes(q) ?? 0;
        break;
      case 'pods':
        break;
      default: {
        const v = memoryBytes(q) ?? 0; // Quantity.Value(): rounded up
        if (v !== 0) r.scalar[name] = v;
      }
    }
  }
  if (nonZero) {
    if (!hasCpu) r.cpuMillis = DEFAULT_MILLI_CPU_REQUEST;
    if (!hasMemory) r.memoryBytes = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

export function add(into: PodRequest, r: PodRequest): void {
  into.cpuMillis += r.cpuMillis;
  into.memoryBytes += r.memoryBytes;
  into.ephemeralBytes += r.ephemeralBytes;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + v;
}

function max(into: PodRequest, r: PodRequest): void {
  into.cpuMillis = Math.max(into.cpuMillis, r.cpuMillis);
  into.memoryBytes = Math.max(into.memoryBytes, r.memoryBytes);
  into.ephemeralBytes = Math.max(into.ephemeralBytes, r.ephemeralBytes);
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = Math.max(into.scalar[k] ?? 0, v);
}

function copy(r: PodRequest): PodRequest {
  return { ...r, scalar: { ...r.scalar } };
}

/**
 * The pod's effective request, per resource, as the scheduler (NodeResourcesFit) and the kubelet's admission compute
 * it (component-helpers `resource.PodRequests`):
 *   max( sum(regular containers) + sum(sidecars),
 *        for each init container in order: a sidecar → the sum of the sidecars so far;
 *                                          a regular one → its request + the sidecars declared before it )
 *   + spec.overhead.
 * Without sidecars before a regular init container this is max(largest regular init container, sum of containers
 * and sidecars) + overhead (k/website sidecar-containers.md). Pod-level `spec.resources.requests` (cpu, memory)
 * replace the aggregate for those resources. `nonZero` applies the scoring defaults (100m, 200Mi) to containers
 * that request no cpu/memory.
 */
export function effectivePodRequest(spec: PodSpecInput, options: { nonZero?: boolean } = {}): PodRequest {
  // Specs are immutable once parsed, and a cluster holds many pods of one template: compute once per spec.
  const nonZero = options.nonZero === true;
  const cache = nonZero ? nonZeroRequests : plainRequests;
  let cached = cache.get(spec);
  if (cached === undefined) {
    cached = computePodRequest(spec, nonZero);
    cache.set(spec, cached);
  }
  return copy(cached);
}

const plainRequests = new WeakMap<PodSpecInput, PodRequest>();
const nonZeroRequests = new WeakMap<PodSpecInput, PodRequest>();

function computePodRequest(spec: PodSpecInput, nonZero: boolean): PodRequest {
  const reqs = emptyRequest();
  for (const c of spec.containers ?? []) add(reqs, containerRequest(c, nonZero));

  const sidecarsSoFar = emptyRequest();
  const initMax = emptyRequest();
  for (const c of spec.initContainers ?? []) {
    const r = containerRequest(c, nonZero);
    if (c.restartPolicy === 'Always') {
      add(reqs, r);
      add(sidecarsSoFar, r);
      max(initMax, sidecarsSoFar);
    } else {
      const withSidecars = copy(r);
      add(withSidecars, sidecarsSoFar);
      max(initMax, withSidecars);
    }
  }
  max(reqs, initMax);

  const podLevel = spec.resources?.requests;
  if (podLevel) {
    if (podLevel.cpu !== undefined) reqs.cpuMillis = cpuMillis(podLevel.cpu) ?? reqs.cpuMillis;
    if (podLevel.memory !== undefined) reqs.memoryBytes = memoryBytes(podLevel.memory) ?? reqs.memoryBytes;
  }

  if (spec.overhead) {
    const o = containerRequest({ resources: { requests: spec.overhead } }, false);
    add(reqs, o);
  }
  return reqs;
}
