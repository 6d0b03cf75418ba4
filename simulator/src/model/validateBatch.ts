// The batch/v1 kinds (pkg/apis/batch/validation/validation.go): ValidateJob, ValidateCronJob and the
// JobSpec they share (ValidateJobSpec, ValidateJobTemplateSpec).
import type { Job, JobSpec, CronJob } from './batch';
import type { Issues, Path } from './issues';
import { fix } from './fixes';
import { validateCronJobSchedule } from '../cluster/cron';
import { validateObjectMeta, validateTemplateMeta } from './validateMeta';
import { validateSelector } from './validateSelector';
import { validateTemplate } from './validateTemplate';
import type { Incomplete } from './partialParse';

const JOB_POLICIES = ['OnFailure', 'Never'] as const;

function jobSpec(
  s: Incomplete<JobSpec>,
  raw: Incomplete<JobSpec> | undefined,
  path: Path,
  issues: Issues,
  inCronJob: boolean,
): void {
  for (const f of [
    'parallelism',
    'completions',
    'backoffLimit',
    'activeDeadlineSeconds',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
    'maxFailedIndexes',
  ] as const) {
    issues.nonNegative([...path, f], s[f], `job-${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  }
  if (s.completionMode === 'Indexed') {
    if (s.completions === undefined)
      issues.required([...path, 'completions'], 'when completion mode is Indexed', 'job-completions');
    else if (s.completions > 100000)
      issues.invalid(
        [...path, 'completions'],
        s.completions,
        'must be less than or equal to 100000 when completion mode is Indexed',
        'job-completions',
      );
  } else if (s.backoffLimitPerIndex !== undefined) {
    issues.required(
      [...path, 'backoffLimitPerIndex'],
      'requires indexed completion mode',
      'job-backoff-limit-per-index',
    );
  }
  if (inCronJob) {
    // ValidateJobTemplateSpec (pkg/apis/batch/validation): a Job created from a template gets its own selector.
    if (s.selector)
      issues.invalid([...path, 'selector'], s.selector, '`selector` will be auto-generated', 'job-selector');
  } else if (s.manualSelector) {
    validateSelector(s.selector, s.template, 'job', path, issues);
  } else if (s.selector) {
    issues.invalid([...path, 'selector'], s.selector, '`selector` not auto-generated', 'job-selector');
    // The generated selector keeps the user's requirements (generateSelector in the Job strategy), and
    // ValidateJobSpec still checks them against the template labels.
    validateSelector(s.selector, s.template, 'job', path, issues, { emptyInvalid: false });
  }
  const never = s.podFailurePolicy ? ['Never'] : ['Never', 'OnFailure'];
  validateTemplate(
    s.template,
    raw?.template,
    [...path, 'template'],
    { restartPolicies: JOB_POLICIES, fixPolicies: never },
    issues,
  );
  const rp = s.template?.spec?.restartPolicy;
  if (s.podFailurePolicy && rp !== undefined && rp !== 'Never' && JOB_POLICIES.includes(rp as 'Never')) {
    const rpPath = [...path, 'template', 'spec', 'restartPolicy'];
    const issue = issues.invalid(
      rpPath,
      rp,
      'only "Never" is supported when podFailurePolicy is specified',
      'job-pod-failure-policy',
    );
    issue.fixes = [fix('Set restartPolicy to Never', { kind: 'set', path: rpPath, value: 'Never' }, true)];
  }
}

export function validateJob(j: Incomplete<Job>, raw: Incomplete<Job>, issues: Issues): void {
  validateObjectMeta(j.metadata, ['metadata'], 'subdomain', issues, 63);
  if (!j.spec) return void issues.required(['spec', 'template'], '', 'template-required');
  jobSpec(j.spec, raw.spec, ['spec'], issues, false);
}

export function validateCronJob(cj: Incomplete<CronJob>, raw: Incomplete<CronJob>, issues: Issues): void {
  validateObjectMeta(cj.metadata, ['metadata'], 'subdomain', issues, 52);
  const s = cj.spec;
  if (!s) return void issues.required(['spec', 'schedule'], '', 'cron-schedule');
  // A missing schedule is a structural error; the time zone is still checked.
  for (const problem of validateCronJobSchedule(s.schedule ?? '', s.timeZone)) {
    const field = problem.path === 'spec.timeZone' ? 'timeZone' : 'schedule';
    if (field === 'schedule' && s.schedule === undefined) continue;
    issues.invalid(
      ['spec', field],
      field === 'timeZone' ? (s.timeZone ?? '') : s.schedule,
      problem.message,
      'cron-schedule',
    );
  }
  issues.nonNegative(['spec', 'startingDeadlineSeconds'], s.startingDeadlineSeconds, 'cron-starting-deadline');
  issues.nonNegative(['spec', 'successfulJobsHistoryLimit'], s.successfulJobsHistoryLimit, 'cron-history-limit');
  issues.nonNegative(['spec', 'failedJobsHistoryLimit'], s.failedJobsHistoryLimit, 'cron-history-limit');
  validateTemplateMeta(s.jobTemplate?.metadata, ['spec', 'jobTemplate', 'metadata'], issues);
  const js = s.jobTemplate?.spec;
  if (!js)
    return void issues.required(
      ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers'],
      '',
      'containers-required',
    );
  jobSpec(js, raw.spec?.jobTemplate?.spec, ['spec', 'jobTemplate', 'spec'], issues, true);
}
