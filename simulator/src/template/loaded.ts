// A loaded chart template without what it cannot know (template/unknown.ts): the loader's issues about
// templated values and open collections are dropped, and no object holding a hole is simulated or offered
// to the world (a Service named by `{{ include … }}` resolves no DNS name; a ConfigMap with a templated
// value is not known). A document whose top level is written by an action says so once.
import type { LoadedManifest } from '../manifestTypes';
import type { Range } from '../sourceRanges';
import { isUnknownIssue, unknownsOf, type Unknowns } from './unknown';
import { keyRangeOf } from '../sourceRanges';
import { hasHole, OPEN } from './placeholders';

export function forgetUnknowns(m: LoadedManifest, text: string, holes: readonly Range[]): void {
  const openLines = new Set<number>();
  const rows = text.split('\n');
  for (const h of holes) {
    const row = rows[h.start.line] ?? '';
    if (row[h.start.character] === OPEN && row[h.start.character - 1] === '#') openLines.add(h.start.line);
  }
  const lineOf = (offset: number) => m.lineCounter.linePos(offset).line - 1;
  const unknowns = new Map<number, Unknowns>();
  for (const d of m.docs) unknowns.set(d.index, unknownsOf(d.yaml, lineOf, openLines));
  m.issues = m.issues.filter((i) => {
    const u = unknowns.get(i.doc);
    return u === undefined || !isUnknownIssue(i, u, holes);
  });
  const known = (doc: number) => unknowns.get(doc)?.any !== true;
  m.objects = m.objects.filter((o) => known(o.doc));
  m.world = m.world.filter((w) => w.from.kind !== 'file' || known(w.from.doc));
  m.services = m.services.filter((s) => !hasHole(s));
  for (const d of m.docs) {
    if (unknowns.get(d.index)?.rootOpen !== true || d.value === null || typeof d.value !== 'object') continue;
    const key = Object.keys(d.value).find(hasHole) ?? '';
    m.issues.push({
      doc: d.index,
      path: [],
      range: keyRangeOf(m, d.index, [], key) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'information',
      code: 'template-structure',
      message:
        d.kind === undefined
          ? 'A template action writes this document: its structure is not in this file, so PodLab does not check it (it would need the chart rendered)'
          : 'A template action writes part of this document’s top level: fields it may add are not known, so missing fields are not reported here',
    });
  }
}
