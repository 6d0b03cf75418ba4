// Pod Security Admission: which checks a level runs, a pod template's violations, and the API server's words
// for them (k8s.io/pod-security-admission policy/registry.go, admission/admission.go; docs/world-behaviour.md,
// "Pod Security Admission"). One evaluation serves the language server (a finding per offending field) and the
// simulator (a controller's FailedCreate when a namespace enforces the level).
import { BASELINE_CHECKS } from './pssBaseline';
import { RESTRICTED_CHECKS } from './pssRestricted';
import { isObj, type PssCheck, type PssOffender } from './pssHelpers';

export type { PssOffender } from './pssHelpers';

/** The three Pod Security Standards; `privileged` checks nothing. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';
export const POD_SECURITY_LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];

export interface PssViolation {
  /** The check's ID (`privileged`, `runAsNonRoot`, …). */
  check: string;
  /** The level the check belongs to. */
  level: 'baseline' | 'restricted';
  /** The check's words for all its offenders: `privileged (containers "a", "b" must not set …)`. */
  text: string;
  /** Each offending field, with the check's words for it alone. */
  offenders: { offender: PssOffender; text: string }[];
}

function checksOf(level: PodSecurityLevel): readonly PssCheck[] {
  if (level === 'privileged') return [];
  if (level === 'baseline') return BASELINE_CHECKS;
  // registry.go populate: the baseline checks no restricted check overrides, then the restricted ones, each
  // list in check-ID order: that is the order of the reasons in the API server's message.
  const overridden = new Set(RESTRICTED_CHECKS.flatMap((c) => c.overrides ?? []));
  return [...BASELINE_CHECKS.filter((c) => !overridden.has(c.id)), ...RESTRICTED_CHECKS];
}

function words(check: PssCheck, offenders: readonly PssOffender[]): string {
  const { reason, detail } = check.word(offenders);
  return detail === '' ? reason : `${reason} (${detail})`;
}

/**
 * What a level forbids in a pod template (`{ metadata, spec }`: a Pod, or a workload's `spec.template`): the
 * failing checks in the API server's order. Anything that is not an object checks as empty.
 */
export function podSecurityViolations(template: unknown, level: PodSecurityLevel): PssViolation[] {
  const t = isObj(template) ? template : {};
  const meta = isObj(t['metadata']) ? t['metadata'] : {};
  const spec = isObj(t['spec']) ? t['spec'] : {};
  const out: PssViolation[] = [];
  for (const check of checksOf(level)) {
    const found = check.find(meta, spec);
    if (found.length === 0) continue;
    out.push({
      check: check.id,
      level: check.level,
      text: words(check, found),
      offenders: found.map((o) => ({ offender: o, text: words(check, [o]) })),
    });
  }
  return out;
}

/** `restricted:latest`: how the messages name a policy. */
export function policyName(level: PodSecurityLevel, version = 'latest'): string {
  return `${level}:${version}`;
}

/** The reasons joined as the API server joins them (`, `). */
export function violationsText(violations: readonly PssViolation[]): string {
  return violations.map((v) => v.text).join(', ');
}

/** The rejection of a Pod: `pods "web" is forbidden: violates PodSecurity "restricted:latest": …`. */
export function forbiddenPodMessage(name: string, policy: string, detail: string): string {
  return `pods "${name}" is forbidden: violates PodSecurity "${policy}": ${detail}`;
}

/** The warning kubectl prints for a workload or a warn-level namespace: `would violate PodSecurity "…": …`. */
export function wouldViolateMessage(policy: string, detail: string): string {
  return `would violate PodSecurity "${policy}": ${detail}`;
}

// ---- namespaces ------------------------------------------------------------------------------------------------

export interface PolicyLevel {
  level: PodSecurityLevel;
  /** `latest` or `v1.N`, as the label gives it (the checks are always the `latest` policy's). */
  version: string;
}

/** A namespace's Pod Security labels (`pod-security.kubernetes.io/<mode>` and `<mode>-version`). */
export interface NamespacePolicy {
  enforce?: PolicyLevel;
  warn?: PolicyLevel;
  audit?: PolicyLevel;
}

const LABEL = 'pod-security.kubernetes.io/';
const VERSION = /^(latest|v1\.(0|[1-9]\d{0,2}))$/;

/**
 * The policy a namespace's labels set. Without a `warn` label, warn follows a set `enforce` (api/helpers.go
 * PolicyToEvaluate). An invalid level or version is left out here (PodLab does not guess what it means).
 */
export function namespacePolicy(labels: Readonly<Record<string, unknown>>): NamespacePolicy {
  const read = (mode: string): PolicyLevel | undefined => {
    const level = labels[`${LABEL}${mode}`];
    if (typeof level !== 'string' || !(POD_SECURITY_LEVELS as readonly string[]).includes(level)) return undefined;
    const version = labels[`${LABEL}${mode}-version`] ?? 'latest';
    if (typeof version !== 'string' || !VERSION.test(version)) return undefined;
    return { level: level as PodSecurityLevel, version };
  };
  const out: NamespacePolicy = {};
  const enforce = read('enforce');
  const warn = read('warn') ?? enforce;
  const audit = read('audit');
  if (enforce) out.enforce = enforce;
  if (warn) out.warn = warn;
  if (audit) out.audit = audit;
  return out;
}

/** The Pod Security policy of each `kind: Namespace` (v1) among plain objects, by namespace name. */
export function namespacePolicies(objects: readonly unknown[]): Map<string, NamespacePolicy> {
  const out = new Map<string, NamespacePolicy>();
  for (const o of objects) {
    if (!isObj(o) || o['kind'] !== 'Namespace' || o['apiVersion'] !== 'v1') continue;
    const meta = isObj(o['metadata']) ? o['metadata'] : {};
    const name = meta['name'];
    if (typeof name !== 'string') continue;
    out.set(name, namespacePolicy(isObj(meta['labels']) ? meta['labels'] : {}));
  }
  return out;
}

/** The namespace an object is created in; PodLab reads files as `kubectl apply` does in the `default` namespace. */
export function namespaceOf(object: unknown): string {
  const meta = isObj(object) && isObj(object['metadata']) ? object['metadata'] : {};
  return typeof meta['namespace'] === 'string' && meta['namespace'] !== '' ? meta['namespace'] : 'default';
}
