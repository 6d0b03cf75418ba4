// Diagnostics for a file: YAML and schema problems, API-server validation and the semantic rules, each with its
// quick fixes (made when asked for, diagnosticFixes.ts). Results are cached per document text and settings.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { ManifestIssue, Prediction } from '../../../simulator/src/index';
import { analyzeFile, type AnalyzedChunk, type ChunkResult, type FileAnalysis } from '../analysis/fileAnalysis';
import { RULES } from '../rules';
import { findingDiagnostic, setFixData, SEVERITY, severityOf, shift } from './ruleDiagnostic';
import { cachedFileRuleDiagnostics } from './fileRuleDiagnostics';
import { MAX_ANALYZED_CHARS } from '../limits';
import { settingsKey, type Settings } from '../settings';
import { schemaFixes } from './schemaFixes';
import { predictionDiagnostics } from './predictions';
import { predictionJob, worldObjects } from './predictionInputs';
import { PredictionCache } from './predictionCache';
import { UNDECLARED, type Declared } from './declaredWorld';
import { mergeCauses, type Predicted } from './mergeCauses';
import { aboutHole, holesOf, templateProblems } from './templateDiagnostics';

const STRUCTURAL = new Set([
  'yaml-syntax',
  'duplicate-key',
  'yaml-escape',
  'unknown-field',
  'missing-required',
  'schema',
]);

/**
 * Loader codes that a rule which is on presents in its own words (the rules run below): each issue is shown
 * once, through its rule, or as the loader's own issue when its rule is off.
 */
function presentedCodes(settings: Settings): Set<string> {
  const codes = new Set<string>();
  for (const rule of RULES) {
    if (settings.rules[rule.id] !== 'off') for (const c of rule.presents ?? []) codes.add(c);
  }
  return codes;
}

function issueDiagnostic(
  i: ManifestIssue,
  chunk: ChunkResult,
  settings: Settings,
  presented: Set<string>,
): Diagnostic | undefined {
  if (!settings.schemaValidation && STRUCTURAL.has(i.code)) return undefined;
  if (presented.has(i.code)) return undefined;
  const severity = severityOf(i.code, i.severity === 'information' ? 'information' : i.severity, settings);
  if (severity === undefined) return undefined;
  const words = schemaFixes(i, chunk);
  const ctx = chunk.contexts.find((c) => c.index === i.doc);
  const d = Diagnostic.create(i.range, words.message, SEVERITY[severity], i.code, 'podlab');
  if (ctx) setFixData(d, ctx, words.fixes);
  return d;
}

/** Per-chunk diagnostics in chunk coordinates, cached on the chunk result per settings. */
const perChunk = new WeakMap<ChunkResult, { key: string; diagnostics: Diagnostic[] }>();

function chunkDiagnostics(chunk: ChunkResult, settings: Settings, key: string): Diagnostic[] {
  const cached = perChunk.get(chunk);
  if (cached && cached.key === key) return cached.diagnostics;
  const out: Diagnostic[] = [];
  if (chunk.kubernetes) {
    const presented = presentedCodes(settings);
    for (const i of chunk.manifest.issues) {
      const d = issueDiagnostic(i, chunk, settings, presented);
      if (d) out.push(d);
    }
    const holes = holesOf(chunk);
    for (const ctx of chunk.contexts) {
      if (ctx.kind === undefined || ctx.apiVersion === undefined) continue;
      for (const rule of RULES) {
        const severity = severityOf(rule.id, rule.defaultSeverity, settings);
        if (severity === undefined) continue;
        for (const f of rule.check(ctx)) {
          if (aboutHole(f, holes)) continue;
          const d = findingDiagnostic(rule.id, severity, f);
          setFixData(d, ctx, f.fixes);
          out.push(d);
        }
      }
    }
  }
  perChunk.set(chunk, { key, diagnostics: out });
  return out;
}

/**
 * A document's diagnostics in file coordinates, kept while the document stays on the same line: a keystroke
 * elsewhere in the file then copies none of them (at 1,000 documents, about 3,000 diagnostics per keystroke).
 */
const perPlace = new WeakMap<ChunkResult, { key: string; uri: string; line: number; diagnostics: Diagnostic[] }>();

function shiftedDiagnostics(c: AnalyzedChunk, settings: Settings, key: string, uri: string): Diagnostic[] {
  const line = c.chunk.startLine;
  const cached = perPlace.get(c.result);
  if (cached && cached.key === key && cached.uri === uri && cached.line === line) return cached.diagnostics;
  const diagnostics = chunkDiagnostics(c.result, settings, key).map((d) => shift(d, line, uri));
  perPlace.set(c.result, { key, uri, line, diagnostics });
  return diagnostics;
}

