// A multi-document manifest behaves the same with Windows (CRLF) and Unix (LF) line endings: hover,
// completion, diagnostics (same ranges) and the per-document analysis cache. Before one splitter served
// every feature, `---\r` was not seen as a marker: hover found nothing after the first document and the
// cache held the whole file as one document (issue 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile, chunkAt } from '../../server/src/analysis/fileAnalysis';
import { complete } from '../../server/src/features/completion';
import { diagnosticsFor } from '../../server/src/features/diagnostics';
import { hover } from '../../server/src/features/hover';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { locate } from './protocol/lsp';
import { MULTI_DOC } from './multiDocument';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const BOTH = { lf: MULTI_DOC, crlf: crlf(MULTI_DOC) };

test('hover: the same answer in every document, with either line ending', () => {
  for (const [needle, expected] of [
    ['targetPort', /targetPort/],
    ['livenessProbe', /liveness/i],
    ['port: 81', /port/i],
    ['restartPolicy', /restart/i],
    ['Never', /Never/],
  ] as const) {
    const at = locate(MULTI_DOC, needle);
    const position = { line: at.line, character: at.character + 2 };
    const lf = hover(BOTH.lf, position);
    const cr = hover(BOTH.crlf, position);
    assert.ok(lf, `LF hover on ${needle}`);
    assert.match(lf.contents.value, expected);
    assert.deepEqual(cr, lf, `CRLF hover on ${needle}`);
    // as the server calls it: with the document from the cached analysis
    assert.deepEqual(hover(BOTH.crlf, position, chunkAt(analyzeFile(BOTH.crlf), position.line)?.chunk), lf);
  }
});

test('completion: the same items in every document, with either line ending', () => {
  const image = locate(MULTI_DOC, 'image: busybox');
  const typing = MULTI_DOC.replace('      image: busybox:1.36\n', '      image: busybox:1.36\n      \n');
  const targetPort = locate(MULTI_DOC, 'targetPort: http');
  const cases = [
    {
      text: MULTI_DOC,
      at: { line: targetPort.line, character: targetPort.character + 'targetPort: '.length },
      expect: 'http',
    },
    { text: MULTI_DOC, at: locate(MULTI_DOC, 'Never'), expect: 'OnFailure' },
    { text: typing, at: { line: image.line + 1, character: image.character }, expect: 'resources' },
  ];
  for (const { text, at, expect } of cases) {
    const lf = complete(text, at).map((i) => i.label);
    assert.ok(lf.includes(expect), `${expect} at ${JSON.stringify(at)}: ${lf.join(', ')}`);
    assert.deepEqual(
      complete(crlf(text), at).map((i) => i.label),
      lf,
    );
    assert.deepEqual(
      complete(crlf(text), at, chunkAt(analyzeFile(crlf(text)), at.line)?.chunk).map((i) => i.label),
      lf,
    );
  }
});

test('diagnostics: the same findings at the same ranges, with either line ending', () => {
  const settings = { ...DEFAULT_SETTINGS, predictions: false };
  const lf = diagnosticsFor(analyzeFile(BOTH.lf), settings);
  const cr = diagnosticsFor(analyzeFile(BOTH.crlf), settings);
  const codes = lf.map((d) => String(d.code));
  assert.ok(codes.includes('unknown-field') && codes.includes('probe-port-not-exposed'), codes.join(', '));
  const key = locate(MULTI_DOC, 'imagePulPolicy');
  assert.deepEqual(lf.find((d) => d.code === 'unknown-field')?.range, {
    start: key,
    end: { line: key.line, character: key.character + 'imagePulPolicy'.length },
  });
  assert.deepEqual(cr, lf);
});

test('the analysis is cached per document: editing document 2 re-analyses only document 2, with either line ending', () => {
  for (const [name, text] of Object.entries(BOTH)) {
    const first = analyzeFile(text);
    assert.equal(first.chunks.length, 3, `${name}: three documents`);
    const lines = MULTI_DOC.split('\n');
    assert.deepEqual(
      first.chunks.map((c) => c.chunk.startLine),
      [0, lines.indexOf('--- # the pods behind it'), lines.lastIndexOf('---')],
      name,
    );
    const edited = text.replace('image: nginx:1.27', 'image: nginx:1.28');
    const again = analyzeFile(edited, undefined, first);
    assert.equal(again.chunks[0]!.result, first.chunks[0]!.result, `${name}: document 1 reused`);
    assert.notEqual(again.chunks[1]!.result, first.chunks[1]!.result, `${name}: document 2 re-analysed`);
    assert.equal(again.chunks[2]!.result, first.chunks[2]!.result, `${name}: document 3 reused`);
    assert.deepEqual(
      again.chunks.map((c) => c.firstDoc),
      [0, 1, 2],
      name,
    );
  }
});
