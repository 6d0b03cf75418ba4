// Reading input files with clear errors: a missing, unreadable, binary or oversized file is bad input (exit 2).
import { readFileSync, statSync } from 'node:fs';
import { loadScenario, type ManifestIssue, type Scenario } from '../../../simulator/src/index';
import { MAX_INPUT_BYTES } from '../limits';

export class InputError extends Error {}

export function readInput(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory, not a YAML file`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: ${describeFsError(err)}`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new InputError(
      `${path}: ${(size / 1048576).toFixed(1)} MiB is larger than the ${MAX_INPUT_BYTES / 1048576} MiB PodLab reads`,
    );
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: ${describeFsError(err)}`);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length;
    throw new InputError(`${path}:${line}: the file contains a NUL byte: it is binary, not YAML`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a YAML file';
  return (err as Error).message ?? String(err);
}

export function formatIssue(file: string, i: ManifestIssue): string {
  return `${file}:${i.range.start.line + 1}:${i.range.start.character + 1}: ${i.severity}: ${i.message} [${i.code}]`;
}

/**
 * The scenario of `--scenario FILE` (`podlab run` and `podlab lint` read the same format): undefined without the
 * flag, null when the file has problems, each printed on stderr as `FILE:LINE:COL: error: …` (the caller exits 2).
 */
export function readScenario(file: string | undefined, io: { err: (s: string) => void }): Scenario | undefined | null {
  if (file === undefined) return undefined;
  const loaded = loadScenario(readInput(file));
  if (loaded.ok) return loaded.scenario;
  for (const i of loaded.issues) io.err(formatIssue(file, i));
  return null;
}
