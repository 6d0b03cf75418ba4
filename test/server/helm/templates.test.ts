// Helm chart templates (issue 12 item 1): the fixtures under test/fixtures/helm are written in the shape of
// `helm create`'s scaffold (helm/helm pkg/chart/v2/util/create.go: deployment, service, ingress, hpa,
// serviceaccount, _helpers.tpl, NOTES.txt, tests/test-connection.yaml) and of popular charts (a bitnami-style
// StatefulSet with `labels: {{- include … | nindent 4 }}` followed by literal keys and a range over env, a
// backup CronJob, a ConfigMap written by a range, a DaemonSet with if/else branches, a hook Job, a whole
// document written by a library chart's include). Each is valid once rendered by Helm, so every error PodLab
// reports on them is false; a real mistake in the literal structure around the actions is still reported.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const root = join(__dirname, '..', '..', 'fixtures', 'helm');

function templates(dir = root): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? templates(path) : [path];
    })
    .filter((p) => /[\\/]templates[\\/]/.test(p))
    .sort();
}

const STRUCTURAL = ['yaml-syntax', 'duplicate-key', 'unknown-field', 'missing-required', 'schema', 'template-syntax'];
const show = (ds: Diagnostic[]) =>
  JSON.stringify(
    ds.map((d) => [d.range.start.line + 1, d.code, d.message]),
    null,
    1,
  ).replace(/[\uE000-\uE0FF]+/g, '…');

describe('Helm chart templates', () => {
  const files = templates();

  it('the fixtures hold at least 10 templates of different kinds', () => {
    const yaml = files.filter((f) => f.endsWith('.yaml'));
    assert.ok(yaml.length >= 10, `${yaml.length} templates`);
    const kinds = new Set(yaml.flatMap((f) => /^kind: (\w+)/m.exec(readFileSync(f, 'utf8'))?.[1] ?? []));
    for (const k of ['Deployment', 'Service', 'Ingress', 'HorizontalPodAutoscaler', 'ServiceAccount', 'Pod'])
      assert.ok(kinds.has(k), k);
    for (const k of ['StatefulSet', 'CronJob', 'ConfigMap', 'DaemonSet', 'Job']) assert.ok(kinds.has(k), k);
  });

  for (const file of files) {
    it(`${file.slice(root.length + 1)}: no error and no structural problem`, () => {
      const ds = diagnoseText(readFileSync(file, 'utf8'), DEFAULT_SETTINGS, file);
      const wrong = ds.filter((d) => d.severity === DiagnosticSeverity.Error || STRUCTURAL.includes(String(d.code)));
      assert.deepEqual(wrong, [], show(wrong));
      // No prediction from a templated value: every workload here holds one (its labels at least).
      assert.deepEqual(
        ds.filter((d) => String(d.code).startsWith('predicted-')),
        [],
        show(ds),
      );
    });
  }

  it('the same diagnostics without the file name (detected from the text alone)', () => {
    for (const file of files.filter((f) => f.endsWith('.yaml'))) {
      const ds = diagnoseText(readFileSync(file, 'utf8'), DEFAULT_SETTINGS);
      assert.deepEqual(
        ds.filter((d) => d.severity === DiagnosticSeverity.Error),
        [],
        file,
      );
    }
  });

  const deployment = readFileSync(join(root, 'mychart', 'templates', 'deployment.yaml'), 'utf8');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

  it('a misspelled key among the actions is reported on its exact range', () => {
    const text = deployment.replace('imagePullPolicy:', 'imagePullPolicyy:');
    const line = lineOf(text, 'imagePullPolicyy');
    const ds = diagnoseText(text, DEFAULT_SETTINGS, 'mychart/templates/deployment.yaml');
    const unknown = ds.filter((d) => d.code === 'unknown-field');
    assert.equal(unknown.length, 1, show(ds));
    const col = text.split('\n')[line]!.indexOf('imagePullPolicyy');
    assert.deepEqual(unknown[0]!.range, {
      start: { line, character: col },
      end: { line, character: col + 'imagePullPolicyy'.length },
    });
    assert.equal(unknown[0]!.severity, DiagnosticSeverity.Error);
  });

  it('a probe on a port the container does not declare is reported on its line', () => {
    // The chart's author wrote the port and the probe out instead of taking them from values.yaml.
    const text = deployment
      .replace('containerPort: {{ .Values.service.port }}', 'containerPort: 8080')
      .replace(
        'readinessProbe:\n            {{- toYaml .Values.readinessProbe | nindent 12 }}',
        'readinessProbe:\n            httpGet:\n              path: /ready\n              port: 8081',
      );
    const line = lineOf(text, 'port: 8081');
    const ds = diagnoseText(text, DEFAULT_SETTINGS, 'mychart/templates/deployment.yaml');
    const probe = ds.filter((d) => d.code === 'probe-port-not-exposed');
    assert.equal(probe.length, 1, show(ds));
    const col = text.split('\n')[line]!.indexOf('8081');
    assert.deepEqual(probe[0]!.range, { start: { line, character: col }, end: { line, character: col + 4 } });
  });

  it('a misspelled port name in a probe is reported although the port numbers are templated', () => {
    const file = join(root, 'popular', 'templates', 'statefulset.yaml');
    const text = readFileSync(file, 'utf8').replace('port: tcp-postgresql', 'port: tcp-postgres');
    const line = lineOf(text, 'port: tcp-postgres');
    const ds = diagnoseText(text, DEFAULT_SETTINGS, file).filter((d) => d.code === 'named-port-undefined');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0]!.range.start.line, line);
  });

  it('a YAML mistake outside the actions is still a YAML error (a tab in the indentation)', () => {
    const text = deployment.replace('              protocol: TCP', '\t      protocol: TCP');
    const line = lineOf(text, '\t      protocol: TCP');
    const ds = diagnoseText(text, DEFAULT_SETTINGS, 'mychart/templates/deployment.yaml');
    assert.ok(
      ds.some((d) => d.code === 'yaml-syntax' && d.range.start.line === line),
      show(ds),
    );
  });

  it('a whole document written by an action is said once, as information', () => {
    const file = join(root, 'popular', 'templates', 'all-in-one.yaml');
    const ds = diagnoseText(readFileSync(file, 'utf8'), DEFAULT_SETTINGS, file);
    const said = ds.filter((d) => d.code === 'template-structure');
    assert.equal(said.length, 1, show(ds));
    assert.equal(said[0]!.severity, DiagnosticSeverity.Information);
    assert.equal(said[0]!.range.start.line, 1);
  });
});

// A literal volumeMount names a volume that `volumes: {{- toYaml .Values.worker.volumes | nindent 8 }}` may
// write: the API server would see the rendered list, so the name is not known to be missing.
describe('Helm chart templates: references into templated collections', () => {
  it('a literal volumeMount into templated volumes is not reported', () => {
    const file = join(root, 'popular', 'templates', 'worker.yaml');
    const ds = diagnoseText(readFileSync(file, 'utf8'), DEFAULT_SETTINGS, file);
    assert.deepEqual(
      ds.filter((d) => d.code === 'volume-mount-undefined' || d.code === 'service-selector-unmatched'),
      [],
      show(ds),
    );
    // Without the action, the same mounts name no volume: still an error.
    const literal = readFileSync(file, 'utf8').replace(/\n\s*\{\{- toYaml \.Values\.worker\.volumes.*\}\}/, ' []');
    assert.equal(
      diagnoseText(literal, DEFAULT_SETTINGS, file).filter((d) => d.code === 'volume-mount-undefined').length,
      2,
    );
  });
});
