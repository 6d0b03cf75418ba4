// A Service port whose targetPort (a number, or a port name) the selected pods do not expose. A named
// targetPort that no selected container defines gives the Service no endpoints for that port; a number that
// no container declares usually means port and targetPort were mixed up (`port: 80` with the app on 8080).
import { fix, inferProcess, type ContainerLike, type FixData, type Path } from '../../../simulator/src/index';
import type { Finding, FileRule } from './types';
import { get, int, isObj, list, portsOf, runningContainers, str, type PortAt } from './support/data';
import { listensUndeclared, portsUnknown } from './support/listening';
import { podTemplates, selects, type PodTemplate } from './support/templates';
import { servicesOf } from './service-selector-unmatched';

export const serviceTargetPortNotExposed: FileRule = {
  id: 'service-target-port-not-exposed',
  defaultSeverity: 'warning',
  description: 'A Service targetPort (number or name) is not exposed by the pods it selects',
  checkFile(docs) {
    const services = servicesOf(docs);
    if (services.length === 0) return [];
    const templates = podTemplates(docs);
    if (templates.length === 0) return [];
    const out: { doc: number; finding: Finding }[] = [];
    for (const svc of services) {
      const selected = templates.filter((t) => t.namespace === svc.namespace && selects(svc.selector, t));
      if (selected.length === 0) continue;
      if (selected.some((t) => t.pod === undefined)) continue; // a selected template has no containers yet
      const containers = selected.flatMap((t) => (t.pod ? runningContainers(t.pod) : []).map((c) => ({ c, t })));
      if (portsUnknown(containers.map((x) => x.c))) continue;
      const exposed: (PortAt & { t: PodTemplate })[] = containers.flatMap(({ c, t }) =>
        portsOf(c).map((p) => ({ ...p, t })),
      );
      const svcDoc = svc.doc;
      list(get(svcDoc.value, ['spec', 'ports'])).forEach((p, i) => {
        if (!isObj(p)) return;
        const itemPath: Path = ['spec', 'ports', i];
        const target = p['targetPort'] ?? p['port'];
        const targetPath: Path = p['targetPort'] !== undefined ? [...itemPath, 'targetPort'] : [...itemPath, 'port'];
        const setTarget = (title: string, v: number | string, preferred: boolean): FixData =>
          fix(title, { kind: 'set', path: [...itemPath, 'targetPort'], value: v }, preferred);
        const portNum = int(target);
        const portName = str(target);
        if (portNum !== undefined) {
          if (exposed.some((x) => x.port === portNum)) return;
          if (containers.some(({ c }) => listensUndeclared(c, portNum))) return; // configured or built in, just not declared
          let known = [...new Set(exposed.map((x) => x.port))];
          let severity: Finding['severity'];
          let what: string;
          if (known.length > 0) {
            what = exposed
              .map((x) => `${x.container.label} exposes ${x.port}`)
              .filter((s, j, a) => a.indexOf(s) === j)
              .join('; ');
          } else {
            // No declared ports: fall back on what the behaviour model knows the processes listen on.
            const models = containers
              .map(({ c }) => inferProcess({ container: c.c as unknown as ContainerLike, services: [] }))
              .filter((m) => m.source === 'image' || m.source === 'command');
            const listening = [...new Set(models.flatMap((m) => m.listen.map((l) => l.port)))];
            if (listening.length === 0 || listening.includes(portNum)) return;
            known = listening;
            severity = 'information';
            what = `they declare no ports; the containers are expected to listen on ${listening.join(', ')}`;
          }
          const fixes = known.slice(0, 5).map((k) => setTarget(`Set targetPort to ${k}`, k, known.length === 1));
          const implicit = p['targetPort'] === undefined ? ' (targetPort defaults to port)' : '';
          out.push({
            doc: svcDoc.index,
            finding: {
              range: svcDoc.range(targetPath),
              message: `This Service sends traffic to port ${portNum}${implicit}, but the pods it selects do not expose it (${what}): connections will be refused`,
              related: exposed.slice(0, 10).map((x) => ({
                range: x.t.doc.range([...x.path, 'containerPort']),
                message: `${x.t.title}: ${x.container.label} exposes ${x.port} here`,
                doc: x.t.doc.index,
              })),
              fixes,
              ...(severity ? { severity } : {}),
            },
          });
        } else if (portName !== undefined && portName !== '' && !/^\d+$/.test(portName)) {
          if (exposed.some((x) => x.name === portName)) return;
          const named = exposed.filter((x) => x.name !== undefined);
          const names = [...new Set(named.map((x) => x.name as string))];
          const data = names.slice(0, 5).map((n) => setTarget(`Use targetPort "${n}"`, n, names.length === 1));
          const numbers = [...new Set(exposed.map((x) => x.port))];
          if (names.length === 0 && numbers.length === 1)
            data.push(setTarget(`Set targetPort to ${numbers[0]}`, numbers[0] as number, true));
          const fixes = data;
          const theirs =
            names.length > 0
              ? `their port names: ${named
                  .map((x) => `${x.name} (${x.port})`)
                  .filter((s, j, a) => a.indexOf(s) === j)
                  .join(', ')}`
              : numbers.length > 0
                ? `their ports ${numbers.join(', ')} have no names`
                : 'they declare no ports';
          out.push({
            doc: svcDoc.index,
            finding: {
              range: svcDoc.range(targetPath),
              message: `This Service targets the port name "${portName}", but no container of the pods it selects defines a port of that name (${theirs}): the Service gets no endpoints for this port`,
              fixes,
            },
          });
        }
      });
    }
    return out;
  },
};
