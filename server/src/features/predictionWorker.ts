// The prediction worker's loop: it simulates one document per message, off the thread that plans the predictions,
// so that a long simulation never delays an answer. It runs in a worker started from the diagnostics worker's
// bundle (dist/diagnosticsWorker.js, in its predictions role: predictionRunner.ts), so that the simulator is
// shipped once for both workers.
import type { MessagePort } from 'node:worker_threads';
import { runPredictionJob } from './predictionCache';
import type { WorkerRequest, WorkerResponse } from './predictionRunner';

export function servePredictions(port: MessagePort): void {
  port.on('message', (m: WorkerRequest) => {
    const response: WorkerResponse = { id: m.id, predictions: runPredictionJob(m) };
    port.postMessage(response);
  });
}
