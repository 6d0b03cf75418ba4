// batch/v1: Job and CronJob.
import { CRON_JOB_DEFAULTS, JOB_DEFAULTS } from './defaultValues';
import {
  z,
  obj,
  str,
  req,
  list,
  opt,
  optStr,
  optBool,
  optInt32,
  optInt64,
  optTime,
  optList,
  optStrList,
  optEnum,
  intList,
  status,
  type Type,
} from './primitives';
import { LabelSelectorSchema, ObjectMetaSchema } from './meta';
import { PodTemplateSpecSchema } from './podSpec';
import { ConditionWithProbeTimeSchema } from './pvc';

export const PodFailurePolicyOnExitCodesRequirementSchema = obj({
  containerName: optStr(),
  operator: req(str(), { values: ['In', 'NotIn'] }),
  values: intList('int32'),
});

export const PodFailurePolicyOnPodConditionsPatternSchema = obj({
  status: str(),
  type: str(),
});

export const PodFailurePolicyRuleSchema = obj({
  action: req(str(), { values: ['FailJob', 'FailIndex', 'Ignore', 'Count'] }),
  onExitCodes: opt(PodFailurePolicyOnExitCodesRequirementSchema),
  onPodConditions: optList(PodFailurePolicyOnPodConditionsPatternSchema),
});

export const PodFailurePolicySchema = obj({ rules: list(PodFailurePolicyRuleSchema) });

export const SuccessPolicyRuleSchema = obj({ succeededCount: optInt32(), succeededIndexes: optStr() });
export const SuccessPolicySchema = obj({ rules: list(SuccessPolicyRuleSchema) });

const jobSpecImpl = obj({
  activeDeadlineSeconds: optInt64({ unit: 'seconds' }),
  backoffLimit: optInt32({ default: JOB_DEFAULTS.backoffLimit }),
  backoffLimitPerIndex: optInt32(),
  completionMode: optEnum(['NonIndexed', 'Indexed'], { default: JOB_DEFAULTS.completionMode }),
  completions: optInt32({ default: JOB_DEFAULTS.completions }),
  managedBy: optStr(),
  manualSelector: optBool(),
  maxFailedIndexes: optInt32(),
  parallelism: optInt32({ default: JOB_DEFAULTS.parallelism }),
  podFailurePolicy: opt(PodFailurePolicySchema),
  podReplacementPolicy: optEnum(['TerminatingOrFailed', 'Failed'], { default: JOB_DEFAULTS.podReplacementPolicy }),
  selector: opt(LabelSelectorSchema, { setBy: 'api-server' }),
  successPolicy: opt(SuccessPolicySchema),
  suspend: optBool({ default: false }),
  template: PodTemplateSpecSchema,
  ttlSecondsAfterFinished: optInt32({ unit: 'seconds' }),
});
/** The zod object type of JobSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface JobSpecSchemaType extends Type<typeof jobSpecImpl> {}
export const JobSpecSchema: JobSpecSchemaType = jobSpecImpl;

export const UncountedTerminatedPodsSchema = obj({ failed: optStrList(), succeeded: optStrList() });

export const JobStatusSchema = obj({
  active: optInt32(),
  completedIndexes: optStr(),
  completionTime: optTime(),
  conditions: optList(ConditionWithProbeTimeSchema),
  failed: optInt32(),
  failedIndexes: optStr(),
  ready: optInt32(),
  startTime: optTime(),
  succeeded: optInt32(),
  terminating: optInt32(),
  uncountedTerminatedPods: opt(UncountedTerminatedPodsSchema),
});

const jobImpl = obj({
  apiVersion: z.literal('batch/v1').optional(),
  kind: z.literal('Job').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(JobSpecSchema),
  status: status(JobStatusSchema),
});
/** The zod object type of JobSchema, named so that declaration files refer to it instead of repeating it. */
export interface JobSchemaType extends Type<typeof jobImpl> {}
export const JobSchema: JobSchemaType = jobImpl;

const jobTemplateSpecImpl = obj({
  metadata: opt(ObjectMetaSchema),
  spec: opt(JobSpecSchema),
});
/** The zod object type of JobTemplateSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface JobTemplateSpecSchemaType extends Type<typeof jobTemplateSpecImpl> {}
export const JobTemplateSpecSchema: JobTemplateSpecSchemaType = jobTemplateSpecImpl;

export const ObjectReferenceSchema = obj({
  apiVersion: optStr(),
  fieldPath: optStr(),
  kind: optStr(),
  name: optStr(),
  namespace: optStr(),
  resourceVersion: optStr(),
  uid: optStr(),
});

const cronJobSpecImpl = obj({
  concurrencyPolicy: optEnum(['Allow', 'Forbid', 'Replace'], { default: CRON_JOB_DEFAULTS.concurrencyPolicy }),
  failedJobsHistoryLimit: optInt32({ default: CRON_JOB_DEFAULTS.failedJobsHistoryLimit }),
  jobTemplate: JobTemplateSpecSchema,
  schedule: str(),
  startingDeadlineSeconds: optInt64({ unit: 'seconds' }),
  successfulJobsHistoryLimit: optInt32({ default: CRON_JOB_DEFAULTS.successfulJobsHistoryLimit }),
  suspend: optBool({ default: false }),
  timeZone: optStr(),
});
/** The zod object type of CronJobSpecSchema, named so that declaration files refer to it instead of repeating it. */
export interface CronJobSpecSchemaType extends Type<typeof cronJobSpecImpl> {}
export const CronJobSpecSchema: CronJobSpecSchemaType = cronJobSpecImpl;

export const CronJobStatusSchema = obj({
  active: optList(ObjectReferenceSchema),
  lastScheduleTime: optTime(),
  lastSuccessfulTime: optTime(),
});

const cronJobImpl = obj({
  apiVersion: z.literal('batch/v1').optional(),
  kind: z.literal('CronJob').optional(),
  metadata: opt(ObjectMetaSchema),
  spec: opt(CronJobSpecSchema),
  status: status(CronJobStatusSchema),
});
/** The zod object type of CronJobSchema, named so that declaration files refer to it instead of repeating it. */
export interface CronJobSchemaType extends Type<typeof cronJobImpl> {}
export const CronJobSchema: CronJobSchemaType = cronJobImpl;

export type JobSpec = z.infer<typeof JobSpecSchema>;
export type Job = z.infer<typeof JobSchema>;
export type JobTemplateSpec = z.infer<typeof JobTemplateSpecSchema>;
export type CronJobSpec = z.infer<typeof CronJobSpecSchema>;
export type CronJob = z.infer<typeof CronJobSchema>;
