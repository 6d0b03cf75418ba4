// Loads dist/engine.js (the simulator) the first time a feature needs it; see engine.ts.
import type * as Engine from './engine';

let loaded: typeof Engine | undefined;

export function engine(): typeof Engine {
  // Resolved at run time next to dist/extension.js; esbuild leaves this require alone (external). A synchronous
  // load on purpose: import() would make every feature that needs the engine asynchronous.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: lazy and synchronous
  loaded ??= require('./engine.js') as typeof Engine;
  return loaded;
}
