// Completion: keys valid at the cursor, enum values, named ports and container names, apiVersion/kind
// pairs and snippets for whole blocks and documents. A pure function of the document text; the cursor
// context comes from indentation (robust on the half-typed line), and only the document under the cursor
// is ever parsed, and only when a value needs data from it.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { KIND_SCHEMAS, schemaAtPath } from '../../../simulator/src/index';
import { listItems, keySnippets } from '../knowledge/completionBlocks';
import { makeEnv, type CompletionEnv } from '../knowledge/completionEnv';
import { valueCompletions } from '../knowledge/completionValues';
import { cursorContext, type CursorContext } from '../knowledge/cursorContext';
import { ItemBuilder } from '../knowledge/items';
import { underReadOnly } from '../knowledge/fieldDocs';
import { keyEntries } from '../knowledge/keyIndex';
import { GENERIC_ROOT_TEXTS, kindMarkdown } from '../knowledge/kinds';
import { SKELETONS } from '../knowledge/skeletons';
import { shapeOf, typeNameOf } from '../knowledge/types';
import { WELL_KNOWN_KEYS } from '../knowledge/wellKnown';
import { chunkAt, chunkLines, hasHole, isDocumentMarker, type Chunk } from '../../../simulator/src/index';
import { MAX_DOC_CHARS } from '../limits';
import { guarded } from '../errorGuard';

/**
 * How the request came: typed trigger character, if any. Completion must never fight typing: a list that is
 * open when the user presses Enter takes the Enter (VS Code's `acceptSuggestionOnEnter`), so a request that a
 * trigger character sent only answers where that character starts something to complete.
 */
export interface CompletionTrigger {
  character?: string;
}

/** `chunk`: the document under the cursor when the caller already knows it (the server's cached analysis). */
export function complete(
  text: string | (() => string),
  position: { line: number; character: number },
  chunk?: Chunk,
  trigger: CompletionTrigger = {},
): CompletionItem[] {
  return guarded('completion', [], () => completeUnsafe(text, position, chunk, trigger));
}

/**
 * True when accepting the item would leave the line as it is: the word typed is already the item. Such a list
 * must not be shown at all, since Enter would then accept the item (a no-op) instead of starting the next
 * line — and a longer item that merely starts with the word (`v1` → `v1beta1`) would replace what was typed.
 */
function alreadyTyped(items: CompletionItem[], ctx: CursorContext): boolean {
  if (ctx.partial === '') return false;
  return items.some(
    (i) =>
      i.insertTextFormat !== 2 &&
      i.textEdit !== undefined &&
      'newText' in i.textEdit &&
      i.textEdit.newText.trim() === ctx.partial,
  );
}

const ROOT_ORDER: Record<string, string> = { apiVersion: '0a', kind: '0b', metadata: '0c', spec: '0d' };
const isBlank = (l: string): boolean => l.trim() === '' || l.trimStart().startsWith('#');

function completeUnsafe(
  text: string | (() => string),
  position: { line: number; character: number },
  known: Chunk | undefined,
  trigger: CompletionTrigger,
): CompletionItem[] {
  const chunk = known ?? chunkAt(typeof text === 'string' ? text : text(), position.line);
  if (!chunk || chunk.text.length > MAX_DOC_CHARS) return [];
  const lines = chunkLines(chunk);
  const row = position.line - chunk.startLine;
  const line = lines[row] ?? '';
  const character = Math.max(0, Math.min(position.character, line.length));
  // Inside a Helm template action (a hole of the template's YAML, simulator/src/template): Helm's, not ours.
  if (hasHole(line.slice(Math.max(0, character - 1), character + 1))) return [];
  // a document's chunk holds its `---` and `...` lines (and the comments before them): nothing to offer there
  if (isDocumentMarker(line)) return [];
  const emptyDoc = lines.every((l, i) =>
    i === row
      ? /^[\w-]*$/.test(line.slice(0, character)) && line.slice(character).trim() === ''
      : isBlank(l) || isDocumentMarker(l),
  );
  const ctx = cursorContext(lines, row, character);
  if (!ctx) return [];
  // `:` only opens a value list (`kind:` → Pod, Deployment…); `-` only a new list item (`- ` → its keys).
  if (trigger.character === ':' && ctx.mode !== 'value') return [];
  if (trigger.character === '-' && !/^\s*-$/.test(line.slice(0, character))) return [];
  if (emptyDoc) return documentStarters(new ItemBuilder(position.line, ctx), true);
  const env = makeEnv(text, chunk, lines, row, position.line, ctx);
  const items = ctx.mode === 'value' ? valueCompletions(env) : keyCompletions(env);
  return alreadyTyped(items, ctx) ? [] : items;
}

