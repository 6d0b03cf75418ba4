// The machine's floor for the typing benchmark: a language server on the same library as PodLab's
// (vscode-languageserver over stdio) that does nothing with an edit and answers every completion with the same
// three items. What a completion costs it, sent with an edit after the same pauses, is what the machine, Node
// and the JSON-RPC library cost before any work of PodLab's: the typing benchmark prints it beside PodLab's.
import { createConnection, ProposedFeatures, TextDocumentSyncKind } from 'vscode-languageserver/node';

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, completionProvider: {} },
}));
connection.onDidOpenTextDocument(() => undefined);
connection.onDidChangeTextDocument(() => undefined);
connection.onCompletion(() => ['Always', 'IfNotPresent', 'Never'].map((label) => ({ label })));
connection.listen();
