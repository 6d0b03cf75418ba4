// The server's own bundle (dist/languageServer.js): loaded by the process's entry point (launch.ts) once it has
// started the diagnostics worker.
export { runServer } from './server';
