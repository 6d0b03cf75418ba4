// Hostile and broken chart templates: bounded time, a clear message, no crash. Go's own template parser
// (text/template/parse, lex.go and parse.go) fails a template with an unclosed action ("unclosed action"),
// a stray {{end}} ("unexpected {{end}}") or a block left open ("unexpected EOF"); Helm then renders nothing,
// so these are errors, reported once where they start.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { diagnosticMessage } from '../../../server/src/features/diagnosticData';
import { templateToYaml } from '../../../simulator/src/template/placeholders';

const settings = DEFAULT_SETTINGS;
const file = 'chart/templates/deployment.yaml';

const POD = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
spec:
  containers:
${container}`;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = process.hrtime.bigint();
  const value = f();
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 };
}

describe('broken and hostile Helm templates', () => {
  it('an unbalanced `{{` is one error at its position; the rest of the file is still read', () => {
    const text = POD('    - name: web\n      image: {{ .Values.image\n      imagePulPolicy: Always\n');
    const ds = diagnoseText(text, settings, file);
    const syntax = ds.filter((d) => d.code === 'template-syntax');
    assert.equal(syntax.length, 1, JSON.stringify(ds));
    assert.equal(syntax[0]!.severity, DiagnosticSeverity.Error);
    assert.deepEqual(syntax[0]!.range.start, { line: 7, character: 13 });
    assert.match(diagnosticMessage(syntax[0]!), /unclosed action/);
    // The misspelled key on the next line is still found.
    assert.ok(
      ds.some((d) => d.code === 'unknown-field' && d.range.start.line === 8),
      JSON.stringify(ds),
    );
  });

  it('a stray {{ end }} and a block without {{ end }} are reported where they are', () => {
    const stray = diagnoseText(POD('    - name: web\n      image: nginx:1.27\n{{- end }}\n'), settings, file);
    assert.deepEqual(
      stray
        .filter((d) => d.code === 'template-syntax')
        .map((d) => [d.range.start.line, /unexpected \{\{end\}\}/.test(diagnosticMessage(d))]),
      [[8, true]],
    );
    const open = diagnoseText(
      `{{- if .Values.enabled }}\n${POD('    - name: web\n      image: nginx:1.27\n')}`,
      settings,
      file,
    );
    assert.deepEqual(
      open
        .filter((d) => d.code === 'template-syntax')
        .map((d) => [d.range.start.line, /unexpected EOF/.test(diagnosticMessage(d))]),
      [[0, true]],
    );
  });

  it('a 10,000-line chart file: bounded time, lines kept', () => {
    const env = Array.from(
      { length: 3340 },
      (_, i) =>
        `        - name: VAR_${i}\n          value: {{ .Values.env.var${i} | quote }}\n        {{- /* ${i} */}}`,
    ).join('\n');
    const text = POD(`    - name: web\n      image: nginx:1.27\n      env:\n${env}\n`);
    assert.ok(text.split('\n').length >= 10_000);
    const { value: yaml, ms: transform } = timed(() => templateToYaml(text));
    assert.equal(yaml.text.split('\n').length, text.split('\n').length);
    const { value: ds, ms } = timed(() => diagnoseText(text, settings, file));
    assert.deepEqual(
      ds.filter((d) => d.severity === DiagnosticSeverity.Error),
      [],
    );
    assert.ok(transform < 1000, `transform ${transform} ms`);
    assert.ok(ms < 15_000, `diagnostics ${ms} ms`);
  });

  it('10,000 lines of unclosed `{{`: one message, linear time', () => {
    const text = POD(Array.from({ length: 10_000 }, () => '    - {{ "}}" (((').join('\n'));
    const { value: ds, ms } = timed(() => diagnoseText(text, settings, file));
    assert.equal(ds.filter((d) => d.code === 'template-syntax').length, 1);
    assert.ok(ms < 15_000, `${ms} ms`);
  });

  it('actions nested 100 deep (blocks and parentheses): bounded, no crash, no false error', () => {
    const ifs = Array.from({ length: 100 }, (_, i) => `${' '.repeat(6)}{{- if .Values.level${i} }}`).join('\n');
    const ends = Array.from({ length: 100 }, () => `${' '.repeat(6)}{{- end }}`).join('\n');
    const parens = `{{ ${'('.repeat(100)}.Values.x${')'.repeat(100)} }}`;
    const text = POD(`    - name: web\n${ifs}\n      image: ${parens}\n${ends}\n`);
    const { value: ds, ms } = timed(() => diagnoseText(text, settings, file));
    assert.deepEqual(
      ds.filter((d) => d.severity === DiagnosticSeverity.Error),
      [],
      JSON.stringify(ds),
    );
    assert.ok(ms < 5000, `${ms} ms`);
    // 100 blocks left open: one message, at the outermost.
    const unclosed = diagnoseText(POD(`    - name: web\n${ifs}\n      image: nginx:1.27\n`), settings, file);
    const syntax = unclosed.filter((d) => d.code === 'template-syntax');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0]!.range.start.line, 7);
  });

  it('the YAML of a template has the template’s lines, and its columns where no nindent moves a line', () => {
    const text = POD(
      '    - name: {{ .Chart.Name }}\n      image: "{{ .Values.repo }}:{{ .Values.tag }}"\n      {{- /* multi\n  line */}}\n',
    );
    const yaml = templateToYaml(text).text;
    const a = text.split('\n');
    const b = yaml.split('\n');
    assert.equal(b.length, a.length);
    a.forEach((l, i) => assert.equal(b[i]!.length, l.length, `line ${i}`));
  });
});
