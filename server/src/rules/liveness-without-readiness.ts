// A serving container with a liveness probe but no readiness probe: it receives traffic as soon as it is
// running, before it can answer, and whenever it is unhealthy until the liveness probe restarts it.
// "Serving" is judged on evidence: declared ports, or a Service of the same file that selects the pod (ports
// are optional — a Service routes to its targetPort whether or not the container declares it). That needs
// the whole file, so this is a file rule.
import type { DocContext, FileRule, Finding } from './types';
import { containersOf, isObj, list, str, type ContainerAt } from './support/data';
import { fix } from '../../../simulator/src/index';
import { probeHandler } from './support/probes';
import { podTemplates, selects } from './support/templates';
import { servicesOf } from './service-selector-unmatched';
import { perDocument } from './support/perDocument';

function declaresPorts(c: ContainerAt): boolean {
  return list(c.c['ports']).length > 0;
}

export const livenessWithoutReadiness: FileRule = {
  id: 'liveness-without-readiness',
  defaultSeverity: 'information',
  description:
    'A serving container (it declares ports, or a Service of the file selects its pod) has a liveness probe but no readiness probe, so it gets traffic before it is ready',
  checkFile(docs) {
    const services = servicesOf(docs);
    const selected = new Set(
      (services.length === 0 ? [] : podTemplates(docs))
        .filter((t) => services.some((s) => s.namespace === t.namespace && selects(s.selector, t)))
        .map((t) => t.doc),
    );
    return docs.flatMap((doc) => {
      const behind = selected.has(doc);
      return checked(doc, String(behind), () => check(doc, behind)).map((finding) => ({ doc: doc.index, finding }));
    });
  },
};

/** Each document's findings, for whether a Service selects its pods (at 1,000 documents the rule's checks were
 * a quarter of the diagnostics worker's time per keystroke). */
const checked = perDocument<Finding[]>();

function check(doc: DocContext, behindService: boolean): Finding[] {
  if (doc.kind === 'Job' || doc.kind === 'CronJob') return [];
  const out: Finding[] = [];
  for (const pod of doc.podSpecs()) {
    // A file rule runs over every document on each edit: skip the common case cheaply.
    if (!list(pod.spec['containers']).some((c) => isObj(c) && c['livenessProbe'] && !c['readinessProbe'])) continue;
    const policy = str(pod.spec['restartPolicy']);
    if (policy === 'Never' || policy === 'OnFailure') continue; // run-to-completion pods serve no traffic
    for (const c of containersOf(pod)) {
      if (c.kind !== 'regular') continue;
      const live = c.c['livenessProbe'];
      if (!isObj(live) || c.c['readinessProbe'] !== undefined) continue;
      const h = probeHandler(live);
      if (!h || !(behindService || declaresPorts(c))) continue;
      out.push({
        range: doc.keyRange(c.path, 'livenessProbe') ?? doc.range([...c.path, 'livenessProbe']),
        message: `${c.label} has a liveness probe but no readiness probe: the pod receives traffic as soon as ${c.label} is running, before it can answer, and keeps receiving it while ${c.label} is unhealthy`,
        fixes: [
          fix(
            `Add a readiness probe with the same ${h.key} check`,
            { kind: 'set', path: [...c.path, 'readinessProbe'], value: { [h.key]: h.value } },
            true,
          ),
        ],
      });
    }
  }
  return out;
}
