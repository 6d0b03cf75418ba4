// The pod template of a controller (ValidatePodTemplateSpec in pkg/apis/core/validation/validation.go, with
// the restart policies each controller allows: ValidatePodTemplateSpecForReplicaSet and friends in
// pkg/apis/apps/validation, ValidateJobSpec's template checks in pkg/apis/batch/validation).
import type { PodTemplateSpec } from './podSpec';
import type { Issues, Path } from './issues';
import { fix } from './fixes';
import { validatePodSpec } from './validatePod';
import { validateTemplateMeta } from './validateMeta';
import type { Incomplete } from './partialParse';

export interface TemplateRules {
  restartPolicies: readonly string[];
  /** The policies a fix may set, the preferred one first. */
  fixPolicies: readonly string[];
  /** Volume names that come from elsewhere (StatefulSet volumeClaimTemplates), with where they are defined. */
  extraVolumes?: ReadonlyMap<string, Path>;
  forbidActiveDeadline?: boolean;
}

export function validateTemplate(
  t: Incomplete<PodTemplateSpec> | undefined,
  raw: Incomplete<PodTemplateSpec> | undefined,
  path: Path,
  rules: TemplateRules,
  issues: Issues,
): void {
  if (!t) {
    issues.required(path, '', 'template-required');
    return;
  }
  validateTemplateMeta(t.metadata, [...path, 'metadata'], issues);
  const spec = t.spec;
  if (!spec) {
    issues.required([...path, 'spec', 'containers'], '', 'containers-required');
    return;
  }
  validatePodSpec(spec, raw?.spec, [...path, 'spec'], issues, rules.extraVolumes);
  if (spec.restartPolicy && !rules.restartPolicies.includes(spec.restartPolicy)) {
    const issue = issues.unsupported(
      [...path, 'spec', 'restartPolicy'],
      spec.restartPolicy,
      rules.restartPolicies,
      'template-restart-policy',
    );
    issue.fixes = rules.fixPolicies.map((v, i) =>
      fix(`Set restartPolicy to ${v}`, { kind: 'set', path: [...path, 'spec', 'restartPolicy'], value: v }, i === 0),
    );
  }
  if (rules.forbidActiveDeadline && spec.activeDeadlineSeconds !== undefined) {
    issues.forbidden(
      [...path, 'spec', 'activeDeadlineSeconds'],
      'activeDeadlineSeconds in ReplicaSet is not Supported',
      'active-deadline',
    );
  }
}
