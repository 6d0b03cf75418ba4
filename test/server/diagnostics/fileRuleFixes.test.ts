// A file rule's quick fix may change another document than the one its finding is on: statefulset-service-headless
// reports on the StatefulSet's serviceName and fixes the Service (clusterIP: None, dns-pod-service.md). The language
// server keeps each YAML document's ranges relative to the document and moves them by its line in the file, so the
// fix must be made in the Service's coordinates and moved by the Service's line, not the StatefulSet's. The
// expected text is the rule's own test's (test/server/rules/workloads.test.ts: `clusterIP: None` in the Service).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseText } from '../../../server/src/features/diagnostics';
import { fixesOf } from '../../../server/src/features/diagnosticFixes';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { applyEdits } from '../rules/helpers';

const TEXT = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: db
          image: postgres:16
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ClusterIP
  selector: { app: db }
  ports:
    - port: 5432
`;

test("statefulset-service-headless: the fix makes the Service headless, in the Service's lines", () => {
  const d = diagnoseText(TEXT, { ...DEFAULT_SETTINGS, predictions: false }).find(
    (x) => x.code === 'statefulset-service-headless',
  );
  assert.ok(d);
  assert.equal(d.range.start.line, 5, 'on the StatefulSet');
  const [fix] = fixesOf(d);
  assert.equal(fix?.title, 'Make Service db headless (clusterIP: None)');
  const fixed = applyEdits(TEXT, fix.edits);
  const [statefulSet, service] = fixed.split('---\n');
  assert.equal(statefulSet, TEXT.split('---\n')[0], 'the StatefulSet is left as it was');
  assert.match(service ?? '', /\n {2}clusterIP: None\n/);
});
