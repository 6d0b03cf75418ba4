// Where the simulations of the prediction pass run. A worker thread rather than slices on the event loop:
// one document's simulation is a few milliseconds, but its step budget allows far more on a hostile
// document, and a slice cannot be interrupted mid-simulation; in a worker, the longest simulation delays no
// completion, hover or code action, and the main thread only composes the results. The simulator is pure,
// so the worker needs nothing but the job's plain data (structured clone). Without the bundled worker file
// (the server run from its TypeScript sources), each simulation runs on the event loop in its own turn,
// after the messages already received.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Prediction } from '../../../simulator/src/index';
import { PREDICTION_JOB_TIMEOUT_MS } from '../limits';
import { runPredictionJob } from './predictionCache';
import type { PredictionJob } from './predictionInputs';

export interface PredictionRunner {
  run(job: PredictionJob): Promise<readonly Prediction[]>;
  dispose(): void;
}

export interface WorkerRequest extends Pick<PredictionJob, 'objects' | 'services' | 'world' | 'scenario'> {
  id: number;
}

/** The role of a worker started from the diagnostics worker's bundle to run simulations (its workerData). */
export const PREDICTIONS_ROLE = 'predictions';

export interface WorkerResponse {
  id: number;
  predictions: Prediction[];
}

/** Each job in its own turn of the event loop. */
export function inProcessRunner(): PredictionRunner {
  return {
    run: (job) => new Promise((resolve) => setImmediate(() => resolve(runPredictionJob(job)))),
    dispose() {},
  };
}

/**
 * Jobs in a worker thread, started on first use and again after it dies. A job that takes longer than
 * PREDICTION_JOB_TIMEOUT_MS (a bug: the step budget bounds a simulation) ends the worker; its document
 * then has no predictions.
 */
function workerRunner(file: string): PredictionRunner {
  let worker: Worker | undefined;
  const waiting = new Map<number, { resolve: (p: Prediction[]) => void; timer: NodeJS.Timeout }>();
  let nextId = 0;
  const settle = (id: number, predictions: Prediction[]) => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    clearTimeout(w.timer);
    w.resolve(predictions);
  };
  const stop = (w: Worker) => {
    if (worker !== w) return;
    worker = undefined;
    void w.terminate();
    for (const id of [...waiting.keys()]) settle(id, []);
  };
  const start = () => {
    const w = new Worker(file, { workerData: PREDICTIONS_ROLE });
    w.unref(); // an idle worker does not keep the server alive
    w.on('message', (m: WorkerResponse) => settle(m.id, m.predictions));
    w.on('error', () => stop(w));
    w.on('exit', () => stop(w));
    return w;
  };
  return {
    run(job) {
      const w = (worker ??= start());
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => stop(w), PREDICTION_JOB_TIMEOUT_MS);
        timer.unref();
        waiting.set(id, { resolve, timer });
        const request: WorkerRequest = {
          id,
          objects: job.objects,
          services: job.services,
          world: job.world,
          ...(job.scenario && { scenario: job.scenario }),
        };
        w.postMessage(request);
      });
    },
    dispose() {
      if (worker) stop(worker);
    },
  };
}

/**
 * A worker from the diagnostics worker's bundle next to the server (dist/diagnosticsWorker.js, which carries the
 * simulator already: one copy in the .vsix, not two), in its predictions role; else in process.
 */
export function predictionRunner(dir: string): PredictionRunner {
  const file = join(dir, 'diagnosticsWorker.js');
  return existsSync(file) ? workerRunner(file) : inProcessRunner();
}
