import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPodTable } from '../../simulator/src/present/table';
import { DESCRIBE_TABWRITER, GET_TABWRITER, tabwrite } from '../../simulator/src/present/tabwriter';

test('tabwriter: blocks of consecutive lines, padding, minwidth, last cell unpadded', () => {
  assert.equal(tabwrite('a\tb\nccc\td', GET_TABWRITER), 'a     b\nccc   d');
  assert.equal(
    tabwrite(
      'Name:\tx\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.5\nControlled By:\tReplicaSet/web',
      DESCRIBE_TABWRITER,
    ),
    ['Name:       x', 'Namespace:  default', 'IPs:', '  IP:           10.0.0.5', 'Controlled By:  ReplicaSet/web'].join(
      '\n',
    ),
  );
  // Nested columns: the second column's block is narrower than the first's.
  assert.equal(
    tabwrite('k:\ta\tOptional: false\nlonger:\tb\nx', DESCRIBE_TABWRITER),
    ['k:       a  Optional: false', 'longer:  b', 'x'].join('\n'),
  );
  // Empty trailing text keeps the padding of the last tab-terminated cell (kubectl prints `IP:` that way).
  assert.equal(tabwrite('IP:\t\nNode:\tn', DESCRIBE_TABWRITER), 'IP:    \nNode:  n');
});

const cols = (ready: string, status: string, restarts: string, age: string) => ({ ready, status, restarts, age });

test('kubectl get pods: columns as wide as the widest cell + 3, no trailing spaces, sorted by name', () => {
  const text = formatPodTable([
    { name: 'web-5d8f7c9b6d-x2kq9', columns: cols('1/1', 'Running', '0', '5m') },
    { name: 'db-0', columns: cols('0/1', 'CrashLoopBackOff', '6 (4s ago)', '5m') },
  ]);
  assert.equal(
    text,
    [
      'NAME                   READY   STATUS             RESTARTS     AGE',
      'db-0                   0/1     CrashLoopBackOff   6 (4s ago)   5m',
      'web-5d8f7c9b6d-x2kq9   1/1     Running            0            5m',
    ].join('\n'),
  );
  for (const line of text.split('\n')) assert.equal(line, line.trimEnd());
});

test('kubectl get pods -o wide -A', () => {
  const text = formatPodTable(
    [
      {
        name: 'web-0',
        namespace: 'shop',
        columns: cols('1/1', 'Running', '0', '2m'),
        wide: { ip: '10.244.0.5', node: 'node-1', nominatedNode: '<none>', readinessGates: '<none>' },
      },
      { name: 'a', namespace: 'default', columns: cols('0/1', 'Pending', '0', '2m') },
    ],
    { wide: true, namespace: true },
  );
  assert.equal(
    text,
    [
      'NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
      'default     a       0/1     Pending   0          2m    <none>       <none>   <none>           <none>',
      'shop        web-0   1/1     Running   0          2m    10.244.0.5   node-1   <none>           <none>',
    ].join('\n'),
  );
});

test('short cells get kubectl get minwidth 6', () => {
  const text = formatPodTable([{ name: 'a', columns: cols('1/1', 'Running', '0', '9s') }]);
  assert.equal(text, ['NAME   READY   STATUS    RESTARTS   AGE', 'a      1/1     Running   0          9s'].join('\n'));
});

test('no pods', () => {
  assert.equal(formatPodTable([]), 'No resources found in default namespace.');
  assert.equal(formatPodTable([], { currentNamespace: 'shop' }), 'No resources found in shop namespace.');
  assert.equal(formatPodTable([], { namespace: true }), 'No resources found');
});
