// Runs every bench/*.bench.ts and prints its figures.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

let failed = false;
for (const file of readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  console.log(`# ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
