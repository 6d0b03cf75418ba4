// Shell traps on the container's stop signal and on EXIT (issue 14 item 6). Expected values come from:
// - POSIX XCU 2.11 "Signals and Error Handling": a trapped signal that arrives while the shell waits for a
//   foreground command is handled when that command completes; during the `wait` utility it makes `wait`
//   return at once with a status above 128 (bash and dash: 128 + the signal number, 143 for SIGTERM), and the
//   trap runs right after;
// - POSIX XCU `trap`: `-` resets, '' ignores, `0`/`EXIT` runs when the shell exits; the value of `$?` after the
//   action is the value it had before; a first operand that is a number resets the conditions;
// - POSIX XCU `exit`: a bare `exit` in a trap action uses the status of the command before the action;
// - docs/image-behaviour.md rule 3 (PID 1 ignores a signal it has no handler for → SIGKILL, 137) and
//   kubelet-semantics.md §3.2 (143 = 128 + SIGTERM, 137 = 128 + SIGKILL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { model } from './helpers';

const busybox = (script: string, extra = {}) => model({ image: 'busybox:1.36', command: ['sh', '-c', script] }, extra);
const rmReady = { at: 0, op: 'rm', path: '/tmp/ready' };

test('trap … TERM during `sleep infinity & wait`: the action runs at once, its files change, its exit code is the exit code', () => {
  for (const cond of ['TERM', 'SIGTERM', '15']) {
    const m = busybox(`touch /tmp/ready; trap 'rm -f /tmp/ready; exit 0' ${cond}; sleep infinity & wait`);
    assert.equal(m.exit, undefined, cond);
    assert.deepEqual(m.files, [{ at: 0, op: 'touch', path: '/tmp/ready' }], cond);
    assert.deepEqual(m.onStop, { action: 'exit', code: 0, afterSeconds: 0, files: [rmReady] }, cond);
  }
  const slow = busybox("touch /tmp/ready; trap 'rm -f /tmp/ready; sleep 5; exit 3' TERM; sleep infinity & wait");
  assert.deepEqual(slow.onStop, { action: 'exit', code: 3, afterSeconds: 5, files: [rmReady] });
});

test('an action without exit: the script goes on after the interrupted wait, with $? = 143 restored', () => {
  const last = busybox("touch /tmp/ready; trap 'rm -f /tmp/ready' TERM; sleep infinity & wait");
  assert.deepEqual(last.onStop, { action: 'exit', code: 143, afterSeconds: 0, files: [rmReady] }, 'wait was last');
  const more = busybox('trap \'echo caught\' TERM; sleep infinity & wait; echo "after $?"; exit 4');
  assert.deepEqual(more.onStop, {
    action: 'exit',
    code: 4,
    afterSeconds: 0,
    log: [{ at: 0, text: 'caught\nafter 143\n' }],
  });
  const bare = busybox("trap 'false; exit' TERM; sleep infinity & wait");
  assert.equal(bare.onStop.action === 'exit' && bare.onStop.code, 143, 'a bare exit uses $? from before the action');
  const forever = busybox("trap 'rm -f /tmp/ready' TERM; touch /tmp/ready; sleep infinity & wait; sleep infinity");
  assert.deepEqual(forever.onStop, { action: 'ignore', files: [rmReady] }, 'the script blocks again: SIGKILL (137)');
  assert.ok(!forever.notes.some((n) => n.startsWith('PID 1')), 'no "no handler" note: the handler ran');
});

test('a foreground command delays the trap until it ends; one that never ends never lets it run', () => {
  const fg = busybox("trap 'rm -f /tmp/ready; exit 0' TERM; touch /tmp/ready; sleep 600");
  assert.deepEqual(fg.onStop, {
    action: 'exit',
    code: 0,
    afterSeconds: 600,
    files: [{ at: 600, op: 'rm', path: '/tmp/ready' }],
  });
  const never = busybox("trap 'rm -f /tmp/ready; exit 0' TERM; touch /tmp/ready; sleep infinity");
  assert.deepEqual(never.onStop, { action: 'ignore' });
  assert.ok(never.notes.some((n) => n.includes('trap would run once the foreground command ends')));
});

