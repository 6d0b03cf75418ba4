// The language server's process: `podlab-language-server --stdio` (or --node-ipc, --socket=N, --pipe=NAME).
// This entry point is small on purpose: it starts the diagnostics worker, then loads the server's own bundle
// (dist/languageServer.js, a separate file), so that the worker's bundle and the server's, a few hundred
// milliseconds each on a cold start, load side by side and the worker is ready when the first document opens.
import { startDiagnosticsWorker } from './background/workerStart';
import type * as LanguageServer from './languageServer';

const worker = startDiagnosticsWorker(__dirname);
// Resolved at run time next to dist/server.js; esbuild leaves this require alone (external).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: loaded once the worker has started
const { runServer } = require('./languageServer.js') as typeof LanguageServer;
runServer(worker);
