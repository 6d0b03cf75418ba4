// What the user declared about the world around a file (README "The world the simulation sees"): the cluster
// (nodes, images), objects the cluster has, and whether nothing else exists. It comes from `podlab lint
// --scenario`, or in the editor from the workspace's `.podlab/cluster.yaml` and the settings. A document's
// predictions depend on it, so its key is part of every prediction key: a change re-simulates everything, which
// is rare (a cluster file saved, a setting changed), and nothing when it is the same.
import { createHash } from 'node:crypto';
import type { DeclaredWorld } from '../../../simulator/src/index';

export interface Declared {
  scenario: DeclaredWorld;
  /** Empty when nothing is declared (the predictions' keys are then what they always were). */
  key: string;
}

export const UNDECLARED: Declared = { scenario: {}, key: '' };

export function declared(from: DeclaredWorld): Declared {
  const scenario: DeclaredWorld = {
    ...(from.cluster !== undefined && { cluster: from.cluster }),
    ...(from.objects !== undefined && from.objects.length > 0 && { objects: from.objects }),
    ...(from.worldComplete === true && { worldComplete: true }),
  };
  if (Object.keys(scenario).length === 0) return UNDECLARED;
  return { scenario, key: createHash('sha1').update(JSON.stringify(scenario)).digest('base64') };
}
