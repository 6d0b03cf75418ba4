// The simulator's effort limits, in one place, each with the reason for its value. They bound a run on
// hostile or runaway input (a million replicas, an every-second CronJob for a year, an alias bomb); none
// of them is reached by an ordinary manifest. Callers with tighter needs (the editor's predictions, the
// panel) pass smaller values through SimulateOptions: see server/src/limits.ts and client/src/limits.ts.

/**
 * Simulation steps (events taken off the queue) a run may take unless the caller says otherwise: the
 * budget of `podlab run`. Every example and corpus manifest finishes far below it; past it the run stops
 * with a note saying where, instead of running on (the trace up to there stays valid).
 */
export const DEFAULT_BUDGET = 3_000_000;

/**
 * A probe result that repeats the previous one and changes nothing (a steady fleet's probes) is not a step: it costs
 * a small fraction of one (engine/probeLog.ts). It still counts, against a bound this many times the step budget
 * (30 million by default: 10,000 replicas probed every 10 and 20 s for five hours), so no run goes on forever.
 */
export const REPEATS_PER_STEP = 10;

/**
 * Pods that may exist at once in a run unless the caller says otherwise (pods already removed, like those of a
 * CronJob's Jobs beyond its history limits, do not count). Controllers create no more pods while that many exist,
 * with a note, so a `replicas: 1000000` typo costs a bounded run; the CLI refuses such manifests up front with
 * the same figure.
 */
export const MAX_PODS = 10_000;

/**
 * YAML aliases a document may expand: real manifests use a handful (anchors for shared env or
 * resources); the bound defuses "billion laughs" documents that expand exponentially.
 */
export const MAX_ALIAS_COUNT = 1000;
