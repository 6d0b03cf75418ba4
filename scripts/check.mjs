// `npm run check`, also part of `npm test`: the static guardrails, each run even when an earlier one fails so that
// one run shows every problem. ESLint (code), Prettier (layout), dependency-cruiser (which module may import
// which), knip (unused files, exports and dependencies). Prints each tool's time; exits 1 if any failed.
// Usage: node scripts/check.mjs [lint|format|deps|knip ...]   (no argument: all four)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const CHECKS = {
  lint: ['eslint', '--max-warnings', '0', '.'],
  format: ['prettier', '--check', '--log-level', 'warn', '.'],
  deps: ['depcruise', 'simulator/src', 'server/src', 'client', 'test', 'bench', 'scripts'],
  knip: ['knip'],
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in CHECKS));
if (unknown.length > 0) {
  console.error(`unknown check ${unknown.join(', ')}; known: ${Object.keys(CHECKS).join(', ')}`);
  process.exit(2);
}
const results = [];
for (const [name, [bin, ...args]] of Object.entries(CHECKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`# ${name}: ${bin} ${args.join(' ')}`);
  const start = performance.now();
  // The pinned devDependency's own executable: never a download, no npm start-up cost.
  const r = spawnSync(join('node_modules', '.bin', bin), args, { stdio: 'inherit' });
  results.push({ name, ok: r.status === 0, seconds: (performance.now() - start) / 1000 });
}
for (const { name, ok, seconds } of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds.toFixed(1)} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
