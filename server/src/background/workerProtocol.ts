// The messages between the server's main thread (diagnosticsHost.ts) and the diagnostics worker
// (diagnosticsWorker.ts). The worker gets what changes the diagnostics, in the order the server received it; it
// answers with publishes already serialized and encoded (UTF-8 bytes, transferred, not copied), so that the main
// thread, which answers the requests, only writes them out. One request goes the other way: the quick fixes of a
// code action's diagnostics, which the publishes do not carry (publishedFixes.ts).
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Settings } from '../settings';
import type { DiagnosticsEngine } from './diagnosticsEngine';
import type { AskedDiagnostic, FixesAnswer } from './publishedFixes';

export type ToWorker =
  | { type: 'settings'; settings: Settings }
  | { type: 'start'; folders: string[] }
  | { type: 'folders'; added: string[]; removed: string[] }
  | { type: 'files'; changes: { uri: string; type: number }[] }
  /** `session`: the main thread's number for this opening of the document, echoed in its publishes. */
  | { type: 'open'; uri: string; languageId: string; version: number; text: string; session: number }
  | { type: 'change'; uri: string; version: number; changes: TextDocumentContentChangeEvent[] }
  | { type: 'close'; uri: string }
  /** The fixes of a code action's diagnostics, for `version` of the document; answered by `fixes` with `id`. */
  | { type: 'fixes'; id: number; uri: string; version: number; diagnostics: AskedDiagnostic[] };

export type FromWorker =
  /** The worker's modules are loaded: it is ready for a document (its first message). */
  | { type: 'loaded' }
  /** `message`: the publishDiagnostics notification as UTF-8 JSON; `session`: the opening published for, absent
   * for a file not open; `version`: the document version it is for. */
  | { type: 'publish'; uri: string; message: Uint8Array; session?: number; version?: number }
  /** `fixes[i]`: the fixes of the request's diagnostics[i]. */
  | { type: 'fixes'; id: number; fixes: FixesAnswer }
  | { type: 'log'; message: string }
  | { type: 'error'; message: string };

/** A message for the engine, in the worker or in process; a request's answer is returned. */
export function receive(engine: DiagnosticsEngine, m: ToWorker): FromWorker | undefined {
  switch (m.type) {
    case 'settings':
      engine.setSettings(m.settings);
      break;
    case 'start':
      engine.start(m.folders);
      break;
    case 'folders':
      engine.foldersChanged(m.added, m.removed);
      break;
    case 'files':
      engine.filesChanged(m.changes);
      break;
    case 'open':
      engine.open(m.uri, m.languageId, m.version, m.text);
      break;
    case 'change':
      engine.change(m.uri, m.version, m.changes);
      break;
    case 'close':
      engine.close(m.uri);
      break;
    case 'fixes':
      return { type: 'fixes', id: m.id, fixes: engine.fixes(m.uri, m.version, m.diagnostics) };
  }
  return undefined;
}
