// The document splitter against the yaml library's own parser: every chunk is exactly one of the
// documents `parseAllDocuments` finds in the whole stream (same value, same errors at the same places),
// whatever the line endings, markers, comments, directives, `...` ends and byte order marks. The expected
// values come from yaml's parser and the YAML 1.2 spec (§9.1: document markers, prefixes, directives),
// not from the splitter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Parser, parseAllDocuments, type Document, type DocumentOptions, type ParseOptions } from 'yaml';
import {
  chunkAt,
  chunkLines,
  chunkOffset,
  chunkPosition,
  isDocumentMarker,
  splitDocuments,
  type Chunk,
} from '../../simulator/src/yamlDocuments';
import { KUBERNETES_YAML_OPTIONS } from '../../simulator/src/model/yaml';

type Options = ParseOptions & DocumentOptions;

/** What holds for any text: the chunks are the file, start at line starts and know their lines. */
function wellFormed(text: string): Chunk[] {
  const chunks = splitDocuments(text);
  assert.equal(chunks.map((c) => c.text).join(''), text, 'the chunks are the file');
  for (const c of chunks) {
    const before = text.slice(0, c.startOffset);
    assert.ok(c.startOffset === 0 || before.endsWith('\n'), 'a chunk starts at a line start');
    assert.equal(c.startLine, before.split('\n').length - 1);
  }
  const lines = text.split('\n').length;
  for (let line = 0; line <= lines; line++) {
    const expected = line < lines ? chunks.filter((c) => c.startLine <= line).pop() : undefined;
    assert.deepEqual(chunkAt(text, line), expected, `chunkAt line ${line}`);
  }
  return chunks;
}

/**
 * A document's value and where its content is (comments are left out: yaml moves them between documents).
 * Parsed alone, a node that runs to the end of its document ends at the end of the input; in the stream it
 * ends before the blank lines and line break that precede the next marker: both count as the document's end, `end`.
 */
function documentOf(d: Document.Parsed, shift: number, end: number): { value: unknown; at?: number[] } {
  let value: unknown;
  try {
    value = d.toJS();
  } catch (e) {
    value = (e as Error).message;
  }
  const range = d.contents?.range;
  return range ? { value, at: [range[0] + shift, Math.min(range[1] + shift, end)] } : { value };
}

/** For a stream yaml reads without errors: one chunk per document, and each chunk alone is that document. */
function agrees(text: string, options: Options = {}): void {
  const chunks = wellFormed(text);
  const docs = parseAllDocuments(text, options);
  assert.deepEqual(
    docs.flatMap((d) => d.errors),
    [],
    'a valid stream',
  );
  const starts = [...new Parser().parse(text)].filter((t) => t.type === 'document').map((t) => t.offset);
  assert.equal(chunks.length, Math.max(1, starts.length), `${chunks.length} chunks for ${starts.length} documents`);
  starts.forEach((s, i) =>
    assert.ok(
      s >= chunks[i]!.startOffset && s < chunks[i]!.startOffset + chunks[i]!.text.length,
      `document ${i} at ${s} is in chunk ${i}`,
    ),
  );
  const ends = chunks.map((c) => c.startOffset + c.text.trimEnd().length);
  const alone = chunks.flatMap((c, i) =>
    parseAllDocuments(c.text, options).map((d) => documentOf(d, c.startOffset, ends[i]!)),
  );
  assert.deepEqual(
    alone,
    docs.map((d, i) => documentOf(d, 0, ends[i]!)),
  );
}

const crlf = (s: string) => s.replace(/\n/g, '\r\n');

