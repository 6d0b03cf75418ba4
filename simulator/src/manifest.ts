// Reading a manifest: YAML documents with source ranges (the `yaml` CST), each object checked against the
// model (structure with zod, then the API server's own validation), defaulted, and handed to the simulator.
// Problems carry exact ranges so the CLI can print file:line:col and the language server can squiggle.
import { LineCounter, parseAllDocuments } from 'yaml';
import { KUBERNETES_YAML_OPTIONS } from './model/yaml';
import { MAX_ALIAS_COUNT } from './limits';
import { positionAt, type Range } from './sourceRanges';
import { checkDocument } from './manifestObject';
import type { LoadedManifest, ManifestDoc } from './manifestTypes';
import { rejectEnforcedPods } from './manifestAdmission';
import { hasHole } from './template/placeholders';
import { holeRanges, touchesHole } from './template/unknown';
import { forgetUnknowns } from './template/loaded';

export type { LoadedManifest, ManifestDoc, ManifestIssue, Severity } from './manifestTypes';
export { POD_CARRYING_KINDS, POD_SPEC_PATHS } from './manifestTypes';

export function loadManifest(text: string): LoadedManifest {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    ...KUBERNETES_YAML_OPTIONS,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const out: LoadedManifest = {
    docs: [],
    objects: [],
    issues: [],
    services: [],
    world: [],
    namespaces: [],
    skipped: [],
    lineCounter,
  };
  const toRange = (start: number, end: number): Range => ({
    start: positionAt(lineCounter, start),
    end: positionAt(lineCounter, Math.max(start, end)),
  });
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  // A chart template's holes (template/placeholders.ts): YAML errors on their lines are the template's shape
  // (an action standing for a key, a list, a whole block), not mistakes in the file.
  const holes = hasHole(text) ? holeRanges(text) : undefined;

  documents.forEach((doc, index) => {
    let fatal = false;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const [a, b] = e.pos;
      // kubectl's go-yaml accepts \' in double quotes (libyaml does); the YAML spec does not.
      const lenient = e.code === 'BAD_DQ_ESCAPE' && e.message.startsWith("Invalid escape sequence \\'");
      const severity = e.name === 'YAMLWarning' || lenient ? 'warning' : 'error';
      if (holes && e.code !== 'DUPLICATE_KEY' && touchesHoleLine(toRange(a, b), holes)) continue;
      if (severity === 'error') fatal = true;
      out.issues.push({
        doc: index,
        path: [],
        range: toRange(a, b),
        severity,
        code: e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : lenient ? 'yaml-escape' : 'yaml-syntax',
        message: lenient
          ? `${cleanYamlMessage(e.message)}: kubectl accepts it, but it is not standard YAML (write ' or \\')`
          : cleanYamlMessage(e.message),
      });
    }
    if (fatal) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const r = doc.contents?.range ?? [0, 0];
      const message =
        err instanceof RangeError
          ? 'the document nests too deeply to read safely (thousands of levels)'
          : String((err as Error).message ?? err);
      out.issues.push({
        doc: index,
        path: [],
        range: toRange(r[0], r[1]),
        severity: 'error',
        code: err instanceof RangeError ? 'too-deep' : 'yaml-syntax',
        message,
      });
      return;
    }
    const entry: ManifestDoc = { index, yaml: doc, value };
    out.docs.push(entry);
    if (value === null || value === undefined) return; // an empty document (e.g. a trailing ---)
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.skipped.push({ doc: index, message: `document ${index + 1} is not a Kubernetes object (no mapping)` });
      return;
    }
    const obj = value as Record<string, unknown>;
    if (typeof obj['kind'] === 'string') entry.kind = obj['kind'];
    if (typeof obj['apiVersion'] === 'string') entry.apiVersion = obj['apiVersion'];
    const meta = obj['metadata'];
    if (meta && typeof meta === 'object' && typeof (meta as Record<string, unknown>)['name'] === 'string')
      entry.name = (meta as Record<string, string>)['name'];
    checkDocument(out, entry, obj);
  });
  rejectEnforcedPods(out);
  if (holes) forgetUnknowns(out, text, holes);
  return out;
}

/** The range is on a line that holds a hole. */
function touchesHoleLine(r: Range, holes: readonly Range[]): boolean {
  return touchesHole(
    { start: { line: r.start.line, character: 0 }, end: { line: r.end.line, character: Infinity } },
    holes,
  );
}

function cleanYamlMessage(m: string): string {
  return m.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
}
