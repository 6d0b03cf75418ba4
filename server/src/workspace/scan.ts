// Finding and reading the workspace's YAML files for the index, bounded so that a huge folder costs little:
// node_modules, .git and other hidden folders are skipped (not `.podlab`), at most WORKSPACE_MAX_FILES files and
// WORKSPACE_MAX_DEPTH levels, files over WORKSPACE_MAX_FILE_BYTES or holding NUL bytes are left out. Asynchronous,
// one directory or file per turn of the event loop, so the server answers requests while it reads.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WORKSPACE_MAX_DEPTH, WORKSPACE_MAX_FILE_BYTES, WORKSPACE_MAX_FILES } from '../limits';

const SKIPPED = new Set(['node_modules', '.git']);

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** The YAML files under `root`, breadth first; stops at the file cap and says so with `capped`. */
export async function yamlFiles(root: string): Promise<{ files: string[]; capped: boolean }> {
  const files: string[] = [];
  let level = [root];
  for (let depth = 0; depth <= WORKSPACE_MAX_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const path = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIPPED.has(e.name) && (!e.name.startsWith('.') || e.name === '.podlab')) next.push(path);
        } else if (e.isFile() && isYamlPath(e.name)) {
          if (files.length >= WORKSPACE_MAX_FILES) return { files, capped: true };
          files.push(path);
        }
      }
    }
    level = next;
  }
  return { files, capped: false };
}

/** A workspace file's text, or undefined when it is gone, too large or binary. */
export async function readWorkspaceFile(path: string): Promise<string | undefined> {
  try {
    const st = await stat(path);
    if (!st.isFile() || st.size > WORKSPACE_MAX_FILE_BYTES) return undefined;
    const text = await readFile(path, 'utf8');
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}
