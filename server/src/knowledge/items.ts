// Building LSP completion items for one cursor context: keys, values and snippets, all as text edits
// over the word being typed, with explicit indentation (insertTextMode asIs).
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type TextEdit,
} from 'vscode-languageserver';
import type { CursorContext } from './cursorContext';
import type { KeyEntry } from './keyIndex';

/** Escapes text for the LSP snippet syntax. */
export const esc = (s: string): string => s.replace(/[\\$}]/g, (c) => `\\${c}`);
const choiceEsc = (s: string): string => s.replace(/[\\,|$}]/g, (c) => `\\${c}`);

function choice(values: readonly string[], stop = 1): string | undefined {
  const vs = values.filter((v) => v !== '');
  return vs.length > 0 ? `\${${stop}|${vs.map(choiceEsc).join(',')}|}` : undefined;
}

export interface ItemOptions {
  detail?: string;
  doc?: string;
  sort?: string;
  kind?: CompletionItemKind;
  filter?: string;
  preselect?: boolean;
  additional?: TextEdit[];
  deprecated?: boolean;
}

export class ItemBuilder {
  constructor(
    readonly line: number,
    readonly ctx: CursorContext,
  ) {}

  private item(label: string, newText: string, snippet: boolean, o: ItemOptions): CompletionItem {
    const c = this.ctx;
    const item: CompletionItem = {
      label,
      kind: o.kind ?? CompletionItemKind.Value,
      textEdit: {
        range: { start: { line: this.line, character: c.start }, end: { line: this.line, character: c.end } },
        newText: (c.needsSpace ? ' ' : '') + newText,
      },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
    };
    if (o.detail !== undefined) item.detail = o.detail;
    if (o.doc !== undefined) item.documentation = { kind: 'markdown', value: o.doc };
    if (o.sort !== undefined) item.sortText = o.sort;
    if (o.filter !== undefined) item.filterText = o.filter;
    if (o.preselect) item.preselect = true;
    if (o.additional && o.additional.length > 0) item.additionalTextEdits = o.additional;
    if (o.deprecated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  }

  value(label: string, o: ItemOptions = {}): CompletionItem {
    return this.item(label, label, false, o);
  }

  snippet(label: string, text: string, o: ItemOptions = {}): CompletionItem {
    return this.item(label, text, true, { kind: CompletionItemKind.Snippet, ...o });
  }

  /** A key of a mapping, inserted with what its value needs (a nested block, a list, a choice). */
  key(e: KeyEntry, sort?: string): CompletionItem {
    const c = this.ctx;
    const k = esc(e.key);
    let text: string;
    let snippet = true;
    const pick = e.values ? choice(e.values) : e.boolean ? choice(['true', 'false']) : undefined;
    if (c.hasColon) {
      text = e.key;
      snippet = false;
    } else if (c.flow) {
      text =
        e.shape === 'list'
          ? `${k}: [$0]`
          : e.shape === 'object' || e.shape === 'map'
            ? `${k}: { $0 }`
            : pick
              ? `${k}: ${pick}`
              : `${k}: `;
    } else if (e.shape === 'object' || e.shape === 'map') {
      text = `${k}:\n${' '.repeat(c.col + 2)}$0`;
    } else if (e.shape === 'list') {
      text = `${k}:\n${' '.repeat(c.col + 2)}- $0`;
    } else if (pick) {
      text = `${k}: ${pick}`;
    } else {
      text = `${e.key}: `;
      snippet = false;
    }
    return this.item(e.key, text, snippet, {
      kind: CompletionItemKind.Property,
      detail: e.required ? `${e.type} · required` : e.type,
      doc: e.markdown,
      sort: sort ?? `${e.required ? '0' : '1'}${e.deprecated ? 'z' : ''}${e.key}`,
      filter: e.key,
      deprecated: e.deprecated,
    });
  }

  /** A plain key of a free-form map (labels, annotations, resource names). */
  mapKey(key: string, detail: string): CompletionItem {
    const text = this.ctx.hasColon ? key : `${key}: `;
    return this.item(key, text, false, { kind: CompletionItemKind.Property, detail, sort: `0${key}` });
  }
}
