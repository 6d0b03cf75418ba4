// A StatefulSet's serviceName names a Service of the same file that is not headless, or that does not
// select the StatefulSet's pods. The controller gives each pod `hostname = <pod name>` and
// `subdomain = serviceName` (statefulset stateful_set_utils.go initIdentity); DNS then serves
// `web-0.<serviceName>.<ns>.svc` only for a *headless* Service of that name that selects the pod
// (k/website dns-pod-service.md and statefulset.md). Otherwise the stable per-pod names that
// StatefulSet users rely on (peers finding each other) never resolve. kube-score checks the same
// (`statefulset-has-servicename`). A serviceName whose Service is not in the file is not judged.
import type { FileRule, Finding } from './types';
import { get, isObj, str } from './support/data';
import { namespaceOf, podTemplates, selects } from './support/templates';

export const statefulSetServiceHeadless: FileRule = {
  id: 'statefulset-service-headless',
  defaultSeverity: 'warning',
  description:
    "A StatefulSet's serviceName is a Service of the file that is not headless or does not select its pods, so the pods get no stable DNS names",
  checkFile(docs) {
    const out: { doc: number; finding: Finding }[] = [];
    if (!docs.some((d) => d.kind === 'StatefulSet')) return out;
    const templates = podTemplates(docs);
    for (const doc of docs) {
      if (doc.kind !== 'StatefulSet' || !isObj(doc.value)) continue;
      const serviceName = str(get(doc.value, ['spec', 'serviceName']));
      if (serviceName === undefined || serviceName === '') continue;
      const ns = namespaceOf(doc);
      const svc = docs.find(
        (d) => d.kind === 'Service' && str(get(d.value, ['metadata', 'name'])) === serviceName && namespaceOf(d) === ns,
      );
      if (!svc) continue;
      const setName = str(get(doc.value, ['metadata', 'name'])) ?? '';
      const clusterIP = get(svc.value, ['spec', 'clusterIP']);
      const selector = get(svc.value, ['spec', 'selector']);
      const template = templates.find((t) => t.doc === doc);
      const related = [{ range: svc.range(['metadata', 'name']), message: `Service ${serviceName}`, doc: svc.index }];
      const range = doc.range(['spec', 'serviceName']);
      if (clusterIP !== 'None') {
        out.push({
          doc: doc.index,
          finding: {
            range,
            message: `Service ${serviceName} is not headless (${clusterIP === undefined ? 'no clusterIP: None' : `clusterIP: ${typeof clusterIP === 'string' ? clusterIP : JSON.stringify(clusterIP)}`}): DNS gives the pods of StatefulSet ${setName} no names of their own (${setName}-0.${serviceName}.${ns}.svc …), only the Service's virtual IP`,
            related,
            fixesDoc: svc.index,
            fixes: [
              {
                title: `Make Service ${serviceName} headless (clusterIP: None)`,
                preferred: true,
                changes: [{ kind: 'set', path: ['spec', 'clusterIP'], value: 'None' }],
              },
            ],
          },
        });
      } else if (template && isObj(selector) && Object.keys(selector).length > 0) {
        const sel = Object.fromEntries(
          Object.entries(selector).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
        if (selects(sel, template)) continue;
        out.push({
          doc: doc.index,
          finding: {
            range,
            message: `Headless Service ${serviceName} does not select the pods of StatefulSet ${setName}, so DNS has no records for them`,
            related,
            fixes: [],
          },
        });
      }
    }
    return out;
  },
};
