// A pod's effective request as the scheduler computes it (cluster/scheduler.ts): containers, init containers,
// sidecars, overhead, pod-level requests, and the non-zero defaults used for scoring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeNode } from '../../simulator/src/cluster/nodes';
import { effectivePodRequest, schedulePod, type PodSpecInput } from '../../simulator/src/cluster/scheduler';
import { Gi, Mi, c, failure, pod } from './schedulerFixtures';

test('effective request: regular containers summed, the largest init container wins if larger, overhead added', () => {
  const spec: PodSpecInput = {
    initContainers: [c('migrate', { cpu: '2', memory: '128Mi' }), c('warm', { cpu: '500m', memory: '1Gi' })],
    containers: [c('app', { cpu: '500m', memory: '256Mi' }), c('log', { cpu: '250m', memory: '64Mi' })],
    overhead: { cpu: '100m', memory: '10Mi' },
  };
  const r = effectivePodRequest(spec);
  assert.equal(r.cpuMillis, 2000 + 100, 'max(2000, 750) + 100');
  assert.equal(r.memoryBytes, 1 * Gi + 10 * Mi, 'max(1Gi, 320Mi) + 10Mi, per resource');
  assert.equal(r.ephemeralBytes, 0);
});

test('effective request with sidecars: sidecars add to the containers and to later init containers', () => {
  const sidecar = (name: string, req: Record<string, string>) => c(name, req, { restartPolicy: 'Always' });
  const spec: PodSpecInput = {
    initContainers: [sidecar('proxy', { cpu: '300m', memory: '100Mi' }), c('setup', { cpu: '1', memory: '50Mi' })],
    containers: [c('app', { cpu: '200m', memory: '200Mi' })],
  };
  const r = effectivePodRequest(spec);
  // containers + sidecars = 500m / 300Mi; setup runs beside the proxy: 1300m / 150Mi
  assert.equal(r.cpuMillis, 1300);
  assert.equal(r.memoryBytes, 300 * Mi);
  // a sidecar declared after the init container does not run beside it
  const later: PodSpecInput = {
    initContainers: [c('setup', { cpu: '1' }), sidecar('proxy', { cpu: '300m' })],
    containers: [c('app', { cpu: '200m' })],
  };
  assert.equal(effectivePodRequest(later).cpuMillis, 1000);
  const small: PodSpecInput = {
    initContainers: [c('setup', { cpu: '100m' }), sidecar('proxy', { cpu: '300m' })],
    containers: [c('app', { cpu: '200m' })],
  };
  assert.equal(effectivePodRequest(small).cpuMillis, 500);
});

test('effective request: quantities round up; pod-level requests replace the sum; non-zero defaults for scoring', () => {
  assert.equal(effectivePodRequest({ containers: [c('a', { cpu: '0.1' }), c('b', { cpu: 0.0005 })] }).cpuMillis, 101);
  assert.equal(effectivePodRequest({ containers: [c('a', { memory: '1.5' })] }).memoryBytes, 2);
  assert.equal(
    effectivePodRequest({ containers: [c('a', { cpu: '1' })], resources: { requests: { cpu: '3' } } }).cpuMillis,
    3000,
  );
  const nz = effectivePodRequest({ containers: [c('a'), c('b', { cpu: '1' })] }, { nonZero: true });
  assert.equal(nz.cpuMillis, 1100);
  assert.equal(nz.memoryBytes, 400 * Mi);
});

test('init containers count when fitting: a big init container blocks scheduling', () => {
  const spec: PodSpecInput = {
    initContainers: [c('load', { memory: '9Gi' })],
    containers: [c('app', { memory: '1Gi' })],
  };
  assert.match(
    failure(schedulePod(pod(spec), [makeNode('n')])).message,
    /^0\/1 nodes are available: 1 Insufficient memory\./,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// DaemonSet placement
