// How a shell script meets SIGTERM (image-catalog.md §0.3, §3): a shell as PID 1 ignores it unless a trap says
// otherwise; exec and the last simple command replace the shell; endless loops run until stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { model } from './helpers';

test('endless loops run until stopped, their file writes repeat, and PID 1 ignores SIGTERM', () => {
  const m = model({
    image: 'nginx',
    command: ['/bin/sh', '-c', 'while true; do echo $(date) >> /mnt/out; sleep 1; done'],
  });
  assert.equal(m.exit, undefined);
  assert.deepEqual(m.files, [{ at: 0, op: 'append', path: '/mnt/out', every: 1 }]);
  assert.deepEqual(m.onStop, { action: 'ignore' });
  const colon = model({ image: 'busybox', command: ['sh', '-c', 'while :; do echo tick >> /tmp/t; sleep 5; done'] });
  assert.deepEqual(colon.files, [{ at: 0, op: 'append', path: '/tmp/t', content: 'tick\n', every: 5 }]);
  const counter = model({
    image: 'busybox:1.28',
    args: ['/bin/sh', '-c', 'i=0; while true; do\n  echo "$i" >> /var/log/1.log;\n  i=$((i+1));\n  sleep 1;\ndone\n'],
  });
  assert.equal(counter.files.length, 1);
  assert.equal(counter.files[0]!.every, 1);
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', 'while true; do sleep 3600; done'] }).exit, undefined);
  assert.equal(model({ image: 'busybox', command: ['sh', '-c', 'until false; do sleep 2; done'] }).exit, undefined);
  assert.equal(
    model({ image: 'busybox', command: ['sh', '-c', 'while true; do :; done'] }).exit,
    undefined,
    'a busy loop runs forever too',
  );
  assert.deepEqual(
    model({ image: 'busybox', command: ['sh', '-c', 'for i in 1 2 3; do sleep 10; done; exit 4'] }).exit,
    { afterSeconds: 30, code: 4 },
  );
  assert.deepEqual(
    model({ image: 'busybox', command: ['sh', '-c', 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); sleep 2; done'] }).exit,
    { afterSeconds: 6, code: 0 },
  );
});

test('tail -f /dev/null and exec tail -f: run forever, ignore SIGTERM as PID 1', () => {
  for (const command of [
    ['tail', '-f', '/dev/null'],
    ['sh', '-c', 'exec tail -f /dev/null'],
    ['sh', '-c', 'tail -F /opt/logs.txt'],
  ]) {
    const m = model({ image: 'alpine', command });
    assert.equal(m.exit, undefined, command.join(' '));
    assert.deepEqual(m.onStop, { action: 'ignore' }, command.join(' '));
  }
});

test('trap: `sleep & wait` exits at once with the trap code; a foreground sleep delays it', () => {
  const wait = model({
    image: 'ubuntu:24.04',
    command: ['bash', '-c'],
    args: ["export; trap 'exit 0' TERM; sleep 9999 & wait"],
  });
  assert.deepEqual(wait.onStop, { action: 'exit', code: 0, afterSeconds: 0 });
  assert.deepEqual(wait.exit, { afterSeconds: 9999, code: 0 });
  const fg = model({ image: 'busybox', command: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600"] });
  assert.deepEqual(
    fg.onStop,
    { action: 'exit', code: 0, afterSeconds: 3600 },
    'the trap runs only after the 3600 s sleep: with a 30 s grace, SIGKILL comes first',
  );
  const loop = model({
    image: 'busybox',
    command: ['sh', '-c', "trap 'exit 3' SIGTERM; while true; do sleep 1; done"],
  });
  assert.deepEqual(loop.onStop, { action: 'exit', code: 3, afterSeconds: 1 });
  const ignore = model(
    { image: 'busybox', command: ['sh', '-c', "trap '' TERM; sleep 5 & wait"] },
    { shareProcessNamespace: true },
  );
  assert.deepEqual(ignore.onStop, { action: 'ignore' });
});

test('PID 1: exec and the last simple command replace the shell', () => {
  assert.deepEqual(model({ image: 'nginx', command: ['sh', '-c', 'echo hi; exec nginx -g "daemon off;"'] }).onStop, {
    action: 'exit',
    code: 0,
    afterSeconds: 0,
  });
  assert.deepEqual(
    model({ image: 'nginx', command: ['sh', '-c', 'nginx -g "daemon off;"; echo done'] }).onStop,
    { action: 'ignore' },
    'nginx is a child: the shell gets the signal',
  );
  assert.deepEqual(model({ image: 'busybox', command: ['sh', '-c', 'sleep 30'] }).onStop, { action: 'ignore' });
  assert.deepEqual(
    model({ image: 'busybox', command: ['sh', '-c', 'sleep 30'] }, { shareProcessNamespace: true }).onStop,
    { action: 'exit', code: 143, afterSeconds: 0 },
  );
  // the image's STOPSIGNAL applies to whatever runs: a shell loop in the nginx image gets SIGQUIT (default action: 131)
  assert.deepEqual(
    model({ image: 'nginx', command: ['sh', '-c', 'while true; do sleep 1; done'] }, { shareProcessNamespace: true })
      .onStop,
    { action: 'exit', code: 131, afterSeconds: 0 },
  );
  assert.deepEqual(
    model(
      { image: 'nginx', command: ['sh', '-c', 'while true; do sleep 1; done'], lifecycle: { stopSignal: 'SIGTERM' } },
      { shareProcessNamespace: true },
    ).onStop,
    { action: 'exit', code: 143, afterSeconds: 0 },
  );
});
