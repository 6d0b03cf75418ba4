// Flow style: `{ … }` mappings and `[ … ]` sequences, on one line or spread over several.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt, item, labels, newText } from './helpers';

const POD = (body: string): string => `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n${body}`;

test('keys in a flow mapping leave out the keys present before and after the cursor', () => {
  const got = labels(completeAt(POD('      ports: [{ containerPort: 80, |, name: http }]\n')));
  assert.deepEqual(got.sort(), ['hostIP', 'hostPort', 'protocol']);
});

test('keys in a flow mapping insert `key: ` on the same line', () => {
  const items = completeAt(POD('      livenessProbe: { httpGet: { path: /, | } }\n'));
  assert.equal(newText(item(items, 'scheme')), 'scheme: ${1|HTTP,HTTPS|}');
  assert.equal(newText(item(items, 'host')), 'host: ');
  assert.equal(newText(item(items, 'httpHeaders')), 'httpHeaders: [$0]');
});

test('a half-typed key in a flow mapping', () => {
  const got = labels(completeAt(POD('      livenessProbe: { tcp| }\n')));
  assert.ok(got.includes('tcpSocket') && got.includes('periodSeconds'));
});

test('values in a flow mapping', () => {
  assert.deepEqual(labels(completeAt(POD('      ports: [{ containerPort: 53, protocol: | }]\n'))), [
    'SCTP',
    'TCP',
    'UDP',
  ]);
  assert.deepEqual(labels(completeAt(POD('      ports: [{ containerPort: 53, protocol: U| }]\n'))), [
    'SCTP',
    'TCP',
    'UDP',
  ]);
});

test('items of a flow sequence', () => {
  const got = labels(completeAt(POD('      securityContext: { capabilities: { drop: [NET_RAW, |] } }\n')));
  assert.ok(got.includes('ALL'));
});

test('a flow mapping spread over several lines', () => {
  const src = POD(`      resources: {
        requests: { cpu: 100m },
        |
      }
`);
  assert.deepEqual(labels(completeAt(src)).sort(), ['claims', 'limits']);
});

test('a flow mapping as a list item', () => {
  const got = labels(
    completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  tolerations:\n    - { key: dedicated, operator: |`),
  );
  assert.deepEqual(got, ['Equal', 'Exists']);
  const keys = labels(completeAt(`apiVersion: v1\nkind: Pod\nspec:\n  tolerations:\n    - { key: dedicated, | }\n`));
  assert.deepEqual(keys.sort(), ['effect', 'operator', 'tolerationSeconds', 'value']);
});

test('a whole document in flow style', () => {
  const got = labels(completeAt('{ apiVersion: v1, kind: Pod, spec: { restartPolicy: | } }\n'));
  assert.deepEqual(got, ['Always', 'OnFailure', 'Never']);
});
