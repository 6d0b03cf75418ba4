// The pod template's restartPolicy must suit the controller: Deployment, ReplicaSet, StatefulSet and
// DaemonSet pods run forever (Always only); Job and CronJob pods run to completion (OnFailure or Never; the
// pod default Always is rejected, so a Job must set it). The check is the model's (validateTemplate.ts);
// this rule says it in words and offers its fixes.
import { get, str } from './support/data';
import { presentedRule } from './support/presented';

const BATCH = new Set(['Job', 'CronJob']);

export const restartPolicyInvalid = presentedRule({
  id: 'restart-policy-invalid',
  defaultSeverity: 'error',
  description:
    "The pod template's restartPolicy is not allowed for the controller (Always for Deployments and the like; OnFailure or Never for Jobs)",
  presents: ['template-restart-policy', 'job-pod-failure-policy'],
  explain(issue, doc) {
    const kind = doc.kind ?? 'workload';
    const specPath = issue.path.slice(0, -1);
    const policy = str(get(doc.value, issue.path));
    const fixes = issue.fixes ?? [];
    if (!BATCH.has(kind)) {
      const why =
        kind === 'StatefulSet' || kind === 'DaemonSet'
          ? 'its pods run until replaced'
          : 'for pods that run to completion, use a Job';
      return [
        {
          range: doc.range(issue.path),
          message: `A ${kind} only accepts restartPolicy Always in its pod template, not ${String(policy)}: the API server rejects it (${why})`,
          fixes,
        },
      ];
    }
    if (policy === undefined) {
      return [
        {
          range: doc.keyRange(specPath.slice(0, -1), 'spec') ?? doc.range(specPath),
          message: `A ${kind}'s pod template must set restartPolicy to OnFailure or Never: without it the pod default Always applies, which the API server rejects for a ${kind}`,
          fixes,
        },
      ];
    }
    const message =
      issue.code === 'job-pod-failure-policy'
        ? `A ${kind} with a podFailurePolicy must use restartPolicy Never, not ${policy}: the API server rejects it (the policy judges failed pods, which OnFailure would restart in place)`
        : `A ${kind}'s pods must use restartPolicy OnFailure or Never, not ${policy}: the API server rejects it`;
    return [{ range: doc.range(issue.path), message, fixes }];
  },
});
