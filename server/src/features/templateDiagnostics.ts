// Diagnostics of Helm chart templates (simulator/src/template): the template's own syntax errors, and the
// filter that keeps the semantic rules quiet about the actions' holes. The loader already drops its own
// issues about unknown values; the rules read the raw document, so a finding placed on a hole, or pointing
// at one, is about a value that only Helm knows.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { hasHole, holeRanges, touchesHole, type Range } from '../../../simulator/src/index';
import type { ChunkResult, FileAnalysis } from '../analysis/fileAnalysis';
import type { Finding } from '../rules/types';

const holes = new WeakMap<ChunkResult, Range[]>();

/** The holes of a chunk's text (none for a plain manifest), computed once per analysed text. */
export function holesOf(chunk: ChunkResult): readonly Range[] {
  let h = holes.get(chunk);
  if (h === undefined) holes.set(chunk, (h = hasHole(chunk.text) ? holeRanges(chunk.text) : []));
  return h;
}

/**
 * The finding is on a hole or points at one (`related`). `relatedHoles`: for file rules, the holes of the
 * document a related range is in.
 */
export function aboutHole(
  f: Finding,
  own: readonly Range[],
  relatedHoles: (doc: number | undefined) => readonly Range[] = () => own,
): boolean {
  if (own.length > 0 && touchesHole(f.range, own)) return true;
  return (f.related ?? []).some((r) => {
    const h = relatedHoles(r.doc);
    return h.length > 0 && touchesHole(r.range, h);
  });
}

/** The template's syntax errors (Helm would not render the file), whatever the file holds besides. */
export function templateProblems(analysis: FileAnalysis): Diagnostic[] {
  return (analysis.template?.problems ?? []).map((p) =>
    Diagnostic.create(p.range, p.message, DiagnosticSeverity.Error, 'template-syntax', 'podlab'),
  );
}
