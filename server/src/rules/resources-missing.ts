// A container without resource requests or limits: the scheduler places it as if it needed nothing, it is
// the first to be evicted under node pressure (BestEffort), and it can use all of the node's memory.
import type { Finding, Rule } from './types';
import { containersOf, isObj, type ContainerAt } from './support/data';
import { fix } from '../../../simulator/src/index';

const SKELETON = { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } };

function nonEmpty(v: unknown): boolean {
  return isObj(v) && Object.keys(v).length > 0;
}

function hasResources(c: ContainerAt): boolean {
  const r = c.c['resources'];
  return isObj(r) && (nonEmpty(r['requests']) || nonEmpty(r['limits']));
}

export const resourcesMissing: Rule = {
  id: 'resources-missing',
  defaultSeverity: 'information',
  description: 'A container sets no resource requests or limits (scheduled as needing nothing, evicted first)',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      for (const c of containersOf(pod)) {
        if (c.kind === 'ephemeral' || hasResources(c)) continue;
        const range =
          c.name !== undefined ? doc.range([...c.path, 'name']) : (doc.keyRange(c.path, 'image') ?? doc.range(c.path));
        out.push({
          range,
          message: `${c.label} sets no resource requests or limits: the scheduler places it as if it needed nothing, it is evicted first when the node runs short, and it may use all of the node's memory`,
          fixes: [
            fix(
              'Add resource requests and a memory limit (100m CPU, 128Mi memory)',
              { kind: 'set', path: [...c.path, 'resources'], value: SKELETON },
              true,
            ),
          ],
        });
      }
    }
    return out;
  },
};
