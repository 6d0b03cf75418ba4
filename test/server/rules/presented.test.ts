// API-server checks live once, in the model (simulator/src/model/validate*.ts); the rules present them.
// Where the loader's checks and the rules used to disagree, the API server's validation code decides:
// pkg/apis/core/validation/validation.go and pkg/apis/batch/validation/validation.go (kubernetes/kubernetes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { loadManifest } from '../../../simulator/src/manifest';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { fixesOf } from '../../../server/src/features/diagnosticFixes';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { probeSuccessThreshold } from '../../../server/src/rules/probe-success-threshold';
import { selectorMismatch } from '../../../server/src/rules/selector-mismatch';
import { loaderCodes, none, one } from './helpers';

// Manifests as data (stringify writes the YAML), so that each test shows only what it is about.
const text = (o: object): string => stringify(o, { version: '1.1' });
const container = (extra: object = {}) => ({ name: 'app', image: 'acme/app:1', ...extra });
const pod = (threshold: number) =>
  text({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [container({ livenessProbe: { tcpSocket: { port: 8080 }, successThreshold: threshold } })] },
  });
const template = (labels: object) => ({
  metadata: { labels },
  spec: { restartPolicy: 'Never', containers: [container()] },
});

test('successThreshold 0 on a liveness probe is accepted: the API server defaults it to 1 before validating', () => {
  // SetDefaults_Probe (pkg/apis/core/v1/defaults.go) turns 0 into 1; validateLivenessProbe then sees 1.
  assert.ok(!loaderCodes(pod(0)).includes('probe-success-threshold'));
  none(probeSuccessThreshold, pod(0));
});

test('a negative successThreshold on a liveness probe is both negative and not 1', () => {
  // validateProbe: ValidateNonnegativeField(successThreshold); validateLivenessProbe: SuccessThreshold != 1 → "must be 1".
  const messages = loadManifest(pod(-1)).issues.map((i) => `${i.code}: ${i.message}`);
  assert.ok(
    messages.includes('probe-negative: Invalid value: -1: must be greater than or equal to 0'),
    messages.join('\n'),
  );
  assert.ok(messages.includes('probe-success-threshold: Invalid value: -1: must be 1'), messages.join('\n'));
  assert.match(
    one(probeSuccessThreshold, pod(-1)).message,
    /^successThreshold must be 1 for a liveness probe, not -1:/,
  );
});

test('a CronJob job template may not set a selector (it is generated), so there is no selector mismatch to report', () => {
  // ValidateJobTemplateSpec: `selector` will be auto-generated.
  const cron = text({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c' },
    spec: {
      schedule: '*/5 * * * *',
      jobTemplate: { spec: { selector: { matchLabels: { app: 'other' } }, template: template({ app: 'c' }) } },
    },
  });
  const issues = loadManifest(cron).issues;
  assert.deepEqual(
    issues.map((i) => [i.code, i.message]),
    [['job-selector', 'Invalid value: {"matchLabels":{"app":"other"}}: `selector` will be auto-generated']],
  );
  none(selectorMismatch, cron);
});

test('a Job selector without manualSelector is rejected, and still checked against the template labels', () => {
  // ValidateGeneratedSelector: `selector` not auto-generated; ValidateJobSpec: "Whether manually or
  // automatically generated, the selector of the job must match the pods it will produce."
  const job = text({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j' },
    spec: { selector: { matchLabels: { app: 'j' } }, template: template({ app: 'k' }) },
  });
  assert.deepEqual(loaderCodes(job), ['job-selector', 'selector-mismatch']);
  assert.match(one(selectorMismatch, job).message, /^The selector requires app=j, but the pod template has app=k:/);
});

test("an API-server check shows once: through its rule while the rule is on, in the API server's words when it is off", () => {
  const twice = text({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [container(), container({ image: 'acme/app:2' })] },
  });
  const settings = { ...DEFAULT_SETTINGS, predictions: false };
  const on = diagnoseText(twice, settings).filter((d) => d.severity === 1);
  assert.deepEqual(
    on.map((d) => d.code),
    ['duplicate-name'],
  );
  const off = diagnoseText(twice, { ...settings, rules: { 'duplicate-name': 'off' } }).filter((d) => d.severity === 1);
  assert.deepEqual(
    off.map((d) => [d.code, d.message]),
    [['duplicate-container-name', 'Duplicate value: "app"']],
  );
  // The fix is the model's, whoever presents it.
  assert.deepEqual(
    fixesOf(off[0]!).map((f) => f.title),
    ['Rename to "app-2"'],
  );
  assert.deepEqual(
    fixesOf(on[0]!).map((f) => f.title),
    ['Rename to "app-2"'],
  );
});
