// `*.scenario.yaml` files (README "Scenario files"): completion of keys and enum values from the scenario's JSON
// Schema (generated from the simulator's zod model), and diagnostics from the simulator's own loader, each on
// the exact range of the key or value at fault (an unknown key on the key itself).
import { CompletionItemKind, DiagnosticSeverity, type CompletionItem, type Diagnostic } from 'vscode-languageserver';
import { jsonSchemaAt, loadScenario, scenarioJsonSchema, type JsonSchema } from '../../../simulator/src/index';
import { cursorContext } from '../knowledge/cursorContext';
import { esc, ItemBuilder } from '../knowledge/items';
import type { CompletionTrigger } from './completion';

export function isScenarioFile(uri: string): boolean {
  return /\.scenario\.ya?ml$/i.test(uri);
}

export function scenarioDiagnostics(text: string): Diagnostic[] {
  const loaded = loadScenario(text);
  if (loaded.ok) return [];
  return loaded.issues.map((i) => ({
    range: i.range,
    severity: DiagnosticSeverity.Error,
    code: i.code,
    source: 'podlab',
    message: i.message,
  }));
}

const typesOf = (s: JsonSchema): string[] =>
  [s.type ?? [], ...(s.anyOf ?? []).map((a) => a.type ?? [])].flat().filter((t): t is string => !!t);

/** The values to offer for a schema: its enum (strings YAML would read as numbers quoted), or true/false. */
function valuesOf(s: JsonSchema): string[] {
  const e = s.enum ?? s.anyOf?.flatMap((a) => a.enum ?? []);
  if (e && e.length > 0) return e.map((v) => (typeof v === 'string' && /^[\d.]+$/.test(v) ? `"${v}"` : String(v)));
  return typesOf(s).includes('boolean') ? ['true', 'false'] : [];
}

export function scenarioCompletion(
  text: string,
  position: { line: number; character: number },
  trigger: CompletionTrigger = {},
): CompletionItem[] {
  const lines = text.split(/\r?\n/);
  const line = lines[position.line] ?? '';
  const character = Math.max(0, Math.min(position.character, line.length));
  const ctx = cursorContext(lines, position.line, character);
  if (!ctx) return [];
  // The same rules as for manifests (completion.ts): `:` opens only a value list, `-` only a new list item.
  if (trigger.character === ':' && ctx.mode !== 'value') return [];
  if (trigger.character === '-' && !/^\s*-$/.test(line.slice(0, character))) return [];
  const schema = jsonSchemaAt(scenarioJsonSchema(), ctx.path);
  if (!schema) return [];
  const b = new ItemBuilder(position.line, ctx);
  // `- ` starts an item of the list at the path: its keys, or its values for a list of scalars.
  const item = ctx.newItem && schema.items ? schema.items : undefined;
  let items: CompletionItem[];
  if (ctx.mode === 'value' || (item && !item.properties)) {
    items = valuesOf(ctx.mode === 'value' ? schema : item!).map((v) =>
      b.value(v, { kind: CompletionItemKind.EnumMember, sort: `0${v}` }),
    );
  } else {
    items = Object.entries((item ?? schema).properties ?? {})
      .filter(([k]) => !ctx.present.has(k))
      .map(([k, s]) => keyItem(b, k, s, ctx.hasColon, ctx.flow, ctx.col));
  }
  // Never offer what is already typed: Enter would accept it instead of starting the next line.
  return ctx.partial !== '' && items.some((i) => i.label === ctx.partial || i.label === `"${ctx.partial}"`)
    ? []
    : items;
}

function keyItem(b: ItemBuilder, key: string, s: JsonSchema, hasColon: boolean, flow: boolean, col: number) {
  const types = typesOf(s);
  const values = valuesOf(s);
  const detail = types.join(' | ') || 'object';
  const o = {
    kind: CompletionItemKind.Property,
    detail,
    filter: key,
    sort: `0${key}`,
    ...(s.description ? { doc: s.description } : {}),
  };
  if (hasColon) return b.value(key, o);
  const k = esc(key);
  const indent = ' '.repeat(col + 2);
  const objectLike = types.includes('object') && !types.includes('string');
  let text: string;
  if (types.includes('array') && !flow) text = `${k}:\n${indent}- $0`;
  else if (objectLike && !flow) text = `${k}:\n${indent}$0`;
  else if (values.length > 0)
    text = `${k}: \${1|${values.map((v) => v.replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}`;
  else text = `${k}: $0`;
  return b.snippet(key, text, o);
}
