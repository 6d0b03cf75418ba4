// The prediction worker (a worker thread, bundled as dist/predictionWorker.js): it simulates one document
// per message, off the language server's event loop, so that a long simulation never delays an answer.
import { parentPort } from 'node:worker_threads';
import { runPredictionJob } from './predictionCache';
import type { WorkerRequest, WorkerResponse } from './predictionRunner';

parentPort?.on('message', (m: WorkerRequest) => {
  const response: WorkerResponse = { id: m.id, predictions: runPredictionJob(m) };
  parentPort?.postMessage(response);
});
