// The language server over stdio with the same multi-document manifest saved with LF and with CRLF line
// endings (an editor on Windows): the same diagnostics, hovers and completions in every document, also
// after an incremental edit of the second document.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { MULTI_DOC } from '../multiDocument';
import { ensureServerBundle, locate, LspSession, repoRoot } from './lsp';

const FILES = {
  lf: { uri: 'file:///work/project/lf.yaml', text: MULTI_DOC },
  crlf: { uri: 'file:///work/project/crlf.yaml', text: MULTI_DOC.replace(/\n/g, '\r\n') },
};
const sorted = (ds: Diagnostic[]) => ds.map((d) => JSON.stringify([d.range, d.code, d.message])).sort();

describe('language server: LF and CRLF files behave the same', { timeout: 30_000 }, () => {
  let lsp: LspSession;
  before(async () => {
    ensureServerBundle();
    lsp = new LspSession();
    await lsp.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: `file://${repoRoot}`,
      workspaceFolders: null,
      capabilities: {},
    });
    await lsp.connection.sendNotification(InitializedNotification.type, {});
  });
  after(async () => {
    await lsp.dispose();
  });

  it('publishes the same diagnostics, at the same ranges', async () => {
    const published = await Promise.all(
      Object.values(FILES).map(async ({ uri, text }) => {
        const p = lsp.nextDiagnostics(uri);
        await lsp.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: 'yaml', version: 1, text },
        });
        return (await p).diagnostics;
      }),
    );
    const [lf, crlf] = published as [Diagnostic[], Diagnostic[]];
    assert.ok(
      lf.some((d) => d.code === 'unknown-field') && lf.some((d) => d.code === 'probe-port-not-exposed'),
      JSON.stringify(lf.map((d) => d.code)),
    );
    assert.deepEqual(sorted(crlf), sorted(lf));
  });

  it('hovers and completes in the third document', async () => {
    const key = locate(MULTI_DOC, 'restartPolicy');
    const never = locate(MULTI_DOC, 'Never');
    const answers = await Promise.all(
      Object.values(FILES).map(async ({ uri }) => {
        const hover = await lsp.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line: key.line, character: key.character + 2 },
        });
        const items = await lsp.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: never,
        });
        return { hover, labels: (Array.isArray(items) ? items : (items?.items ?? [])).map((i) => i.label) };
      }),
    );
    const [lf, crlf] = answers as [(typeof answers)[0], (typeof answers)[0]];
    assert.ok(lf.hover, 'a hover on restartPolicy');
    assert.ok(lf.labels.includes('OnFailure'), lf.labels.join(', '));
    assert.deepEqual(crlf, lf);
  });

  it('re-publishes the same diagnostics after the same edit of the second document', async () => {
    const port = locate(MULTI_DOC, 'port: 81');
    const range = {
      start: { line: port.line, character: port.character + 6 },
      end: { line: port.line, character: port.character + 8 },
    };
    const published = await Promise.all(
      Object.values(FILES).map(async ({ uri }) => {
        const p = lsp.nextDiagnostics(uri, (x) => x.version === 2);
        await lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range, text: '80' }],
        });
        return (await p).diagnostics;
      }),
    );
    const [lf, crlf] = published as [Diagnostic[], Diagnostic[]];
    assert.ok(!lf.some((d) => d.code === 'probe-port-not-exposed'), 'the probe now checks the exposed port');
    assert.deepEqual(sorted(crlf), sorted(lf));
  });
});
