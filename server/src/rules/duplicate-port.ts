// The same containerPort/protocol declared twice (the API accepts it with the warning "duplicate port
// definition"). Within one container it is redundant; in two containers that run together it is a real
// conflict: they share the pod's network namespace, so only one process can bind the port.
import type { Finding, Rule } from './types';
import { deepEqual, get, int, portsOf, runningContainers, str, type PortAt } from './support/data';
import { fix } from '../../../simulator/src/index';

function key(doc: { value: unknown }, p: PortAt): string {
  const hostIP = str(get(doc.value, [...p.path, 'hostIP'])) ?? '';
  const hostPort = int(get(doc.value, [...p.path, 'hostPort'])) ?? 0;
  return `${p.port}/${p.protocol.toUpperCase()}/${hostIP}/${hostPort}`;
}

export const duplicatePort: Rule = {
  id: 'duplicate-port',
  defaultSeverity: 'warning',
  description:
    'The same containerPort and protocol is declared twice in a pod (two containers cannot both listen on it)',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      const seen = new Map<string, PortAt>();
      for (const p of runningContainers(pod).flatMap(portsOf)) {
        const k = key(doc, p);
        const first = seen.get(k);
        if (!first) {
          seen.set(k, p);
          continue;
        }
        const range = doc.range([...p.path, 'containerPort']);
        const firstRange = doc.range([...first.path, 'containerPort']);
        const proto = p.protocol.toUpperCase();
        if (first.container === p.container) {
          const same = deepEqual(get(doc.value, p.path), get(doc.value, first.path));
          const index = p.path[p.path.length - 1];
          out.push({
            range,
            message: `Port ${p.port}/${proto} is declared twice in ${p.container.label} (first on line ${firstRange.start.line + 1})`,
            related: [{ range: firstRange, message: `${p.port}/${proto} is first declared here` }],
            fixes:
              same && typeof index === 'number'
                ? [fix('Remove this duplicate port', { kind: 'delete', path: p.path }, true)]
                : [],
          });
        } else {
          out.push({
            range,
            message: `Port ${p.port}/${proto} is declared by both ${first.container.label} and ${p.container.label}: containers of a pod share one network namespace, so only one of them can listen on it (the other fails to bind)`,
            related: [{ range: firstRange, message: `${first.container.label} declares ${p.port}/${proto} here` }],
          });
        }
      }
    }
    return out;
  },
};
