// The open file kept as its YAML documents (server/src/yamlTextDocument.ts) against the two references it
// stands in for: vscode-languageserver-textdocument's TextDocument (the text, LSP positions and offsets after
// each incremental change) and splitDocuments over the whole text (the documents). Edits are random but
// seeded, over texts built from the pieces that decide where documents are: `---` and `...` lines, comments
// and directives between documents, block scalars, CRLF and lone CR line ends, a byte order mark.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { splitDocuments } from '../../simulator/src/index';
import { YamlTextDocument } from '../../server/src/yamlTextDocument';

const PIECES = [
  '---\n',
  '--- \n',
  '---\r\n',
  '...\n',
  '... # end\n',
  '# a comment\n',
  '%YAML 1.2\n',
  'apiVersion: v1\nkind: Pod\n',
  'metadata:\n  name: web\n',
  'data: |\n  --- not a marker inside? it is one at column 0\n',
  'text: |\n  line\n---\n',
  '  - item\n',
  'key: value\r\n',
  'a: b\rc: d\n',
  '----\n',
  '-- -\n',
  '\n',
  '---',
  '\ufeff',
  'image: {{ .Values.image }}\n',
];
const INSERTS = ['-', '.', '\n', '\r\n', '\r', ' ', '#', 'x', '---\n', '...\n', '\n---\n', 'a: 1\n', '', '{', '{{'];

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const plain = (chunks: readonly { text: string; startLine: number; startOffset: number }[]) =>
  chunks.map((c) => ({ text: c.text, startLine: c.startLine, startOffset: c.startOffset }));

function check(doc: YamlTextDocument, ref: TextDocument, context: string): void {
  const text = ref.getText();
  assert.equal(doc.getText(), text, context);
  assert.equal(doc.lineCount, ref.lineCount, context);
  assert.deepEqual(plain(doc.chunks()), plain(splitDocuments(text)), context);
  // Counted edit by edit: a chart template's `{{` anywhere in the text, added or removed by the edit.
  assert.equal(doc.mayBeTemplate(), text.includes('{{'), `${context}: mayBeTemplate`);
  for (let line = -1; line <= ref.lineCount; line++) {
    for (const character of [0, 1, 3, 200]) {
      const p = { line, character };
      assert.equal(doc.offsetAt(p), ref.offsetAt(p), `${context}: offsetAt ${JSON.stringify(p)}`);
    }
  }
  for (let offset = -1; offset <= text.length + 1; offset++)
    assert.deepEqual(doc.positionAt(offset), ref.positionAt(offset), `${context}: positionAt ${offset}`);
}

describe('YamlTextDocument', () => {
  it('matches TextDocument and splitDocuments after every one of 3,000 random edits', () => {
    const random = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    for (let file = 0; file < 60; file++) {
      const start = Array.from({ length: 2 + Math.floor(random() * 10) }, () => pick(PIECES))
        .join('')
        .replace(/(?!^)\ufeff/g, '');
      const doc = new YamlTextDocument('file:///a.yaml', 'yaml', 1, start);
      const ref = TextDocument.create('file:///a.yaml', 'yaml', 1, start);
      check(doc, ref, `file ${file} opened: ${JSON.stringify(start)}`);
      for (let edit = 0; edit < 50; edit++) {
        const text = ref.getText();
        const a = Math.floor(random() * (text.length + 1));
        const b = Math.min(text.length, a + Math.floor(random() * 6));
        const range = { start: ref.positionAt(a), end: ref.positionAt(b) };
        const change = { range: random() < 0.1 ? { start: range.end, end: range.start } : range, text: pick(INSERTS) };
        const version = edit + 2;
        const before = JSON.stringify(text);
        TextDocument.update(ref, [change], version);
        doc.update([change], version);
        check(doc, ref, `file ${file} edit ${edit}: ${JSON.stringify(change)} on ${before}`);
      }
    }
  });

  it('a full-text change replaces everything', () => {
    const doc = new YamlTextDocument('file:///a.yaml', 'yaml', 1, 'a: 1\n---\nb: 2\n');
    doc.update([{ text: 'x: 1\r\ny: 2' }], 2);
    const ref = TextDocument.create('file:///a.yaml', 'yaml', 2, 'x: 1\r\ny: 2');
    check(doc, ref, 'full change');
    assert.equal(doc.version, 2);
  });

  it('the document under a line, and none past the end', () => {
    const doc = new YamlTextDocument('file:///a.yaml', 'yaml', 1, 'a: 1\n---\nb: 2\n');
    assert.equal(doc.chunkAt(0)?.startLine, 0);
    assert.equal(doc.chunkAt(2)?.text, '---\nb: 2\n');
    assert.equal(doc.chunkAt(3)?.startLine, 1, 'the empty last line belongs to the last document');
    assert.equal(doc.chunkAt(4), undefined);
    assert.equal(doc.chunkAt(-1), undefined);
  });
});
