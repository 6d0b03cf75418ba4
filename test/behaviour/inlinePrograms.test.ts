// Inline programs (`python -c`, `node -e`): PodLab does not interpret Python or JavaScript, so what such a
// container does is unknown — it may serve, loop or fail. The developers' guide: where the behaviour model
// cannot evaluate something, the answer is unknown, never "assume it works".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifest } from '../../simulator/src/manifest';
import { simulate } from '../../simulator/src/simulate';
import { predict, verdicts } from '../../simulator/src/predict';
import { model } from './helpers';

test('python -c and node -e are unknown programs, with the reason in a note', () => {
  for (const [image, command] of [
    ['python:3.12-slim', ['python', '-c', 'import time; time.sleep(5)']],
    ['node:20-alpine', ['node', '-e', 'require("http").createServer().listen(3000)']],
  ] as const) {
    const m = model({ image, command: [...command] });
    assert.equal(m.source, 'unknown', `${command.join(' ')}: ${m.description}`);
    assert.ok(
      m.notes.some((n) => /inline (Python|Node\.js) program .* is not interpreted/.test(n)),
      m.notes.join(' | '),
    );
  }
});

test('a Job running python -c has an unknown outcome, not a completion after 1 s', () => {
  const yaml = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: python:3.12-slim
          command: ["python", "-c", "import db; db.migrate()"]
`;
  const m = loadManifest(yaml);
  const result = simulate(m.objects, { until: 600, seed: 1 });
  const predictions = predict(result, { defaultCluster: true });
  const [v] = verdicts(result, predictions);
  assert.equal(v?.outcome, 'unknown');
  assert.deepEqual(predictions, []);
});
