// The start of the diagnostics worker, apart from the rest of the server so that the server's entry point
// (launch.ts) can start it before it loads the rest: the worker's bundle and the server's take a few hundred
// milliseconds each to load on a cold start, and loaded side by side, the worker is ready for the first open.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RequestGate } from './requestGate';

export interface StartedWorker {
  worker: Worker;
  /** Set once the worker has loaded its modules (its first message), whoever listens to it then. */
  loaded: boolean;
  /** Set when the worker has exited (a failed load), before anyone listened to it. */
  exited: boolean;
  /** The main thread's side of the worker's request gate. */
  gate: RequestGate;
}

/** What the diagnostics worker is started with: its request gate's shared memory. */
export interface DiagnosticsWorkerData {
  gate: SharedArrayBuffer;
}

/** The worker bundled in `dir` (dist/diagnosticsWorker.js), started; undefined without that bundle. */
export function startDiagnosticsWorker(dir: string): StartedWorker | undefined {
  const file = join(dir, 'diagnosticsWorker.js');
  if (!existsSync(file)) return undefined;
  const gate = new RequestGate();
  const worker = new Worker(file, { workerData: { gate: gate.buffer } satisfies DiagnosticsWorkerData });
  // An idle worker does not keep the server alive: the server ends when its connection does.
  worker.unref();
  const started = { worker, loaded: false, exited: false, gate };
  worker.once('message', () => (started.loaded = true));
  worker.once('exit', () => (started.exited = true));
  // A failed load before the host listens is seen as an exit there; this keeps it from being an uncaught error.
  worker.on('error', () => undefined);
  return started;
}
