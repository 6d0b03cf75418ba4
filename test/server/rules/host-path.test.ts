// hostPath checks. What counts as sensitive follows kube-linter's `sensitive-host-mounts` (/, /boot, /dev,
// /etc, /lib, /proc, /sys, /usr) and `docker-sock`, and kubeaudit's `mounts` deny list (/root, /var/lib/kubelet,
// /etc/kubernetes, the containerd and CRI-O sockets); kube-linter's `writable-host-mount` for the rest. A
// readOnly mount is core/v1 VolumeMount.readOnly ("Mounted read-only if true, read-write otherwise").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostPathSensitive, sensitiveHostPath } from '../../../server/src/rules/host-path-sensitive';
import { hostPathWritable } from '../../../server/src/rules/host-path-writable';
import { applyFix, none, one, range, yaml } from './helpers';

const pod = (path: string, readOnly = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: agent
  spec:
    containers:
      - name: agent
        image: acme/agent:1
        volumeMounts:
          - name: host
            mountPath: /host${readOnly}
    volumes:
      - name: host
        hostPath:
          path: ${path}
`;

test('host-path-sensitive: system directories and their children, normalised', () => {
  for (const p of ['/', '/etc', '/etc/', '/etc/ssl', '//proc', '/var/lib/kubelet/pods', '/dev', '/usr/lib'])
    assert.ok(sensitiveHostPath(p), p);
  for (const p of ['/var/log', '/data', '/etcetera', '/mnt/disks/ssd0', '/var/lib/docker-data'])
    assert.equal(sensitiveHostPath(p), undefined, p);
});

test('host-path-sensitive: /etc mounted writable, with the read-only fix', () => {
  const text = pod('/etc');
  const f = one(hostPathSensitive, text);
  assert.deepEqual(f.range, range(14, 14, 14, 18));
  assert.equal(
    f.message,
    'Volume "host" mounts /etc from the node (the node\'s configuration): a process in the pod can read and change it',
  );
  assert.deepEqual(f.related, [{ range: range(9, 16, 9, 20), message: 'agent mounts it writable here' }]);
  const fixed = applyFix(hostPathSensitive, text, f, 'Mount "host" read-only');
  assert.match(fixed, /mountPath: \/host\n *readOnly: true\n/);
  const readOnly = one(hostPathSensitive, fixed);
  assert.match(readOnly.message, /: a process in the pod can read it$/);
  assert.equal(readOnly.severity, 'information');
  assert.equal(f.severity, undefined);
  none(hostPathWritable, text);
});

test('host-path-sensitive: the Docker socket, where read-only does not help', () => {
  const f = one(hostPathSensitive, pod('/var/run/docker.sock'));
  assert.match(
    f.message,
    /the Docker daemon's socket: full control of the node's containers\): a process in the pod can use it to run anything on the node$/,
  );
  assert.deepEqual(f.fixes, []);
});

test('host-path-writable: an ordinary host directory mounted writable; read-only is fine', () => {
  const text = pod('/var/log');
  const f = one(hostPathWritable, text);
  assert.match(f.message, /^agent mounts the node's \/var\/log writable \(volume "host"\)/);
  const fixed = applyFix(hostPathWritable, text, f, 'Mount "host" read-only');
  none(hostPathWritable, fixed);
  none(hostPathSensitive, text);
});
