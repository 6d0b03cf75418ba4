// The file rules' diagnostics: rules that see every document of the file at once (a Service and the pods it
// selects), with each document's index in the file; their findings, related lines and fixes are moved by the
// line of the document each belongs to.
import type { Diagnostic } from 'vscode-languageserver';
import type { AnalyzedChunk, ChunkResult, FileAnalysis } from '../analysis/fileAnalysis';
import { FILE_RULES } from '../rules';
import type { DocContext } from '../rules/types';
import type { Settings } from '../settings';
import { findingDiagnostic, setFixData, severityOf, shift, shiftRange } from './ruleDiagnostic';
import { aboutHole, holesOf } from './templateDiagnostics';

/** The file rules' diagnostics of an analysis, kept for the prediction pass's publish of the same version. */
const perFile = new WeakMap<FileAnalysis, { key: string; uri: string; diagnostics: Diagnostic[] }>();

export function cachedFileRuleDiagnostics(
  analysis: FileAnalysis,
  settings: Settings,
  key: string,
  uri: string,
): Diagnostic[] {
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
