// The extension's own limits, each with the reason for its value. Everything here runs in the extension
// host, where a stall freezes every extension, so the bounds are tighter than the CLI's
// (server/src/limits.ts, simulator/src/limits.ts).

/** Largest file (characters) that gets "Run Pod" code lenses: splitting a bigger one on each edit costs more than the lenses are worth. */
export const MAX_CODELENS_CHARS = 5_000_000;

/** Largest file (characters) the panel simulates; a larger one shows a problem instead of a run. */
export const MAX_SIMULATED_CHARS = 2_000_000;

/** Longest simulated time the panel accepts (`podlab.simulation.until`), as its setting documents: 24h. */
export const MAX_PANEL_SECONDS = 24 * 3600;

/**
 * Simulation steps and pods for the panel's run, re-run as the user types: a third of `podlab run`'s
 * step budget and a tenth of its pods, so that typing never stalls the extension host.
 */
export const PANEL_STEP_BUDGET = 1_000_000;
export const PANEL_MAX_PODS = 1000;
