// Parsing the one YAML document under the cursor (found by simulator/src/yamlDocuments.ts) for hover and
// completion, with a small cache: only that document is parsed, which keeps them cheap on files with
// hundreds of documents.
import { parseDocument, type Document } from 'yaml';
import { KUBERNETES_YAML_OPTIONS } from '../../../simulator/src/index';
import { MAX_DOC_CHARS } from '../limits';

/**
 * A copy of a string that does not share memory with the string it was sliced from (V8 keeps the whole
 * file alive behind a slice; cached entries must not).
 */
export function ownCopy(s: string): string {
  return (s + ' ').slice(0, -1);
}

const PARSED = new Map<string, Document.Parsed>();
const PARSED_SIZE = 8;

/**
 * Parses one document with Kubernetes' YAML 1.1 rules; never throws (errors stay on the document). With
 * `cache`, the last few results are kept (hover is asked again and again over an unchanged document);
 * callers must not modify the returned document.
 */
export function parseChunk(text: string, cache = false): Document.Parsed | undefined {
  if (text.length > MAX_DOC_CHARS) return undefined;
  if (!cache) return parseUncached(text);
  const cached = PARSED.get(text);
  if (cached) return cached;
  const own = ownCopy(text);
  const doc = parseUncached(own);
  if (doc) {
    if (PARSED.size >= PARSED_SIZE) PARSED.delete(PARSED.keys().next().value as string);
    PARSED.set(own, doc);
  }
  return doc;
}

function parseUncached(text: string): Document.Parsed | undefined {
  try {
    return parseDocument(text, { ...KUBERNETES_YAML_OPTIONS, prettyErrors: false, uniqueKeys: false });
  } catch {
    return undefined;
  }
}
