// What Pod Security Admission would reject or warn about, in the API server's words, on the offending field
// (simulator/src/admission: the checks and their words). Two sources of a level:
// - `podlab.podSecurity` (default baseline): PodLab warns as `kubectl` would in a namespace labelled
//   `pod-security.kubernetes.io/warn: <level>` (`would violate PodSecurity "baseline:latest": …`);
// - a `kind: Namespace` in the file with Pod Security labels, for the objects created in it: its `warn` level
//   warns the same way, and its `enforce` level is an error — the API server rejects a Pod
//   (`pods "web" is forbidden: violates PodSecurity …`) and every pod a workload's controller creates
//   (`FailedCreate`; the workload itself is accepted, with the warning).
// One finding per offending field, at the most severe level that forbids it. A hostPath volume on a path that
// host-path-sensitive reports is that rule's finding unless a namespace enforces the level (the volume is then
// rejected, which says more than "sensitive").
import {
  formatPath,
  forbiddenPodMessage,
  namespaceOf,
  namespacePolicies,
  podSecurityViolations,
  policyName,
  wouldViolateMessage,
  POD_SPEC_PATHS,
  type PodSecurityLevel,
  type PolicyLevel,
  type PssOffender,
} from '../../../simulator/src/index';
import type { DocContext, FileRule, Finding, PodSecuritySetting, RuleOptions } from './types';
import { get, isObj, str } from './support/data';
import { sensitiveHostPath } from './host-path-sensitive';
import { perDocument } from './support/perDocument';

/**
 * The violations of each pod template, per level. A file rule runs over every document on each keystroke, and
 * an unchanged document keeps its parsed value (the analysis is cached per document text), so its checks are
 * not run again: at 1,000 documents they took about 12 ms per keystroke.
 */
type Violations = ReturnType<typeof podSecurityViolations>;
const violationsOf = new WeakMap<object, Map<PodSecurityLevel, Violations>>();
function violations(template: Record<string, unknown>, level: PodSecurityLevel): Violations {
  let byLevel = violationsOf.get(template);
  if (byLevel === undefined) violationsOf.set(template, (byLevel = new Map<PodSecurityLevel, Violations>()));
  let found = byLevel.get(level);
  if (found === undefined) byLevel.set(level, (found = podSecurityViolations(template, level)));
  return found;
}

const RANK: Record<PodSecurityLevel, number> = { privileged: 0, baseline: 1, restricted: 2 };

/** The more restrictive of the namespace's `warn` level and the setting's. */
function warnLevel(warn: PolicyLevel | undefined, setting: PodSecuritySetting): PolicyLevel | undefined {
  const own: PolicyLevel | undefined = setting === 'off' ? undefined : { level: setting, version: 'latest' };
  if (warn === undefined || warn.level === 'privileged') return own;
  return own !== undefined && RANK[own.level] > RANK[warn.level] ? own : warn;
}

export const podSecurity: FileRule = {
  id: 'pod-security',
  defaultSeverity: 'warning',
  description:
    'What Pod Security Admission would reject or warn about at the `podlab.podSecurity` level, or at the level a Namespace in the file enforces (then an error)',
  checkFile(docs, options?: RuleOptions) {
    const setting = options?.podSecurity ?? 'baseline';
    const namespaces = namespacePolicies(docs.map((d) => d.value));
    const out: { doc: number; finding: Finding }[] = [];
    // The levels that apply in each namespace, once per namespace (most files have one).
    const levels = new Map<string, { enforce?: PolicyLevel; warn?: PolicyLevel; key: string }>();
    const levelsIn = (namespace: string) => {
      let l = levels.get(namespace);
      if (l === undefined) {
        const policy = namespaces.get(namespace);
        const enforce = policy?.enforce?.level === 'privileged' ? undefined : policy?.enforce;
        const warn = warnLevel(policy?.warn, setting);
        const key = `${enforce?.level}:${enforce?.version} ${warn?.level}:${warn?.version}`;
        levels.set(namespace, (l = { ...(enforce && { enforce }), ...(warn && { warn }), key }));
      }
      return l;
    };
    for (const doc of docs) {
      const specPath = doc.kind !== undefined ? POD_SPEC_PATHS[doc.kind] : undefined;
      if (specPath === undefined || !isObj(doc.value)) continue;
      const namespace = namespaceOf(doc.value);
      const { enforce, warn, key } = levelsIn(namespace);
      for (const finding of checked(doc, key, () => docFindings(doc, specPath, namespace, enforce, warn)))
        out.push({ doc: doc.index, finding });
    }
    return out;
  },
};

