// Running one probe against the pod as it is at that moment (kubelet-semantics.md §2.3), with the
// kubelet's output texts and, on failure, the cause: the probe field and what the pod really offers.
import type { Simulation } from './simulation';
import type { ContainerRuntime, PodRuntime, ProbeWorker } from './runtime';
import { execContext, httpStatus, listenerOn, listeningPorts } from './podView';
import { runExec } from '../behaviour/exec';
import type { Cause } from '../trace';

export interface ProbeOutcome {
  result: 'success' | 'failure' | 'error';
  message?: string;
  warning?: string;
  cause?: Cause;
}

export function runProbe(sim: Simulation, pod: PodRuntime, c: ContainerRuntime, w: ProbeWorker, now: number): ProbeOutcome {
  const p = w.probe;
  const ip = pod.ip ?? '10.244.0.1';
  const timeout = Math.max(1, p.timeoutSeconds ?? 1);
  const cause = (field: string, evidence: string): Cause => ({ doc: pod.doc, paths: [`${w.path}.${field}`], evidence });

  if (p.tcpSocket) {
    const port = resolvePort(c, p.tcpSocket.port);
    if (typeof port === 'string') return { result: 'error', message: port, cause: cause('tcpSocket.port', port) };
    if (listenerOn(pod, port, now)) return { result: 'success' };
    return {
      result: 'failure',
      message: `dial tcp ${ip}:${port}: connect: connection refused`,
      cause: cause('tcpSocket.port', refusedEvidence(pod, c, port, now)),
    };
  }
  if (p.httpGet) {
    const port = resolvePort(c, p.httpGet.port);
    if (typeof port === 'string') return { result: 'error', message: port, cause: cause('httpGet.port', port) };
    const path = p.httpGet.path ?? '/';
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${ip}:${port}${path.startsWith('/') ? path : '/' + path}`;
    const status = httpStatus(pod, port, path, now);
    if (status === 'refused') {
      return {
        result: 'failure',
        message: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused`,
        cause: cause('httpGet.port', refusedEvidence(pod, c, port, now)),
      };
    }
    if (status >= 200 && status < 400) return { result: 'success' };
    const who = listenerOn(pod, port, now)?.container.name ?? c.name;
    return {
      result: 'failure',
      message: `HTTP probe failed with statuscode: ${status}`,
      cause: cause('httpGet.path', `\`${who}\` answers ${status} on ${path}`),
    };
  }
  if (p.grpc) {
    const port = p.grpc.port;
    const l = listenerOn(pod, port, now);
    if (l === undefined) {
      return {
        result: 'failure',
        message: `timeout: failed to connect service "${ip}:${port}" within ${timeout}s: context deadline exceeded`,
        cause: cause('grpc.port', refusedEvidence(pod, c, port, now)),
      };
    }
    const grpc = l.container.process.grpc;
    if (grpc === undefined) {
      return {
        result: 'failure',
        message: 'rpc error: code = Unimplemented desc = unknown service grpc.health.v1.Health',
        cause: cause('grpc.port', `\`${l.container.name}\` listens on ${port} but serves no gRPC health service`),
      };
    }
    if (grpc.serving) return { result: 'success' };
    return { result: 'failure', message: 'service unhealthy (responded with "NOT_SERVING")', cause: cause('grpc', `the gRPC health service on ${port} answers NOT_SERVING`) };
  }
  if (p.exec) {
    const argv = p.exec.command ?? [];
    const r = runExec(argv, execContext(pod, c, now));
    if (r.kind === 'error') return { result: 'error', message: r.message, cause: cause('exec.command', r.message) };
    if (r.seconds > timeout) {
      return {
        result: 'failure',
        message: `command "${argv.join(' ')}" timed out`,
        cause: cause('exec.command', `the command takes ${r.seconds}s, longer than timeoutSeconds ${timeout}`),
      };
    }
    if (r.exitCode === 0) return { result: 'success' };
    const output = r.output.trim();
    return {
      result: 'failure',
      message: output,
      cause: cause('exec.command', `\`${argv.join(' ')}\` exits ${r.exitCode}${output ? `: ${output}` : ''}`),
    };
  }
  sim.note('warning', `a ${w.slot} probe of ${c.name} has no handler; it is treated as failing`, pod.doc);
  return { result: 'failure', message: 'probe has no handler' };
}

/** A named port is looked up in the probed container's own ports (resolveContainerPort). */
export function resolvePort(c: ContainerRuntime, port: number | string): number | string {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  const found = c.spec.ports?.find((p) => p.name === port);
  if (found === undefined) return `unable to find port "${port}" in container "${c.name}"`;
  return found.containerPort;
}

function refusedEvidence(pod: PodRuntime, c: ContainerRuntime, port: number, now: number): string {
  const open = listeningPorts(pod, now);
  if (open.length > 0) {
    const what = open.map((o) => `\`${o.container}\` listens on ${o.ports.join(', ')}`).join('; ');
    return `no container of the pod listens on ${port}; ${what}`;
  }
  const later = pod.containers
    .flatMap((x) => x.process.listen.filter((l) => l.port === port).map((l) => ({ name: x.name, after: l.afterSeconds, desc: x.process.description })))
    .find(() => true);
  if (later) return `\`${later.name}\` only listens on ${port} ${later.after}s after it starts (${later.desc})`;
  const planned = pod.containers.flatMap((x) => x.process.listen.map((l) => `\`${x.name}\` listens on ${l.port}`));
  if (planned.length > 0) return `no container of the pod listens on ${port}; ${planned.join('; ')}`;
  return `no container of the pod listens on ${port} (${c.process.description})`;
}
