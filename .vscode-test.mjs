// Configuration for @vscode/test-cli (`npx vscode-test`, and the VS Code "Extension Test Runner"), for those
// who install it (`npm i -D @vscode/test-cli`; it is not a dependency of this project). It runs the same
// extension-host suites as `npm run test:electron` (test/electron/suite/*.suite.ts) with Mocha's TDD UI.
// Before it reads this file's settings, it bundles the suites into out/electron/ and lays out the test
// workspace (examples/ + test/fixtures) in .vscode-test/workspace. See test/electron/README.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'test/electron/runTest.ts', '--prepare'], {
  cwd: root,
  stdio: 'inherit',
});
if (prepared.status !== 0) throw new Error('test/electron/runTest.ts --prepare failed');

export default {
  label: 'PodLab extension host',
  files: `${root}out/electron/*.suite.js`,
  version: process.env.VSCODE_TEST_VERSION ?? 'stable',
  workspaceFolder: `${root}.vscode-test/workspace`,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'tdd', timeout: 90_000 },
};
