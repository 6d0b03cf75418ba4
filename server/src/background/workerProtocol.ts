// The messages between the server's main thread (diagnosticsHost.ts) and the diagnostics worker
// (diagnosticsWorker.ts). The worker gets what changes the diagnostics, in the order the server received it; it
// answers with publishes already serialized and encoded (UTF-8 bytes, transferred, not copied), so that the main
// thread, which answers the requests, only writes them out.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Settings } from '../settings';
import type { DiagnosticsEngine } from './diagnosticsEngine';

export type ToWorker =
  | { type: 'settings'; settings: Settings }
  | { type: 'start'; folders: string[] }
  | { type: 'folders'; added: string[]; removed: string[] }
  | { type: 'files'; changes: { uri: string; type: number }[] }
  /** `session`: the main thread's number for this opening of the document, echoed in its publishes. */
  | { type: 'open'; uri: string; languageId: string; version: number; text: string; session: number }
  | { type: 'change'; uri: string; version: number; changes: TextDocumentContentChangeEvent[] }
  | { type: 'close'; uri: string };

export type FromWorker =
  /** The worker's modules are loaded: it is ready for a document (its first message). */
  | { type: 'loaded' }
  /** `message`: the publishDiagnostics notification as UTF-8 JSON; `session`: the opening published for, absent
   * for a file not open; `version`: the document version it is for. */
  | { type: 'publish'; uri: string; message: Uint8Array; session?: number; version?: number }
  | { type: 'log'; message: string }
  | { type: 'error'; message: string };

/** A message for the engine, in the worker or in process. */
export function receive(engine: DiagnosticsEngine, m: ToWorker): void {
  switch (m.type) {
    case 'settings':
      return engine.setSettings(m.settings);
    case 'start':
      return engine.start(m.folders);
    case 'folders':
      return engine.foldersChanged(m.added, m.removed);
    case 'files':
      return engine.filesChanged(m.changes);
    case 'open':
      return engine.open(m.uri, m.languageId, m.version, m.text);
    case 'change':
      return engine.change(m.uri, m.version, m.changes);
    case 'close':
      return engine.close(m.uri);
  }
}