/**
 * The two costly parts of diagnosticsFor, computed ahead and kept in the caches it reads: a large file's pass
 * runs them in turns of their own (server.ts), and a request that comes meanwhile waits for one part only.
 */
export const DIAGNOSTICS_PARTS: readonly ((analysis: FileAnalysis, settings: Settings, uri: string) => void)[] = [
  // Each document's diagnostics where it now is (a keystroke that adds a line moves every later document's).
  (analysis, settings, uri) => {
    const key = settingsKey({ ...settings, predictions: false });
    if (analysis.kubernetes) for (const c of analysis.chunks) shiftedDiagnostics(c, settings, key, uri);
  },
  // The file rules, over every document.
  (analysis, settings, uri) => {
    const key = settingsKey({ ...settings, predictions: false });
    if (analysis.kubernetes && !analysis.partial) cachedFileRuleDiagnostics(analysis, settings, key, uri);
  },
];

/** A document's predictions, or undefined when they are not known yet (the server's pass has not run). */
export type PredictionsOf = (c: AnalyzedChunk) => readonly Prediction[] | undefined;

const computed = new PredictionCache();

/** Predictions simulated here and now, for callers that wait for them (the CLI, tests). */
function computeNow(analysis: FileAnalysis, declared: Declared = UNDECLARED): PredictionsOf {
  const world = worldObjects(analysis);
  return (c) => {
    const job = predictionJob(c, world, declared);
    return job ? computed.getOrRun(job) : [];
  };
}

/** `predictionsOf`: the language server's, from its prediction pass; by default they are computed here. */
export function diagnosticsFor(
  analysis: FileAnalysis,
  settings: Settings,
  uri = '',
  predictionsOf?: PredictionsOf,
): Diagnostic[] {
  if (analysis.tooLarge !== undefined) {
    const mb = (analysis.tooLarge / 1048576).toFixed(1);
    return [
      Diagnostic.create(
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        `This file has ${mb} MB; PodLab checks files up to ${MAX_ANALYZED_CHARS / 1048576} MB, so it is not checked.`,
        DiagnosticSeverity.Information,
        'file-too-large',
        'podlab',
      ),
    ];
  }
  const template = templateProblems(analysis);
  if (!analysis.kubernetes) return template;
  // Per-document diagnostics do not depend on `predictions`: both passes share one cache entry.
  const key = settingsKey({ ...settings, predictions: false });
  const perDoc = analysis.chunks.map((c) => shiftedDiagnostics(c, settings, key, uri));
  const out: Diagnostic[] = [...template, ...perDoc.flat()];
  // A partial analysis (a large file just opened) lacks documents that cross-document rules and predictions
  // need: they wait for the rest.
  if (analysis.partial) return out;
  out.push(...cachedFileRuleDiagnostics(analysis, settings, key, uri));
  if (!settings.predictions) return out;
  const of = predictionsOf ?? computeNow(analysis);
  const absorbed = new Set<Diagnostic>();
  for (const [i, c] of analysis.chunks.entries()) {
    if (!c.result.kubernetes) continue;
    const predicted: Predicted[] = [];
    for (const { diagnostic: d, brief } of predictionDiagnostics(c.result, of(c) ?? [])) {
      const severity = severityOf(
        String(d.code),
        d.severity === DiagnosticSeverity.Information ? 'information' : 'warning',
        settings,
      );
      if (severity === undefined) continue;
      d.severity = SEVERITY[severity]; // made for this call: changing it changes no cached diagnostic
      const diagnostic = shift(d, c.chunk.startLine, uri);
      predicted.push(brief === undefined ? { diagnostic } : { diagnostic, brief });
    }
    if (predicted.length === 0) continue;
    // One diagnostic per cause: a rule finding that causes a prediction on the same value goes into it.
    const merged = mergeCauses(perDoc[i] ?? [], predicted);
    for (const d of merged.absorbed) absorbed.add(d);
    out.push(...merged.predictions);
  }
  return absorbed.size === 0 ? out : out.filter((d) => !absorbed.has(d));
}

/**
 * For the CLI and tests: no size limit (the CLI has its own, and nobody is waiting at a keyboard). `declared`:
 * the cluster and objects a scenario declares (`podlab lint --scenario`).
 */
export function diagnoseText(text: string, settings: Settings, uri = '', declared?: Declared): Diagnostic[] {
  const analysis = analyzeFile(text, Infinity, undefined, uri);
  return diagnosticsFor(analysis, settings, uri, computeNow(analysis, declared));
}
