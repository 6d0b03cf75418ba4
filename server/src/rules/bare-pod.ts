// A Pod created directly: nothing recreates it when it is deleted, evicted or its node fails.
import type { Rule } from './types';
import { get, isObj, list } from './support/data';

export const barePod: Rule = {
  id: 'bare-pod',
  defaultSeverity: 'information',
  description: 'A Pod without a controller is not recreated when it is deleted, evicted or its node fails',
  check(doc) {
    if (doc.kind !== 'Pod' || !isObj(doc.value)) return [];
    if (list(get(doc.value, ['metadata', 'ownerReferences'])).length > 0) return [];
    return [
      {
        range: doc.range(['kind']),
        message:
          'A bare Pod is not recreated when it is deleted, evicted or its node fails: run it from a Deployment (or a Job for work that finishes)',
      },
    ];
  },
};
