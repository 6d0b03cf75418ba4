// The diagnostics worker (a worker thread, bundled as dist/diagnosticsWorker.js and started with the server):
// the diagnostics engine, fed by the main thread (workerProtocol.ts). Its publishes are serialized here, so that
// neither the pass nor the JSON of a large file's publish (1 MB at 1,000 documents) runs on the event loop that
// answers completion, hover and code actions. The same bundle runs the prediction worker (workerData
// PREDICTIONS_ROLE, started by this one's predictionRunner), so that the .vsix carries the simulator once.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { reportErrorsTo } from '../errorGuard';
import { predictionRunner, PREDICTIONS_ROLE } from '../features/predictionRunner';
import { servePredictions } from '../features/predictionWorker';
import { DiagnosticsEngine } from './diagnosticsEngine';
import { receive, type FromWorker, type ToWorker } from './workerProtocol';
import { warmUp } from './warmUp';
import { gateOver } from './requestGate';
import type { DiagnosticsWorkerData } from './workerStart';

function serveDiagnostics(port: MessagePort, data: DiagnosticsWorkerData | undefined): void {
  const post = (m: FromWorker) => port.postMessage(m);
  reportErrorsTo((message) => post({ type: 'error', message }));

  const sessions = new Map<string, number>();
  const utf8 = new TextEncoder();
  let received = 0;
  const engine = new DiagnosticsEngine(
    {
      publish: (params, open) => {
        const session = open ? sessions.get(params.uri) : undefined;
        // The whole message, as the connection writes it: bytes of their own (TextEncoder, not Buffer's shared
        // pool), moved to the main thread without a copy.
        const bytes = utf8.encode(
          JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params }),
        );
        const m: FromWorker = {
          type: 'publish',
          uri: params.uri,
          message: bytes,
          ...(session !== undefined && { session }),
          ...(params.version !== undefined && { version: params.version }),
        };
        port.postMessage(m, [bytes.buffer]);
      },
      log: (message) => post({ type: 'log', message }),
      error: (message) => post({ type: 'error', message }),
    },
    // The simulations run in a worker of their own (nested), next to this one's bundle.
    predictionRunner(__dirname),
    () => received,
    data?.gate ? gateOver(data.gate) : undefined,
  );

  port.on('message', (m: ToWorker) => {
    received++;
    if (m.type === 'open') sessions.set(m.uri, m.session);
    const answer = receive(engine, m);
    if (answer) post(answer);
    if (m.type === 'close') sessions.delete(m.uri);
  });

  // Before 'loaded': initialize waits for it (diagnosticsHost.ts), so the first document is not analysed behind
  // the warm-up, and its pass runs warm.
  warmUp();
  post({ type: 'loaded' });
}

// Loaded as a module on the main thread (no parentPort), it only lends the engine (diagnosticsHost.ts, in process).
if (parentPort && workerData === PREDICTIONS_ROLE) servePredictions(parentPort);
else if (parentPort) serveDiagnostics(parentPort, workerData as DiagnosticsWorkerData | undefined);

export { DiagnosticsEngine, predictionRunner };
