// The pod template's restartPolicy must suit the controller: Deployment, ReplicaSet, StatefulSet and
// DaemonSet pods run forever (Always only); Job and CronJob pods run to completion (OnFailure or Never; the
// pod default Always is rejected, so a Job must set it).
import type { Finding, Fix, Rule } from './types';
import { get, isObj, str, templatePath } from './support/data';
import { setScalar } from './support/edits';

const FOREVER = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
const BATCH = new Set(['Job', 'CronJob']);

export const restartPolicyInvalid: Rule = {
  id: 'restart-policy-invalid',
  defaultSeverity: 'error',
  description: "The pod template's restartPolicy is not allowed for the controller (Always for Deployments and the like; OnFailure or Never for Jobs)",
  check(doc) {
    const kind = doc.kind;
    const tpl = templatePath(kind);
    if (kind === undefined || tpl === undefined || (!FOREVER.has(kind) && !BATCH.has(kind))) return [];
    const specPath = [...tpl, 'spec'];
    const spec = get(doc.value, specPath);
    if (!isObj(spec)) return [];
    const raw = spec['restartPolicy'];
    if (raw !== undefined && typeof raw !== 'string') return [];
    const policy = str(raw);
    const policyPath = [...specPath, 'restartPolicy'];
    if (FOREVER.has(kind)) {
      if (policy === undefined || policy === 'Always') return [];
      const edit = setScalar(doc, specPath, 'restartPolicy', 'Always');
      return [{
        range: doc.range(policyPath),
        message: `A ${kind} only accepts restartPolicy Always in its pod template, not ${policy}: the API server rejects it (${kind === 'StatefulSet' || kind === 'DaemonSet' ? 'its pods run until replaced' : 'for pods that run to completion, use a Job'})`,
        fixes: edit ? [{ title: 'Set restartPolicy to Always', edits: [edit], preferred: true }] : [],
      }];
    }
    const onlyNever = isObj(get(doc.value, kind === 'Job' ? ['spec', 'podFailurePolicy'] : ['spec', 'jobTemplate', 'spec', 'podFailurePolicy']));
    if (policy === 'Never' || (policy === 'OnFailure' && !onlyNever)) return [];
    const fixes: Fix[] = [];
    for (const v of onlyNever ? ['Never'] : ['Never', 'OnFailure']) {
      const edit = setScalar(doc, specPath, 'restartPolicy', v);
      if (edit) fixes.push({ title: `Set restartPolicy to ${v}`, edits: [edit], ...(v === 'Never' ? { preferred: true } : {}) });
    }
    const finding: Finding = policy === undefined
      ? {
          range: doc.keyRange(tpl, 'spec') ?? doc.range(specPath),
          message: `A ${kind}'s pod template must set restartPolicy to OnFailure or Never: without it the pod default Always applies, which the API server rejects for a ${kind}`,
          fixes,
        }
      : {
          range: doc.range(policyPath),
          message: policy === 'OnFailure'
            ? `A ${kind} with a podFailurePolicy must use restartPolicy Never, not OnFailure: the API server rejects it (the policy judges failed pods, which OnFailure would restart in place)`
            : `A ${kind}'s pods must use restartPolicy OnFailure or Never, not ${policy}: the API server rejects it`,
          fixes,
        };
    return [finding];
  },
};
