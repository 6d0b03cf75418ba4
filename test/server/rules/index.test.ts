// The rule registry: stable kebab-case ids, one-line descriptions, the README table, and the guard that
// keeps a throwing rule from breaking diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FILE_RULES,
  RAW_FILE_RULES,
  RAW_RULES,
  RULE_TABLE,
  RULES,
  ruleTableMarkdown,
} from '../../../server/src/rules/index';

test('every rule has a unique kebab-case id, a severity and a one-line description', () => {
  const ids = RULE_TABLE.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULE_TABLE) {
    assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.defaultSeverity));
    assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.id);
  }
  assert.equal(RULES.length, RAW_RULES.length);
  assert.equal(FILE_RULES.length, RAW_FILE_RULES.length);
  assert.ok(!ids.includes('deprecated-api-version'), 'handled by the schema layer');
});

test('the expected rules are registered', () => {
  assert.deepEqual(
    RULE_TABLE.map((r) => [r.id, r.defaultSeverity]),
    [
      ['probe-port-not-exposed', 'warning'],
      ['named-port-undefined', 'error'],
      ['probe-port-udp', 'warning'],
      ['duplicate-name', 'error'],
      ['duplicate-port', 'warning'],
      ['duplicate-env', 'warning'],
      ['volume-mount-undefined', 'error'],
      ['selector-mismatch', 'error'],
      ['restart-policy-invalid', 'error'],
      ['init-container-probe', 'error'],
      ['probe-success-threshold', 'error'],
      ['probe-identical', 'warning'],
      ['liveness-kills-before-start', 'warning'],
      ['resources-missing', 'information'],
      ['image-latest', 'warning'],
      ['bare-pod', 'information'],
      ['web-and-database-in-one-pod', 'warning'],
      ['host-path-sensitive', 'warning'],
      ['host-path-writable', 'information'],
      ['cronjob-starting-deadline', 'information'],
      ['job-ttl-missing', 'information'],
      ['replicas-not-spread', 'information'],
      ['requests-from-limits', 'information'],
      ['service-selector-unmatched', 'warning'],
      ['service-target-port-not-exposed', 'warning'],
      ['liveness-without-readiness', 'information'],
      ['statefulset-service-headless', 'warning'],
      ['probes-missing', 'information'],
      ['pod-security', 'warning'],
    ],
  );
});

test('the README table is Markdown with one row per rule', () => {
  const md = ruleTableMarkdown().split('\n');
  assert.equal(md[0], '| rule | default | what it checks |');
  assert.equal(md.length, RULE_TABLE.length + 2);
  assert.match(md[2]!, /^\| `probe-port-not-exposed` \| warning \| /);
});

test('the exported rules swallow exceptions (a broken context yields no findings)', () => {
  const hostile = new Proxy(
    {},
    {
      get: () => {
        throw new Error('boom');
      },
    },
  ) as never;
  for (const r of RULES) assert.deepEqual(r.check(hostile), []);
  for (const r of FILE_RULES) assert.deepEqual(r.checkFile([hostile]), []);
});

test('each loader code is presented by at most one rule, and the guarded rules keep their codes', () => {
  const codes = RAW_RULES.flatMap((r) => r.presents ?? []);
  assert.equal(new Set(codes).size, codes.length);
  assert.deepEqual(
    RULES.flatMap((r) => r.presents ?? []),
    codes,
  );
});