/** Each document's findings, for the levels its namespace enforces and warns about (at 1,000 documents the
 * rule's checks were a sixth of the diagnostics worker's time per keystroke). */
const checked = perDocument<Finding[]>();

/** `specPath`: where the kind of `doc` keeps its pod spec (POD_SPEC_PATHS). */
function docFindings(
  doc: DocContext,
  specPath: readonly string[],
  namespace: string,
  enforce: PolicyLevel | undefined,
  warn: PolicyLevel | undefined,
): Finding[] {
  const base = specPath.slice(0, -1); // the pod template: the Pod itself, or a workload's `…template`
  const template = base.length === 0 ? doc.value : get(doc.value, base);
  if (!isObj(template)) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  const report = (level: PolicyLevel, enforced: boolean) => {
    for (const v of violations(template, level.level))
      for (const { offender, text } of v.offenders) {
        const key = formatPath(offender.path);
        if (seen.has(key)) continue;
        seen.add(key);
        if (!enforced && sensitiveVolume(template, offender)) continue;
        const message = messageFor(doc, namespace, policyName(level.level, level.version), text, enforced);
        out.push(finding(doc, base, offender, message, enforced));
      }
  };
  if (enforce) report(enforce, true);
  if (warn) report(warn, false);
  return out;
}

function messageFor(doc: DocContext, namespace: string, policy: string, text: string, enforced: boolean): string {
  if (!enforced) return wouldViolateMessage(policy, text);
  const name = str(get(doc.value, ['metadata', 'name'])) ?? '';
  if (doc.kind === 'Pod') return forbiddenPodMessage(name, policy, text);
  return `${wouldViolateMessage(policy, text)}. Namespace "${namespace}" enforces it: the API server accepts the ${doc.kind}, but rejects every pod it creates (FailedCreate)`;
}

/** A hostPath volume host-path-sensitive already reports (one finding per volume). */
function sensitiveVolume(template: Record<string, unknown>, o: PssOffender): boolean {
  if (o.value !== 'hostPath') return false;
  const path = str(get(template, [...o.path, 'path']));
  return path !== undefined && sensitiveHostPath(path) !== undefined;
}

function finding(
  doc: DocContext,
  base: (string | number)[],
  o: PssOffender,
  message: string,
  enforced: boolean,
): Finding {
  const path = [...base, ...o.path];
  return {
    range: rangeOf(doc, path, o.missing === true),
    message,
    ...(enforced ? { severity: 'error' as const } : {}),
    fixes: (o.fixes ?? []).map((f) => ({
      ...f,
      changes: f.changes.map((c) => ({ ...c, path: [...base, ...c.path] })),
    })),
  };
}

/**
 * Where to show an offender: a field that is there, on its value (a mapping on its key); one that is missing,
 * on the name of the container that should set it (or the nearest part of the document that exists).
 */
function rangeOf(doc: DocContext, path: (string | number)[], missing: boolean) {
  if (missing) {
    const container = path.findIndex((p) => typeof p === 'number');
    if (container > 0) return doc.range([...path.slice(0, container + 1), 'name']);
    return doc.range(path);
  }
  const value = get(doc.value, path);
  const key = path[path.length - 1];
  if (typeof key === 'string' && (isObj(value) || Array.isArray(value)))
    return doc.keyRange(path.slice(0, -1), key) ?? doc.range(path);
  return doc.range(path);
}
