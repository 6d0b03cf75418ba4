// Shared by the webview model tests (render*.test.ts): the model modules as one object, pod and event builders,
// and a real simulation of examples/liveness-wrong-port.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import type { TraceEvent } from '../../simulator/src/trace';
import * as pods from '../../client/webview/model/pods';
import * as containers from '../../client/webview/model/containers';
import * as events from '../../client/webview/model/events';
import * as probes from '../../client/webview/model/probes';
import * as lanes from '../../client/webview/model/lanes';
import * as throttle from '../../client/webview/model/throttle';
import * as state from '../../client/webview/model/state';
import * as guards from '../../client/webview/model/guards';
import * as format from '../../client/webview/model/format';
import * as panelModel from '../../client/src/panel/panelModel';
import type { PanelPod as Pod, PanelSimulation as Sim } from '../../client/src/panel/protocol';

const root = join(__dirname, '..', '..');
export const m = { pods, containers, events, probes, lanes, throttle, state, guards, format, panelModel };

export function pod(name: string, extra: Partial<Pod> = {}): Pod {
  return {
    name,
    target: name,
    owner: null,
    node: 'node-1',
    doc: 0,
    createdAt: 0,
    deletedAt: null,
    removedAt: null,
    history: [],
    containers: [],
    ...extra,
  };
}

export const ev = (
  t: number,
  reason: string,
  message: string,
  type: 'Normal' | 'Warning' = 'Normal',
  object = 'Pod/p',
): TraceEvent => ({ t, object, type, reason, message, source: 'kubelet' });

/** examples/liveness-wrong-port.yaml for 300 s, through the real simulator and panelModel. */
export function livenessWrongPort(): Sim {
  const manifest = loadManifest(readFileSync(join(root, 'examples', 'liveness-wrong-port.yaml'), 'utf8'));
  const result = simulate(manifest.objects, { until: 300, seed: 1, services: manifest.services });
  return m.panelModel.panelSimulation('liveness-wrong-port.yaml', result, []);
}