/** Skeletons of whole documents and apiVersion/kind pairs, for the top of an empty document. */
function documentStarters(b: ItemBuilder, skeletons: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const s of skeletons ? SKELETONS : []) {
    out.push(
      b.snippet(s.kind, s.body, {
        detail: `${s.apiVersion} · whole document`,
        doc: kindMarkdown(s.kind) ?? '',
        sort: `0${s.kind}`,
        filter: s.kind,
      }),
    );
  }
  for (const k of Object.values(KIND_SCHEMAS)) {
    out.push(
      b.snippet(`apiVersion/kind: ${k.kind}`, `apiVersion: ${k.apiVersion}\nkind: ${k.kind}\n$0`, {
        detail: `apiVersion: ${k.apiVersion} + kind: ${k.kind}`,
        doc: kindMarkdown(k.kind) ?? '',
        sort: `1${k.kind}`,
        filter: `${k.kind} ${k.apiVersion}`,
        kind: CompletionItemKind.Class,
      }),
    );
  }
  return out;
}

function keyCompletions(env: CompletionEnv): CompletionItem[] {
  const { ctx, root } = env;
  if (ctx.path.length === 0) return rootKeys(env);
  const schema = root ? schemaAtPath(root, ctx.path) : undefined;
  if (!schema || !root || underReadOnly(root, ctx.path)) return [];
  const parentPath = ctx.path.slice(0, -1);
  const parent = root ? schemaAtPath(root, parentPath) : undefined;
  const key = ctx.path[ctx.path.length - 1];
  const id = `${(parent && typeNameOf(parent)) ?? ''}.${String(key)}`;
  switch (shapeOf(schema)) {
    case 'object': {
      const entries = (keyEntries(schema) ?? []).filter((e) => !e.readOnly && !ctx.present.has(e.key));
      return [...entries.map((e) => env.b.key(e)), ...keySnippets(env, typeNameOf(schema))];
    }
    case 'list':
      return ctx.flow ? [] : listItems(env, schema, id);
    case 'map':
      return (WELL_KNOWN_KEYS[id] ?? []).filter((k) => !ctx.present.has(k)).map((k) => env.b.mapKey(k, String(key)));
    default:
      // `- ` in a list of scalars: the item's value
      return ctx.newItem ? valueCompletions({ ...env, ctx: { ...ctx, mode: 'value' } }) : [];
  }
}

function rootKeys(env: CompletionEnv): CompletionItem[] {
  const { ctx } = env;
  const schema = env.root ?? KIND_SCHEMAS['v1/Pod']?.schema;
  const entries = (schema ? (keyEntries(schema) ?? []) : []).filter(
    (e) => !e.readOnly && !ctx.present.has(e.key) && (env.root || e.key !== 'spec'),
  );
  const out = entries.map((e) => {
    const it = env.b.key(e, ROOT_ORDER[e.key] ?? `1${e.key}`);
    const generic = env.root ? undefined : GENERIC_ROOT_TEXTS[e.key];
    if (generic) it.documentation = { kind: 'markdown', value: generic };
    return it;
  });
  if (!ctx.present.has('apiVersion') && !ctx.present.has('kind') && !ctx.flow && ctx.col === 0)
    out.push(...documentStarters(env.b, false));
  return out;
}
