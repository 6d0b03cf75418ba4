// The simulator side of the extension, bundled on its own (dist/engine.js) and loaded on first use, so
// that activating the extension does not pay for the Kubernetes model and the simulator.
export { causeRange, loadManifest, rangeOf } from '../../simulator/src/manifest';
export { simulate } from '../../simulator/src/simulate';
export { ScenarioSchema } from '../../simulator/src/scenario';
export { loadScenario } from '../../simulator/src/scenarioFile';
export { parseDuration } from '../../simulator/src/present/duration';
export { stringify as stringifyYaml } from 'yaml';
export { panelSimulation } from './panel/panelModel';
export { podFacts } from './inline/facts';
