// Variables in command/args: Kubernetes' $(VAR) expansion before the shell runs, then the shell's own $VAR from
// the container env (image-catalog.md §0.2, §0.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandKubeVars, resolveEnv } from '../../simulator/src/behaviour/infer';
import { model } from './helpers';

test('$(VAR) is expanded the Kubernetes way before the shell runs: sleep $(DELAY_START) delays the server', () => {
  const m = model({
    image: 'nginx',
    command: ['sh', '-c', 'sleep $(DELAY_START); nginx -g "daemon off;"'],
    env: [{ name: 'DELAY_START', value: '45' }],
  });
  assert.deepEqual(m.listen, [{ port: 80, afterSeconds: 45, bind: { program: 'nginx', musl: false } }]);
  assert.ok(m.paths.includes('env[0].value'));
  // nginx is the last simple command: the shell execs it, so nginx is PID 1 and handles the stop signal
  assert.deepEqual(m.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
});

test('$$(VAR) escapes, unknown references stay literally, env values reference earlier ones', () => {
  assert.equal(expandKubeVars('a $(X) $$(X) $(Y) $$ $Z', { X: '1' }), 'a 1 $(X) $(Y) $ $Z');
  assert.equal(expandKubeVars('$(X', { X: '1' }), '$(X');
  const env = resolveEnv({
    env: [
      { name: 'A', value: 'x' },
      { name: 'B', value: '$(A)-$(C)' },
      { name: 'C', value: 'c' },
      { name: 'S', valueFrom: {} },
    ],
  });
  assert.deepEqual(env, { A: 'x', B: 'x-$(C)', C: 'c' });
});

test('$VAR and ${VAR:-default} inside sh -c come from the container env', () => {
  const m = model({
    image: 'busybox',
    command: ['sh', '-c', 'sleep ${WAIT:-5}; echo ready > $OUT; sleep ${NAP}m'],
    env: [
      { name: 'OUT', value: '/tmp/state' },
      { name: 'NAP', value: '2' },
    ],
  });
  assert.deepEqual(m.files, [{ at: 5, op: 'write', path: '/tmp/state', content: 'ready\n' }]);
  assert.deepEqual(m.exit, { afterSeconds: 125, code: 0 });
});

test('a value from valueFrom is unknown: noted, and a sleep for it has an unknown length (nothing predicted from its end)', () => {
  const m = model({
    image: 'busybox',
    command: ['sleep', '$(DELAY)'],
    env: [{ name: 'DELAY', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }],
  });
  assert.equal(m.exit?.code, 0);
  assert.ok(m.notes.some((n) => n.includes('valueFrom')));
  assert.ok(m.paths.includes('env[0].valueFrom'));
  // behaviour/README "Unknown values": an exit that follows an unknown value is recorded so no prediction uses it.
  assert.deepEqual(m.assumedConditions, ['sleep <unknown>']);
});

// corpus k8s-examples nfs-busybox-deployment: `$RANDOM` makes the sleep's length unknown to the model (the
// arithmetic result is unknown, behaviour/README "Text tools"), so the loop's rate is unknown — not a busy loop.
test('a loop that sleeps for an unknown time is no busy loop and claims no rate', () => {
  const m = model({
    image: 'busybox',
    command: [
      'sh',
      '-c',
      'while true; do date > /mnt/index.html; hostname >> /mnt/index.html; sleep $(($RANDOM % 5 + 5)); done',
    ],
  });
  assert.equal(m.exit, undefined);
  assert.ok(!m.notes.some((n) => n.includes('busy loop')), m.notes.join('\n'));
  assert.ok(m.notes.some((n) => n.includes('how often it repeats is not known')));
  // The note does not present $RANDOM's stand-in value as the duration.
  assert.ok(
    m.notes.some((n) => n.startsWith('`sleep <unknown>`: the duration comes from a value')),
    m.notes.join('\n'),
  );
  assert.ok(m.files.length > 0 && m.files.every((f) => f.every === undefined));
});

test('an exit after a sleep of unknown length is not predicted from', () => {
  const m = model({ image: 'busybox', command: ['sh', '-c', 'sleep $(($RANDOM % 3)); exit 1'] });
  assert.equal(m.exit?.code, 1);
  assert.ok((m.assumedConditions ?? []).length > 0);
});
