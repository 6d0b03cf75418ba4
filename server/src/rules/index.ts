// The semantic checks of the language server: one module per rule. The diagnostics pipeline imports RULES
// (per document) and FILE_RULES (per file); RULE_TABLE lists them for the README and the settings UI.
// Every rule is wrapped in the server's error guard, so that a bug in one check can never break the
// diagnostics: it then reports nothing, and the error is logged once.
import type { DocContext, FileRule, Rule, RuleOptions, RuleSeverity } from './types';
import { guarded } from '../errorGuard';
import { barePod } from './bare-pod';
import { duplicateEnv } from './duplicate-env';
import { duplicateName } from './duplicate-name';
import { duplicatePort } from './duplicate-port';
import { hostPathSensitive } from './host-path-sensitive';
import { hostPathWritable } from './host-path-writable';
import { imageLatest } from './image-latest';
import { probesMissing } from './probes-missing';
import { podSecurity } from './pod-security';
import { replicasNotSpread } from './replicas-not-spread';
import { requestsFromLimits } from './requests-from-limits';
import { cronJobStartingDeadline } from './cronjob-starting-deadline';
import { jobTtlMissing } from './job-ttl-missing';
import { statefulSetServiceHeadless } from './statefulset-service-headless';
import { initContainerProbe } from './init-container-probe';
import { livenessKillsBeforeStart } from './liveness-kills-before-start';
import { livenessWithoutReadiness } from './liveness-without-readiness';
import { namedPortUndefined } from './named-port-undefined';
import { probeIdentical } from './probe-identical';
import { probePortNotExposed } from './probe-port-not-exposed';
import { probeSuccessThreshold } from './probe-success-threshold';
import { probePortUdp } from './probe-port-udp';
import { resourcesMissing } from './resources-missing';
import { restartPolicyInvalid } from './restart-policy-invalid';
import { selectorMismatch } from './selector-mismatch';
import { serviceSelectorUnmatched } from './service-selector-unmatched';
import { serviceTargetPortNotExposed } from './service-target-port-not-exposed';
import { volumeMountUndefined } from './volume-mount-undefined';
import { webAndDatabaseInOnePod } from './web-and-database-in-one-pod';

/** The rules as written (unguarded), for tests that want a rule's exceptions to surface. */
export const RAW_RULES: readonly Rule[] = [
  probePortNotExposed,
  namedPortUndefined,
  probePortUdp,
  duplicateName,
  duplicatePort,
  duplicateEnv,
  volumeMountUndefined,
  selectorMismatch,
  restartPolicyInvalid,
  initContainerProbe,
  probeSuccessThreshold,
  probeIdentical,
  livenessKillsBeforeStart,
  resourcesMissing,
  imageLatest,
  barePod,
  webAndDatabaseInOnePod,
  hostPathSensitive,
  hostPathWritable,
  cronJobStartingDeadline,
  jobTtlMissing,
  replicasNotSpread,
  requestsFromLimits,
];

export const RAW_FILE_RULES: readonly FileRule[] = [
  serviceSelectorUnmatched,
  serviceTargetPortNotExposed,
  livenessWithoutReadiness,
  statefulSetServiceHeadless,
  probesMissing,
  podSecurity,
];

function guard(rule: Rule): Rule {
  return {
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    description: rule.description,
    ...(rule.presents ? { presents: rule.presents } : {}),
    ...(rule.causeOf ? { causeOf: rule.causeOf } : {}),
    ...(rule.statesEvidence ? { statesEvidence: rule.statesEvidence } : {}),
    check: (doc: DocContext) => guarded(`rule ${rule.id}`, [], () => rule.check(doc)),
  };
}

function guardFile(rule: FileRule): FileRule {
  return {
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    description: rule.description,
    checkFile: (docs: readonly DocContext[], options?: RuleOptions) =>
      guarded(`rule ${rule.id}`, [], () => rule.checkFile(docs, options)),
  };
}

export const RULES: Rule[] = RAW_RULES.map(guard);
export const FILE_RULES: FileRule[] = RAW_FILE_RULES.map(guardFile);

export interface RuleInfo {
  id: string;
  defaultSeverity: RuleSeverity;
  description: string;
  /** Whether the rule looks at the whole file (a FileRule) rather than one document. */
  file: boolean;
}

/** Every rule, for the README table and the settings UI. */
export const RULE_TABLE: readonly RuleInfo[] = [
  ...RAW_RULES.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, description: r.description, file: false })),
  ...RAW_FILE_RULES.map((r) => ({
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    description: r.description,
    file: true,
  })),
];

/** The rule table as Markdown (`| rule | default | what it checks |`). */
export function ruleTableMarkdown(): string {
  const rows = RULE_TABLE.map((r) => `| \`${r.id}\` | ${r.defaultSeverity} | ${r.description} |`);
  return ['| rule | default | what it checks |', '| --- | --- | --- |', ...rows].join('\n');
}
