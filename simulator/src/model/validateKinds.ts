// Object-level rules per kind (ValidatePod, ValidateDeployment, …, ValidateJob, ValidateCronJob,
// ValidateService), each in the module of its API group as validation.go has them. Called with the parsed
// object and its defaulted copy.
import type { Pod } from './podSpec';
import type { Issues } from './issues';
import { validatePodSpec } from './validatePod';
import { validateObjectMeta } from './validateMeta';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './validateApps';
import { validateCronJob, validateJob } from './validateBatch';
import { validateService } from './validateService';
import { validateConfigMap, validateSecret } from './validateConfig';
import type { Incomplete } from './partialParse';

type Obj = { readonly [k: string]: unknown };

/** Dispatches on kind; `raw` is the parsed object, `obj` its defaulted copy. */
export function validateObjectSemantics(raw: Obj, obj: Obj, issues: Issues): void {
  switch (obj['kind']) {
    case 'Pod': {
      const pod = obj as Incomplete<Pod>;
      validateObjectMeta(pod.metadata, ['metadata'], 'subdomain', issues);
      if (!pod.spec) issues.required(['spec', 'containers'], '', 'containers-required');
      else validatePodSpec(pod.spec, (raw as Incomplete<Pod>).spec, ['spec'], issues);
      return;
    }
    case 'Deployment':
      return validateDeployment(obj, raw, issues);
    case 'ReplicaSet':
      return validateReplicaSet(obj, raw, issues);
    case 'StatefulSet':
      return validateStatefulSet(obj, raw, issues);
    case 'DaemonSet':
      return validateDaemonSet(obj, raw, issues);
    case 'Job':
      return validateJob(obj, raw, issues);
    case 'CronJob':
      return validateCronJob(obj, raw, issues);
    case 'Service':
      return validateService(obj, issues);
    case 'ConfigMap':
      return validateConfigMap(obj, issues);
    case 'Secret':
      return validateSecret(obj, issues);
    default:
  }
}
