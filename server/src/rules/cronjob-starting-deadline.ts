// A CronJob without startingDeadlineSeconds: a run that could not start on time (the controller was down,
// or `concurrencyPolicy: Forbid` held it behind a long run) still starts whenever the controller next
// looks, however late — a nightly job can run at noon. With a deadline, a run that is later than it is
// skipped and counted as missed (cronjob_controllerv2.go nextScheduleTime / the "Job creation" section of
// k/website cron-jobs.md). kube-score checks the same (`cronjob-has-deadline`).
import type { Finding, Rule } from './types';
import { get, isObj } from './support/data';
import { fix } from '../../../simulator/src/index';

/** A deadline well above the controller's 10 s sync (cron-jobs.md warns that under 10 s a run may never start). */
const SUGGESTED_DEADLINE_SECONDS = 60;

export const cronJobStartingDeadline: Rule = {
  id: 'cronjob-starting-deadline',
  defaultSeverity: 'information',
  description:
    'A CronJob sets no startingDeadlineSeconds, so a missed run starts however late the controller gets to it',
  check(doc) {
    if (doc.kind !== 'CronJob' || !isObj(doc.value)) return [];
    const spec = get(doc.value, ['spec']);
    if (!isObj(spec) || spec['startingDeadlineSeconds'] !== undefined || spec['suspend'] === true) return [];
    const out: Finding[] = [
      {
        range: doc.keyRange(['spec'], 'schedule') ?? doc.range(['spec']),
        message: `This CronJob sets no startingDeadlineSeconds: a run that cannot start on time (the controller was down, or concurrencyPolicy: Forbid kept it waiting) starts whenever the controller gets to it, however late`,
        fixes: [
          fix(
            `Skip runs more than ${SUGGESTED_DEADLINE_SECONDS} s late (startingDeadlineSeconds: ${SUGGESTED_DEADLINE_SECONDS})`,
            { kind: 'set', path: ['spec', 'startingDeadlineSeconds'], value: SUGGESTED_DEADLINE_SECONDS },
            true,
          ),
        ],
      },
    ];
    return out;
  },
};
