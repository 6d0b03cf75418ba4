// One rule finding or loader issue as an LSP diagnostic: its severity under the settings, and its place in the file
// (a document's diagnostics are made in its own coordinates, then moved by its first line, fixes and related
// lines included). Shared by the per-document diagnostics (diagnostics.ts) and the file rules'
// (fileRuleDiagnostics.ts).
import { Diagnostic, DiagnosticSeverity, type Range as LspRange } from 'vscode-languageserver';
import type { FixData, Range } from '../../../simulator/src/index';
import { resolveFixes } from '../analysis/fixes';
import type { DocContext, Finding, Fix, RuleSeverity } from '../rules/types';
import type { Settings } from '../settings';
import { deriveFixes, setFixes } from './diagnosticFixes';

export const SEVERITY: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function shiftRange(r: Range, lines: number): LspRange {
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
export function setFixData(d: Diagnostic, ctx: DocContext, data: readonly FixData[] | undefined, lines = 0): void {
  if (data && data.length > 0) setFixes(d, () => shiftFixes(resolveFixes(ctx, data), lines));
}

export function severityOf(id: string, fallback: RuleSeverity, settings: Settings): RuleSeverity | undefined {
  const s = settings.rules[id];
  if (s === 'off') return undefined;
  return s === undefined || s === 'default' ? fallback : s;
}

/** A finding's diagnostic, without its fixes (setFixData). */
export function findingDiagnostic(id: string, severity: RuleSeverity, f: Finding): Diagnostic {
  const d = Diagnostic.create(f.range, f.message, SEVERITY[f.severity ?? severity], id, 'podlab');
  if (f.related && f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: '', range: r.range }, message: r.message }));
  }
  return d;
}

export function shift(d: Diagnostic, lines: number, uri: string): Diagnostic {
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
