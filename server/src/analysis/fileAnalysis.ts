// A file's analysis, cached per YAML document: the text is split at document markers (chunks.ts), each
// chunk is loaded (parse, schema, API validation) once per distinct text, and an edit re-analyses only the
// chunk it touched. Ranges inside a chunk's results are chunk-relative; `startLine` shifts them.
import {
  loadManifest,
  looksLikeTemplate,
  splitDocuments,
  templateToYaml,
  type LoadedManifest,
  type Chunk,
  type TemplateProblem,
} from '../../../simulator/src/index';
import { docContexts } from './docContext';
import type { DocContext } from '../rules/types';
import { MAX_ANALYZED_CHARS, MAX_CACHED_ANALYSES } from '../limits';

export interface ChunkResult {
  /** The chunk's text, a copy of its own (see `ownCopy`). */
  text: string;
  manifest: LoadedManifest;
  lines: string[];
  contexts: DocContext[];
  /** The chunk holds a Kubernetes object (apiVersion and kind at its top level). */
  kubernetes: boolean;
}

export interface AnalyzedChunk {
  chunk: Chunk;
  result: ChunkResult;
  /** Index of the chunk's first document in the whole file. */
  firstDoc: number;
}

export interface FileAnalysis {
  /** In file order; when `partial`, only the first documents, the rest not analysed yet. */
  chunks: AnalyzedChunk[];
  /** The analysis stopped at its deadline: cross-document rules and predictions must wait for the rest. */
  partial?: true;
  /** At least one document has apiVersion and kind: PodLab acts on this file. */
  kubernetes: boolean;
  /** Set when the file is too large to analyse (its size in characters). */
  tooLarge?: number;
  /**
   * Set for a Helm chart template: its own syntax errors. The chunks are then those of the template's YAML
   * (template/placeholders.ts: same lines, holes for the actions), so hover and completion read that too.
   */
  template?: { problems: TemplateProblem[] };
}

/**
 * A small shared cache for texts seen outside an open document's history (the CLI, tests, a file opened
 * twice). An open document reuses its own previous analysis instead (see `analyzeFile`), which keeps
 * memory proportional to the open files, not to the number of edits.
 */
const cache = new Map<string, ChunkResult>();

// Block style (`apiVersion: v1`) or flow/JSON style (`{ "apiVersion": "v1", …`). A nested key that matches
// is harmless: the loader then finds no top-level apiVersion/kind and reports nothing.
const API_VERSION = /(?:^|[{,])[ \t]*["']?apiVersion["']?[ \t]*:/m;
const KIND = /(?:^|[{,])[ \t]*["']?kind["']?[ \t]*:/m;
// A chart template line at column 0 written by an action (`{{ include "common.deployment" . }}`): the
// document is the template's, to be reported on (once: its structure is not known) even without apiVersion.
const TOP_LEVEL_HOLE = /^[\uE000-\uE0FF]/m;

/**
 * A copy of a document's text that shares no memory with the file it was cut from. A chunk's text is a
 * slice of the whole file, and V8 keeps the whole file alive for as long as a slice (or any value parsed out
 * of it: the loader's strings are slices again) lives; a cached analysis would then hold one copy of the
 * file per edit. Decoding the text from bytes makes a new string by construction (`''.concat(s)` or
 * `(' ' + s).slice(1)` may return a slice or a rope over the old one again); UTF-16 code units survive
 * exactly, lone surrogates included, and an ASCII text stays one byte per character. Measured with
 * --expose-gc in bench/memory.bench.ts.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

function analyzeChunk(chunkText: string, previous?: ReadonlyMap<string, ChunkResult>): ChunkResult {
  const own = previous?.get(chunkText);
  if (own !== undefined) return own;
  const hit = cache.get(chunkText);
  if (hit !== undefined) {
    // Refresh its place in the LRU order.
    cache.delete(chunkText);
    cache.set(chunkText, hit);
    return hit;
  }
  const text = ownCopy(chunkText);
  const kubernetes = (API_VERSION.test(text) && KIND.test(text)) || TOP_LEVEL_HOLE.test(text);
  const manifest = loadManifest(kubernetes ? text : '');
  const lines = text.split('\n');
  const result: ChunkResult = { text, manifest, lines, contexts: docContexts(manifest, lines), kubernetes };
  // An edit's new text is kept by the document's own analysis, not here: each keystroke would otherwise
  // add one analysis to this cache, up to its limit (measured: +13 MiB over 200 edits), for a text that is
  // typically never seen again.
  if (previous === undefined) {
    cache.set(text, result);
    if (cache.size > MAX_CACHED_ANALYSES) cache.delete(cache.keys().next().value as string);
  }
  return result;
}

/**
 * `previous`: the last analysis of the same document, whose unchanged documents are reused. `path`: the
 * file's path, when known (a chart's `templates/` folder marks a template). A chart template is split and
 * analysed as its YAML (simulator/src/template: holes for the actions, same lines).
 */
export function analyzeFile(
  text: string,
  maxChars = MAX_ANALYZED_CHARS,
  previous?: FileAnalysis,
  path?: string,
): FileAnalysis {
  if (text.length > maxChars) return tooLarge(text);
  if (!looksLikeTemplate(text, path)) return analyzeChunks(splitDocuments(text), previous);
  const template = templateToYaml(text);
  return { ...analyzeChunks(splitDocuments(template.text), previous), template: { problems: template.problems } };
}

/** A file over the size limit: not analysed, only recognised. */
export function tooLarge(text: string): FileAnalysis {
  return { chunks: [], kubernetes: API_VERSION.test(text.slice(0, 65536)), tooLarge: text.length };
}

/**
 * The analysis of a file already split into its documents (an open document keeps them split). With
 * `until` (a performance.now() time), it stops once that time has passed, after at least one document it had
 * to analyse, and is then `partial`: called again with that analysis as `previous`, it goes on from there.
 */
export function analyzeChunks(split: readonly Chunk[], previous?: FileAnalysis, until?: number): FileAnalysis {
  const chunks: AnalyzedChunk[] = [];
  let doc = 0;
  let kubernetes = false;
  let analysed = false;
  // Keyed by the texts of the previous split, not by the results' own copies: an unchanged document's text is the
  // same string from one split to the next (yamlTextDocument.ts), and a key that is the same string is found
  // without comparing its characters (at 1,000 documents, 2 MB compared on every keystroke otherwise).
  const reuse = previous ? new Map(previous.chunks.map((c) => [c.chunk.text, c.result])) : undefined;
  for (const chunk of split) {
    const known = reuse?.get(chunk.text);
    if (known === undefined && analysed && until !== undefined && performance.now() > until)
      return { chunks, kubernetes, partial: true };
    if (known === undefined) analysed = true;
    const result = known ?? analyzeChunk(chunk.text, reuse);
    chunks.push({ chunk, result, firstDoc: doc });
    doc += Math.max(result.manifest.docs.length, 1);
    kubernetes ||= result.kubernetes;
  }
  return { chunks, kubernetes };
}

/** The chunk that contains a 0-based line. */
export function chunkAt(analysis: FileAnalysis, line: number): AnalyzedChunk | undefined {
  let found: AnalyzedChunk | undefined;
  for (const c of analysis.chunks) {
    if (c.chunk.startLine <= line) found = c;
    else break;
  }
  return found;
}
