// What a file rule finds in one document, kept per document context: a file rule runs over every document of
// the file on each keystroke, and the contexts of the documents a keystroke did not change are the same objects
// from one pass to the next (features/fileRuleDiagnostics.ts). `key` says what else the result depends on (what
// the rule read from the rest of the file): a different key computes it again.
import type { DocContext } from '../types';

export function perDocument<T>(): (doc: DocContext, key: string, compute: () => T) => T {
  const kept = new WeakMap<DocContext, { key: string; value: T }>();
  return (doc, key, compute) => {
    const hit = kept.get(doc);
    if (hit && hit.key === key) return hit.value;
    const value = compute();
    kept.set(doc, { key, value });
    return value;
  };
}
