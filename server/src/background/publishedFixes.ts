// What the diagnostics engine last published for each open document, kept to answer code actions: the request's
// diagnostics, as the editor got them, are matched against those (source, code, range and message), and the fixes
// of the ones recognised are made (features/diagnosticFixes.ts). Only the publishes of the document's latest
// version count: a fix's edits are for the text its diagnostic was made from, and one of an older text would
// change the wrong place. A diagnostic that is not recognised (older, or another tool's) gets no fix.
import type { Diagnostic } from 'vscode-languageserver';
import type { Fix } from '../rules/types';
import { fixesOf } from '../features/diagnosticFixes';
import { diagnosticMessage } from '../features/diagnosticData';

/** A diagnostic as a code action request carries it back: the parts that tell which one it is. */
export type AskedDiagnostic = Pick<Diagnostic, 'range' | 'message' | 'code' | 'source'>;

/** The fixes of each asked diagnostic, in the order asked ([] for one not recognised). */
export type FixesAnswer = (readonly Fix[])[];

export class PublishedFixes {
  private readonly byUri = new Map<string, { version: number; lists: Diagnostic[][] }>();

  /**
   * A publish of an open document. The two of one version (the fast pass's, then the one with the predictions)
   * are both kept: the editor may ask with the first's diagnostics while the second is on its way.
   */
  record(uri: string, version: number, diagnostics: Diagnostic[]): void {
    const known = this.byUri.get(uri);
    const lists = known?.version === version ? [known.lists[known.lists.length - 1] ?? [], diagnostics] : [diagnostics];
    this.byUri.set(uri, { version, lists });
  }

  /** The diagnostics last published for a document, and their version. */
  last(uri: string): { version: number; diagnostics: Diagnostic[] } | undefined {
    const known = this.byUri.get(uri);
    const diagnostics = known?.lists[known.lists.length - 1];
    return known && diagnostics ? { version: known.version, diagnostics } : undefined;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** The fixes of the asked diagnostics of `version` of the document. */
  fixes(uri: string, version: number, asked: readonly AskedDiagnostic[]): FixesAnswer {
    const known = this.byUri.get(uri);
    if (known?.version !== version) return asked.map(() => []);
    return asked.map((a) => {
      if (a.source !== 'podlab') return [];
      for (const list of known.lists) {
        const d = list.find((p) => same(p, a));
        if (d) return fixesOf(d);
      }
      return [];
    });
  }
}

function same(p: Diagnostic, a: AskedDiagnostic): boolean {
  const [r, s] = [p.range, a.range];
  return (
    r.start.line === s.start.line &&
    r.start.character === s.start.character &&
    r.end.line === s.end.line &&
    r.end.character === s.end.character &&
    String(p.code) === String(a.code) &&
    diagnosticMessage(p) === diagnosticMessage(a)
  );
}
