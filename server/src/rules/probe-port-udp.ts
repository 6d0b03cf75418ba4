// A probe or network hook aimed at a port that the pod declares only for UDP (or SCTP). httpGet, tcpSocket
// and grpc handlers all open a TCP connection, and the kubelet resolves a port name without looking at the
// protocol (pkg/probe/util.go findPortByName returns the first port of that name). So a readiness probe on
// the `dns` port of a DNS server that declares `53/UDP` knocks on 53/TCP, where nothing listens: the probe is
// refused every time.
import { fix, type FixData } from '../../../simulator/src/index';
import type { DocContext, Finding, Rule } from './types';
import { isObj, list, portsOf, runningContainers, type PortAt } from './support/data';
import { listensUndeclared, portsUnknown } from './support/listening';
import { FAILING_PROBE_OUTCOMES, hookPorts, probePorts, type PortRef } from './support/probes';

const MAX_FIXES = 5;

/** The port number the kubelet connects to, as findPortByName resolves it (undefined: not resolvable here). */
function resolvedPort(ref: PortRef): number | undefined {
  if (typeof ref.port === 'number') return ref.port;
  if (/^\d+$/.test(ref.port)) return Number(ref.port); // findPortByName's "last ditch" Atoi
  return portsOf(ref.container).find((p) => p.name === ref.port)?.port;
}

function nonTcpDeclared(spec: Record<string, unknown>): boolean {
  return ['containers', 'initContainers'].some((key) =>
    list(spec[key]).some(
      (c) =>
        isObj(c) && list(c['ports']).some((p) => isObj(p) && p['protocol'] !== undefined && p['protocol'] !== 'TCP'),
    ),
  );
}

export const probePortUdp: Rule = {
  id: 'probe-port-udp',
  defaultSeverity: 'warning',
  causeOf: FAILING_PROBE_OUTCOMES,
  description: 'A probe or hook connects over TCP to a port that the pod declares only for UDP or SCTP',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      // Runs on every document: leave at once when no container declares a non-TCP port.
      if (!nonTcpDeclared(pod.spec)) continue;
      const running = runningContainers(pod);
      if (portsUnknown(running)) continue;
      const declared: PortAt[] = running.flatMap(portsOf);
      for (const c of running) {
        for (const ref of [...probePorts(c), ...hookPorts(c)]) {
          if (ref.host !== undefined) continue; // the check goes to another host, whose ports we do not know
          const port = resolvedPort(ref);
          if (port === undefined) continue; // an undefined name is named-port-undefined's finding
          const same = declared.filter((p) => p.port === port);
          if (same.length === 0 || same.some((p) => p.protocol === 'TCP')) continue; // probe-port-not-exposed, or fine
          if (running.some((o) => listensUndeclared(o, port))) continue; // evidence of a TCP listener anyway
          out.push(finding(doc, ref, port, same, declared));
        }
      }
    }
    return out;
  },
};

function finding(doc: DocContext, ref: PortRef, port: number, same: PortAt[], declared: PortAt[]): Finding {
  const protocols = [...new Set(same.map((p) => p.protocol))].join('/');
  const how =
    ref.handler === 'httpGet' ? 'an HTTP request' : ref.handler === 'grpc' ? 'a gRPC call' : 'a TCP connection';
  const byName = typeof ref.port === 'string' && !/^\d+$/.test(ref.port);
  const target = byName ? `port "${ref.port}" (${port})` : `port ${port}`;
  // The probed container's own TCP ports first (the likeliest intended target), and among them one of the
  // same number (the usual `dns` 53/UDP + `dns-tcp` 53/TCP pair).
  const tcp = declared.filter((p) => p.protocol === 'TCP');
  const own = tcp.filter((p) => p.container === ref.container);
  const pool = own.length > 0 ? own : tcp;
  const ordered = [...pool.filter((p) => p.port === port), ...pool.filter((p) => p.port !== port)].filter(
    (p, i, a) => a.findIndex((q) => q.port === p.port) === i,
  );
  const candidates = ordered.slice(0, MAX_FIXES);
  const preferred = (p: PortAt) => p.port === port || candidates.length === 1;
  const data: FixData[] = candidates.map((p) => {
    const useName = byName && p.name !== undefined && p.container === ref.container;
    return useName
      ? fix(
          `Use port name "${p.name}" (${p.port}/TCP)`,
          { kind: 'set', path: ref.path, value: p.name as string },
          preferred(p),
        )
      : fix(`Use port ${p.port} (TCP)`, { kind: 'set', path: ref.path, value: p.port }, preferred(p));
  });
  return {
    range: doc.range(ref.path),
    message: `${ref.title} sends ${how} to ${target}, but the pod declares ${port} only for ${protocols}: probes and hooks always connect over TCP, so nothing answers and every check fails`,
    related: same.slice(0, 10).map((p) => ({
      range: doc.range([...p.path, 'protocol']),
      message: `${p.container.label} declares ${p.port}/${p.protocol} here`,
    })),
    fixes: data,
  };
}
