// Resource requirements as describe and QoS read them. Quantities are parsed and printed by model/quantity.ts.
import { quantityNanos, readQuantity } from '../model/quantity';

export type ResourceList = Readonly<Record<string, string | number>>;

export interface ResourceRequirementsLike {
  limits?: ResourceList | null;
  requests?: ResourceList | null;
}

/** API defaulting (SetDefaults_Pod): every limit without a request becomes the request too. */
export function defaultedRequests(res: ResourceRequirementsLike | null | undefined): ResourceList | undefined {
  if (!res) return undefined;
  if (!res.limits) return res.requests ?? undefined;
  return { ...res.limits, ...(res.requests ?? {}) };
}

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * `ComputePodQOS` (k/k pkg/apis/core/helper/qos): only cpu and memory count; BestEffort without any request or
 * limit; Guaranteed when every container (init containers included) has cpu and memory limits and the summed
 * requests equal the summed limits; otherwise Burstable. Requests are defaulted from limits first.
 */
export function podQOSClass(containers: readonly (ResourceRequirementsLike | null | undefined)[]): QOSClass {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const add = (into: Map<string, bigint>, name: string, v: bigint): void => {
    into.set(name, (into.get(name) ?? 0n) + v);
  };
  for (const res of containers) {
    for (const [name, value] of Object.entries(defaultedRequests(res) ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = readQuantity(value);
      const nanos = q ? quantityNanos(q) : 0n;
      if (nanos > 0n) add(requests, name, nanos);
    }
    const found = new Set<string>();
    for (const [name, value] of Object.entries(res?.limits ?? {})) {
      if (name !== 'cpu' && name !== 'memory') continue;
      const q = readQuantity(value);
      const nanos = q ? quantityNanos(q) : 0n;
      if (nanos > 0n) {
        found.add(name);
        add(limits, name, nanos);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
