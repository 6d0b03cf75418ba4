// Loads dist/engine.js (the simulator) the first time a feature needs it; see engine.ts.
import type * as Engine from './engine';

let loaded: typeof Engine | undefined;

export function engine(): typeof Engine {
  // Resolved at run time next to dist/extension.js; esbuild leaves this require alone (external).
  loaded ??= require('./engine.js') as typeof Engine;
  return loaded;
}
