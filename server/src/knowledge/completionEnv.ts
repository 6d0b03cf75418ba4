// What the completion helpers share about one request: the document, the cursor context, the kind and
// root schema, and a lazily parsed copy of the document (with the line being typed made parseable).
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { CursorContext } from './cursorContext';
import { ItemBuilder } from './items';
import { rootSchema, rootString } from './yamlAst';
import type { Chunk } from '../../../simulator/src/index';
import { parseChunk } from './yamlDoc';

export interface CompletionEnv {
  /** The whole file (joined on first use: only a few completions read other documents). */
  text(): string;
  chunk: Chunk;
  lines: readonly string[];
  /** Row of the cursor in the chunk, and its line in the file. */
  row: number;
  line: number;
  ctx: CursorContext;
  apiVersion: string | undefined;
  kind: string | undefined;
  root: z.ZodType | undefined;
  b: ItemBuilder;
  /** The document parsed with the cursor's word replaced by a placeholder (parsed on first use). */
  doc(): Document.Parsed | undefined;
  /** The text that doc() parsed (its lines match the chunk's lines). */
  patchedText(): string;
}

const topLevel = (text: string, key: string): string | undefined =>
  new RegExp(`^${key}:[ \\t]*["']?([^\\s"'#]+)`, 'm').exec(text)?.[1];

export function makeEnv(
  text: string | (() => string),
  chunk: Chunk,
  lines: readonly string[],
  row: number,
  line: number,
  ctx: CursorContext,
): CompletionEnv {
  let patched: string | undefined;
  let parsed: Document.Parsed | undefined | null = null;
  const patchedText = (): string => {
    if (patched === undefined) {
      const l = lines[row] ?? '';
      const placeholder = ctx.mode === 'key' && !ctx.flow && !ctx.hasColon ? `${ctx.needsSpace ? ' ' : ''}x:` : '';
      const copy = [...lines];
      copy[row] = l.slice(0, ctx.start) + placeholder + l.slice(ctx.end);
      patched = copy.join('\n');
    }
    return patched;
  };
  const doc = (): Document.Parsed | undefined => {
    if (parsed === null) parsed = parseChunk(patchedText(), true);
    return parsed;
  };
  let apiVersion = topLevel(chunk.text, 'apiVersion');
  let kind = topLevel(chunk.text, 'kind');
  if (apiVersion === undefined && kind === undefined && /^\s*\{/m.test(chunk.text)) {
    apiVersion = rootString(doc(), 'apiVersion');
    kind = rootString(doc(), 'kind');
  }
  let whole = typeof text === 'string' ? text : undefined;
  return {
    text: () => (whole ??= typeof text === 'string' ? text : text()),
    chunk,
    lines,
    row,
    line,
    ctx,
    apiVersion,
    kind,
    root: rootSchema(apiVersion, kind),
    b: new ItemBuilder(line, ctx),
    doc,
    patchedText,
  };
}
