// Hover: the field (or value) under the cursor, explained from our own texts and the model's metadata.
// A pure function of the document text; only the YAML document under the cursor is parsed.
import { schemaAtPath, type Range } from '../../../simulator/src/index';
import { fieldInfo, fieldMarkdown, formatValue, underReadOnly, valueText } from '../knowledge/fieldDocs';
import { apiVersionMarkdown, GENERIC_ROOT_TEXTS, kindMarkdown } from '../knowledge/kinds';
import { hitAt, rootSchema, rootString } from '../knowledge/yamlAst';
import { guarded } from '../errorGuard';
import { chunkAt, chunkOffset, chunkPosition, type Chunk } from '../../../simulator/src/index';
import { parseChunk } from '../knowledge/yamlDoc';

export interface HoverResult {
  contents: { kind: 'markdown'; value: string };
  range: Range;
}

/** `chunk`: the document under the cursor when the caller already knows it (the server's cached analysis). */
export function hover(
  text: string | (() => string),
  position: { line: number; character: number },
  chunk?: Chunk,
): HoverResult | null {
  return guarded('hover', null, () => hoverUnsafe(text, position, chunk));
}

function hoverUnsafe(
  text: string | (() => string),
  position: { line: number; character: number },
  known?: Chunk,
): HoverResult | null {
  const chunk = known ?? chunkAt(typeof text === 'string' ? text : text(), position.line);
  if (!chunk) return null;
  const doc = parseChunk(chunk.text, true);
  if (!doc) return null;
  const hit = hitAt(doc, chunkOffset(chunk, position.line, position.character));
  if (!hit) return null;
  const result = (value: string | undefined): HoverResult | null =>
    value === undefined
      ? null
      : {
          contents: { kind: 'markdown', value },
          range: { start: chunkPosition(chunk, hit.start), end: chunkPosition(chunk, hit.end) },
        };

  const apiVersion = rootString(doc, 'apiVersion');
  const kind = rootString(doc, 'kind');
  const path = hit.path;
  if (hit.target === 'value' && path.length === 1 && typeof hit.value === 'string') {
    if (path[0] === 'kind') return result(kindMarkdown(hit.value));
    if (path[0] === 'apiVersion') return result(apiVersionMarkdown(hit.value, kind));
  }
  const root = rootSchema(apiVersion, kind);
  if (!root) return hit.target === 'key' && path.length === 1 ? result(GENERIC_ROOT_TEXTS[String(path[0])]) : null;

  // the field: the last key of the path (a scalar inside a list belongs to the list's field)
  let fieldEnd = path.length;
  while (fieldEnd > 0 && typeof path[fieldEnd - 1] === 'number') fieldEnd--;
  if (fieldEnd === 0) return null;
  const key = path[fieldEnd - 1] as string;
  const parent = schemaAtPath(root, path.slice(0, fieldEnd - 1));
  const info = parent ? fieldInfo(parent, key) : undefined;
  if (!info) return null;
  const markdown = fieldMarkdown(info, underReadOnly(root, path.slice(0, fieldEnd - 1)));
  if (hit.target === 'key' || hit.value === null || hit.value === undefined) return result(markdown);
  const meaning = typeof hit.value === 'string' ? valueText(info, hit.value) : undefined;
  if (meaning === undefined) return result(markdown);
  return result(`**${formatValue(hit.value)}** — ${meaning}\n\n---\n\n${markdown}`);
}
