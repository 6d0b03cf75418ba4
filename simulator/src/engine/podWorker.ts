// What the rest of the engine may ask of the kubelet's pod worker (kubelet.ts). The Simulation holds one and
// modules reach it as `sim.worker`, so that probes, container starts and exits, scheduling and deletions can
// wake the worker without importing it (kubelet.ts imports them, not the other way round).
import type { PodRuntime } from './runtime';

export interface PodWorker {
  /** Ask for a sync now (probe result, scheduling, API update); coalesced while one is queued or running. */
  requestSync(pod: PodRuntime): void;
  /** A PLEG event: the kubelet notices a container start or exit on its next relist, then syncs. */
  plegRelist(pod: PodRuntime): void;
}
