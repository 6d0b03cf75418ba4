// Predicted outcomes as diagnostics: each pod-carrying document is simulated on its own (a short horizon,
// cached per document text), and every bad outcome is reported on the line that causes it, with related
// lines and a quick fix where one change removes the cause.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import {
  causeRange,
  parsePath,
  predict,
  rangeOf,
  simulate,
  type FixData,
  type Prediction,
} from '../../../simulator/src/index';
import type { ChunkResult } from '../analysis/fileAnalysis';
import { resolveFixes } from '../analysis/fixes';
import type { DiagnosticData } from './diagnosticData';
import { guarded } from '../errorGuard';
import { PREDICTION_HORIZON_SECONDS, PREDICTION_MAX_PODS, PREDICTION_STEP_BUDGET } from '../limits';

const cache = new WeakMap<ChunkResult, { key: string; predictions: Prediction[] }>();

/** Predictions for one chunk (chunk-local document indexes), cached per chunk and Service names. */
function chunkPredictions(chunk: ChunkResult, services: readonly string[]): Prediction[] {
  const key = services.join('\u0000');
  const hit = cache.get(chunk);
  if (hit && hit.key === key) return hit.predictions;
  let predictions: Prediction[] = [];
  // Unknown fields do not stop the predictions: the loader simulates the object without them.
  if (
    chunk.manifest.objects.length > 0 &&
    !chunk.manifest.issues.some((i) => i.severity === 'error' && i.code !== 'unknown-field')
  ) {
    predictions = guarded('predictions', [], () => {
      const result = simulate(chunk.manifest.objects, {
        until: PREDICTION_HORIZON_SECONDS,
        services: [...services],
        budget: PREDICTION_STEP_BUDGET,
        maxPods: PREDICTION_MAX_PODS,
      });
      return predict(result, { defaultCluster: true });
    });
  }
  cache.set(chunk, { key, predictions });
  return predictions;
}

export function predictionDiagnostics(chunk: ChunkResult, services: readonly string[]): Diagnostic[] {
  return chunkPredictions(chunk, services).map((p) => {
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
    const fixes = ctx ? resolveFixes(ctx, data) : [];
    if (fixes.length > 0) d.data = { fixes } satisfies DiagnosticData;
    if (p.related.length > 0)
      d.relatedInformation = p.related.map((r) => ({
        location: { uri: '', range: rangeOf(chunk.manifest, p.doc, r.path) },
        message: r.message,
      }));
    return d;
  });
}
