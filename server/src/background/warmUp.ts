// The diagnostics worker's warm-up: one pass over a small manifest once its modules have loaded, before it says
// so (the server answers initialize then, so no document waits behind it). The first pass after a start pays
// V8's warm-up: yaml's and zod's code run cold, zod compiles its parsers on first use, and so do the rules and
// the serialization of the publish. The pass is the engine's (diagnosticsEngine.ts publish), step by step, on
// objects of its own: it publishes nothing, and it leaves nothing in the caches a user's document reads (its
// analysis is not put in the shared analysis cache; the other caches are keyed by the analysis objects, dropped
// when it returns).
import { splitDocuments } from '../../../simulator/src/index';
import { analyzeChunks, type FileAnalysis } from '../analysis/fileAnalysis';
import { guarded } from '../errorGuard';
import { diagnosticsFor } from '../features/diagnostics';
import { predictionJob, worldObjects } from '../features/predictionInputs';
import { DEFAULT_SETTINGS } from '../settings';
import { objectsOfAnalysis } from '../workspace/workspaceIndex';

// One small Deployment, with findings most files have (an image without a tag, a container without resources).
// Small on purpose: the warm-up is on the way to the first diagnostics of the server's first file (initialize
// waits for it), and a larger one (a Deployment with probes, env, resources and a sidecar, and its Service) cost
// more there than it saved in the document's own pass. Measured with 10 Deployments (bench/lsp/generate.ts), the
// bench's open → first diagnostics against none: 70 → 54 ms with the larger one, 41 ms with this one; spawn →
// first +67 against +21 ms; initialize +79 against +43 ms (medians of 10, alternated, load 1.4–1.8).
export const WARM_UP_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: warm-up
spec:
  selector:
    matchLabels: { app: warm-up }
  template:
    metadata:
      labels: { app: warm-up }
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - containerPort: 80
`;

/** An analysis to start from that has no documents: the pass's own are then kept out of the shared cache. */
const NOT_CACHED: FileAnalysis = { chunks: [], kubernetes: false };

/** The warm-up pass; an error in it is one line in the log (errorGuard.ts), never the worker's end. */
export function warmUp(): void {
  guarded('warm-up', undefined, () => {
    const analysis = analyzeChunks(splitDocuments(WARM_UP_MANIFEST), NOT_CACHED);
    // The workspace world's objects of the file, and the prediction jobs (predictionPass.ts plan) without a
    // pass's cache: nothing is simulated.
    objectsOfAnalysis(analysis);
    const world = worldObjects(analysis);
    const toSimulate = new Set(analysis.chunks.filter((c) => predictionJob(c, world)).map((c) => c.result));
    // The fast pass's diagnostics: the predictions of the documents to simulate are not known yet.
    const diagnostics = diagnosticsFor(analysis, DEFAULT_SETTINGS, 'file:///podlab-warm-up.yaml', (c) =>
      toSimulate.has(c.result) ? undefined : [],
    );
    // The publish as the worker serializes it (diagnosticsWorker.ts), thrown away.
    new TextEncoder().encode(
      JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics } }),
    );
  });
}
