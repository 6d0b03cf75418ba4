// A Job of its own (not one a CronJob makes: its history limits clean those up) without
// ttlSecondsAfterFinished: when it finishes, the Job and its pods stay in the cluster until someone deletes
// them, and applying the same manifest again does not run it again (k/website "Clean up finished jobs
// automatically", the TTL-after-finished controller). Information: keeping a finished Job can be deliberate.
import type { Rule } from './types';
import { get, isObj } from './support/data';
import { fix } from '../../../simulator/src/index';

/** One day: long enough to read the logs of a failed run. */
const SUGGESTED_TTL_SECONDS = 86_400;

export const jobTtlMissing: Rule = {
  id: 'job-ttl-missing',
  defaultSeverity: 'information',
  description: 'A Job sets no ttlSecondsAfterFinished, so the finished Job and its pods stay until deleted by hand',
  check(doc) {
    if (doc.kind !== 'Job' || !isObj(doc.value)) return [];
    const spec = get(doc.value, ['spec']);
    if (!isObj(spec) || spec['ttlSecondsAfterFinished'] !== undefined) return [];
    return [
      {
        range: doc.keyRange([], 'spec') ?? doc.range(['spec']),
        message:
          'This Job sets no ttlSecondsAfterFinished: once it finishes, the Job and its pods stay until deleted by hand, and applying the same manifest again does not run it again',
        fixes: [
          fix(
            `Delete it one day after it finishes (ttlSecondsAfterFinished: ${SUGGESTED_TTL_SECONDS})`,
            { kind: 'set', path: ['spec', 'ttlSecondsAfterFinished'], value: SUGGESTED_TTL_SECONDS },
            true,
          ),
        ],
      },
    ];
  },
};
