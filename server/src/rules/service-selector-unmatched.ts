// A Service whose selector matches no pod template of the file: it gets no endpoints, and connections to it
// are refused. Judged only when the file defines at least one pod-carrying object (a file of Services alone
// selects pods defined elsewhere).
import type { FixData } from '../../../simulator/src/index';
import type { DocContext, Finding, FileRule } from './types';
import { get, isObj, str, stringMap } from './support/data';
import {
  hasLabel,
  namespaceOf,
  podTemplates,
  selects,
  undecidedNamespaces,
  type PodTemplate,
} from './support/templates';

export interface ServiceAt {
  doc: DocContext;
  selector: Record<string, string>;
  namespace: string;
}

/** The Services of a file that select pods by labels. */
export function servicesOf(docs: readonly DocContext[]): ServiceAt[] {
  const out: ServiceAt[] = [];
  for (const doc of docs) {
    if (doc.kind !== 'Service' || !isObj(doc.value)) continue;
    if (str(get(doc.value, ['spec', 'type'])) === 'ExternalName') continue;
    const selector = stringMap(get(doc.value, ['spec', 'selector']));
    if (!selector || Object.keys(selector).length === 0) continue;
    out.push({ doc, selector, namespace: namespaceOf(doc) });
  }
  return out;
}

function pairs(sel: Record<string, string>): string {
  return Object.entries(sel)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export const serviceSelectorUnmatched: FileRule = {
  id: 'service-selector-unmatched',
  defaultSeverity: 'warning',
  description: 'A Service selects no pod template of the same file, so it has no endpoints',
  checkFile(docs) {
    const services = servicesOf(docs);
    if (services.length === 0) return [];
    const templates = podTemplates(docs);
    if (templates.length === 0) return [];
    const undecided = undecidedNamespaces(docs);
    const out: { doc: number; finding: Finding }[] = [];
    for (const svc of services) {
      if (undecided.has(svc.namespace)) continue;
      const same = templates.filter((t) => t.namespace === svc.namespace);
      if (same.some((t) => selects(svc.selector, t))) continue;
      const entries = Object.entries(svc.selector);
      const score = (t: PodTemplate) => entries.filter(([k, v]) => hasLabel(t, k, v)).length;
      const otherNs = templates.find((t) => t.namespace !== svc.namespace && selects(svc.selector, t));
      const closest = [...same].sort((a, b) => score(b) - score(a))[0];
      let detail = '';
      const fixes: FixData[] = [];
      const related: Finding['related'] = [];
      if (otherNs) {
        detail = `; ${otherNs.title} has them, but in namespace ${otherNs.namespace}, and a Service only selects pods in its own namespace (${svc.namespace})`;
      } else if (closest && (score(closest) > 0 || same.length === 1)) {
        const wrong = entries.filter(([k, v]) => !hasLabel(closest, k, v));
        const parts = wrong.map(([k]) =>
          Object.prototype.hasOwnProperty.call(closest.labels, k) ? `${k}=${closest.labels[k]}` : `no "${k}" label`,
        );
        detail = ` (${closest.title} has ${parts.join(', ')})`;
        related.push({
          range: closest.doc.range(closest.labelsPath),
          message: `the pod labels of ${closest.title}`,
          doc: closest.doc.index,
        });
        if (
          wrong.every(([k]) => Object.prototype.hasOwnProperty.call(closest.labels, k)) &&
          wrong.every(([k]) => typeof get(svc.doc.value, ['spec', 'selector', k]) === 'string')
        ) {
          fixes.push({
            title: `Select the pods of ${closest.title} (${wrong.map(([k]) => `${k}: ${closest.labels[k]}`).join(', ')})`,
            changes: wrong.map(([k]) => ({
              kind: 'set' as const,
              path: ['spec', 'selector', k],
              value: closest.labels[k] as string,
            })),
            ...(same.length === 1 ? { preferred: true } : {}),
          });
        }
      }
      out.push({
        doc: svc.doc.index,
        finding: {
          range: svc.doc.keyRange(['spec'], 'selector') ?? svc.doc.range(['spec', 'selector']),
          message: `This Service selects ${pairs(svc.selector)}, but no pod template in this file has these labels${detail}: it gets no endpoints, and connections to it are refused`,
          related,
          fixes,
        },
      });
    }
    return out;
  },
};
