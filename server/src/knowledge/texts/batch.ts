// batch/v1: Job and CronJob specs.
import { CRON_JOB_DEFAULTS, JOB_DEFAULTS } from '../../../../simulator/src/index';
import { d, type DocTable } from '../doc';

export const BATCH_TEXTS: DocTable = {
  JobSpec: {
    template: d(
      "Pod template of the Job's pods; restartPolicy must be OnFailure or Never. Required.",
      'template: { spec: { restartPolicy: Never, containers: [{ name: job, image: busybox, command: [echo, done] }] } }',
    ),
    backoffLimit: d(
      `Pod failures (or container restarts with OnFailure) allowed before the Job is marked Failed (BackoffLimitExceeded). Retries wait 10 s, 20 s, 40 s … up to 6 min. Default ${JOB_DEFAULTS.backoffLimit}.`,
      'backoffLimit: 3',
    ),
    backoffLimitPerIndex: d(
      'With completionMode Indexed: failures allowed per index before that index fails. Default: none.',
      'backoffLimitPerIndex: 1',
    ),
    maxFailedIndexes: d(
      'With backoffLimitPerIndex: the Job fails once more indexes than this have failed. Default: no limit.',
      'maxFailedIndexes: 5',
    ),
    completions: d(
      `Successful pods needed for the Job to complete. Default ${JOB_DEFAULTS.completions} (when parallelism is unset too); unset with parallelism set: done when any pod succeeds.`,
      'completions: 5',
    ),
    parallelism: d(
      `Most pods running at the same time. Default ${JOB_DEFAULTS.parallelism}; 0 pauses the Job.`,
      'parallelism: 2',
    ),
    completionMode: d(
      `Whether pods are interchangeable or each gets an index. Default ${JOB_DEFAULTS.completionMode}.`,
      'completionMode: Indexed',
      {
        NonIndexed: 'Done after `completions` successful pods, any of them (the default).',
        Indexed: 'Each pod gets an index 0…completions-1 (JOB_COMPLETION_INDEX); done when every index succeeded.',
      },
    ),
    activeDeadlineSeconds: d(
      'Time limit for the whole Job, from its start; then its pods are stopped and it fails with DeadlineExceeded. Wins over backoffLimit. Default: none (seconds).',
      'activeDeadlineSeconds: 600',
    ),
    ttlSecondsAfterFinished: d(
      'Deletes the finished Job (and its pods) this long after it completes or fails. Default: keep forever (seconds).',
      'ttlSecondsAfterFinished: 3600',
    ),
    suspend: d(
      `While true, no pods are created and running ones are stopped; the activeDeadlineSeconds timer is paused. Default ${JOB_DEFAULTS.suspend}.`,
      'suspend: true',
    ),
    podFailurePolicy: d(
      'Rules on exit codes and pod conditions that fail the Job at once, ignore a failure, or count it against backoffLimit. Needs restartPolicy Never.',
      'podFailurePolicy: { rules: [{ action: FailJob, onExitCodes: { operator: In, values: [42] } }] }',
    ),
    podReplacementPolicy: d(
      `When a replacement pod is created. Default ${JOB_DEFAULTS.podReplacementPolicy} (${JOB_DEFAULTS.podReplacementPolicyWithFailurePolicy} when a podFailurePolicy is set).`,
      'podReplacementPolicy: Failed',
      {
        TerminatingOrFailed: 'As soon as the old pod is terminating or failed.',
        Failed: 'Only once the old pod has fully terminated (phase Failed).',
      },
    ),
    successPolicy: d(
      'Declares the Job succeeded early when certain indexes succeeded (Indexed Jobs).',
      'successPolicy: { rules: [{ succeededIndexes: "0" }] }',
    ),
    selector: d(
      "Label selector of the pods; generated from the Job's UID by the API server — leave it out unless manualSelector is true.",
      'selector: { matchLabels: { job: x } }',
    ),
    manualSelector: d(
      'Lets you write the selector yourself (risky: it may match other pods). Default false.',
      'manualSelector: true',
    ),
    managedBy: d(
      'Controller that manages the Job (for external controllers such as MultiKueue). Default: the built-in Job controller.',
      'managedBy: kueue.x-k8s.io/multikueue',
    ),
  },
  PodFailurePolicy: {
    rules: d(
      'Rules checked in order for each failed pod; the first match decides. Required.',
      'rules: [{ action: Ignore, onPodConditions: [{ type: DisruptionTarget, status: "True" }] }]',
    ),
  },
  PodFailurePolicyRule: {
    action: d('What to do when the rule matches. Required.', 'action: FailJob', {
      FailJob: 'Fail the whole Job at once and stop its pods.',
      FailIndex: 'Fail only this index (needs backoffLimitPerIndex).',
      Ignore: 'Do not count the failure against backoffLimit; the pod is replaced.',
      Count: 'Count the failure against backoffLimit as usual.',
    }),
    onExitCodes: d("Matches on the exit codes of the pod's containers.", 'onExitCodes: { operator: In, values: [42] }'),
    onPodConditions: d(
      'Matches on conditions of the pod (e.g. DisruptionTarget).',
      'onPodConditions: [{ type: DisruptionTarget, status: "True" }]',
    ),
  },
  PodFailurePolicyOnExitCodesRequirement: {
    containerName: d("Only look at this container's exit code. Default: every container.", 'containerName: main'),
    operator: d('How the exit code is compared with values. Required.', 'operator: NotIn', {
      In: 'The exit code is one of the values.',
      NotIn: 'The exit code is none of the values (0 never counts).',
    }),
    values: d('Exit codes, at most 255 of them, without repeats. Required.', 'values: [1, 42]'),
  },
  PodFailurePolicyOnPodConditionsPattern: {
    type: d('Pod condition type to match. Required.', 'type: DisruptionTarget'),
    status: d('Condition status to match: "True", "False" or "Unknown". Required.', 'status: "True"'),
  },
  SuccessPolicy: {
    rules: d('Rules ORed together; the Job succeeds when one is met. Required.', 'rules: [{ succeededCount: 1 }]'),
  },
  SuccessPolicyRule: {
    succeededIndexes: d('Indexes that must succeed, as a list of ranges like "0-2,5".', 'succeededIndexes: "0-2"'),
    succeededCount: d('How many of those indexes (or of all) must succeed.', 'succeededCount: 1'),
  },
  JobTemplateSpec: {
    metadata: d(
      'Labels and annotations of the Jobs created from this template.',
      'metadata: { labels: { app: report } }',
    ),
    spec: d(
      'Spec of the Jobs created at each scheduled time.',
      'spec: { backoffLimit: 2, template: { spec: { restartPolicy: OnFailure, containers: [] } } }',
    ),
  },
  CronJobSpec: {
    schedule: d(
      'Cron schedule "minute hour day-of-month month day-of-week", or a macro like @hourly, @daily. Times follow timeZone. Required.',
      'schedule: "*/15 * * * *"',
    ),
    timeZone: d(
      "IANA time zone of the schedule. Default: the kube-controller-manager's local zone, usually UTC.",
      'timeZone: Europe/Paris',
    ),
    concurrencyPolicy: d(
      `What happens when a run is due while the previous Job is still running. Default ${CRON_JOB_DEFAULTS.concurrencyPolicy}.`,
      'concurrencyPolicy: Forbid',
      {
        Allow: 'Start the new Job anyway; runs may overlap (the default).',
        Forbid: 'Skip the new run while the previous Job is still active.',
        Replace: 'Delete the running Job and start the new one.',
      },
    ),
    suspend: d(
      `While true, no new Jobs are started (running ones continue). Default ${CRON_JOB_DEFAULTS.suspend}.`,
      'suspend: true',
    ),
    startingDeadlineSeconds: d(
      'How late a missed run may still start; runs later than this are skipped (and count as missed). Default: no deadline (seconds).',
      'startingDeadlineSeconds: 200',
    ),
    successfulJobsHistoryLimit: d(
      `How many finished successful Jobs are kept. Default ${CRON_JOB_DEFAULTS.successfulJobsHistoryLimit}.`,
      'successfulJobsHistoryLimit: 1',
    ),
    failedJobsHistoryLimit: d(
      `How many failed Jobs are kept. Default ${CRON_JOB_DEFAULTS.failedJobsHistoryLimit}.`,
      'failedJobsHistoryLimit: 3',
    ),
    jobTemplate: d(
      'The Job created at each scheduled time: its metadata and JobSpec. Required.',
      'jobTemplate: { spec: { template: { spec: { restartPolicy: OnFailure, containers: [{ name: job, image: busybox }] } } } }',
    ),
  },
};
