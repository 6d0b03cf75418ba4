// Fixes as data: the change to a document, by path, that removes a problem. The model decides WHAT to change;
// the language server turns each change into text edits (server/src/analysis/edits.ts) and offers it as a
// quick fix. Nothing here knows about text, lines or indentation.
import type { Path } from './path';

export type Change =
  /**
   * Give `path` the value `value`: an existing scalar is replaced, an absent key is added (with the mappings
   * above it that are missing). `first` adds a new key as the first entry of its mapping (where a required
   * field such as `name` conventionally goes) instead of the last.
   */
  | { kind: 'set'; path: Path; value: unknown; first?: boolean }
  /** Rename the key at `path` (its value stays). */
  | { kind: 'rename-key'; path: Path; to: string }
  /** Remove a key of a mapping, or an item of a sequence, with its value. */
  | { kind: 'delete'; path: Path }
  /** Append an item to the sequence at `path` (created when absent). */
  | { kind: 'append'; path: Path; value: unknown };

export interface FixData {
  /** Shown in the editor's quick-fix menu. */
  title: string;
  changes: Change[];
  /** The one obvious fix (shown first, applied by "Fix all"). */
  preferred?: boolean;
}

/** A fix made of one change. */
export function fix(title: string, change: Change, preferred = false): FixData {
  return preferred ? { title, changes: [change], preferred } : { title, changes: [change] };
}

/** The first free `name-2`, `name-3`, … not in `taken` (undefined when it would exceed `maxLength`). */
export function freeName(name: string, taken: ReadonlySet<string>, maxLength: number): string | undefined {
  for (let i = 2; i < 100; i++) {
    const candidate = `${name}-${i}`;
    if (candidate.length > maxLength) return undefined;
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}
