// The prediction pass of the language server. After the fast pass has published a file's diagnostics, the
// documents whose simulation inputs changed (predictionInputs.ts) are simulated one by one by the runner
// (a worker thread), and the file's diagnostics are published again with their predictions. Only the
// latest version of each file is worked on: an edit replaces the file's pending pass, so a stale pass stops
// at its next document and a backlog never builds up while the user types. Results are cached by input,
// so an undo, or the document that did not change, costs no simulation.
import type { Prediction } from '../../../simulator/src/index';
import type { ChunkResult, FileAnalysis } from '../analysis/fileAnalysis';
import type { PredictionsOf } from './diagnostics';
import { PredictionCache } from './predictionCache';
import { predictionJob, worldObjects, type PredictionJob, type WorldObject } from './predictionInputs';
import type { Declared } from './declaredWorld';
import type { PredictionRunner } from './predictionRunner';

/** What a document's simulation takes from beyond its file (workspace/workspaceWorld.ts). */
export interface DocumentWorld {
  declared: Declared;
  /** The world objects of the workspace's other files; the file's own, after them, win. */
  workspace: readonly WorldObject[];
}

/** A file's predictions as far as they are known, and the simulations still needed. */
export interface PredictionPlan {
  predictionsOf: PredictionsOf;
  missing: PredictionJob[];
  /** By key; the pass adds each result, so `predictionsOf` then gives every document's. */
  results: Map<string, readonly Prediction[]>;
}

interface Pending {
  version: number;
  plan: PredictionPlan;
  /** The plan's missing jobs not yet run. */
  jobs: PredictionJob[];
  /** A simulation of this pass found something: the fast publish lacks it. */
  found: boolean;
}

/** `version`'s predictions are complete (published only if `found`; the caller checks the version is current). */
export type PassDone = (uri: string, version: number, predictionsOf: PredictionsOf, found: boolean) => void;

export class PredictionPass {
  private readonly cache = new PredictionCache();
  private readonly pending = new Map<string, Pending>();
  private running = false;
  /** Simulations run so far (tests count them: an edit to one document must cost one). */
  simulations = 0;

  constructor(
    private readonly runner: PredictionRunner,
    private readonly done: PassDone,
  ) {}

  /** What is known now (cache hits; undefined for the documents still to simulate) and what is not. */
  plan(analysis: FileAnalysis, around?: DocumentWorld): PredictionPlan {
    const own = worldObjects(analysis);
    const world = around && around.workspace.length > 0 ? [...around.workspace, ...own] : own;
    const keys = new Map<ChunkResult, string | undefined>();
    const results = new Map<string, readonly Prediction[]>();
    const missing = new Map<string, PredictionJob>();
    for (const c of analysis.chunks) {
      const job = predictionJob(c, world, around?.declared);
      keys.set(c.result, job?.key);
      if (job === undefined || results.has(job.key) || missing.has(job.key)) continue;
      const hit = this.cache.get(job.key);
      if (hit !== undefined) results.set(job.key, hit);
      else missing.set(job.key, job);
    }
    const predictionsOf: PredictionsOf = (c) => {
      const key = keys.get(c.result);
      return key === undefined ? [] : results.get(key);
    };
    return { predictionsOf, missing: [...missing.values()], results };
  }

  /** Starts (or replaces) the file's pass; nothing to simulate means nothing to do. */
  start(uri: string, version: number, plan: PredictionPlan): void {
    if (plan.missing.length === 0) {
      this.pending.delete(uri);
      return;
    }
    this.pending.set(uri, { version, plan, jobs: [...plan.missing], found: false });
    void this.drain();
  }

  cancel(uri: string): void {
    this.pending.delete(uri);
  }

  dispose(): void {
    this.pending.clear();
    this.runner.dispose();
  }

  /** One simulation at a time, always for the latest pass of a file; the loop re-reads `pending` after each. */
  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const next = this.pending.entries().next();
        if (next.done === true) break;
        const [uri, pass] = next.value;
        const job = pass.jobs.shift();
        if (job === undefined) {
          this.pending.delete(uri);
          this.done(uri, pass.version, pass.plan.predictionsOf, pass.found);
          continue;
        }
        // A pass that replaced another may need what the other one just computed.
        let predictions = this.cache.get(job.key);
        if (predictions === undefined) {
          predictions = await this.runner.run(job);
          this.simulations++;
          this.cache.set(job.key, predictions);
        }
        pass.plan.results.set(job.key, predictions);
        if (predictions.length > 0) pass.found = true;
      }
    } finally {
      this.running = false;
    }
  }
}