test('documents split where yaml splits them: markers, comments, directives, `...`, BOM, CRLF', () => {
  const cases: [string, string[]][] = [
    ['a: 1\n---\nb: 2\n', ['a: 1\n', '---\nb: 2\n']],
    // comments and directives before a `---` belong to the document that follows (l-document-prefix)
    ['# header\n---\na: 1\n', ['# header\n---\na: 1\n']],
    [
      '\uFEFF%YAML 1.2\n---\na: 1\n...\n# next\n%YAML 1.2\n---\nb: 2\n',
      ['\uFEFF%YAML 1.2\n---\na: 1\n...\n', '# next\n%YAML 1.2\n---\nb: 2\n'],
    ],
    // a comment after a document's content is that document's (yaml puts it in the document's `end`)
    [
      'a: 1\n# about a\n---  # a comment on the marker\nb: 2\n',
      ['a: 1\n# about a\n', '---  # a comment on the marker\nb: 2\n'],
    ],
    // `...` ends a document; a bare document may follow it
    ['a: 1\n...\nb: 2\n', ['a: 1\n...\n', 'b: 2\n']],
    // a stray `...` is an empty document to yaml
    ['a: 1\n...\n...\n---\nb: 1\n', ['a: 1\n...\n', '...\n', '---\nb: 1\n']],
    // a marker line ends block scalars and quoted scalars too (c-forbidden)
    ['a: |\n  x\n---\nb: "y\n---\nz"\n', ['a: |\n  x\n', '---\nb: "y\n', '---\nz"\n']],
    // not markers: four dashes, a marker not at column 0, a byte order mark inside a document
    ['a: 1\n----\n --- \nb: x\n\uFEFF---\n', ['a: 1\n----\n --- \nb: x\n\uFEFF---\n']],
    ['', ['']],
    ['# only a comment\n', ['# only a comment\n']],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(
      splitDocuments(text).map((c) => c.text),
      expected,
      JSON.stringify(text),
    );
    const check = parseAllDocuments(text).every((d) => d.errors.length === 0) ? agrees : wellFormed;
    check(text);
    assert.deepEqual(
      splitDocuments(crlf(text)).map((c) => c.text),
      expected.map(crlf),
      `CRLF: ${JSON.stringify(text)}`,
    );
    check(crlf(text));
  }
});

test('CRLF and LF files have the same documents on the same lines', () => {
  const text = 'apiVersion: v1\nkind: Pod\n--- # second\napiVersion: v1\nkind: Service\n';
  const lf = splitDocuments(text);
  const cr = splitDocuments(crlf(text));
  assert.equal(cr.length, 2);
  assert.deepEqual(
    cr.map((c) => c.startLine),
    lf.map((c) => c.startLine),
  );
  assert.deepEqual(cr.map(chunkLines), lf.map(chunkLines));
  for (let line = 0; line < 6; line++)
    assert.equal(chunkAt(crlf(text), line)?.startLine, chunkAt(text, line)?.startLine);
});

test('differential: valid streams split exactly where yaml puts their documents, with their comments', () => {
  const doc = fc.constantFrom(
    'a: 1',
    'k: |\n  line\n\n  more',
    'q: "two\n  lines"',
    "s: 'it''s'",
    '- x\n- y',
    '{a: [1, 2]}',
    'plain',
    'a:\n  b: c # why',
    '# only a comment',
    '',
    '? k\n: v',
  );
  const separator = fc.constantFrom(
    '---',
    '--- # next',
    '---\t',
    '...\n---',
    '...',
    '...\n# about the next\n%YAML 1.2\n---',
    '# trailing\n---',
    '\n\n---',
    '--- |\n  inline',
  );
  const prefix = fc.constantFrom('', '\uFEFF', '# header\n', '%YAML 1.2\n---\n', '\uFEFF# header\n---\n', '---\n');
  const stream = fc.tuple(
    prefix,
    doc,
    fc.array(fc.tuple(separator, doc), { maxLength: 5 }),
    fc.constantFrom('', '\n', '\n...\n', '\n# end\n'),
  );
  fc.assert(
    fc.property(stream, fc.boolean(), ([head, first, rest, tail], windows) => {
      const lf = head + first + rest.map(([sep, d]) => `\n${sep}\n${d}`).join('') + tail;
      fc.pre(parseAllDocuments(lf).every((d) => d.errors.length === 0));
      const text = windows ? crlf(lf) : lf;
      agrees(text);
      if (!text.includes('%')) agrees(text, KUBERNETES_YAML_OPTIONS);
    }),
    { numRuns: 2000, seed: 11 },
  );
});

