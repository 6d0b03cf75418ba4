// What answers the requests (completion, hover, code actions), over the server's copy of the open documents.
// The server loads it once it has sent the first diagnostics, or on the first request if that comes first
// (server.ts): on a cold start, the diagnostics worker's load and first analysis then get the CPU before these
// modules' (a few hundred milliseconds of evaluating the Kubernetes knowledge, which only the requests need).
import {
  InsertTextFormat,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Hover,
  type HoverParams,
} from 'vscode-languageserver';
import { Documents, type DocumentStore } from './documents';
import { codeActions } from './features/codeActions';
import type { Fix } from './rules/types';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { isScenarioFile, scenarioCompletion } from './features/scenarioFile';
import { guarded } from './errorGuard';

export class Requests {
  private readonly documents: Documents;

  constructor(private readonly docs: DocumentStore) {
    this.documents = new Documents(docs);
  }

  /** `snippets`: whether the client takes snippets; else their placeholders are dropped. */
  completion(p: CompletionParams, snippets: boolean): CompletionList | [] {
    const doc = this.docs.get(p.textDocument.uri);
    if (!doc) return [];
    const trigger = { character: p.context?.triggerCharacter };
    const items = isScenarioFile(doc.uri)
      ? guarded('completion', [], () => scenarioCompletion(doc.getText(), p.position, trigger))
      : complete(() => doc.getText(), p.position, this.documents.chunkAt(doc, p.position.line), trigger);
    // Complete, so that the client filters the list itself, synchronously, on each key: a list marked incomplete
    // is asked for again on every key, and the answer arrives after a fast typist's Enter, which the stale list
    // then takes. With package.json's `[yaml]` default `acceptSuggestionOnEnter: smart`, Enter on a word typed
    // in full (`Never` over the item `Never`) starts the next line. Measured in code-server (test/e2e).
    return { isIncomplete: false, items: snippets ? items : items.map(plainText) };
  }

  hover(p: HoverParams): Hover | null {
    const doc = this.docs.get(p.textDocument.uri);
    return doc ? hover(() => doc.getText(), p.position, this.documents.chunkAt(doc, p.position.line)) : null;
  }

  /** `fixes[i]`: the fixes of the request's diagnostics[i] (the diagnostics engine's answer). */
  codeActions(p: CodeActionParams, fixes: readonly (readonly Fix[])[]): CodeAction[] {
    return guarded('code actions', [], () => codeActions(p, fixes));
  }

  forget(uri: string): void {
    this.documents.forget(uri);
  }
}

/** For clients without snippet support: `key:\n  - $0` becomes `key:\n  - `. */
function plainText(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const plain = (t: string) => t.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');
  const out: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
  if (item.insertText !== undefined) out.insertText = plain(item.insertText);
  if (item.textEdit) out.textEdit = { ...item.textEdit, newText: plain(item.textEdit.newText) };
  return out;
}
