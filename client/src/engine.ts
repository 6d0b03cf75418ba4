// The simulator side of the extension, bundled on its own (dist/engine.js) and loaded on first use, so
// that activating the extension does not pay for the Kubernetes model and the simulator.
export {
  causeRange,
  declaredWorldOf,
  declaresNodes,
  loadManifest,
  loadScenario,
  parseDuration,
  rangeOf,
  ScenarioSchema,
  simulate,
} from '../../simulator/src/index';
export { stringify as stringifyYaml } from 'yaml';
export { panelSimulation, verdictsOf } from './panel/panelModel';
export { podFacts } from './inline/facts';
