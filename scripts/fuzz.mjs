// The long fuzzing run: the fixed-seed suite of test/robustness/fuzz.test.ts with many more runs and a
// seed of your choice.  npm run fuzz [-- RUNS [SEED]]   (defaults: 5000 runs, seed 20261123)
import { spawnSync } from 'node:child_process';

const [runs = '5000', seed = '20261123'] = process.argv.slice(2);
console.log(`fuzzing with ${runs} runs per property, seed ${seed}`);
const t0 = Date.now();
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', 'test/robustness/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
console.log(`fuzzing took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(r.status ?? 1);