test('endless loops: `sleep & wait` lets the trap run at once; a foreground sleep delays it by up to one sleep', () => {
  const waits = busybox("trap 'exit 0' TERM; while true; do sleep 10 & wait; done");
  assert.deepEqual(waits.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
  const fg = busybox("trap 'exit 0' TERM; while true; do sleep 10; done");
  assert.deepEqual(fg.onStop, { action: 'exit', code: 0, afterSeconds: 10 });
  const flag = busybox('trap \'running=\' TERM; running=1; while [ -n "$running" ]; do sleep 1; done; echo stopped');
  assert.deepEqual(flag.onStop, { action: 'exit', code: 0, afterSeconds: 1, log: [{ at: 1, text: 'stopped\n' }] });
});

test("trap '' ignores the signal, trap - resets it: PID 1 then waits for SIGKILL; not PID 1 dies with 143", () => {
  assert.deepEqual(busybox("trap '' TERM; sleep infinity & wait").onStop, { action: 'ignore' });
  assert.deepEqual(busybox("trap 'exit 0' TERM; trap - TERM; sleep infinity & wait").onStop, { action: 'ignore' });
  assert.deepEqual(busybox("trap 'exit 0' TERM; trap 15; sleep infinity & wait").onStop, { action: 'ignore' });
  const shared = { shareProcessNamespace: true };
  assert.deepEqual(busybox("trap 'exit 0' TERM; trap - TERM; sleep 5 & wait", shared).onStop, {
    action: 'exit',
    code: 143,
    afterSeconds: 0,
  });
  assert.deepEqual(busybox("trap '' TERM; sleep 5 & wait", shared).onStop, { action: 'ignore' });
});

test('EXIT (0) traps run when the script ends, by itself or through the TERM action', () => {
  const lock = busybox("trap 'rm -f /tmp/lock' EXIT; touch /tmp/lock; sleep 5");
  assert.deepEqual(lock.exit, { afterSeconds: 5, code: 0 });
  assert.deepEqual(lock.files, [
    { at: 0, op: 'touch', path: '/tmp/lock' },
    { at: 5, op: 'rm', path: '/tmp/lock' },
  ]);
  assert.equal(busybox("trap 'exit 7' 0; true").exit?.code, 7, '`exit N` in the EXIT action sets the status');
  assert.equal(busybox("trap 'echo bye' EXIT; exit 3").exit?.code, 3, 'without exit the status stays');
  const both = busybox("trap 'echo cleanup' INT TERM EXIT; sleep infinity & wait");
  assert.deepEqual(both.onStop, {
    action: 'exit',
    code: 143,
    afterSeconds: 0,
    log: [{ at: 0, text: 'cleanup\ncleanup\n' }],
  });
});

test("a set trap keeps the shell as PID 1: the last command is not exec'd", () => {
  const plain = model({ image: 'nginx:1.27', command: ['sh', '-c', "nginx -g 'daemon off;'"] });
  assert.equal(plain.onStop.action, 'exit', 'exec: nginx is PID 1 and handles its stop signal');
  const trapped = model({ image: 'nginx:1.27', command: ['sh', '-c', "trap 'echo bye' EXIT; nginx -g 'daemon off;'"] });
  assert.deepEqual(trapped.onStop, { action: 'ignore' }, 'the shell is PID 1 with no handler for SIGQUIT');
});

test('a condition that is not a signal: the shell says so and goes on with status 1', () => {
  for (const image of ['busybox:1.36', 'debian:12', 'ubuntu:24.04']) {
    const shell = image.startsWith('ubuntu') ? 'bash' : 'sh';
    const m = model({ image, command: [shell, '-c', "trap 'exit 0' BOGUS; echo status $?"] });
    assert.match(m.log?.map((w) => w.text).join('') ?? '', /trap: .*BOGUS.*\nstatus 1\n$/, image);
  }
  const bash = model({ image: 'ubuntu:24.04', command: ['bash', '-c', "trap 'exit 0' BOGUS"] });
  assert.equal(bash.log?.[0]?.text, 'bash: line 1: trap: BOGUS: invalid signal specification\n');
});

// The signal-forwarding idiom: PID 1 is a shell that traps SIGTERM and passes it on to its background job.
// `wait PID` returns that job's status; a job (not PID 1) without a handler dies from SIGTERM: 128 + 15.
test("forwarding: the action kills the background job and waits for it; wait PID gives the job's status", () => {
  const fwd = busybox("trap 'kill $child; wait $child; exit 0' TERM; sleep infinity & child=$!; wait $child");
  assert.deepEqual(fwd.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
  const status = busybox("trap 'kill -TERM $pid' TERM; sleep infinity & pid=$!; wait $pid; wait $pid; exit $?");
  assert.deepEqual(status.onStop, { action: 'exit', code: 143, afterSeconds: 0 });
  const nine = busybox("trap 'kill -9 %1; wait %1; echo $?' TERM; sleep infinity & wait");
  assert.deepEqual(nine.onStop, { action: 'exit', code: 143, afterSeconds: 0, log: [{ at: 0, text: '137\n' }] });
  const other = busybox('sleep 100 & a=$!; sleep 5 & b=$!; wait $b; echo $?');
  assert.deepEqual(other.exit, { afterSeconds: 5, code: 0 }, 'wait for one job does not wait for the other');
});
