// A probe aimed at a port that no container of the pod declares: the most common real probe mistake (the app
// listens on 8080, the liveness probe checks 8081, the kubelet restarts the container forever). Containers
// share the network namespace, so any running container's port counts (regular containers and sidecars).
import { fix, inferProcess, type ContainerLike, type FixData } from '../../../simulator/src/index';
import type { DocContext, Finding, Rule } from './types';
import { describeExposed, portsOf, runningContainers, type ContainerAt, type PortAt } from './support/data';
import { listensUndeclared, portsUnknown } from './support/listening';
import { FAILING_PROBE_OUTCOMES, probePorts, type PortRef } from './support/probes';

const MAX_FIXES = 5;

/** Ports the behaviour model says the container's process listens on, when it knows (image or command). */
function modelPorts(c: ContainerAt): { ports: number[]; what: string } | undefined {
  const m = inferProcess({ container: c.c as unknown as ContainerLike, services: [] });
  if (m.source !== 'image' && m.source !== 'command') return undefined;
  if (m.listen.length === 0) return undefined;
  return { ports: [...new Set(m.listen.map((l) => l.port))], what: m.description };
}

function declarePortFix(ref: PortRef): FixData {
  const c = ref.container;
  return fix(`Declare containerPort ${ref.port} on ${c.label}`, {
    kind: 'append',
    path: [...c.path, 'ports'],
    value: { containerPort: ref.port },
  });
}

function setPort(ref: PortRef, port: number, preferred: boolean): FixData {
  return fix(`Set the probe port to ${port}`, { kind: 'set', path: ref.path, value: port }, preferred);
}

export const probePortNotExposed: Rule = {
  id: 'probe-port-not-exposed',
  defaultSeverity: 'warning',
  causeOf: FAILING_PROBE_OUTCOMES,
  description: 'A probe checks a port number that no container of the pod declares in ports[].containerPort',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      const running = runningContainers(pod);
      if (portsUnknown(running)) continue;
      const exposed: PortAt[] = running.flatMap(portsOf);
      for (const c of running) {
        for (const ref of probePorts(c)) {
          const port = ref.port;
          if (typeof port !== 'number' || ref.host !== undefined) continue;
          if (exposed.some((p) => p.port === port)) continue;
          if (running.some((o) => listensUndeclared(o, port))) continue; // configured or built in, just not declared
          const finding = exposed.length > 0 ? notExposed(doc, ref, exposed) : noPortsDeclared(doc, { ...ref, port });
          if (finding) out.push(finding);
        }
      }
    }
    return out;
  },
};

function notExposed(doc: DocContext, ref: PortRef, exposed: PortAt[]): Finding {
  // The probed container's own ports first: the likeliest intended target.
  const ordered = [
    ...exposed.filter((p) => p.container === ref.container),
    ...exposed.filter((p) => p.container !== ref.container),
  ];
  const candidates = [...new Set(ordered.map((p) => p.port))];
  const fixes = candidates.slice(0, MAX_FIXES).map((port) => setPort(ref, port, candidates.length === 1));
  // When the probed container declares no ports itself, it may well listen on the port without declaring it:
  // say so, but only as information.
  const ownDeclared = ordered.some((p) => p.container === ref.container);
  return {
    range: doc.range(ref.path),
    message: `${ref.title} checks port ${ref.port}, but no container of the pod exposes it (${describeExposed(ordered)}${ownDeclared ? '' : `; ${ref.container.label} declares no ports`})`,
    related: ordered.slice(0, 10).map((p) => ({
      range: doc.range([...p.path, 'containerPort']),
      message: `${p.container.label} exposes ${p.port} here`,
    })),
    fixes,
    ...(ownDeclared ? {} : { severity: 'information' as const }),
  };
}

function noPortsDeclared(doc: DocContext, ref: PortRef & { port: number }): Finding | undefined {
  const model = modelPorts(ref.container);
  if (model?.ports.includes(ref.port)) return undefined; // the process is known to listen there
  const data: FixData[] = [];
  let hint = `make sure ${ref.container.label} listens on ${ref.port}, and declare it in ports[].containerPort`;
  if (model) {
    hint = `${ref.container.label} is expected to listen on ${model.ports.join(', ')} (${model.what})`;
    for (const port of model.ports.slice(0, MAX_FIXES)) data.push(setPort(ref, port, false));
  } else data.push(declarePortFix(ref));
  return {
    range: doc.range(ref.path),
    message: `${ref.title} checks port ${ref.port}, but no container of the pod declares any ports: ${hint}`,
    severity: 'information',
    fixes: data,
  };
}
