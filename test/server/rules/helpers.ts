// Shared helpers for the rule tests: build DocContexts from YAML text, run a rule, apply a fix's edits to
// the text and check that the fixed text no longer triggers the rule.
import assert from 'node:assert/strict';
import { loadManifest } from '../../../simulator/src/manifest';
import type { Range } from '../../../simulator/src/sourceRanges';
import { docContexts } from '../../../server/src/analysis/docContext';
import { resolveFixes } from '../../../server/src/analysis/fixes';
import type { DocContext, Edit, FileRule, Finding, Fix, Rule } from '../../../server/src/rules/types';

export function contexts(text: string): DocContext[] {
  return docContexts(loadManifest(text), text.split('\n'));
}

/** A finding, with its fixes made into edits (as the language server makes them when a code action asks). */
export interface Found extends Omit<Finding, 'fixes'> {
  doc: number;
  fixes?: Fix[];
}

/** A finding of document `doc` of `docs`, found. */
export function found(docs: readonly DocContext[], doc: number, f: Finding): Found {
  const { fixes, ...rest } = f;
  const fixed = docs.find((d) => d.index === (f.fixesDoc ?? doc));
  return fixes === undefined || !fixed ? { ...rest, doc } : { ...rest, doc, fixes: resolveFixes(fixed, fixes) };
}

/** Findings of a rule (document rule or file rule) over every document of the text. */
export function run(rule: Rule | FileRule, text: string): Found[] {
  const docs = contexts(text);
  if ('checkFile' in rule) return rule.checkFile(docs).map(({ doc, finding }) => found(docs, doc, finding));
  return docs.flatMap((d) => rule.check(d).map((f) => found(docs, d.index, f)));
}

/** The single finding of a rule on the text. */
export function one(rule: Rule | FileRule, text: string): Found {
  const found = run(rule, text);
  assert.equal(
    found.length,
    1,
    `expected exactly one finding, got ${found.length}: ${found.map((f) => f.message).join(' | ')}`,
  );
  return found[0]!;
}

export function none(rule: Rule | FileRule, text: string): void {
  const found = run(rule, text);
  assert.deepEqual(
    found.map((f) => f.message),
    [],
    'expected no finding',
  );
}

/** 0-based range from (line, character) to (line, character). */
export function range(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

function offset(lines: readonly string[], p: Range['start']): number {
  let o = 0;
  for (let i = 0; i < p.line && i < lines.length; i++) o += (lines[i] as string).length + 1;
  if (p.line >= lines.length) return lines.join('\n').length;
  return o + Math.min(p.character, (lines[p.line] as string).length);
}

/** Applies LSP-style edits (non-overlapping, in document coordinates) to the text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  const spans = edits.map((e) => ({
    start: offset(lines, e.range.start),
    end: offset(lines, e.range.end),
    text: e.newText,
  }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

export function fixNamed(f: Found, title: string | RegExp): Fix {
  const fix = (f.fixes ?? []).find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(fix, `no fix "${String(title)}" among: ${(f.fixes ?? []).map((x) => x.title).join(' | ')}`);
  return fix;
}

/**
 * Applies a fix and returns the new text, after checking that it is valid YAML (no load issue of kind
 * yaml-syntax / duplicate-key) and that the rule no longer reports a finding with the same message.
 */
export function applyFix(rule: Rule | FileRule, text: string, f: Found, title: string | RegExp): string {
  const fix = fixNamed(f, title);
  const fixed = applyEdits(text, fix.edits);
  const m = loadManifest(fixed);
  const broken = m.issues.filter((i) => i.code === 'yaml-syntax' || i.code === 'duplicate-key');
  assert.deepEqual(
    broken.map((i) => i.message),
    [],
    `the fix "${fix.title}" leaves broken YAML:\n${fixed}`,
  );
  const after = run(rule, fixed);
  assert.ok(
    !after.some((x) => x.message === f.message),
    `the fix "${fix.title}" does not remove the finding:\n${fixed}`,
  );
  return fixed;
}

/** The issues of the loader (schema and API validation) on a text, as codes. */
export function loaderCodes(text: string): string[] {
  return loadManifest(text).issues.map((i) => i.code);
}

/** Template literal helper: strips the common indentation and the first newline. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines
    .map((l) => l.slice(indent))
    .join('\n')
    .replace(/[ \t]+$/, '');
}
