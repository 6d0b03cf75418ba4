// The quick-fix edit helpers on block and flow YAML, at the end of a file without a newline, and on values
// that are empty or null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appendSeqItem,
  deleteKey,
  deleteSeqItem,
  insertEntry,
  insertNested,
  replaceEntry,
  scalarText,
  setScalar,
} from '../../../server/src/analysis/edits';
import type { Edit } from '../../../server/src/rules/types';
import { applyEdits, contexts, yaml } from './helpers';
import { loadManifest } from '../../../simulator/src/manifest';

function edited(text: string, make: (d: ReturnType<typeof contexts>[number]) => Edit | undefined): string {
  const d = contexts(text)[0]!;
  const e = make(d);
  assert.ok(e, 'an edit');
  const out = applyEdits(text, [e]);
  assert.deepEqual(
    loadManifest(out)
      .issues.filter((i) => i.code === 'yaml-syntax' || i.code === 'duplicate-key')
      .map((i) => i.message),
    [],
    out,
  );
  return out;
}

const base = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
    labels: { app: p }
  spec:
    containers:
      - name: c
        image: x:1
        ports: [80]
        resources: {}
`;

test('scalarText quotes what YAML 1.1 would read as something else', () => {
  assert.equal(scalarText('web'), 'web');
  assert.equal(scalarText('8080'), '"8080"');
  assert.equal(scalarText('on'), '"on"');
  assert.equal(scalarText('yes'), '"yes"');
  assert.equal(scalarText('a: b'), '"a: b"');
  assert.equal(scalarText(''), '""');
});

test('insertEntry: block mapping, flow mapping, empty flow mapping under a block key', () => {
  assert.match(
    edited(base, (d) => insertEntry(d, ['spec'], 'restartPolicy', 'Never')),
    /      resources: \{\}\n  restartPolicy: Never\n$/,
  );
  assert.match(
    edited(base, (d) => insertEntry(d, ['metadata', 'labels'], 'tier', 'fe')),
    /labels: \{ app: p, tier: fe \}/,
  );
  assert.match(
    edited(base, (d) => insertEntry(d, ['spec', 'containers', 0, 'resources'], 'limits', { memory: '1Gi' })),
    /      resources:\n        limits:\n          memory: 1Gi\n$/,
  );
  assert.equal(
    insertEntry(contexts(base)[0]!, ['spec'], 'containers', []),
    undefined,
    'an existing key is not inserted twice',
  );
});

test('insertEntry at the end of a file without a trailing newline', () => {
  const text = base.replace(/\n$/, '').replace('resources: {}', 'stdin: true');
  assert.match(
    edited(text, (d) => insertEntry(d, ['spec', 'containers', 0], 'tty', true)),
    /      stdin: true\n      tty: true$/,
  );
});

test('insertNested creates the missing mappings', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
    spec:
      template:
        spec:
          containers: []
  `;
  assert.match(
    edited(text, (d) => insertNested(d, ['spec', 'template'], ['metadata', 'labels'], { app: 'd' })),
    /      containers: \[\]\n    metadata:\n      labels:\n        app: d\n$/,
  );
});

test('setScalar replaces a scalar and refuses to replace a collection', () => {
  assert.match(
    edited(base, (d) => setScalar(d, ['metadata'], 'name', 'q')),
    /  name: q\n/,
  );
  assert.equal(setScalar(contexts(base)[0]!, ['metadata'], 'labels', 'x'), undefined);
});

test('deleteKey and deleteSeqItem remove whole lines, and refuse keys that share a "- " line', () => {
  assert.doesNotMatch(
    edited(base, (d) => deleteKey(d, ['spec', 'containers', 0], 'ports')),
    /ports/,
  );
  assert.equal(deleteKey(contexts(base)[0]!, ['spec', 'containers', 0], 'name'), undefined);
  const list = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
        - name: a
          image: x:1
        - name: b
          image: x:1
  `;
  assert.equal(
    edited(list, (d) => deleteSeqItem(d, ['spec', 'containers'], 0)),
    list.replace('    - name: a\n      image: x:1\n', ''),
  );
});

test('appendSeqItem: block and flow sequences', () => {
  assert.match(
    edited(base, (d) => appendSeqItem(d, ['spec', 'containers', 0, 'ports'], 443)),
    /ports: \[80, 443\]/,
  );
  assert.match(
    edited(base, (d) => appendSeqItem(d, ['spec', 'containers'], { name: 'd', image: 'y:2' })),
    /      resources: \{\}\n    - name: d\n      image: y:2\n$/,
  );
});

test('replaceEntry: flow, null and block values become a block', () => {
  const skeleton = { requests: { cpu: '100m' } };
  assert.match(
    edited(base, (d) => replaceEntry(d, ['spec', 'containers', 0], 'resources', skeleton)),
    /      resources:\n        requests:\n          cpu: 100m\n$/,
  );
  const nul = base.replace('resources: {}', 'resources:\n      stdin: true');
  assert.match(
    edited(nul, (d) => replaceEntry(d, ['spec', 'containers', 0], 'resources', skeleton)),
    /      resources:\n        requests:\n          cpu: 100m\n      stdin: true\n$/,
  );
  const block = base.replace('resources: {}', 'resources:\n        claims: []\n      stdin: true');
  assert.match(
    edited(block, (d) => replaceEntry(d, ['spec', 'containers', 0], 'resources', skeleton)),
    /      resources:\n        requests:\n          cpu: 100m\n      stdin: true\n$/,
  );
});
