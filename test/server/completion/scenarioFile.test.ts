// Completion and validation in `*.scenario.yaml` (issue 13 item 11): keys and enum values from the JSON Schema
// generated from the scenario's zod model; diagnostics from the simulator's loader on the exact key or value.
// Expected keys and values: README "Scenario files" (the format's reference).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isScenarioFile, scenarioCompletion, scenarioDiagnostics } from '../../../server/src/features/scenarioFile';

/** Completion labels at the `|` in text. */
function labels(textWithCursor: string, trigger?: string): string[] {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before.at(-1)!.length };
  return scenarioCompletion(text, position, trigger === undefined ? {} : { character: trigger })
    .map((i) => i.label)
    .sort();
}

test('scenario files are the *.scenario.yaml ones', () => {
  assert.equal(isScenarioFile('file:///w/app.scenario.yaml'), true);
  assert.equal(isScenarioFile('file:///w/app.scenario.yml'), true);
  assert.equal(isScenarioFile('file:///w/app.yaml'), false);
});

test('top-level keys, without those already present', () => {
  assert.deepEqual(labels('|'), ['cluster', 'containers', 'events', 'kubelet', 'objects', 'worldComplete']);
  assert.deepEqual(labels('kubelet:\n  jitter: true\n|'), [
    'cluster',
    'containers',
    'events',
    'objects',
    'worldComplete',
  ]);
});

test('the keys of an event: its time and one action each', () => {
  assert.deepEqual(labels('events:\n  - |'), ['at', 'delete', 'endpoint', 'http', 'kill', 'nodeFailure', 'oom']);
  assert.deepEqual(labels('events:\n  - at: 60s\n    |'), ['delete', 'endpoint', 'http', 'kill', 'nodeFailure', 'oom']);
  assert.deepEqual(labels('events:\n  - at: 60s\n    kill:\n      |'), ['container', 'exitCode', 'pod']);
});

test('the keys of a container override, under any container name', () => {
  assert.deepEqual(labels('containers:\n  hello-world:\n    |'), [
    'exit',
    'http',
    'ignoreSigterm',
    'listen',
    'memoryMi',
    'startupSeconds',
    'stopExitCode',
  ]);
});

test('enum values and booleans, quoted where YAML would read a number', () => {
  assert.deepEqual(labels('events:\n  - at: 4m\n    endpoint:\n      state: |'), ['fail', 'recover']);
  assert.deepEqual(labels('kubelet:\n  version: |'), ['"1.34"', '"1.35"']);
  assert.deepEqual(labels('kubelet:\n  jitter: |'), ['false', 'true']);
  // Already typed in full: no list that Enter would accept instead of starting the next line.
  assert.deepEqual(labels('kubelet:\n  jitter: true|'), []);
  // `:` right after a key opens the value list, never a key list.
  assert.deepEqual(labels('kubelet:\n  jitter:|', ':'), ['false', 'true']);
  assert.deepEqual(labels('kubelet:\n  |', ':'), []);
});

test('a wrong key gets a diagnostic on the key itself', () => {
  const text = 'kubelet:\n  verison: "1.35"\nevents:\n  - at: 60s\n    kill: { container: app, exitcode: 1 }\n';
  const d = scenarioDiagnostics(text);
  assert.deepEqual(
    d.map((x) => [x.message, x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character]),
    [
      ['unknown field "verison"', 1, 2, 1, 9],
      ['unknown field "exitcode"', 4, 28, 4, 36],
    ],
  );
  assert.ok(d.every((x) => x.severity === 1 && x.source === 'podlab'));
});

test('a wrong value gets a diagnostic on the value; a valid file none', () => {
  const d = scenarioDiagnostics('events:\n  - at: 4m\n    endpoint: { container: app, port: 8080, state: down }\n');
  assert.equal(d.length, 1);
  assert.deepEqual(
    [d[0]!.range.start, d[0]!.range.end],
    [
      { line: 2, character: 51 },
      { line: 2, character: 55 },
    ],
  );
  const durations = scenarioDiagnostics('events:\n  - at: soon\n    oom: { container: app }\n');
  assert.equal(durations.length, 1);
  const message = durations[0]!.message;
  assert.ok(typeof message === 'string');
  assert.match(message, /invalid duration "soon"/);
  assert.deepEqual(durations[0]!.range.start, { line: 1, character: 8 });
  assert.deepEqual(
    scenarioDiagnostics('kubelet:\n  version: "1.35"\nevents:\n  - at: 60s\n    kill: { container: app }\n'),
    [],
  );
});
