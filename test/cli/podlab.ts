// The bundled CLI as a user runs it (`node dist/podlab.js …`), for the CLI tests: exit code, stdout, stderr, and
// never a stack trace; and input files written to a temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'podlab.js');
export const dir = mkdtempSync(join(tmpdir(), 'podlab-cli-'));

export function podlab(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.doesNotMatch(r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
