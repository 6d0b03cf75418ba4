// The diagnostics worker's warm-up (server/src/background/warmUp.ts) runs a pass over a manifest of its own
// before the server answers initialize. A user must never see it: it publishes nothing, logs no error, and
// leaves nothing a document could read. The strongest case for the last is a document with the warm-up's very
// text (its analysis, were it kept, would be found by that text), opened right after initialize: it gets exactly
// the diagnostics that a process which never warmed up gives the same text (diagnoseText, here).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DidOpenTextDocumentNotification,
  LogMessageNotification,
  type Diagnostic,
  type LogMessageParams,
} from 'vscode-languageserver-protocol/node';
import { WARM_UP_MANIFEST } from '../../../server/src/background/warmUp';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { ensureServerBundle, LspSession } from './lsp';

// Without predictions: the one publish is the whole of the diagnostics (no second, predicted one).
const SETTINGS = { predictions: false };
const URI = 'file:///warm-up-twin.yaml';

describe('the diagnostics worker warm-up', () => {
  let lsp: LspSession;
  const logs: string[] = [];
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    lsp.connection.onNotification(LogMessageNotification.method, (p: LogMessageParams) => {
      logs.push(p.message);
    });
    await lsp.initialize({ initializationOptions: { settings: SETTINGS } });
  });
  after(() => lsp.dispose());

  it('publishes nothing; a document of its text opened right after initialize gets the diagnostics of a cold check', async () => {
    const expected = JSON.parse(
      JSON.stringify(diagnoseText(WARM_UP_MANIFEST, { ...DEFAULT_SETTINGS, ...SETTINGS }, URI)),
    ) as Diagnostic[];
    assert.ok(expected.length >= 2, 'the warm-up manifest has findings to compare');
    // The whole of them (a first publish may be partial: the file's first documents).
    const complete = lsp.nextDiagnostics(URI, (p) => p.diagnostics.length === expected.length, 60_000);
    await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'yaml', version: 1, text: WARM_UP_MANIFEST },
    });
    assert.deepEqual((await complete).diagnostics, expected);
    assert.deepEqual(
      lsp.published.filter((p) => p.uri !== URI).map((p) => p.uri),
      [],
      'no publish but the document’s',
    );
    assert.deepEqual(
      logs.filter((m) => /warm-up/i.test(m)),
      [],
      'no error logged by the warm-up',
    );
  });
});
