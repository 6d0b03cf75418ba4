// Which diagnostics of a code action get fixes (server/src/background/publishedFixes.ts): those the engine
// published for the document's current version, recognised by source, code, range and message (LSP 3.17,
// CodeActionContext.diagnostics: the diagnostics the client got, sent back as they are). The fixes here are made
// up: what is checked is which diagnostic gets which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver';
import { PublishedFixes } from '../../../server/src/background/publishedFixes';
import { setFixes } from '../../../server/src/features/diagnosticFixes';

const URI = 'file:///work/app.yaml';
const at = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 8 } });
const fix = (title: string) => ({ title, edits: [{ range: at(0), newText: title }] });

function published(line: number, message: string, title: string): Diagnostic {
  const d = Diagnostic.create(at(line), message, 2, 'some-rule', 'podlab');
  setFixes(d, () => [fix(title)]);
  return d;
}

/** The request's copy: what came back from the client, without the engine's objects. */
const asked = (d: Diagnostic): Diagnostic => JSON.parse(JSON.stringify(d)) as Diagnostic;

test('the current version: each diagnostic recognised gets its own fixes; others get none', () => {
  const p = new PublishedFixes();
  const [a, b] = [published(3, 'first', 'fix a'), published(7, 'second', 'fix b')];
  p.record(URI, 4, [a, b]);
  const titles = (ds: Diagnostic[]) => p.fixes(URI, 4, ds).map((fs) => fs.map((f) => f.title));
  assert.deepEqual(titles([asked(b), asked(a)]), [['fix b'], ['fix a']]);
  assert.deepEqual(titles([{ ...asked(a), range: at(4) }]), [[]], 'moved');
  assert.deepEqual(titles([{ ...asked(a), message: 'other words' }]), [[]], 'another message');
  assert.deepEqual(titles([{ ...asked(a), code: 'other-rule' }]), [[]], 'another code');
  assert.deepEqual(titles([{ ...asked(a), source: 'yaml' }]), [[]], "another tool's");
  assert.deepEqual(p.fixes('file:///work/other.yaml', 4, [asked(a)]), [[]], 'another document');
});

test('another version gets no fix; both publishes of the current one count, not an older version', () => {
  const p = new PublishedFixes();
  const old = published(3, 'first', 'old');
  p.record(URI, 1, [old]);
  const fast = published(3, 'fast', 'fast');
  const full = published(3, 'with predictions', 'full');
  p.record(URI, 2, [fast]);
  p.record(URI, 2, [full]);
  assert.deepEqual(p.fixes(URI, 1, [asked(old)]), [[]], 'version 1 is no longer the current one');
  assert.deepEqual(p.fixes(URI, 3, [asked(full)]), [[]], 'the request is for a version not published yet');
  assert.deepEqual(
    p.fixes(URI, 2, [asked(fast), asked(full)]).map((fs) => fs.map((f) => f.title)),
    [['fast'], ['full']],
  );
  p.forget(URI);
  assert.deepEqual(p.fixes(URI, 2, [asked(full)]), [[]], 'closed');
});