test('random lines, valid or not: the chunks are the file, and valid streams agree with yaml', () => {
  const line = fc.constantFrom(
    '---',
    '--- # c',
    '---\t',
    '--- a: 1',
    '...',
    '... # c',
    '----',
    ' ---',
    '# comment',
    '  # indented comment',
    '',
    ' ',
    '%YAML 1.2',
    '\uFEFF',
    '\uFEFF---',
    'a: 1',
    'b:',
    '  - x',
    '  c: d',
    'k: |',
    '  text',
    'q: "open',
    'close"',
    '[1,',
    '2]',
    '{a: 1',
    '}',
    'plain',
    '- item',
    '? k',
    ': v',
    '!!str s',
    '&a x',
    '*a',
    ':',
    '"',
    "'",
  );
  let valid = 0;
  fc.assert(
    fc.property(fc.array(line, { maxLength: 14 }), fc.boolean(), fc.boolean(), (lines, windows, finalBreak) => {
      const eol = windows ? '\r\n' : '\n';
      const text = lines.join(eol) + (finalBreak ? eol : '');
      wellFormed(text);
      if (parseAllDocuments(text).every((d) => d.errors.length === 0)) {
        valid++;
        agrees(text);
      }
    }),
    { numRuns: 3000, seed: 11 },
  );
  assert.ok(valid > 300, `${valid} valid streams`);
});

test('an unclosed quote ends at the next marker line (YAML 1.2 §9.1.4, kubectl), where yaml runs on', () => {
  const text = 'a: "typing\n---\nb: 2\n';
  assert.equal(parseAllDocuments(text).length, 1, 'yaml: one document to the end of the stream');
  assert.deepEqual(
    splitDocuments(text).map((c) => c.text),
    ['a: "typing\n', '---\nb: 2\n'],
  );
});

test('a document that starts on a `...` line shares its chunk (chunks stay on line starts)', () => {
  // `... b: 2` is invalid YAML; yaml starts a document right after the marker, mid-line.
  const chunks = splitDocuments('a: 1\n... b: 2\nc: 3\n---\nd: 4\n');
  assert.deepEqual(
    chunks.map((c) => c.text),
    ['a: 1\n... b: 2\nc: 3\n', '---\nd: 4\n'],
  );
});

test('chunkAt: the document under a line, nothing past the end', () => {
  const text = '# h\n---\na: 1\n...\nb: 2\n';
  assert.equal(chunkAt(text, 0)?.startOffset, 0);
  assert.equal(chunkAt(text, 3)?.startOffset, 0);
  assert.equal(chunkAt(text, 4)?.text, 'b: 2\n');
  assert.equal(chunkAt(text, 5)?.text, 'b: 2\n'); // the empty last line
  assert.equal(chunkAt(text, 6), undefined);
  assert.equal(chunkAt(text, -1), undefined);
  assert.equal(chunkAt('', 0)?.text, '');
});

test('chunk coordinates: offsets and positions round-trip, a CR is not a character of the line', () => {
  const chunk = splitDocuments('a: 1\r\n---\r\nkey: value\r\n')[1]!;
  assert.deepEqual(chunkLines(chunk), ['---', 'key: value', '']);
  const offset = chunkOffset(chunk, 2, 5);
  assert.equal(chunk.text.slice(offset, offset + 5), 'value');
  assert.deepEqual(chunkPosition(chunk, offset), { line: 2, character: 5 });
  assert.equal(
    chunkOffset(chunk, 2, 99),
    chunk.text.indexOf('\r', offset),
    'clamped to the end of the line, before its CR',
  );
});

test('isDocumentMarker: three dashes or dots, then a blank or the end (YAML 1.2 c-directives-end, c-document-end)', () => {
  for (const yes of ['---', '...', '--- # c', '---\t', '--- {a: 1}', '---\r']) assert.ok(isDocumentMarker(yes), yes);
  for (const no of ['----', '--', ' ---', '---x', '....', '-- -']) assert.ok(!isDocumentMarker(no), no);
});

test('large files: the split reads lines, not YAML, so it stays linear', () => {
  const doc = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  restartPolicy: Never\n';
  const big = `${doc}---\r\n`.repeat(100_000);
  const t0 = performance.now();
  assert.equal(splitDocuments(big).length, 100_001);
  assert.ok(performance.now() - t0 < 5000);
});
