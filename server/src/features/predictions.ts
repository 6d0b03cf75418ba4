// Predicted outcomes as diagnostics: each pod-carrying document is simulated on its own (a short horizon),
// and every bad outcome is reported on the line that causes it, with related lines and a quick fix where
// one change removes the cause. Which documents need a simulation, and the cache of their results, are in
// predictionInputs.ts and predictionCache.ts; this module only turns a document's predictions into words.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { causeRange, parsePath, rangeOf, type FixData, type Prediction } from '../../../simulator/src/index';
import type { ChunkResult } from '../analysis/fileAnalysis';
import { resolveFixes } from '../analysis/fixes';
import { setFixes } from './diagnosticFixes';
import type { Predicted } from './mergeCauses';

/** Each prediction's diagnostic, in the chunk's coordinates, with the words mergeCauses needs beside it. */
export function predictionDiagnostics(chunk: ChunkResult, predictions: readonly Prediction[]): Predicted[] {
  return predictions.map((p) => {
    const range = causeRange(chunk.manifest, p.doc, p.paths[0] ?? '');
    const severity = p.code === 'predicted-slow-ready' ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning;
    const d = Diagnostic.create(range, p.message, severity, p.code, 'podlab');
    const ctx = chunk.contexts.find((x) => x.index === p.doc);
    // A new key goes first in its mapping (where a reader of the probe sees it).
    const data = p.changes.map((c): FixData => ({
      title: c.title,
      changes: [{ kind: 'set', path: parsePath(c.path), value: c.value, first: true }],
      preferred: p.changes.length === 1,
    }));
    if (ctx && data.length > 0) setFixes(d, () => resolveFixes(ctx, data));
    if (p.related.length > 0)
      d.relatedInformation = p.related.map((r) => ({
        location: { uri: '', range: rangeOf(chunk.manifest, p.doc, r.path) },
        message: r.message,
      }));
    return p.brief === undefined ? { diagnostic: d } : { diagnostic: d, brief: p.brief };
  });
}
