// wc, cut and awk as scripts use them to read counters and fields. Expected values: POSIX (wc, cut and awk in
// "Shell & Utilities", The Open Group Base Specifications Issue 7), GNU coreutils' manual for wc ("if only one
// count is printed, it is guaranteed to be printed without leading spaces"; stdin counts in width 7), busybox
// coreutils/wc.c (one count: no padding; several: "%9"). Unsupported input gives unknown output, never a guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runExec } from '../../simulator/src/behaviour/exec';
import type { ExecResult } from '../../simulator/src/behaviour/types';
import { BUSYBOX, DEBIAN, ctx, model } from './helpers';

function out(script: string, files: Record<string, string> = {}, flavour = BUSYBOX): { code: number; text: string } {
  const r: ExecResult = runExec(['sh', '-c', script], ctx({ flavour, files }));
  assert.equal(r.kind, 'exited', JSON.stringify(r));
  return r.kind === 'exited' ? { code: r.exitCode, text: r.output } : { code: -1, text: '' };
}

const f = {
  '/d/f': 'hello\nhello world\n',
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n',
};

test('wc: one count alone is not padded; a file name follows when given; stdin has none', () => {
  assert.equal(out('wc -l /d/f', f).text, '2 /d/f\n');
  assert.equal(out('wc -l < /d/f', f).text, '2\n');
  assert.equal(out('cat /d/f | wc -w', f).text, '3\n');
  assert.equal(out('wc -c < /d/f', f).text, '18\n');
  assert.equal(out('printf é | wc -c').text, '2\n', 'bytes, not characters');
});

test('wc: several counts are padded: busybox %9, GNU width 7 for stdin', () => {
  assert.equal(out('wc < /d/f', f, BUSYBOX).text, '        2         3        18\n');
  assert.equal(out('wc < /d/f', f, DEBIAN).text, '      2       3      18\n');
  assert.equal(out('wc -l /d/f /d/f', f).text, '2 /d/f\n2 /d/f\n4 total\n');
});

test('wc of a missing file fails (exit 1); of unknown input its output is unknown', () => {
  assert.equal(out('wc -l /d/none', f).code, 1);
  // An unknown count makes `[ $n -eq 2 ]` an assumption, recorded on the model.
  const m = model({ image: 'busybox:1.36', command: ['sh', '-c', 'n=$(date | wc -l); [ $n -eq 2 ] || exit 1'] });
  assert.deepEqual(m.assumedConditions?.length, 1);
});

test('cut: -d -f keeps the fields in line order, lines without the delimiter pass unless -s; -c picks characters', () => {
  assert.equal(out('cut -d: -f1,3 /etc/passwd', f).text, 'root:0\nnobody:65534\n');
  assert.equal(out('cut -d: -f3,1 /etc/passwd', f).text, 'root:0\nnobody:65534\n');
  assert.equal(out('cut -d: -f6- /etc/passwd', f).text, '/root:/bin/sh\n/:/bin/false\n');
  assert.equal(out('echo plain | cut -d: -f2').text, 'plain\n');
  assert.equal(out('echo plain | cut -s -d: -f2').text, '');
  assert.equal(out('echo abcdef | cut -c2-4').text, 'bcd\n');
  assert.equal(out('echo a:b | cut -f2 -d :').text, 'b\n');
});

test('awk: fields, -F, NR, END, patterns and printf (POSIX awk)', () => {
  assert.equal(out("wc -l /d/f | awk {'print $1'}", f).text, '2\n');
  assert.equal(out("awk -F: '{print $1, $NF}' /etc/passwd", f).text, 'root /bin/sh\nnobody /bin/false\n');
  assert.equal(out("awk 'END{print NR}' /d/f", f).text, '2\n');
  assert.equal(out("awk 'NR==2' /d/f", f).text, 'hello world\n');
  assert.equal(out("awk '/world/ {n++} END {print n+0}' /d/f", f).text, '1\n');
  assert.equal(out("printf '3\\n4\\n' | awk '{s += $1} END {print s, s/2}'").text, '7 3.5\n');
  assert.equal(out("awk -F: '$3 >= 1000 {print $1}' /etc/passwd", f).text, 'nobody\n');
  assert.equal(out('echo 3.14159 | awk \'{printf "%05.2f|%-4s|%d\\n", $1, "ab", $1}\'').text, '03.14|ab  |3\n');
  assert.equal(out('echo \'a b\' | awk \'{ if ($2 == "b") print "yes"; else print "no" }\'').text, 'yes\n');
  assert.equal(out("echo 'x y z' | awk '{print length($0), toupper($2), substr($0, 3, 3)}'").text, '5 Y y z\n');
  assert.equal(out("awk 'BEGIN { print 1 + 2 }'").text, '3\n');
  assert.equal(out("echo 5 | awk '{ exit $1 }'").code, 5);
});

test('awk: a program it does not follow (arrays, loops) gives unknown output, and comparisons on it are assumed', () => {
  const m = model({
    image: 'busybox:1.36',
    command: ['sh', '-c', 'n=$(echo a | awk \'{c[$1]++} END {for (k in c) print c[k]}\'); [ "$n" = 1 ] || exit 1'],
  });
  assert.ok(m.notes.some((n) => n.includes('awk program') && n.includes('unknown')));
  assert.equal(m.assumedConditions?.length, 1);
});

test('$((…)) expands $(…) inside it first (POSIX 2.6.4); an unknown value makes the result unknown', () => {
  assert.equal(out('echo $(( $(cat /d/f | wc -l) + 1 ))', f).text, '3\n');
  const m = model({ image: 'busybox:1.36', command: ['sh', '-c', '[ $((RANDOM % 2)) -eq 0 ] || exit 1'] });
  assert.equal(m.assumedConditions?.length, 1);
});
