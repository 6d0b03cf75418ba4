// The effective security settings of a container (k/k pkg/securitycontext/util.go DetermineEffectiveSecurityContext,
// world-semantics §6 "Container-level settings override pod-level ones"): the pod gives runAsUser, runAsGroup and
// runAsNonRoot where the container leaves them out; fsGroup and supplementalGroups exist only on the pod;
// readOnlyRootFilesystem, privileged, allowPrivilegeEscalation and capabilities only on the container.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveSecurity, securityFieldPath } from '../../simulator/src/index';

test('container fields win, the pod fills the gaps, and each value says where it came from', () => {
  const e = effectiveSecurity({
    pod: { runAsUser: 1000, runAsGroup: 3000, runAsNonRoot: true, fsGroup: 2000, supplementalGroups: [4000] },
    container: { runAsUser: 2000, runAsNonRoot: false, readOnlyRootFilesystem: true },
  });
  assert.deepEqual(e.runAsUser, { value: 2000, from: 'container' });
  assert.deepEqual(e.runAsGroup, { value: 3000, from: 'pod' });
  assert.deepEqual(e.runAsNonRoot, { value: false, from: 'container' });
  assert.equal(e.fsGroup, 2000);
  assert.deepEqual(e.supplementalGroups, [4000]);
  assert.equal(e.readOnlyRootFilesystem, true);
  assert.equal(e.privileged, false);
  assert.equal(e.allowPrivilegeEscalation, undefined);
  assert.equal(
    securityFieldPath(e.runAsGroup.from, 'runAsGroup', { podSpec: 'spec', container: 'spec.containers[0]' }),
    'spec.securityContext.runAsGroup',
  );
});

test('nothing set: nothing effective; capabilities are named without CAP_ and upper-cased', () => {
  assert.deepEqual(effectiveSecurity({}), {
    supplementalGroups: [],
    readOnlyRootFilesystem: false,
    privileged: false,
    capabilities: { add: [], drop: [] },
  });
  const e = effectiveSecurity({ container: { capabilities: { add: ['CAP_NET_BIND_SERVICE'], drop: ['all'] } } });
  assert.deepEqual(e.capabilities, { add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
});

test('odd input reads as unset and never throws', () => {
  const e = effectiveSecurity({
    pod: { runAsUser: '1000' as unknown as number, supplementalGroups: 'x' as unknown as number[] },
    container: { privileged: 'yes' as unknown as boolean, capabilities: { add: [1 as unknown as string] } },
  });
  assert.equal(e.runAsUser, undefined);
  assert.deepEqual(e.supplementalGroups, []);
  assert.equal(e.privileged, false);
  assert.deepEqual(e.capabilities.add, []);
});
