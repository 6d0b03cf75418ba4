// Diagnostics for a file: YAML and schema problems, API-server validation and the semantic rules, each with its
// quick fixes (made when asked for, diagnosticFixes.ts). Results are cached per document text and settings.
import { Diagnostic, DiagnosticSeverity, type Range as LspRange } from 'vscode-languageserver';
import type { FixData, Range, ManifestIssue, Prediction } from '../../../simulator/src/index';
import { analyzeFile, type AnalyzedChunk, type ChunkResult, type FileAnalysis } from '../analysis/fileAnalysis';
import { FILE_RULES, RULES } from '../rules';
import { resolveFixes } from '../analysis/fixes';
import type { DocContext, Finding, Fix, RuleSeverity } from '../rules/types';
import { deriveFixes, setFixes } from './diagnosticFixes';
import { MAX_ANALYZED_CHARS } from '../limits';
import { settingsKey, type Settings } from '../settings';
import { schemaFixes } from './schemaFixes';
import { predictionDiagnostics } from './predictions';
import { predictionJob, worldObjects } from './predictionInputs';
import { PredictionCache } from './predictionCache';
import { UNDECLARED, type Declared } from './declaredWorld';
import { mergeCauses } from './mergeCauses';
import { aboutHole, holesOf, templateProblems } from './templateDiagnostics';

const STRUCTURAL = new Set([
  'yaml-syntax',
  'duplicate-key',
  'yaml-escape',
  'unknown-field',
  'missing-required',
  'schema',
]);

const SEVERITY: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function shiftRange(r: Range, lines: number): LspRange {
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}

function shiftFixes(fixes: readonly Fix[], lines: number): Fix[] {
  return fixes.map((f) => ({
    ...f,
    edits: f.edits.map((e) => ({ range: shiftRange(e.range, lines), newText: e.newText })),
  }));
}

/** Gives `d` the fixes that `data` describes in `ctx`, made when a code action asks, `lines` further down. */
function setFixData(d: Diagnostic, ctx: DocContext, data: readonly FixData[] | undefined, lines = 0): void {
  if (data && data.length > 0) setFixes(d, () => shiftFixes(resolveFixes(ctx, data), lines));
}

function severityOf(id: string, fallback: RuleSeverity, settings: Settings): RuleSeverity | undefined {
  const s = settings.rules[id];
  if (s === 'off') return undefined;
  return s === undefined || s === 'default' ? fallback : s;
}

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

/** A finding's diagnostic, without its fixes (setFixData). */
function findingDiagnostic(id: string, severity: RuleSeverity, f: Finding): Diagnostic {
  const d = Diagnostic.create(f.range, f.message, SEVERITY[f.severity ?? severity], id, 'podlab');
  if (f.related && f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: '', range: r.range }, message: r.message }));
  }
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

function shift(d: Diagnostic, lines: number, uri: string): Diagnostic {
  if (lines === 0 && !d.relatedInformation) return d;
  const out: Diagnostic = { ...d, range: shiftRange(d.range, lines) };
  deriveFixes(out, [d], (fixes) => shiftFixes(fixes, lines));
  if (d.relatedInformation) {
    out.relatedInformation = d.relatedInformation.map((r) => ({
      location: { uri, range: shiftRange(r.location.range, lines) },
      message: r.message,
    }));
  }
  return out;
}

/** The file rules' diagnostics of an analysis, kept for the prediction pass's publish of the same version. */
const perFile = new WeakMap<FileAnalysis, { key: string; uri: string; diagnostics: Diagnostic[] }>();

function cachedFileRuleDiagnostics(analysis: FileAnalysis, settings: Settings, key: string, uri: string): Diagnostic[] {
  const cached = perFile.get(analysis);
  if (cached && cached.key === key && cached.uri === uri) return cached.diagnostics;
  const diagnostics = fileRuleDiagnostics(analysis, settings, uri);
  perFile.set(analysis, { key, uri, diagnostics });
  return diagnostics;
}

/** A chunk's documents with their index in the file, kept while it stays the same: what the file rules derive
 * from the documents a keystroke did not change (rules/support/templates.ts) is then not derived again. */
const inFile = new WeakMap<ChunkResult, { firstDoc: number; contexts: DocContext[] }>();

function contextsInFile(c: AnalyzedChunk): DocContext[] {
  const cached = inFile.get(c.result);
  if (cached && cached.firstDoc === c.firstDoc) return cached.contexts;
  const contexts = c.result.contexts.map((ctx) => ({ ...ctx, index: c.firstDoc + ctx.index }));
  inFile.set(c.result, { firstDoc: c.firstDoc, contexts });
  return contexts;
}

/** File-wide rules see every document with its global index; their findings are shifted by their chunk. */
function fileRuleDiagnostics(analysis: FileAnalysis, settings: Settings, uri: string): Diagnostic[] {
  const owners = new Map<number, AnalyzedChunk>();
  const contexts: DocContext[] = [];
  for (const c of analysis.chunks) {
    if (!c.result.kubernetes) continue;
    for (const ctx of contextsInFile(c)) {
      contexts.push(ctx);
      owners.set(ctx.index, c);
    }
  }
  const out: Diagnostic[] = [];
  for (const rule of FILE_RULES) {
    const severity = severityOf(rule.id, rule.defaultSeverity, settings);
    if (severity === undefined) continue;
    const ownerOf = (doc: number) => owners.get(doc);
    for (const { doc, finding } of rule.checkFile(contexts, { podSecurity: settings.podSecurity })) {
      const owner = ownerOf(doc);
      if (!owner) continue;
      const holesIn = (d: number | undefined) => holesOf((d === undefined ? owner : (ownerOf(d) ?? owner)).result);
      if (aboutHole(finding, holesIn(doc), holesIn)) continue;
      const d = shift(findingDiagnostic(rule.id, severity, { ...finding, related: [] }), owner.chunk.startLine, uri);
      // Related lines may sit in other documents: shift each by its own document's offset.
      const related = (finding.related ?? []).map((r) => {
        const lines = (r.doc !== undefined ? ownerOf(r.doc) : owner)?.chunk.startLine ?? owner.chunk.startLine;
        return { location: { uri, range: shiftRange(r.range, lines) }, message: r.message };
      });
      if (related.length > 0) d.relatedInformation = related;
      // The fixes may change another document than the finding's: they are made in its context, moved by its line.
      if (finding.fixes && finding.fixes.length > 0) {
        const fixedDoc = finding.fixesDoc ?? doc;
        const fixed = ownerOf(fixedDoc);
        const ctx = fixed && contextsInFile(fixed).find((c) => c.index === fixedDoc);
        if (ctx) setFixData(d, ctx, finding.fixes, fixed.chunk.startLine);
      }
      out.push(d);
    }
  }
  return out;
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
    const predicted: Diagnostic[] = [];
    for (const d of predictionDiagnostics(c.result, of(c) ?? [])) {
      const severity = severityOf(
        String(d.code),
        d.severity === DiagnosticSeverity.Information ? 'information' : 'warning',
        settings,
      );
      if (severity === undefined) continue;
      d.severity = SEVERITY[severity]; // made for this call: changing it changes no cached diagnostic
      predicted.push(shift(d, c.chunk.startLine, uri));
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
