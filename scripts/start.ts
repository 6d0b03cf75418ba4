// `npm start`: builds and packages the extension, installs it into a real VS Code (code-server, installed
// on demand into .vscode-test/), and opens examples/ at a printed http://127.0.0.1:PORT address. Ctrl+C stops it.
import { join } from 'node:path';
import { installExtension, prepareDirs, root, run, startCodeServer } from './codeServer';

async function main(): Promise<void> {
  console.log('podlab: installing code-server and Chromium if needed (first time: a few minutes)…');
  run('bash', [join(root, 'scripts', 'setup-code-server.sh')], { timeoutMs: 20 * 60_000 });
  console.log('podlab: building and packaging the extension…');
  run('npm', ['run', 'package'], { timeoutMs: 10 * 60_000 });
  const dirs = prepareDirs(join(root, '.vscode-test', 'start'));
  installExtension(join(root, 'podlab.vsix'), dirs);
  const server = await startCodeServer(dirs, { timeoutMs: 120_000 });
  const folder = join(root, 'examples');
  console.log(`\nPodLab is running in VS Code at ${server.url}/?folder=${encodeURIComponent(folder)}`);
  console.log('Open liveness-wrong-port.yaml and click "Run Deployment in Panel" above it. Ctrl+C stops the server.\n');
  await new Promise<void>(() => {}); // until Ctrl+C (codeServer.ts stops the server on SIGINT/SIGTERM)
}

main().catch((err: unknown) => {
  console.error(`podlab: ${(err as Error).message ?? String(err)}`);
  process.exit(1);
});
