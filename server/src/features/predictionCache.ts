// One document's simulation (simulate + predict, pure: it also runs in the prediction worker) and the
// results by key (predictionInputs.ts), least recently used first out, so memory stays bounded however
// long the user types.
import {
  declaresNodes,
  DEFAULT_HORIZON_SECONDS,
  predict,
  simulate,
  type Prediction,
} from '../../../simulator/src/index';
import { guarded } from '../errorGuard';
import { MAX_CACHED_PREDICTIONS, PREDICTION_MAX_PODS, PREDICTION_STEP_BUDGET } from '../limits';
import type { PredictionJob } from './predictionInputs';

/** Simulates one document; a bug gives no predictions (and one log line), never a crash. */
export function runPredictionJob(
  job: Pick<PredictionJob, 'objects' | 'services' | 'world' | 'scenario'>,
): Prediction[] {
  return guarded('predictions', [], () => {
    const result = simulate(job.objects, {
      // The panel's default horizon too: a prediction's numbers are what the panel shows.
      until: DEFAULT_HORIZON_SECONDS,
      services: [...job.services],
      world: job.world,
      budget: PREDICTION_STEP_BUDGET,
      maxPods: PREDICTION_MAX_PODS,
      ...(job.scenario && { scenario: job.scenario }),
    });
    return predict(result, { defaultCluster: !declaresNodes(job.scenario) });
  });
}

export class PredictionCache {
  private readonly entries = new Map<string, readonly Prediction[]>();

  constructor(private readonly limit = MAX_CACHED_PREDICTIONS) {}

  get(key: string): readonly Prediction[] | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh its place in the LRU order: the documents of the open files stay in.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, predictions: readonly Prediction[]): void {
    this.entries.delete(key);
    this.entries.set(key, predictions);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The cached result, or the simulation run here and now (the CLI, tests: nobody is typing). */
  getOrRun(job: PredictionJob): readonly Prediction[] {
    let hit = this.get(job.key);
    if (hit === undefined) this.set(job.key, (hit = runPredictionJob(job)));
    return hit;
  }
}
