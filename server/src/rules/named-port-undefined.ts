// A probe or lifecycle hook that names its port (`port: http`) when the container defines no port of that
// name. The kubelet resolves a named port in the probed container's own ports only (not the pod's), and an
// unresolved name makes every probe error out: a readiness probe never turns Ready, a hook fails.
import type { DocContext, Finding, Rule } from './types';
import { containersOf, isObj, list, portsOf, templated } from './support/data';
import { fix, type FixData } from '../../../simulator/src/index';
import { hookPorts, probePorts } from './support/probes';

export const namedPortUndefined: Rule = {
  id: 'named-port-undefined',
  defaultSeverity: 'error',
  description: "A probe or lifecycle hook uses a port name that the container's own ports do not define",
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      const all = containersOf(pod);
      for (const c of all) {
        if (c.kind === 'init' || c.kind === 'ephemeral') continue; // probes and hooks are not allowed there (init-container-probe)
        const own = portsOf(c);
        for (const ref of [...probePorts(c), ...hookPorts(c)]) {
          if (typeof ref.port !== 'string' || ref.port === '' || /^\d+$/.test(ref.port)) continue;
          if (ref.host !== undefined) continue;
          const name = ref.port;
          if (own.some((p) => p.name === name)) continue;
          // A chart template: a port whose number is templated still has its name; one whose name is
          // templated, or a list an action writes, may hold any name.
          const declared = list(c.c['ports']);
          if (declared.some((p) => (isObj(p) ? p['name'] === name || templated(p['name']) : templated(p)))) continue;
          const named = own.filter((p) => p.name !== undefined);
          const elsewhere = all
            .filter((o) => o !== c)
            .flatMap(portsOf)
            .find((p) => p.name === name);
          const use = (title: string, value: string | number, preferred: boolean) =>
            fix(title, { kind: 'set', path: ref.path, value }, preferred);
          const data: FixData[] = named
            .slice(0, 5)
            .map((p) => use(`Use port name "${p.name}" (${p.port})`, p.name as string, named.length === 1));
          if (elsewhere) data.push(use(`Use port number ${elsewhere.port}`, elsewhere.port, data.length === 0));
          else if (named.length === 0 && own.length === 1) {
            const only = own[0]!;
            data.push(use(`Use port number ${only.port}`, only.port, true));
          }
          const fixes = data;
          const theirs =
            named.length > 0
              ? `its port names: ${named.map((p) => `${p.name} (${p.port})`).join(', ')}`
              : own.length > 0
                ? 'its ports have no names'
                : 'it declares no ports';
          const extra = elsewhere
            ? `; "${name}" is a port of ${elsewhere.container.label}, but the kubelet looks names up only in the probed container's own ports`
            : '';
          out.push({
            range: doc.range(ref.path),
            message: `${ref.title} uses port name "${name}", but ${c.label} defines no port of that name (${theirs})${extra}`,
            related: relatedPorts(doc, elsewhere ? [...named, elsewhere] : named),
            fixes,
          });
        }
      }
    }
    return out;
  },
};

function relatedPorts(
  doc: DocContext,
  ports: ReturnType<typeof portsOf>,
): { range: ReturnType<DocContext['range']>; message: string }[] {
  return ports.slice(0, 10).map((p) => ({
    range: doc.range([...p.path, 'name']),
    message: `${p.container.label} names port ${p.port} "${p.name}" here`,
  }));
}
